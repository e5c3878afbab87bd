package io.persession.perf;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The DuckDB side of {@code perf/compare.sh}: sessionizes a canonical CSV with one window-function query
 * over DuckDB's JDBC driver (in-memory database, {@code SET threads=2}) and prints one line
 * {@code rows=N rejected=N events=N sessions=N revenue=D}.
 *
 * <p>Semantics: persession's {@code timeout} definition (a new session after a gap longer than 30 minutes;
 * exactly 30:00 continues), bots included, with persession's input rules as far as the demo log exercises
 * them: a row is rejected when its timestamp is not ISO-8601, its visitor_id or event is empty, its revenue
 * is not a non-negative decimal or sits on a non-money event, or its currency is not EUR; accepted rows are
 * de-duplicated by event_id (the first row in file order wins), then purchases by order_id. Revenue is
 * purchases plus ad requests and impressions minus refunds.
 *
 * <p>With {@code --definition ua} (and {@code --option zone=...}, {@code --option internal-hosts=...}) it runs
 * persession's {@code ua} definition instead, see {@link DuckDbUaSessionize}.
 *
 * <p>Usage: {@code DuckDbSessionize FILE [THREADS] [--definition timeout|ua] [--option NAME=VALUE]...}.
 */
public final class DuckDbSessionize {
    static final String QUERY = """
            WITH raw AS (
              SELECT row_number() OVER () AS rn, *
              FROM read_csv(?, header = true, all_varchar = true, null_padding = true, quote = '"', escape = '"')
            ), parsed AS (
              SELECT rn,
                     NULLIF(trim(visitor_id), '') AS visitor,
                     NULLIF(lower(trim(event)), '') AS ev,
                     epoch_ms(TRY_CAST(trim("timestamp") AS TIMESTAMPTZ)) AS ts,
                     NULLIF(trim(revenue), '') AS rev_text,
                     NULLIF(trim(currency), '') AS cur,
                     NULLIF(trim(event_id), '') AS eid,
                     NULLIF(trim(order_id), '') AS oid
              FROM raw
            ), checked AS (
              SELECT *, TRY_CAST(rev_text AS DECIMAL(18, 6)) AS rev,
                     ev IN ('purchase', 'refund', 'ad_request', 'ad_impression') AS money
              FROM parsed
            ), accepted AS (
              SELECT * FROM checked
              WHERE ts IS NOT NULL AND visitor IS NOT NULL AND ev IS NOT NULL
                AND (rev_text IS NULL OR (money AND rev IS NOT NULL AND rev >= 0))
                AND (cur IS NULL OR cur = 'EUR')
            ), by_event_id AS (
              SELECT * FROM accepted
              QUALIFY eid IS NULL OR row_number() OVER (PARTITION BY eid ORDER BY rn) = 1
            ), deduped AS (
              SELECT * FROM by_event_id
              QUALIFY ev <> 'purchase' OR oid IS NULL OR row_number() OVER (PARTITION BY ev, oid ORDER BY rn) = 1
            ), flagged AS (
              SELECT ev, rev,
                     CASE WHEN LAG(ts) OVER w IS NULL OR ts - LAG(ts) OVER w > 1800000 THEN 1 ELSE 0 END AS new_session
              FROM deduped
              WINDOW w AS (PARTITION BY visitor ORDER BY ts, rn)
            )
            SELECT (SELECT count(*) FROM raw) AS row_count,
                   (SELECT count(*) FROM raw) - (SELECT count(*) FROM accepted) AS rejected,
                   count(*) AS events,
                   sum(new_session) AS sessions,
                   sum(CASE WHEN ev IN ('purchase', 'ad_request', 'ad_impression') THEN coalesce(rev, 0)
                            WHEN ev = 'refund' THEN -coalesce(rev, 0) ELSE 0 END) AS revenue
            FROM flagged
            """;

    private DuckDbSessionize() {
    }

    public static void main(String[] args) throws SQLException {
        String file = null;
        int threads = 2;
        String definition = "timeout";
        Map<String, String> options = new LinkedHashMap<>();
        int positional = 0;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--definition") && i + 1 < args.length) {
                definition = args[++i];
            } else if (a.equals("--option") && i + 1 < args.length && args[i + 1].indexOf('=') > 0) {
                String kv = args[++i];
                options.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
            } else if (!a.startsWith("--") && positional == 0) {
                file = a;
                positional++;
            } else if (!a.startsWith("--") && positional == 1) {
                threads = Integer.parseInt(a);
                positional++;
            } else {
                usage();
            }
        }
        if (file == null || !(definition.equals("timeout") && options.isEmpty() || definition.equals("ua"))) {
            usage();
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            try (Statement s = c.createStatement()) {
                s.execute("SET threads = " + threads);
                s.execute("SET TimeZone = 'UTC'");
            }
            if (definition.equals("ua")) {
                DuckDbUaSessionize.Result r = DuckDbUaSessionize.run(c, file, options);
                System.out.printf(Locale.ROOT, "rows=%d rejected=%d events=%d sessions=%d revenue=%s%n",
                        r.rows(), r.rejected(), r.events(), r.sessions(), r.revenue().toPlainString());
                System.err.println("duckdb ua: session starts " + r.starts() + ", fixpoint after " + r.passes() + " passes");
                return;
            }
            try (PreparedStatement p = c.prepareStatement(QUERY)) {
                p.setString(1, file);
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    BigDecimal revenue = r.getBigDecimal("revenue");
                    System.out.printf(Locale.ROOT, "rows=%d rejected=%d events=%d sessions=%d revenue=%s%n",
                            r.getLong("row_count"), r.getLong("rejected"), r.getLong("events"), r.getLong("sessions"),
                            revenue == null ? "0" : revenue.toPlainString());
                }
            }
        }
    }

    private static void usage() {
        System.err.println("usage: DuckDbSessionize FILE [THREADS] [--definition timeout|ua] [--option NAME=VALUE]..."
                + " (options only for ua: zone, internal-hosts)");
        System.exit(2);
    }
}

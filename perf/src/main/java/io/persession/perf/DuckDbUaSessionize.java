package io.persession.perf;

import io.persession.definitions.MidnightRule;
import io.persession.definitions.ReferralRule;
import io.persession.definitions.UniversalAnalyticsDefinitionProvider;
import io.persession.spi.SessionDefinition;
import io.persession.spi.SessionRule;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code ua} definition (Universal Analytics) on the DuckDB side of {@code perf/compare.sh}: exactly
 * persession's semantics, with window functions. See {@code perf/README.md} ("The ua query") for why the
 * window formulation is exact.
 *
 * <p>Per visitor, events in (time, file position) order; a new session at the first event, after a gap of
 * 30 minutes or more, when the local date (in the zone option) changes, when a non-direct traffic source
 * differs from the session's entry source (campaign), or when an external referrer's registrable domain
 * differs from the session's entry referrer's (referral). The last two depend on where the current session
 * started, which itself depends on earlier campaign and referral starts; the query expresses each rule
 * through "the last earlier event that was non-direct / external or a session start" (window functions over
 * the candidate events) and is evaluated as a fixpoint: starting from the rule-independent starts (first,
 * timeout, midnight), each pass recomputes every start from the previous pass's starts; since an event's
 * decision depends only on earlier events, a pass that changes nothing has reached persession's exact
 * answer (2 passes on the demo log). {@code DUCKDB_UA_TRACE=1} prints the time of each step on stderr.
 *
 * <p>Registrable domains (Guava's public suffix list) and host parsing come from persession's own
 * {@code Hosts}, called in Java once per distinct referrer and page URL and handed to DuckDB as a table.
 */
final class DuckDbUaSessionize {
    private static final long TIMEOUT_MILLIS = 30 * 60 * 1000L;
    private static final String PLACEHOLDERS = "('', '(direct)', '(none)', '(not set)', '(not provided)')";

    private DuckDbUaSessionize() {
    }

    /** rows, rejected, events, sessions, revenue, and the starts by reason. */
    record Result(long rows, long rejected, long events, long sessions, java.math.BigDecimal revenue,
                  Map<String, Long> starts, int passes) {
    }

    private static final boolean TRACE = System.getenv("DUCKDB_UA_TRACE") != null;
    private static long t0 = System.nanoTime();

    private static void trace(String what) {
        if (TRACE) {
            long t = System.nanoTime();
            System.err.printf(java.util.Locale.ROOT, "  %-10s %6d ms%n", what, (t - t0) / 1_000_000);
            t0 = t;
        }
    }

    static Result run(Connection c, String file, Map<String, String> options) throws SQLException {
        SessionDefinition def = new UniversalAnalyticsDefinitionProvider().create(options);
        ZoneId zone = null;
        ReferralRule referral = null;
        for (SessionRule r : def.rules()) {
            if (r instanceof MidnightRule m) {
                zone = m.zone();
            } else if (r instanceof ReferralRule rr) {
                referral = rr;
            }
        }
        if (zone == null || referral == null) {
            throw new IllegalStateException("ua without midnight or referral rule: " + def.rules());
        }
        HostsAccess hosts = new HostsAccess(new ArrayList<>(referral.internalHosts()));

        try (Statement s = c.createStatement()) {
            s.execute("CREATE MACRO norm(x) AS CASE WHEN lower(trim(x)) IN " + PLACEHOLDERS + " THEN NULL ELSE trim(x) END");
            // 1. Parse every row once (rejects as for timeout), keeping only the columns the rules read.
            try (PreparedStatement p = c.prepareStatement("""
                    CREATE TABLE parsed AS
                    WITH raw AS (
                      SELECT row_number() OVER () AS rn, *
                      FROM read_csv(?, header = true, all_varchar = true, null_padding = true, quote = '"', escape = '"')
                    ), p AS (
                      SELECT rn,
                             NULLIF(trim(visitor_id), '') AS visitor,
                             NULLIF(lower(trim(event)), '') AS ev,
                             TRY_CAST(trim("timestamp") AS TIMESTAMPTZ) AS tstz,
                             NULLIF(trim(revenue), '') AS rev_text,
                             NULLIF(trim(currency), '') AS cur,
                             NULLIF(trim(event_id), '') AS eid,
                             NULLIF(trim(order_id), '') AS oid,
                             norm(source) AS s1, norm(medium) AS s2, norm(campaign) AS s3, norm(term) AS s4,
                             norm(content) AS s5, norm(click_id) AS s6,
                             NULLIF(trim(referrer), '') AS ref,
                             NULLIF(trim(page), '') AS page
                      FROM raw
                    ), q AS (
                      SELECT *, TRY_CAST(rev_text AS DECIMAL(18, 6)) AS rev,
                             ev IN ('purchase', 'refund', 'ad_request', 'ad_impression') AS money
                      FROM p
                    )
                    SELECT rn, visitor, ev, epoch_ms(tstz) AS ts, LOCALDAY AS lday, rev, eid, oid, ref, page,
                           CASE WHEN s1 IS NULL AND s2 IS NULL AND s3 IS NULL AND s4 IS NULL AND s5 IS NULL AND s6 IS NULL
                                THEN NULL
                                ELSE concat_ws(chr(31), coalesce(s1, chr(30)), coalesce(s2, chr(30)), coalesce(s3, chr(30)),
                                               coalesce(s4, chr(30)), coalesce(s5, chr(30)), coalesce(s6, chr(30))) END AS src,
                           coalesce(tstz IS NOT NULL AND visitor IS NOT NULL AND ev IS NOT NULL
                             AND (rev_text IS NULL OR (money AND rev IS NOT NULL AND rev >= 0))
                             AND (cur IS NULL OR cur = 'EUR'), false) AS ok
                    FROM q
                    """.replace("LOCALDAY", localDay(zone)))) {
                p.setString(1, file);
                p.execute();
            }
            trace("parsed");
            long rows;
            long rejected;
            try (ResultSet r = s.executeQuery("SELECT count(*), count(*) FILTER (WHERE NOT ok) FROM parsed")) {
                r.next();
                rows = r.getLong(1);
                rejected = r.getLong(2);
            }
            // 2. Hosts and registrable domains of every distinct referrer and page, with persession's code.
            s.execute("CREATE TABLE urls (u VARCHAR, dom VARCHAR, internal BOOLEAN)");
            List<String> urls = new ArrayList<>();
            try (ResultSet r = s.executeQuery(
                    "SELECT ref FROM parsed WHERE ok AND ref IS NOT NULL UNION SELECT page FROM parsed WHERE ok AND page IS NOT NULL")) {
                while (r.next()) {
                    urls.add(r.getString(1));
                }
            }
            try (DuckDBAppender a = ((DuckDBConnection) c).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "urls")) {
                for (String u : urls) {
                    String host = hosts.host(u);
                    if (host != null) {
                        a.beginRow().append(u).append(hosts.registrableDomain(host)).append(hosts.isInternal(host)).endRow();
                    }
                }
            }
            trace("urls");
            // 3. De-duplicate, attach domains, and the rule-independent starts (1 first, 2 timeout, 3 midnight).
            s.execute("""
                    CREATE TABLE ev AS
                    WITH a AS (
                      SELECT rn, visitor, ts, lday, ev, rev, oid FROM parsed WHERE ok
                      QUALIFY eid IS NULL OR row_number() OVER (PARTITION BY eid ORDER BY rn) = 1
                    ), d AS (
                      SELECT rn, visitor, ts, lday, ev, rev FROM a
                      QUALIFY ev <> 'purchase' OR oid IS NULL OR row_number() OVER (PARTITION BY ev, oid ORDER BY rn) = 1
                    ), g AS (
                      SELECT rn, visitor, ts, ev, rev,
                             CAST(CASE WHEN prev_ts IS NULL THEN 1 WHEN ts - prev_ts >= %d THEN 2
                                       WHEN lday <> prev_lday THEN 3 ELSE 0 END AS TINYINT) AS lr
                      FROM (SELECT *, LAG(ts) OVER w AS prev_ts, LAG(lday) OVER w AS prev_lday
                            FROM d WINDOW w AS (PARTITION BY visitor ORDER BY ts, rn))
                    )
                    SELECT g.visitor, g.ts, g.rn, g.ev, g.rev, p.src,
                           CASE WHEN NOT r.internal THEN r.dom END AS rd,
                           r.dom AS rdom,
                           pg.dom AS pdom,
                           g.lr
                    FROM g JOIN parsed p ON p.rn = g.rn
                    LEFT JOIN urls r ON r.u = p.ref LEFT JOIN urls pg ON pg.u = p.page
                    """.formatted(TIMEOUT_MILLIS));
            trace("ev");
            s.execute("DROP TABLE parsed");
            // 4. Only candidates can start a session: rule-independent starts, non-direct events, and events
            //    whose referrer may be external (not internal, not the page's own site).
            s.execute("""
                    CREATE TABLE c0 AS
                    WITH k AS (
                      SELECT visitor, ts, rn, src, rd, rdom, pdom, lr FROM ev
                      WHERE lr > 0 OR src IS NOT NULL OR (rd IS NOT NULL AND (pdom IS NULL OR rd <> pdom))
                    ), i AS (
                      SELECT *, row_number() OVER (PARTITION BY visitor ORDER BY ts, rn) AS idx FROM k
                    )
                    SELECT visitor, idx, src, rd, rdom, pdom, lr,
                           max(CASE WHEN src IS NOT NULL THEN idx END) OVER wp AS q_idx,
                           LAST_VALUE(src IGNORE NULLS) OVER wp AS q_src,
                           lr AS reason, lr > 0 AS st
                    FROM i
                    WINDOW wp AS (PARTITION BY visitor ORDER BY idx ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
                    """);
            trace("c0");
            // 5. Fixpoint: recompute every start from the previous pass's starts until nothing changes.
            int pass = 0;
            String cur = "c0";
            while (true) {
                pass++;
                String next = "c" + pass;
                s.execute("""
                        CREATE TABLE NEXT AS
                        WITH a AS (
                          SELECT visitor, idx, src, rd, rdom, pdom, lr, q_idx, q_src, st AS st_old,
                                 max(CASE WHEN st THEN idx END) OVER wp AS last_start,
                                 LAST_VALUE(CASE WHEN st THEN coalesce(pdom, '') END IGNORE NULLS) OVER wp AS first_pdom
                          FROM CUR
                          WINDOW wp AS (PARTITION BY visitor ORDER BY idx ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
                        ), b AS (
                          SELECT *, rd IS NOT NULL AND NOT coalesce(rd = coalesce(pdom, NULLIF(first_pdom, '')), false) AS ext
                          FROM a
                        ), r AS (
                          SELECT *, LAST_VALUE(CASE WHEN st_old THEN coalesce(rdom, '') WHEN ext THEN rd END IGNORE NULLS) OVER wp AS rkey
                          FROM b
                          WINDOW wp AS (PARTITION BY visitor ORDER BY idx ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
                        )
                        SELECT visitor, idx, src, rd, rdom, pdom, lr, q_idx, q_src, st_old, reason, reason > 0 AS st
                        FROM (
                          SELECT *, CAST(CASE WHEN lr > 0 THEN lr
                                   WHEN src IS NOT NULL AND (q_idx IS NULL OR last_start > q_idx OR q_src <> src) THEN 4
                                   WHEN ext AND (rkey IS NULL OR rkey = '' OR rkey <> rd) THEN 5
                                   ELSE 0 END AS TINYINT) AS reason
                          FROM r)
                        """.replace("NEXT", next).replace("CUR", cur));
                s.execute("DROP TABLE " + cur);
                cur = next;
                long changed;
                try (ResultSet r = s.executeQuery("SELECT count(*) FROM " + cur + " WHERE st <> st_old")) {
                    r.next();
                    changed = r.getLong(1);
                }
                trace("pass " + pass);
                if (changed == 0) {
                    break;
                }
                if (pass > 10_000) {
                    throw new IllegalStateException("no fixpoint after " + pass + " passes");
                }
            }
            java.math.BigDecimal revenue;
            long events;
            try (ResultSet r = s.executeQuery("""
                    SELECT count(*) AS events,
                           sum(CASE WHEN ev IN ('purchase', 'ad_request', 'ad_impression') THEN coalesce(rev, 0)
                                    WHEN ev = 'refund' THEN -coalesce(rev, 0) ELSE 0 END) AS revenue
                    FROM ev""")) {
                r.next();
                events = r.getLong(1);
                revenue = r.getBigDecimal(2);
            }
            trace("totals");
            Map<String, Long> starts = new java.util.LinkedHashMap<>();
            String[] names = {"", "first", "timeout", "midnight", "campaign", "referral"};
            long sessions = 0;
            try (ResultSet r = s.executeQuery("SELECT reason, count(*) FROM " + cur + " WHERE st GROUP BY reason ORDER BY reason")) {
                while (r.next()) {
                    long n = r.getLong(2);
                    starts.put(names[r.getInt(1)], n);
                    sessions += n;
                }
            }
            return new Result(rows, rejected, events, sessions, revenue == null ? java.math.BigDecimal.ZERO : revenue, starts, pass);
        }
    }

    /** The local date in {@code zone} of the row's instant {@code tstz}, as days since 1970-01-01 (floor, as MidnightRule). */
    private static String localDay(ZoneId zone) {
        String local;
        if (zone instanceof ZoneOffset o) {
            local = "(epoch_ms(tstz) + " + o.getTotalSeconds() * 1000L + ")";
        } else {
            String id = zone.getId();
            if (!id.matches("[A-Za-z0-9/_+-]+")) {
                throw new IllegalArgumentException("zone id " + id);
            }
            local = "epoch_ms(timezone('" + id + "', tstz))";
        }
        return "((" + local + " - ((" + local + " % 86400000) + 86400000) % 86400000) // 86400000)";
    }

    /** persession's package-private {@code io.persession.definitions.Hosts}, called reflectively (the same code as ReferralRule). */
    private static final class HostsAccess {
        private final Method host;
        private final Method registrableDomain;
        private final Method isWithin;
        private final List<String> internalHosts;

        HostsAccess(List<String> internalHosts) {
            try {
                Class<?> h = Class.forName("io.persession.definitions.Hosts");
                host = h.getDeclaredMethod("host", String.class);
                registrableDomain = h.getDeclaredMethod("registrableDomain", String.class);
                isWithin = h.getDeclaredMethod("isWithin", String.class, String.class);
                host.setAccessible(true);
                registrableDomain.setAccessible(true);
                isWithin.setAccessible(true);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("io.persession.definitions.Hosts not accessible", e);
            }
            this.internalHosts = internalHosts;
        }

        String host(String url) {
            return (String) call(host, url);
        }

        String registrableDomain(String h) {
            return (String) call(registrableDomain, h);
        }

        boolean isInternal(String h) {
            for (String internal : internalHosts) {
                if ((Boolean) call(isWithin, h, internal)) {
                    return true;
                }
            }
            return false;
        }

        private static Object call(Method m, Object... args) {
            try {
                return m.invoke(null, args);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            } catch (InvocationTargetException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }
}

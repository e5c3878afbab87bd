package io.persession.cli.output;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import io.persession.engine.DefinitionResult;
import io.persession.engine.InputReport;
import io.persession.engine.Money;
import io.persession.spi.Totals;

import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/** {@code analyze --format csv}: a header and one row per definition, numbers raw and machine-readable. */
public final class AnalysisCsv {
    private AnalysisCsv() {
    }

    public static void write(Writer out, InputReport input, List<DefinitionResult> results) {
        write(out, input, results, r -> Map.of());
    }

    /** With extra columns per result (their names from the first result's map), after the standard ones. */
    public static void write(Writer out, InputReport input, List<DefinitionResult> results,
                             java.util.function.Function<DefinitionResult, Map<String, String>> extra) {
        List<Map<String, String>> extras = new ArrayList<>();
        results.forEach(r -> extras.add(extra.apply(r)));
        CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out);
        List<String> header = new ArrayList<>(List.of("definition", "options", "rows", "accepted", "rejected", "duplicates", "sessions",
                "visitors", "events", "pageviews", "purchases", "converting_sessions", "refunds", "revenue", "currency",
                "bot_sessions_excluded"));
        header.addAll(results.get(0).metrics().keySet());
        header.add("session_starts");
        header.addAll(extras.get(0).keySet());
        csv.writeRecord(header);
        for (DefinitionResult r : results) {
            Totals t = r.totals();
            List<String> row = new ArrayList<>();
            row.add(r.definition().id());
            row.add(AnalysisTable.options(r.definition().options()));
            row.add(Long.toString(input.rows()));
            row.add(Long.toString(input.accepted()));
            row.add(Long.toString(input.rejected()));
            row.add(Long.toString(input.duplicates()));
            row.add(Long.toString(t.sessions()));
            row.add(Long.toString(t.visitors()));
            row.add(Long.toString(t.events()));
            row.add(Long.toString(t.pageviews()));
            row.add(Long.toString(t.purchases()));
            row.add(Long.toString(t.convertingSessions()));
            row.add(Long.toString(t.refunds()));
            row.add(Money.format(t.revenueMicros()));
            row.add(t.currency() == null ? "" : t.currency());
            row.add(Long.toString(r.botSessionsExcluded()));
            for (Optional<BigDecimal> v : r.metrics().values()) {
                row.add(v.map(x -> x.stripTrailingZeros().toPlainString()).orElse(""));
            }
            StringJoiner starts = new StringJoiner(";");
            for (Map.Entry<String, Long> s : r.sessionStarts().entrySet()) {
                starts.add(s.getKey() + "=" + s.getValue());
            }
            row.add(starts.toString());
            row.addAll(extras.get(results.indexOf(r)).values());
            csv.writeRecord(CsvSafety.row(row));
        }
        try {
            csv.flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

package io.persession.cli.output;

import io.persession.report.AnalysisJson;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import io.persession.engine.DefinitionResult;
import io.persession.engine.InputReport;
import io.persession.engine.Money;
import io.persession.spi.Metric;
import io.persession.spi.SessionDefinition;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The outputs of {@code persession compare}: a table for people (definitions side by side, the difference
 * to the first under each figure), JSON and CSV with raw, exact numbers.
 */
public final class CompareOutput {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.ROOT);
    private static final int LABEL = 26;
    private static final int MIN_WIDTH = 14;

    private CompareOutput() {
    }

    // ---------------------------------------------------------------- table

    /** The whole report: input, the side-by-side figures, session starts, bots, missing values. */
    public static void table(PrintWriter out, Comparison c) {
        InputReport input = c.input();
        out.println("Input                " + String.join(", ", input.names()) + ": " + Numbers.count(input.rows()) + " rows = "
                + Numbers.count(input.accepted()) + " accepted + " + Numbers.count(input.rejected()) + " rejected + "
                + Numbers.count(input.duplicates()) + " duplicates; read once for " + c.results().size() + " definition"
                + (c.results().size() == 1 ? "" : "s"));
        if (c.rejectsFile() != null) {
            out.println("                     rejected rows: " + c.rejectsFile());
        }
        if (input.regroupedVisitors() > 0) {
            out.println("                     " + Numbers.count(input.regroupedVisitors())
                    + " visitor(s) with rows far out of time order were regrouped in a second read");
        }
        for (DefinitionResult r : c.results()) {
            SessionDefinition d = r.definition();
            out.println(String.format(Locale.ROOT, "%-20s %s", r == c.base() ? "Definitions" : "", d.id()
                    + (d.options().isEmpty() ? "" : "  (" + AnalysisTable.options(d.options()) + ")")
                    + (r == c.base() ? "  <- the base of the differences" : "")));
        }
        out.println();
        sideBySide(out, c);
        out.println();
        botsAndMissing(out, c);
        out.flush();
    }

    /** The figures and the session starts by rule, definitions side by side. */
    public static void sideBySide(PrintWriter out, Comparison c) {
        List<DefinitionResult> results = c.results();
        String base = c.baseDefinition().id();
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add("");
        results.forEach(r -> header.add(r.definition().id()));
        rows.add(header);
        for (Comparison.Figure f : Comparison.FIGURES) {
            List<String> values = new ArrayList<>();
            values.add(f.label());
            List<String> diffs = new ArrayList<>();
            diffs.add("  vs " + base);
            for (DefinitionResult r : results) {
                String cur = r.totals().currency();
                values.add(format(f, Comparison.value(r, f), cur));
                diffs.add(r == c.base() ? "" : difference(f, c.difference(r, f), c.percent(r, f), cur));
            }
            rows.add(values);
            if (results.size() > 1) {
                rows.add(diffs);
            }
        }
        rows.add(null);
        List<String> title = new ArrayList<>();
        title.add("Sessions started by rule");
        results.forEach(r -> title.add(""));
        rows.add(title);
        for (String reason : c.startReasons()) {
            List<String> row = new ArrayList<>();
            row.add("  " + reason);
            for (DefinitionResult r : results) {
                Long n = r.sessionStarts().get(reason);
                row.add(n == null ? "-" : Numbers.count(n));
            }
            rows.add(row);
        }
        int[] widths = new int[header.size()];
        widths[0] = LABEL;
        for (List<String> row : rows) {
            if (row == null) {
                continue;
            }
            for (int i = 1; i < row.size(); i++) {
                widths[i] = Math.max(Math.max(widths[i], MIN_WIDTH), row.get(i).length() + 2);
            }
        }
        for (List<String> row : rows) {
            if (row == null) {
                out.println();
                continue;
            }
            StringBuilder b = new StringBuilder();
            b.append(pad(row.get(0), widths[0]));
            for (int i = 1; i < row.size(); i++) {
                b.append(leftPad(row.get(i), widths[i]));
            }
            out.println(b.toString().stripTrailing());
        }
    }

    private static void botsAndMissing(PrintWriter out, Comparison c) {
        for (DefinitionResult r : c.results()) {
            String cur = r.totals().currency();
            String label = String.format(Locale.ROOT, "%-9s", r.definition().id());
            if (r.botClassifiers().isEmpty()) {
                out.println("Bot traffic  " + label + " not classified (no bot classifier applied)");
                continue;
            }
            if (r.botSessions().isEmpty()) {
                out.println("Bot traffic  " + label + " none flagged");
                continue;
            }
            StringJoiner reasons = new StringJoiner(" · ");
            long events = 0;
            long revenue = 0;
            for (var b : r.botSessions().entrySet()) {
                reasons.add(b.getKey() + " " + Numbers.count(b.getValue().sessions()));
                events += b.getValue().events();
                revenue = Math.addExact(revenue, b.getValue().revenueMicros());
            }
            out.println("Bot traffic  " + label + " " + (r.botsIncluded() ? "flagged but counted (--include-bots): " : "excluded: ")
                    + Numbers.count(r.botSessionsFlagged()) + " sessions, " + Numbers.count(events) + " events, revenue "
                    + Numbers.money(revenue, cur) + " (" + reasons + ")");
        }
        for (String column : c.inputColumns()) {
            for (DefinitionResult r : c.results()) {
                Long n = r.missingValues().get(column);
                if (n != null) {
                    out.println("Events without '" + column + "' (" + r.definition().id() + "): " + Numbers.count(n)
                            + (n > 0 ? ", each continuing the visitor's current session" : ""));
                }
            }
        }
    }

    private static String format(Comparison.Figure f, Optional<BigDecimal> v, String currency) {
        if (f.unit == null) {
            return v.map(x -> Numbers.count(x.longValueExact())).orElse("n/a");
        }
        return Numbers.metric(f.unit, v, currency);
    }

    /** {@code +708 (+1.42%)}, {@code -€0.03 (-1.40%)}, {@code +0.12 pp (+4.90%)}; empty values as n/a. */
    static String difference(Comparison.Figure f, Optional<BigDecimal> d, Optional<BigDecimal> pct, String currency) {
        if (d.isEmpty()) {
            return "n/a";
        }
        BigDecimal v = d.get();
        String abs;
        if (f.unit == null) {
            abs = (v.signum() > 0 ? "+" : "") + Numbers.count(v.longValueExact());
        } else if (f.unit == Metric.Unit.MONEY) {
            String n = signed(v.abs(), "#,##0.00").replace("+", "");
            abs = (v.signum() > 0 ? "+" : v.signum() < 0 ? "-" : "") + Numbers.prefix(currency) + n;
        } else if (f.unit == Metric.Unit.RATIO) {
            abs = signed(v.movePointRight(2), "#,##0.00") + " pp";
        } else {
            abs = signed(v, "#,##0.00");
        }
        return abs + " (" + pct.map(p -> signed(p, "#,##0.00") + "%").orElse("n/a") + ")";
    }

    private static String signed(BigDecimal v, String pattern) {
        DecimalFormat f = new DecimalFormat(pattern, SYMBOLS);
        f.setRoundingMode(RoundingMode.HALF_EVEN);
        String s = f.format(v);
        return v.signum() > 0 ? "+" + s : s;
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }

    private static String leftPad(String s, int width) {
        return s.length() >= width ? " " + s : " ".repeat(width - s.length()) + s;
    }

    // ---------------------------------------------------------------- JSON

    /**
     * {@code input}, {@code base} (the first definition's id), {@code definitions}: per definition its
     * {@code definition}, {@code totals}, {@code metrics}, {@code session_starts}, {@code bots} (as
     * {@code analyze} has them), {@code missing_values} where it reads extra columns, and {@code difference}:
     * per compared figure {@code absolute} and {@code percent} (numbers, or {@code null} when undefined).
     */
    public static ObjectNode json(Comparison c) {
        ObjectNode root = NODES.objectNode();
        root.set("input", AnalysisJson.input(c.input(), c.rejectsFile()));
        root.put("base", c.baseDefinition().id());
        ArrayNode list = root.putArray("definitions");
        for (DefinitionResult r : c.results()) {
            ObjectNode n = list.addObject();
            n.set("definition", AnalysisJson.definition(r.definition()));
            n.setAll(AnalysisJson.result(r));
            ObjectNode diff = n.putObject("difference");
            for (Comparison.Figure f : Comparison.FIGURES) {
                ObjectNode d = diff.putObject(f.id());
                putNumber(d, "absolute", c.difference(r, f));
                putNumber(d, "percent", c.percent(r, f));
            }
        }
        return root;
    }

    public static void writeJson(PrintWriter out, Comparison c) {
        try {
            out.println(AnalysisJson.mapper().writeValueAsString(json(c)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }

    private static void putNumber(ObjectNode n, String key, Optional<BigDecimal> v) {
        if (v.isPresent()) {
            n.put(key, strip(v.get()));
        } else {
            n.putNull(key);
        }
    }

    private static BigDecimal strip(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    // ---------------------------------------------------------------- CSV

    /**
     * A header and one row per definition: the input counts, totals, the compared figures, each figure's
     * difference to the first ({@code _diff}, {@code _diff_pct}), bot exclusions, one {@code starts_REASON}
     * column per start reason of any definition and one {@code missing_COLUMN} per extra input column.
     * Numbers raw (plain decimals; money exact), undefined values empty.
     */
    public static void csv(Writer out, Comparison c) {
        CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out);
        List<String> header = new ArrayList<>(List.of("definition", "options", "base", "rows", "accepted", "rejected", "duplicates",
                "visitors", "events", "pageviews", "purchases", "converting_sessions", "currency"));
        for (Comparison.Figure f : Comparison.FIGURES) {
            header.add(f.id());
        }
        for (Comparison.Figure f : Comparison.FIGURES) {
            header.add(f.id() + "_diff");
            header.add(f.id() + "_diff_pct");
        }
        header.addAll(List.of("bots_included", "bot_sessions", "bot_events", "bot_revenue"));
        List<String> reasons = c.startReasons();
        reasons.forEach(x -> header.add("starts_" + x));
        List<String> columns = c.inputColumns();
        columns.forEach(x -> header.add("missing_" + x));
        csv.writeRecord(header);
        InputReport in = c.input();
        for (DefinitionResult r : c.results()) {
            List<String> row = new ArrayList<>();
            row.add(r.definition().id());
            row.add(AnalysisTable.options(r.definition().options()));
            row.add(c.baseDefinition().id());
            row.add(Long.toString(in.rows()));
            row.add(Long.toString(in.accepted()));
            row.add(Long.toString(in.rejected()));
            row.add(Long.toString(in.duplicates()));
            row.add(Long.toString(r.totals().visitors()));
            row.add(Long.toString(r.totals().events()));
            row.add(Long.toString(r.totals().pageviews()));
            row.add(Long.toString(r.totals().purchases()));
            row.add(Long.toString(r.totals().convertingSessions()));
            row.add(r.totals().currency() == null ? "" : r.totals().currency());
            for (Comparison.Figure f : Comparison.FIGURES) {
                row.add(Comparison.value(r, f).map(v -> f.id().equals("revenue") ? Money.format(r.totals().revenueMicros())
                        : strip(v).toPlainString()).orElse(""));
            }
            for (Comparison.Figure f : Comparison.FIGURES) {
                row.add(c.difference(r, f).map(v -> strip(v).toPlainString()).orElse(""));
                row.add(c.percent(r, f).map(v -> strip(v).toPlainString()).orElse(""));
            }
            long events = 0;
            long revenue = 0;
            for (var b : r.botSessions().values()) {
                events += b.events();
                revenue = Math.addExact(revenue, b.revenueMicros());
            }
            row.add(Boolean.toString(r.botsIncluded()));
            row.add(Long.toString(r.botSessionsFlagged()));
            row.add(Long.toString(events));
            row.add(Money.format(revenue));
            for (String reason : reasons) {
                row.add(Long.toString(r.sessionStarts().getOrDefault(reason, 0L)));
            }
            for (String column : columns) {
                Long n = r.missingValues().get(column);
                row.add(n == null ? "" : Long.toString(n));
            }
            csv.writeRecord(CsvSafety.row(row));
        }
        try {
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

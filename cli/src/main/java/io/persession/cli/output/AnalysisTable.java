package io.persession.cli.output;

import io.persession.engine.Aggregator;
import io.persession.engine.DefinitionResult;
import io.persession.engine.InputReport;
import io.persession.engine.StandardMetrics;
import io.persession.spi.Metric;
import io.persession.spi.SessionDefinition;
import io.persession.spi.Totals;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.StringJoiner;

/** The human-readable report of {@code analyze}. */
public final class AnalysisTable {
    private AnalysisTable() {
    }

    public static void write(PrintWriter out, InputReport input, DefinitionResult r, Path rejectsFile) {
        SessionDefinition d = r.definition();
        Totals t = r.totals();
        String cur = t.currency();
        out.println("Session definition   " + d.id() + (d.options().isEmpty() ? "" : "  (" + options(d.options()) + ")"));
        out.println("                     " + d.description());
        out.println("Input                " + String.join(", ", input.names()));
        out.println("                     " + Numbers.count(input.rows()) + " rows = " + Numbers.count(input.accepted()) + " accepted + "
                + Numbers.count(input.rejected()) + " rejected + " + Numbers.count(input.duplicates()) + " duplicates"
                + (input.duplicates() > 0 ? " (" + Numbers.count(input.duplicateEvents()) + " repeated event ids, "
                + Numbers.count(input.duplicateOrders()) + " repeated order ids)" : ""));
        if (rejectsFile != null) {
            out.println("                     rejected rows: " + rejectsFile);
        }
        if (input.regroupedVisitors() > 0) {
            out.println("                     " + Numbers.count(input.regroupedVisitors())
                    + " visitor(s) with rows far out of time order were regrouped in a second read");
        }
        out.println();
        for (Metric m : StandardMetrics.ALL) {
            out.printf("%-31s %s%n", m.label(), Numbers.metric(m.unit(), r.metrics().get(m.id()), cur));
        }
        out.println();
        out.println("Sessions " + Numbers.count(t.sessions()) + " · visitors " + Numbers.count(t.visitors()) + " · pageviews "
                + Numbers.count(t.pageviews()) + " · orders " + Numbers.count(t.purchases()) + " in "
                + Numbers.count(t.convertingSessions()) + " sessions");
        out.println("Revenue " + Numbers.money(t.revenueMicros(), cur) + " = purchases " + Numbers.money(t.purchaseRevenueMicros(), cur)
                + " + ads " + Numbers.money(t.adRevenueMicros(), cur) + " - refunds " + Numbers.money(t.refundMicros(), cur));
        StringJoiner starts = new StringJoiner(" · ");
        r.sessionStarts().forEach((reason, n) -> starts.add(reason + " " + Numbers.count(n)));
        out.println("Session starts: " + (starts.length() == 0 ? "none" : starts));
        writeBots(out, r);
        r.missingValues().forEach((column, n) -> out.println("Events without a value in column '" + column + "': " + Numbers.count(n)
                + (n > 0 ? " (they continue the visitor's current session)" : "")));
        out.flush();
    }

    /**
     * The bot report: what was flagged (sessions, events, revenue: never silently lost) and whether it was
     * excluded, then one line per {@code classifier:reason}.
     */
    public static void writeBots(PrintWriter out, DefinitionResult r) {
        String cur = r.totals().currency();
        StringJoiner ids = new StringJoiner(", ");
        r.botClassifiers().forEach(c -> ids.add(c.id()));
        if (r.botClassifiers().isEmpty()) {
            out.println("Bot traffic: not classified (no bot classifier applied)");
            return;
        }
        if (r.botSessions().isEmpty()) {
            out.println("Bot traffic: none flagged (" + ids + ")");
            return;
        }
        long events = 0;
        long revenue = 0;
        for (Aggregator.BotExclusion b : r.botSessions().values()) {
            events += b.events();
            revenue = Math.addExact(revenue, b.revenueMicros());
        }
        String what = Numbers.count(r.botSessionsFlagged()) + " sessions, " + Numbers.count(events) + " events, revenue "
                + Numbers.money(revenue, cur);
        out.println(r.botsIncluded()
                ? "Bot traffic flagged but counted (--include-bots): " + what
                : "Bot traffic excluded from every figure above: " + what + " (" + ids + "; --include-bots counts it)");
        for (Map.Entry<String, Aggregator.BotExclusion> b : r.botSessions().entrySet()) {
            out.printf("  %-28s %9s sessions %11s events   revenue %s%n", b.getKey(), Numbers.count(b.getValue().sessions()),
                    Numbers.count(b.getValue().events()), Numbers.money(b.getValue().revenueMicros(), cur));
        }
        boolean overlap = r.botFlags().entrySet().stream().anyMatch(f -> {
            Aggregator.BotExclusion first = r.botSessions().get(f.getKey());
            return first == null || first.sessions() != f.getValue();
        });
        if (overlap) {
            StringJoiner flags = new StringJoiner(" · ");
            r.botFlags().forEach((flag, n) -> flags.add(flag + " " + Numbers.count(n)));
            out.println("  sessions each classifier flags (a session counts once above, under the first): " + flags);
        }
    }

    static String options(Map<String, String> options) {
        StringJoiner j = new StringJoiner(", ");
        options.forEach((k, v) -> j.add(k + "=" + v));
        return j.toString();
    }
}

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
        if (r.botSessions().isEmpty()) {
            out.println("Bot traffic: none flagged");
        } else {
            StringJoiner bots = new StringJoiner(" · ");
            for (Map.Entry<String, Aggregator.BotExclusion> b : r.botSessions().entrySet()) {
                bots.add(b.getKey() + " " + Numbers.count(b.getValue().sessions()) + " sessions, " + Numbers.count(b.getValue().events())
                        + " events, " + Numbers.money(b.getValue().revenueMicros(), cur));
            }
            out.println((r.botsIncluded() ? "Bot traffic (included, --include-bots): " : "Bot traffic excluded: ") + bots);
        }
        out.flush();
    }

    static String options(Map<String, String> options) {
        StringJoiner j = new StringJoiner(", ");
        options.forEach((k, v) -> j.add(k + "=" + v));
        return j.toString();
    }
}

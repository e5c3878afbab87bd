package io.persession.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.persession.engine.Aggregator;
import io.persession.engine.DefinitionResult;
import io.persession.engine.InputReport;
import io.persession.engine.Money;
import io.persession.spi.BotClassifier;
import io.persession.spi.SessionDefinition;
import io.persession.spi.Totals;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON result of {@code analyze} (DESIGN.md, "CLI"): {@code definition}, {@code input},
 * {@code totals}, {@code metrics}, {@code session_starts}, {@code bots} (whether included, the classifiers
 * asked, the flagged sessions, events and revenue, and the same by {@code classifier:reason} of the first
 * classifier that flags each session; {@code flagged_by}: sessions each classifier flags, overlaps included), and, for a
 * definition that reads extra input columns, {@code missing_values} (events without a value, by column).
 * Money in totals is a decimal string (exact); metrics are JSON numbers (six decimal places at most) or
 * {@code null}.
 */
public final class AnalysisJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private AnalysisJson() {
    }

    /** A mapper that writes exact, pretty JSON. */
    public static ObjectMapper mapper() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .setNodeFactory(NODES);
    }

    public static ObjectNode analysis(InputReport input, DefinitionResult result, Path rejectsFile) {
        return analysis(input, result, rejectsFile == null ? null : rejectsFile.toString());
    }

    /** As {@link #analysis(InputReport, DefinitionResult, Path)}, the rejects named by a location that need not be a local path. */
    public static ObjectNode analysis(InputReport input, DefinitionResult result, String rejectsFile) {
        ObjectNode root = NODES.objectNode();
        root.set("definition", definition(result.definition()));
        root.set("input", input(input, rejectsFile));
        root.setAll(result(result));
        return root;
    }

    /** {@code id}, {@code description}, {@code options}. */
    public static ObjectNode definition(SessionDefinition d) {
        ObjectNode n = NODES.objectNode();
        n.put("id", d.id());
        n.put("description", d.description());
        ObjectNode options = n.putObject("options");
        d.options().forEach(options::put);
        return n;
    }

    public static ObjectNode input(InputReport input, Path rejectsFile) {
        return input(input, rejectsFile == null ? null : rejectsFile.toString());
    }

    /** {@code input}, the rejects named by a location that need not be a local path. */
    public static ObjectNode input(InputReport input, String rejectsFile) {
        ObjectNode n = NODES.objectNode();
        n.set("files", NODES.arrayNode().addAll(input.names().stream().map(NODES::textNode).collect(java.util.stream.Collectors.toList())));
        n.put("rows", input.rows());
        n.put("accepted", input.accepted());
        n.put("rejected", input.rejected());
        n.put("duplicates", input.duplicates());
        n.put("duplicate_events", input.duplicateEvents());
        n.put("duplicate_orders", input.duplicateOrders());
        n.put("regrouped_visitors", input.regroupedVisitors());
        if (rejectsFile != null) {
            n.put("rejects_file", rejectsFile);
        } else {
            n.putNull("rejects_file");
        }
        return n;
    }

    /** {@code totals}, {@code metrics}, {@code session_starts}, {@code bots} of one definition. */
    public static ObjectNode result(DefinitionResult r) {
        ObjectNode root = NODES.objectNode();
        Totals t = r.totals();
        ObjectNode totals = root.putObject("totals");
        totals.put("sessions", t.sessions());
        totals.put("visitors", t.visitors());
        totals.put("events", t.events());
        totals.put("pageviews", t.pageviews());
        totals.put("purchases", t.purchases());
        totals.put("converting_sessions", t.convertingSessions());
        totals.put("refunds", t.refunds());
        totals.put("ad_requests", t.adRequests());
        totals.put("ad_impressions", t.adImpressions());
        totals.put("revenue", Money.format(t.revenueMicros()));
        totals.put("purchase_revenue", Money.format(t.purchaseRevenueMicros()));
        totals.put("ad_revenue", Money.format(t.adRevenueMicros()));
        totals.put("refunded", Money.format(t.refundMicros()));
        if (t.currency() == null) {
            totals.putNull("currency");
        } else {
            totals.put("currency", t.currency());
        }
        totals.put("bot_sessions_excluded", r.botSessionsExcluded());

        ObjectNode metrics = root.putObject("metrics");
        for (Map.Entry<String, Optional<BigDecimal>> m : r.metrics().entrySet()) {
            if (m.getValue().isPresent()) {
                metrics.put(m.getKey(), m.getValue().get().stripTrailingZeros());
            } else {
                metrics.putNull(m.getKey());
            }
        }
        ObjectNode starts = root.putObject("session_starts");
        r.sessionStarts().forEach(starts::put);

        ObjectNode bots = root.putObject("bots");
        bots.put("included", r.botsIncluded());
        ArrayNode classifiers = bots.putArray("classifiers");
        for (BotClassifier c : r.botClassifiers()) {
            ObjectNode cn = classifiers.addObject();
            cn.put("id", c.id());
            cn.put("description", c.description());
            ObjectNode co = cn.putObject("options");
            c.options().forEach(co::put);
        }
        long flaggedEvents = 0;
        long flaggedRevenue = 0;
        for (Aggregator.BotExclusion b : r.botSessions().values()) {
            flaggedEvents += b.events();
            flaggedRevenue = Math.addExact(flaggedRevenue, b.revenueMicros());
        }
        bots.put("sessions", r.botSessionsFlagged());
        bots.put("events", flaggedEvents);
        bots.put("revenue", Money.format(flaggedRevenue));
        ObjectNode byReason = bots.putObject("by_reason");
        for (Map.Entry<String, Aggregator.BotExclusion> b : r.botSessions().entrySet()) {
            ObjectNode e = byReason.putObject(b.getKey());
            e.put("sessions", b.getValue().sessions());
            e.put("events", b.getValue().events());
            e.put("revenue", Money.format(b.getValue().revenueMicros()));
        }
        ObjectNode flaggedBy = bots.putObject("flagged_by");
        r.botFlags().forEach(flaggedBy::put);
        if (!r.missingValues().isEmpty()) {
            ObjectNode missing = root.putObject("missing_values");
            r.missingValues().forEach(missing::put);
        }
        return root;
    }

}

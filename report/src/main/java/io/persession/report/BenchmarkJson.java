package io.persession.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.persession.engine.ChangeDecomposition;
import io.persession.engine.Figures;
import io.persession.engine.InputReport;
import io.persession.engine.Insights;
import io.persession.engine.Leverage;
import io.persession.engine.Rating;
import io.persession.engine.Ratings;
import io.persession.engine.Scenarios;
import io.persession.engine.StandardMetrics;
import io.persession.spi.BenchmarkEntry;
import io.persession.spi.BenchmarkPack;
import io.persession.spi.Metric;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The JSON keys {@code rating}, {@code scenarios}, {@code leverage} and {@code change} (README, "Rating,
 * scenarios, leverage"). Amounts of money in {@code scenarios}, {@code leverage} and {@code change} are
 * decimal strings (exact, as {@code totals}); metric values, ratios and counts are JSON numbers (as
 * {@code metrics}); a part that cannot be given is {@code null}, with the reason under {@code reasons}.
 */
public final class BenchmarkJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private BenchmarkJson() {
    }

    /** Adds {@code rating} ({@code null} without a pack), {@code scenarios}, {@code leverage} and, with a baseline, {@code change}. */
    public static void addTo(ObjectNode root, InsightReport report) {
        Insights i = report.insights();
        root.set("rating", i.ratings().map(BenchmarkJson::rating).orElse(null));
        root.set("scenarios", scenarios(i.scenarios()));
        root.set("leverage", leverage(i.leverage()));
        i.change().ifPresent(c -> root.set("change", change(c, report)));
    }

    // ---------------------------------------------------------------- rating

    public static ObjectNode rating(Ratings ratings) {
        ObjectNode n = NODES.objectNode();
        BenchmarkPack p = ratings.pack();
        ObjectNode pack = n.putObject("pack");
        pack.put("id", p.id());
        pack.put("version", p.version());
        pack.put("title", p.title());
        pack.put("vendor", p.vendor());
        n.put("segment", ratings.segment());
        n.put("segment_title", p.segmentTitle(ratings.segment()));
        Optional<Rating> headline = ratings.headline();
        n.put("headline_metric", headline.map(Rating::metric).orElse(null));
        n.put("label", headline.flatMap(Rating::label).map(Enum::name).orElse(null));
        n.put("label_text", headline.flatMap(Rating::labelText).orElse(null));
        n.put("reason", headline.isEmpty() ? "the segment has no revenue_per_session or session_rpm figure" : headline.get().reason());
        ObjectNode metrics = n.putObject("metrics");
        ratings.all().forEach((id, r) -> metrics.set(id, metricRating(r)));
        return n;
    }

    static ObjectNode metricRating(Rating r) {
        BenchmarkEntry e = r.entry();
        ObjectNode n = NODES.objectNode();
        n.set("value", number(r.value().orElse(null)));
        n.put("label", r.label().map(Enum::name).orElse(null));
        n.put("label_text", r.labelText().orElse(null));
        n.put("reason", r.reason());
        n.put("text", r.text());
        n.put("kind", e.kind().code());
        n.put("statistic", r.centreStatistic().map(s -> s.code()).orElse(null));
        n.set("centre", number(r.centre().orElse(null)));
        n.put("centre_is_mean", r.centreIsMean());
        n.set("low_bound", number(r.lowBound().orElse(null)));
        n.put("low_bound_rule", r.lowBoundRule());
        n.put("derived_band", r.derivedBand());
        n.set("band", number(r.band().orElse(null)));
        ObjectNode stats = n.putObject("statistics");
        e.statistics().forEach((s, v) -> stats.set(s.code(), number(v)));
        n.put("basis", e.basis().code());
        n.put("currency", e.currency());
        putBoolean(n, "tax_included", e.taxIncluded());
        putBoolean(n, "shipping_included", e.shippingIncluded());
        putBoolean(n, "refunds_netted", e.refundsNetted());
        n.put("period", e.period());
        n.put("sample", e.sample());
        ObjectNode source = n.putObject("source");
        source.put("title", e.sourceTitle());
        source.put("publisher", e.publisher());
        source.put("url", e.sourceUrl());
        n.put("retrieved", e.retrieved() == null ? null : e.retrieved().toString());
        if (e.verification() == null) {
            n.putNull("verification");
        } else {
            ObjectNode v = n.putObject("verification");
            v.put("flag", e.verification().name());
            v.put("label", e.verification().label());
        }
        ArrayNode caveats = n.putArray("caveats");
        r.caveats().forEach(caveats::add);
        n.put("note", e.note());
        return n;
    }

    // ---------------------------------------------------------------- scenarios

    public static ObjectNode scenarios(Scenarios s) {
        ObjectNode n = NODES.objectNode();
        n.put("sessions", s.sessions());
        n.put("currency", s.currency());
        n.set("current", scenario(s.current()));
        n.set("benchmark", s.benchmark().map(BenchmarkJson::scenario).orElse(null));
        n.set("optimized", s.optimized().map(BenchmarkJson::scenario).orElse(null));
        n.set("reasons", reasons(s.reasons()));
        return n;
    }

    private static ObjectNode scenario(Scenarios.Scenario sc) {
        ObjectNode n = NODES.objectNode();
        n.put("from", sc.from());
        n.set("revenue_per_session", money(sc.revenuePerSession().orElse(null)));
        n.set("revenue", money(sc.revenue()));
        n.set("difference", money(sc.difference()));
        return n;
    }

    // ---------------------------------------------------------------- leverage

    public static ObjectNode leverage(Leverage l) {
        ObjectNode n = NODES.objectNode();
        n.put("sessions", l.sessions());
        n.put("currency", l.currency());
        n.set("step_percent", number(Leverage.STEP.movePointRight(2)));
        ObjectNode levers = n.putObject("levers");
        levers.set("conversion_rate", l.conversion().map(BenchmarkJson::lever).orElse(null));
        levers.set("average_order_value", l.orderValue().map(BenchmarkJson::lever).orElse(null));
        levers.set("sessions", l.sessionsLever().map(BenchmarkJson::lever).orElse(null));
        ObjectNode headroom = n.putObject("headroom");
        headroom.set("conversion_rate", l.conversionHeadroom().map(BenchmarkJson::headroom).orElse(null));
        headroom.set("average_order_value", l.orderValueHeadroom().map(BenchmarkJson::headroom).orElse(null));
        ObjectNode verdict = n.putObject("verdict");
        verdict.put("code", l.verdict().code());
        verdict.put("text", l.verdictText());
        n.set("visitor_basis", l.visitorBasis().map(v -> {
            ObjectNode o = NODES.objectNode();
            o.put("visitors", v.visitors());
            o.set("revenue_per_visitor", money(v.revenuePerVisitor()));
            o.set("revenue_per_session", money(v.revenuePerSession()));
            o.set("sessions_per_visitor", number(v.sessionsPerVisitor()));
            o.set("dilution", number(v.dilution()));
            o.put("text", v.text());
            return (JsonNode) o;
        }).orElse(null));
        n.set("reasons", reasons(l.reasons()));
        return n;
    }

    private static ObjectNode lever(Leverage.Lever lever) {
        ObjectNode n = NODES.objectNode();
        n.set("from", value(lever.metric(), lever.from()));
        n.set("to", value(lever.metric(), lever.to()));
        n.set("revenue_added", money(lever.revenueAdded()));
        return n;
    }

    private static ObjectNode headroom(Leverage.Headroom h) {
        ObjectNode n = NODES.objectNode();
        n.set("current", value(h.metric(), h.current()));
        n.set("benchmark", value(h.metric(), h.benchmark()));
        n.put("statistic", h.rating().centreStatistic().map(s -> s.code()).orElse(null));
        n.put("label", h.rating().label().map(Enum::name).orElse(null));
        n.set("gap", value(h.metric(), h.gap()));
        n.set("revenue_at_benchmark", money(h.revenueAtBenchmark().orElse(null)));
        n.set("revenue_added", money(h.revenueAdded().orElse(null)));
        return n;
    }

    // ---------------------------------------------------------------- change

    public static ObjectNode change(ChangeDecomposition c, InsightReport report) {
        ObjectNode n = NODES.objectNode();
        n.put("method", ChangeDecomposition.method());
        n.put("currency", c.currency());
        ObjectNode baseline = n.putObject("baseline");
        report.baselineInput().ifPresent(in -> {
            baseline.set("files", NODES.arrayNode().addAll(in.names().stream().map(NODES::textNode).collect(java.util.stream.Collectors.toList())));
            baseline.put("rows", in.rows());
            baseline.put("accepted", in.accepted());
            baseline.put("rejected", in.rejected());
            baseline.put("duplicates", in.duplicates());
        });
        baseline.put("rejects_file", report.baselineRejects().map(Object::toString).orElse(null));
        period(baseline, c.before());
        period(n.putObject("current"), c.after());
        n.set("revenue_change", money(c.revenueChange()));
        ObjectNode parts = n.putObject("parts");
        c.parts().forEach((k, v) -> parts.set(k, money(v)));
        ObjectNode factors = n.putObject("factors");
        factor(factors, "sessions", number(BigDecimal.valueOf(c.before().sessions())), number(BigDecimal.valueOf(c.after().sessions())));
        factor(factors, "conversion_rate", number(c.before().conversionRate().orElse(null)), number(c.after().conversionRate().orElse(null)));
        factor(factors, "orders_per_converting_session", number(c.before().ordersPerConvertingSession().orElse(null)),
                number(c.after().ordersPerConvertingSession().orElse(null)));
        factor(factors, "average_order_value", money(c.before().averageOrderValue().orElse(null)), money(c.after().averageOrderValue().orElse(null)));
        factor(factors, "ad_revenue", money(c.before().adRevenue().orElse(null)), money(c.after().adRevenue().orElse(null)));
        factor(factors, "refunds", money(c.before().refunds().orElse(null)), money(c.after().refunds().orElse(null)));
        ObjectNode residue = n.putObject("residue");
        residue.put("micros", c.residueMicros());
        residue.put("part", c.residuePart());
        ArrayNode notes = n.putArray("notes");
        c.notes().forEach(notes::add);
        return n;
    }

    private static void period(ObjectNode n, Figures f) {
        n.put("sessions", f.sessions());
        n.set("revenue", money(f.revenue()));
        n.set("purchase_revenue", money(f.purchaseRevenue().orElse(null)));
    }

    private static void factor(ObjectNode factors, String name, JsonNode before, JsonNode after) {
        ObjectNode f = factors.putObject(name);
        f.set("baseline", before);
        f.set("current", after);
    }

    // ---------------------------------------------------------------- values

    private static ObjectNode reasons(Map<String, String> reasons) {
        ObjectNode n = NODES.objectNode();
        reasons.forEach(n::put);
        return n;
    }

    /** A metric's value: money as a decimal string, other units as a number. */
    private static JsonNode value(String metric, BigDecimal v) {
        boolean isMoney = StandardMetrics.ALL.stream().anyMatch(m -> m.id().equals(metric) && m.unit() == Metric.Unit.MONEY);
        return isMoney ? money(v) : number(v);
    }

    /** A decimal string with at least two decimals ({@code 12000.00}, {@code 112.51125}), or null. */
    public static JsonNode money(BigDecimal v) {
        return v == null ? NODES.nullNode() : NODES.textNode(plainMoney(v));
    }

    /** The decimal string of {@link #money(BigDecimal)}: at least two decimals, never an exponent. */
    public static String plainMoney(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 2 ? s.setScale(2, RoundingMode.UNNECESSARY) : s).toPlainString();
    }

    static JsonNode number(BigDecimal v) {
        return v == null ? NODES.nullNode() : NODES.numberNode(v.stripTrailingZeros());
    }

    static JsonNode number(OptionalLong v) {
        return v.isPresent() ? NODES.numberNode(v.getAsLong()) : NODES.nullNode();
    }

    private static void putBoolean(ObjectNode n, String key, Boolean v) {
        if (v == null) {
            n.putNull(key);
        } else {
            n.put(key, v);
        }
    }
}

package io.persession.cli.output;

import io.persession.report.BenchmarkJson;
import io.persession.report.InsightReport;
import io.persession.engine.ChangeDecomposition;
import io.persession.engine.Insights;
import io.persession.engine.Leverage;
import io.persession.engine.Rating;
import io.persession.engine.Scenarios;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CSV columns of rating, scenarios, leverage and change, appended to {@code analyze --format csv}:
 * always the same columns ({@link #COLUMNS}), empty where a value cannot be given (no pack, no
 * baseline, ...). Numbers are raw: money as exact decimals, ratios as shares.
 */
public final class BenchmarkCsv {
    /** The columns, in order. */
    public static final List<String> COLUMNS = List.of(
            "rating_pack", "rating_segment", "rating_metric", "rating_label", "rating_statistic", "rating_centre", "rating_low_bound",
            "rating_low_bound_rule", "rating_flag", "rating_reason",
            "scenario_current_revenue_per_session", "scenario_current_revenue",
            "scenario_benchmark_from", "scenario_benchmark_revenue_per_session", "scenario_benchmark_revenue", "scenario_benchmark_difference",
            "scenario_optimized_from", "scenario_optimized_revenue_per_session", "scenario_optimized_revenue", "scenario_optimized_difference",
            "leverage_conversion_revenue_added", "leverage_order_value_revenue_added", "leverage_sessions_revenue_added",
            "leverage_conversion_headroom_revenue_added", "leverage_order_value_headroom_revenue_added", "leverage_verdict",
            "leverage_repeat_session_dilution",
            "change_revenue", "change_sessions", "change_conversion_rate", "change_orders_per_converting_session",
            "change_average_order_value", "change_ad_revenue", "change_refunds");

    private BenchmarkCsv() {
    }

    /** The values of {@link #COLUMNS} for one result; {@code ""} where there is none. */
    public static Map<String, String> columns(InsightReport report) {
        Insights i = report.insights();
        Map<String, String> row = new LinkedHashMap<>();
        for (String c : COLUMNS) {
            row.put(c, "");
        }
        i.ratings().ifPresent(ratings -> {
            row.put("rating_pack", ratings.pack().id() + " " + ratings.pack().version());
            row.put("rating_segment", ratings.segment());
            Optional<Rating> h = ratings.headline();
            if (h.isEmpty()) {
                row.put("rating_reason", "the segment has no revenue_per_session or session_rpm figure");
                return;
            }
            Rating r = h.get();
            row.put("rating_metric", r.metric());
            row.put("rating_label", r.label().map(Enum::name).orElse(""));
            row.put("rating_statistic", r.centreStatistic().map(s -> s.code()).orElse(""));
            row.put("rating_centre", raw(r.centre()));
            row.put("rating_low_bound", raw(r.lowBound()));
            row.put("rating_low_bound_rule", r.lowBoundRule() == null ? "" : r.lowBoundRule());
            row.put("rating_flag", r.entry().verification() == null ? "" : r.entry().verification().name());
            row.put("rating_reason", r.reason() == null ? "" : r.reason());
        });
        Scenarios s = i.scenarios();
        row.put("scenario_current_revenue_per_session", raw(s.current().revenuePerSession()));
        row.put("scenario_current_revenue", BenchmarkJson.plainMoney(s.current().revenue()));
        s.benchmark().ifPresent(b -> scenario(row, "benchmark", b));
        s.optimized().ifPresent(o -> scenario(row, "optimized", o));
        Leverage l = i.leverage();
        row.put("leverage_conversion_revenue_added", raw(l.conversion().map(Leverage.Lever::revenueAdded)));
        row.put("leverage_order_value_revenue_added", raw(l.orderValue().map(Leverage.Lever::revenueAdded)));
        row.put("leverage_sessions_revenue_added", raw(l.sessionsLever().map(Leverage.Lever::revenueAdded)));
        row.put("leverage_conversion_headroom_revenue_added", raw(l.conversionHeadroom().flatMap(Leverage.Headroom::revenueAdded)));
        row.put("leverage_order_value_headroom_revenue_added", raw(l.orderValueHeadroom().flatMap(Leverage.Headroom::revenueAdded)));
        row.put("leverage_verdict", l.verdict().code());
        row.put("leverage_repeat_session_dilution", raw(l.visitorBasis().map(Leverage.VisitorBasis::dilution)));
        i.change().ifPresent(c -> change(row, c));
        return row;
    }

    private static void scenario(Map<String, String> row, String name, Scenarios.Scenario s) {
        row.put("scenario_" + name + "_from", s.from());
        row.put("scenario_" + name + "_revenue_per_session", raw(s.revenuePerSession()));
        row.put("scenario_" + name + "_revenue", BenchmarkJson.plainMoney(s.revenue()));
        row.put("scenario_" + name + "_difference", BenchmarkJson.plainMoney(s.difference()));
    }

    private static void change(Map<String, String> row, ChangeDecomposition c) {
        row.put("change_revenue", BenchmarkJson.plainMoney(c.revenueChange()));
        c.parts().forEach((part, v) -> row.put("change_" + part, BenchmarkJson.plainMoney(v)));
    }

    private static String raw(Optional<BigDecimal> v) {
        return v.map(x -> x.stripTrailingZeros().toPlainString()).orElse("");
    }
}

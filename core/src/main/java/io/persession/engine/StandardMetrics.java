package io.persession.engine;

import io.persession.spi.Metric;
import io.persession.spi.Totals;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * The metrics of DESIGN.md. Their ids are the JSON keys. They satisfy, exactly up to rounding:
 * {@code revenue_per_session = conversion_rate x orders_per_converting_session x average_order_value
 * + ad_revenue_per_session - refunds_per_session}.
 */
public final class StandardMetrics {
    public static final Metric REVENUE_PER_SESSION = money("revenue_per_session", "Revenue per session", Totals::revenueMicros, Totals::sessions, 1);
    public static final Metric SESSION_RPM = money("session_rpm", "Session RPM", Totals::revenueMicros, Totals::sessions, 1000);
    public static final Metric PAGE_RPM = money("page_rpm", "Page RPM", Totals::revenueMicros, Totals::pageviews, 1000);
    public static final Metric REVENUE_PER_VISITOR = money("revenue_per_visitor", "Revenue per visitor", Totals::revenueMicros, Totals::visitors, 1);
    public static final Metric CONVERSION_RATE = ratio("conversion_rate", "Conversion rate", Metric.Unit.RATIO, Totals::convertingSessions, Totals::sessions);
    public static final Metric ORDERS_PER_CONVERTING_SESSION = ratio("orders_per_converting_session", "Orders per converting session", Metric.Unit.NUMBER, Totals::purchases, Totals::convertingSessions);
    public static final Metric AVERAGE_ORDER_VALUE = money("average_order_value", "Average order value", Totals::purchaseRevenueMicros, Totals::purchases, 1);
    public static final Metric PAGES_PER_SESSION = ratio("pages_per_session", "Pages per session", Metric.Unit.NUMBER, Totals::pageviews, Totals::sessions);
    public static final Metric SESSIONS_PER_VISITOR = ratio("sessions_per_visitor", "Sessions per visitor", Metric.Unit.NUMBER, Totals::sessions, Totals::visitors);
    public static final Metric AD_REVENUE_PER_SESSION = money("ad_revenue_per_session", "Ad revenue per session", Totals::adRevenueMicros, Totals::sessions, 1);
    public static final Metric REFUNDS_PER_SESSION = money("refunds_per_session", "Refunds per session", Totals::refundMicros, Totals::sessions, 1);
    public static final Metric FILL_RATE = ratio("fill_rate", "Ad fill rate", Metric.Unit.RATIO, Totals::adImpressions, Totals::adRequests);

    /** In the order results show them. */
    public static final List<Metric> ALL = List.of(REVENUE_PER_SESSION, SESSION_RPM, PAGE_RPM, REVENUE_PER_VISITOR,
            CONVERSION_RATE, ORDERS_PER_CONVERTING_SESSION, AVERAGE_ORDER_VALUE, PAGES_PER_SESSION, SESSIONS_PER_VISITOR,
            AD_REVENUE_PER_SESSION, REFUNDS_PER_SESSION, FILL_RATE);

    private StandardMetrics() {
    }

    /** Every metric's value (empty when undefined), by id, in {@link #ALL} order. */
    public static Map<String, Optional<BigDecimal>> computeAll(Totals totals) {
        Map<String, Optional<BigDecimal>> out = new LinkedHashMap<>();
        for (Metric m : ALL) {
            out.put(m.id(), m.compute(totals));
        }
        return out;
    }

    private static Metric money(String id, String label, ToLongFunction<Totals> micros, ToLongFunction<Totals> denominator, int per) {
        return new Simple(id, label, Metric.Unit.MONEY, t -> {
            long d = denominator.applyAsLong(t);
            return d <= 0 ? Optional.empty() : Optional.of(Money.divide(BigDecimal.valueOf(micros.applyAsLong(t), Money.SCALE).multiply(BigDecimal.valueOf(per)), d));
        });
    }

    private static Metric ratio(String id, String label, Metric.Unit unit, ToLongFunction<Totals> numerator, ToLongFunction<Totals> denominator) {
        return new Simple(id, label, unit, t -> {
            long d = denominator.applyAsLong(t);
            return d <= 0 ? Optional.empty() : Optional.of(Money.divide(BigDecimal.valueOf(numerator.applyAsLong(t)), d));
        });
    }

    private static final class Simple implements Metric {
        private final String id;
        private final String label;
        private final Unit unit;
        private final java.util.function.Function<Totals, Optional<BigDecimal>> fn;

        Simple(String id, String label, Unit unit, java.util.function.Function<Totals, Optional<BigDecimal>> fn) {
            this.id = id;
            this.label = label;
            this.unit = unit;
            this.fn = fn;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String label() {
            return label;
        }

        @Override
        public Unit unit() {
            return unit;
        }

        @Override
        public Optional<BigDecimal> compute(Totals totals) {
            return fn.apply(totals);
        }

        @Override
        public String toString() {
            return id;
        }
    }
}

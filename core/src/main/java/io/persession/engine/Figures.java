package io.persession.engine;

import io.persession.spi.Totals;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The figures rating, scenarios and leverage work from: sessions and exact net revenue in one currency,
 * and whatever else is known. From a log ({@link #of(Totals)}) everything is known; from
 * {@code persession calc} only what the user gave, the rest is unknown (empty), never guessed.
 *
 * <p>Net revenue = purchase revenue + ad revenue - refunds. When the purchase revenue is unknown (calc
 * without orders), the conversion and order-value levers are unknown too. Immutable.
 */
public final class Figures {
    private final long sessions;
    private final BigDecimal revenue;
    private final String currency;
    private final Long visitors;
    private final Long pageviews;
    private final Long orders;
    private final Long convertingSessions;
    private final BigDecimal purchaseRevenue;
    private final BigDecimal adRevenue;
    private final BigDecimal refunds;

    private Figures(Builder b) {
        if (b.sessions < 0) {
            throw new IllegalArgumentException("sessions is negative: " + b.sessions);
        }
        this.sessions = b.sessions;
        this.revenue = Objects.requireNonNull(b.revenue, "revenue is null");
        this.currency = b.currency;
        this.visitors = b.visitors;
        this.pageviews = b.pageviews;
        this.orders = b.orders;
        this.convertingSessions = b.convertingSessions;
        this.purchaseRevenue = b.purchaseRevenue;
        this.adRevenue = b.adRevenue;
        this.refunds = b.refunds;
        if (purchaseRevenue != null && adRevenue != null && refunds != null
                && purchaseRevenue.add(adRevenue).subtract(refunds).compareTo(revenue) != 0) {
            throw new IllegalArgumentException("revenue " + revenue + " != purchase revenue " + purchaseRevenue + " + ad revenue "
                    + adRevenue + " - refunds " + refunds);
        }
    }

    /** Everything known: the totals of a log. */
    public static Figures of(Totals t) {
        return builder(t.sessions(), Money.toDecimal(t.revenueMicros()))
                .currency(t.currency())
                .visitors(t.visitors())
                .pageviews(t.pageviews())
                .orders(t.purchases())
                .convertingSessions(t.convertingSessions())
                .purchaseRevenue(Money.toDecimal(t.purchaseRevenueMicros()))
                .adRevenue(Money.toDecimal(t.adRevenueMicros()))
                .refunds(Money.toDecimal(t.refundMicros()))
                .build();
    }

    /** Sessions and net revenue; add what else is known. */
    public static Builder builder(long sessions, BigDecimal revenue) {
        return new Builder(sessions, revenue);
    }

    public long sessions() {
        return sessions;
    }

    /** Net revenue, exact. */
    public BigDecimal revenue() {
        return revenue;
    }

    /** ISO 4217 code, or {@code null} when unknown. */
    public String currency() {
        return currency;
    }

    public OptionalLong visitors() {
        return optional(visitors);
    }

    public OptionalLong pageviews() {
        return optional(pageviews);
    }

    public OptionalLong orders() {
        return optional(orders);
    }

    public OptionalLong convertingSessions() {
        return optional(convertingSessions);
    }

    /** Revenue from orders; empty when unknown. */
    public Optional<BigDecimal> purchaseRevenue() {
        return Optional.ofNullable(purchaseRevenue);
    }

    public Optional<BigDecimal> adRevenue() {
        return Optional.ofNullable(adRevenue);
    }

    public Optional<BigDecimal> refunds() {
        return Optional.ofNullable(refunds);
    }

    /** revenue / sessions (six decimals, half-even), as {@link StandardMetrics}. */
    public Optional<BigDecimal> revenuePerSession() {
        return per(revenue, sessions, 1);
    }

    public Optional<BigDecimal> sessionRpm() {
        return per(revenue, sessions, 1000);
    }

    public Optional<BigDecimal> pageRpm() {
        return pageviews == null ? Optional.empty() : per(revenue, pageviews, 1000);
    }

    public Optional<BigDecimal> revenuePerVisitor() {
        return visitors == null ? Optional.empty() : per(revenue, visitors, 1);
    }

    public Optional<BigDecimal> conversionRate() {
        return convertingSessions == null ? Optional.empty() : per(BigDecimal.valueOf(convertingSessions), sessions, 1);
    }

    public Optional<BigDecimal> ordersPerConvertingSession() {
        return orders == null || convertingSessions == null ? Optional.empty() : per(BigDecimal.valueOf(orders), convertingSessions, 1);
    }

    public Optional<BigDecimal> averageOrderValue() {
        return orders == null || purchaseRevenue == null ? Optional.empty() : per(purchaseRevenue, orders, 1);
    }

    public Optional<BigDecimal> pagesPerSession() {
        return pageviews == null ? Optional.empty() : per(BigDecimal.valueOf(pageviews), sessions, 1);
    }

    public Optional<BigDecimal> sessionsPerVisitor() {
        return visitors == null ? Optional.empty() : per(BigDecimal.valueOf(sessions), visitors, 1);
    }

    public Optional<BigDecimal> adRevenuePerSession() {
        return adRevenue == null ? Optional.empty() : per(adRevenue, sessions, 1);
    }

    public Optional<BigDecimal> refundsPerSession() {
        return refunds == null ? Optional.empty() : per(refunds, sessions, 1);
    }

    /**
     * The value of a {@link StandardMetrics} metric by id; empty when undefined or unknown here
     * ({@code fill_rate} is never known from figures).
     */
    public Optional<BigDecimal> metric(String id) {
        switch (id) {
            case "revenue_per_session":
                return revenuePerSession();
            case "session_rpm":
                return sessionRpm();
            case "page_rpm":
                return pageRpm();
            case "revenue_per_visitor":
                return revenuePerVisitor();
            case "conversion_rate":
                return conversionRate();
            case "orders_per_converting_session":
                return ordersPerConvertingSession();
            case "average_order_value":
                return averageOrderValue();
            case "pages_per_session":
                return pagesPerSession();
            case "sessions_per_visitor":
                return sessionsPerVisitor();
            case "ad_revenue_per_session":
                return adRevenuePerSession();
            case "refunds_per_session":
                return refundsPerSession();
            default:
                return Optional.empty();
        }
    }

    /** Why {@link #metric(String)} is empty, for people ("no pageviews", "pageviews unknown"). */
    public String whyUndefined(String id) {
        switch (id) {
            case "revenue_per_session":
            case "session_rpm":
                return "no sessions";
            case "page_rpm":
            case "pages_per_session":
                return pageviews == null ? "pageviews unknown" : "no pageviews";
            case "revenue_per_visitor":
            case "sessions_per_visitor":
                return visitors == null ? "visitors unknown" : "no visitors";
            case "conversion_rate":
                return convertingSessions == null ? "converting sessions unknown" : "no sessions";
            case "orders_per_converting_session":
                return orders == null || convertingSessions == null ? "orders or converting sessions unknown" : "no converting sessions";
            case "average_order_value":
                return orders == null || purchaseRevenue == null ? "orders unknown" : "no orders";
            case "ad_revenue_per_session":
                return adRevenue == null ? "ad revenue unknown" : "no sessions";
            case "refunds_per_session":
                return refunds == null ? "refunds unknown" : "no sessions";
            default:
                return "not computed by persession";
        }
    }

    private static Optional<BigDecimal> per(BigDecimal amount, long denominator, int times) {
        return denominator <= 0 ? Optional.empty() : Optional.of(Money.divide(amount.multiply(BigDecimal.valueOf(times)), denominator));
    }

    private static OptionalLong optional(Long v) {
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }

    /** Builds {@link Figures}. Not thread-safe. */
    public static final class Builder {
        private final long sessions;
        private final BigDecimal revenue;
        private String currency;
        private Long visitors;
        private Long pageviews;
        private Long orders;
        private Long convertingSessions;
        private BigDecimal purchaseRevenue;
        private BigDecimal adRevenue;
        private BigDecimal refunds;

        private Builder(long sessions, BigDecimal revenue) {
            this.sessions = sessions;
            this.revenue = revenue;
        }

        public Builder currency(String v) {
            currency = v;
            return this;
        }

        public Builder visitors(Long v) {
            visitors = v;
            return this;
        }

        public Builder pageviews(Long v) {
            pageviews = v;
            return this;
        }

        public Builder orders(Long v) {
            orders = v;
            return this;
        }

        public Builder convertingSessions(Long v) {
            convertingSessions = v;
            return this;
        }

        public Builder purchaseRevenue(BigDecimal v) {
            purchaseRevenue = v;
            return this;
        }

        public Builder adRevenue(BigDecimal v) {
            adRevenue = v;
            return this;
        }

        public Builder refunds(BigDecimal v) {
            refunds = v;
            return this;
        }

        public Figures build() {
            return new Figures(this);
        }
    }
}

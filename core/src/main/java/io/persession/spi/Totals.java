package io.persession.spi;

/**
 * The sums a {@link Metric} is computed from: counts, and money in exact micro-units of one
 * {@link #currency()}. Immutable; built by the host with {@link #builder()}.
 */
public final class Totals {
    private final long sessions;
    private final long visitors;
    private final long events;
    private final long pageviews;
    private final long purchases;
    private final long convertingSessions;
    private final long refunds;
    private final long adRequests;
    private final long adImpressions;
    private final long purchaseRevenueMicros;
    private final long adRevenueMicros;
    private final long refundMicros;
    private final String currency;

    private Totals(Builder b) {
        this.sessions = b.sessions;
        this.visitors = b.visitors;
        this.events = b.events;
        this.pageviews = b.pageviews;
        this.purchases = b.purchases;
        this.convertingSessions = b.convertingSessions;
        this.refunds = b.refunds;
        this.adRequests = b.adRequests;
        this.adImpressions = b.adImpressions;
        this.purchaseRevenueMicros = b.purchaseRevenueMicros;
        this.adRevenueMicros = b.adRevenueMicros;
        this.refundMicros = b.refundMicros;
        this.currency = b.currency;
    }

    public static Builder builder() {
        return new Builder();
    }

    public long sessions() {
        return sessions;
    }

    /** Distinct visitors with at least one counted session. */
    public long visitors() {
        return visitors;
    }

    public long events() {
        return events;
    }

    public long pageviews() {
        return pageviews;
    }

    /** Orders: purchase events after de-duplication by order id. */
    public long purchases() {
        return purchases;
    }

    /** Sessions with at least one purchase. */
    public long convertingSessions() {
        return convertingSessions;
    }

    public long refunds() {
        return refunds;
    }

    public long adRequests() {
        return adRequests;
    }

    public long adImpressions() {
        return adImpressions;
    }

    public long purchaseRevenueMicros() {
        return purchaseRevenueMicros;
    }

    public long adRevenueMicros() {
        return adRevenueMicros;
    }

    public long refundMicros() {
        return refundMicros;
    }

    /** Net revenue: purchases + ad revenue - refunds. */
    public long revenueMicros() {
        return Math.addExact(purchaseRevenueMicros, adRevenueMicros) - refundMicros;
    }

    /** ISO 4217 code of all money here, or {@code null} when the input carried no currency. */
    public String currency() {
        return currency;
    }

    /** Builds {@link Totals}. Not thread-safe. */
    public static final class Builder {
        private long sessions;
        private long visitors;
        private long events;
        private long pageviews;
        private long purchases;
        private long convertingSessions;
        private long refunds;
        private long adRequests;
        private long adImpressions;
        private long purchaseRevenueMicros;
        private long adRevenueMicros;
        private long refundMicros;
        private String currency;

        private Builder() {
        }

        public Builder sessions(long v) {
            sessions = v;
            return this;
        }

        public Builder visitors(long v) {
            visitors = v;
            return this;
        }

        public Builder events(long v) {
            events = v;
            return this;
        }

        public Builder pageviews(long v) {
            pageviews = v;
            return this;
        }

        public Builder purchases(long v) {
            purchases = v;
            return this;
        }

        public Builder convertingSessions(long v) {
            convertingSessions = v;
            return this;
        }

        public Builder refunds(long v) {
            refunds = v;
            return this;
        }

        public Builder adRequests(long v) {
            adRequests = v;
            return this;
        }

        public Builder adImpressions(long v) {
            adImpressions = v;
            return this;
        }

        public Builder purchaseRevenueMicros(long v) {
            purchaseRevenueMicros = v;
            return this;
        }

        public Builder adRevenueMicros(long v) {
            adRevenueMicros = v;
            return this;
        }

        public Builder refundMicros(long v) {
            refundMicros = v;
            return this;
        }

        public Builder currency(String v) {
            currency = v;
            return this;
        }

        public Totals build() {
            return new Totals(this);
        }
    }
}

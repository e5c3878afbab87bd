package io.persession.spi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One published benchmark: a metric in a segment, the statistics the source gives, and where it comes
 * from. Numbers only: the host does the rating. Immutable; build with {@link #builder(String, String)}.
 *
 * <p>Ratios (conversion rate, fill rate) are shares between 0 and 1 ({@code 0.0162} for 1.62%); money
 * is in {@link #currency()} units.
 */
public final class BenchmarkEntry {
    private final String metric;
    private final String segment;
    private final Map<Statistic, BigDecimal> statistics;
    private final Basis basis;
    private final String currency;
    private final Boolean taxIncluded;
    private final Boolean shippingIncluded;
    private final Boolean refundsNetted;
    private final String period;
    private final String sample;
    private final String sourceTitle;
    private final String sourceUrl;
    private final String publisher;
    private final LocalDate retrieved;
    private final Verification verification;
    private final BigDecimal band;
    private final String note;

    private BenchmarkEntry(Builder b) {
        this.metric = b.metric;
        this.segment = b.segment;
        this.statistics = Collections.unmodifiableMap(new EnumMap<>(b.statistics));
        this.basis = Objects.requireNonNull(b.basis, "basis is null");
        this.currency = b.currency;
        this.taxIncluded = b.taxIncluded;
        this.shippingIncluded = b.shippingIncluded;
        this.refundsNetted = b.refundsNetted;
        this.period = b.period;
        this.sample = b.sample;
        this.sourceTitle = b.sourceTitle;
        this.sourceUrl = b.sourceUrl;
        this.publisher = b.publisher;
        this.retrieved = b.retrieved;
        this.verification = Objects.requireNonNull(b.verification, "verification is null");
        this.band = b.band;
        this.note = b.note;
    }

    /** An entry for metric id {@code metric} (e.g. {@code revenue_per_session}) in {@code segment}. */
    public static Builder builder(String metric, String segment) {
        return new Builder(metric, segment);
    }

    /** The metric id, as in {@link Metric#id()}. */
    public String metric() {
        return metric;
    }

    /** The segment id within the pack ({@code uk-all}, {@code fashion}, {@code mobile}, ...). */
    public String segment() {
        return segment;
    }

    /** The statistics the source gives; may be empty (a definition without a figure: see {@link #note()}). */
    public Map<Statistic, BigDecimal> statistics() {
        return statistics;
    }

    public Optional<BigDecimal> statistic(Statistic s) {
        return Optional.ofNullable(statistics.get(s));
    }

    public Basis basis() {
        return basis;
    }

    /** ISO 4217 code for money metrics; {@code null} for ratios and counts. */
    public String currency() {
        return currency;
    }

    /** Nullable: unknown. */
    public Boolean taxIncluded() {
        return taxIncluded;
    }

    /** Nullable: unknown. */
    public Boolean shippingIncluded() {
        return shippingIncluded;
    }

    /** Nullable: unknown. */
    public Boolean refundsNetted() {
        return refundsNetted;
    }

    /** The period the figure covers, as the source states it ({@code Aug 2022}). */
    public String period() {
        return period;
    }

    /** Nullable: the sample, as the source states it. */
    public String sample() {
        return sample;
    }

    public String sourceTitle() {
        return sourceTitle;
    }

    /** An http(s) URL. */
    public String sourceUrl() {
        return sourceUrl;
    }

    public String publisher() {
        return publisher;
    }

    /** When the figure was read from the source. */
    public LocalDate retrieved() {
        return retrieved;
    }

    public Verification verification() {
        return verification;
    }

    /**
     * The band below the centre that still counts as "average" when the entry has no p25: the low
     * bound is {@code band x centre}. Empty: the host's default (0.75).
     */
    public Optional<BigDecimal> band() {
        return Optional.ofNullable(band);
    }

    /** Nullable: anything a reader must know ("no median is published", the derivation of a D figure). */
    public String note() {
        return note;
    }

    @Override
    public String toString() {
        return metric + "/" + segment + " " + statistics + " " + basis.code() + (currency == null ? "" : " " + currency) + " " + verification;
    }

    /** Builds a {@link BenchmarkEntry}. Not thread-safe. */
    public static final class Builder {
        private final String metric;
        private final String segment;
        private final Map<Statistic, BigDecimal> statistics = new EnumMap<>(Statistic.class);
        private Basis basis = Basis.SESSION;
        private String currency;
        private Boolean taxIncluded;
        private Boolean shippingIncluded;
        private Boolean refundsNetted;
        private String period;
        private String sample;
        private String sourceTitle;
        private String sourceUrl;
        private String publisher;
        private LocalDate retrieved;
        private Verification verification;
        private BigDecimal band;
        private String note;

        private Builder(String metric, String segment) {
            this.metric = Objects.requireNonNull(metric, "metric is null");
            this.segment = Objects.requireNonNull(segment, "segment is null");
        }

        public Builder statistic(Statistic s, BigDecimal value) {
            statistics.put(Objects.requireNonNull(s, "statistic is null"), Objects.requireNonNull(value, "value is null"));
            return this;
        }

        public Builder basis(Basis v) {
            basis = v;
            return this;
        }

        public Builder currency(String v) {
            currency = v;
            return this;
        }

        public Builder taxIncluded(Boolean v) {
            taxIncluded = v;
            return this;
        }

        public Builder shippingIncluded(Boolean v) {
            shippingIncluded = v;
            return this;
        }

        public Builder refundsNetted(Boolean v) {
            refundsNetted = v;
            return this;
        }

        public Builder period(String v) {
            period = v;
            return this;
        }

        public Builder sample(String v) {
            sample = v;
            return this;
        }

        public Builder source(String title, String url, String publisher) {
            this.sourceTitle = title;
            this.sourceUrl = url;
            this.publisher = publisher;
            return this;
        }

        public Builder retrieved(LocalDate v) {
            retrieved = v;
            return this;
        }

        public Builder verification(Verification v) {
            verification = v;
            return this;
        }

        public Builder band(BigDecimal v) {
            band = v;
            return this;
        }

        public Builder note(String v) {
            note = v;
            return this;
        }

        public BenchmarkEntry build() {
            return new BenchmarkEntry(this);
        }
    }
}

package io.persession.spi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One published benchmark: a metric in a segment, what the source gives for it, and where it comes
 * from. Numbers only: the host does the rating. Immutable; build with {@link #builder(String, String)}.
 *
 * <p>What an entry holds depends on its {@link Kind}:
 * <ul>
 * <li>{@link Kind#FIGURE}: {@link #statistics()} of the metric (p25, p50, p75, p80, p90, mean): the
 * only kind the host rates against;</li>
 * <li>{@link Kind#RANGE}: a published {@link #range()} ("typical ranges"), not quartiles;</li>
 * <li>{@link Kind#RELATIVE}: how the metric compares with another metric or period
 * ({@link #relation()}), as a share in {@link #range()} or {@link #statistics()}
 * ({@code 0.20} for "20% higher");</li>
 * <li>{@link Kind#DEFINITION}: how a source defines the metric ({@link #definition()}), no number;</li>
 * <li>{@link Kind#NOT_PUBLISHED}: no public figure exists; {@link #note()} says what was looked for.
 * It has no {@link #verification()} (there is nothing to verify) and may have no source.</li>
 * </ul>
 *
 * <p>Ratios (conversion rate, fill rate) are shares between 0 and 1 ({@code 0.0162} for 1.62%); money
 * is in {@link #currency()} units.
 *
 * <p>The builder checks only what keeps the object well-formed (non-null ids, kind and basis; a
 * verification flag unless {@link Kind#NOT_PUBLISHED}). The rules of the pack format (statistics in
 * order, a currency for money metrics, http(s) URLs, ...) are checked by the host
 * ({@code io.persession.engine.BenchmarkPacks#check}) on every pack it loads.
 */
public final class BenchmarkEntry {
    private final String metric;
    private final String segment;
    private final Kind kind;
    private final Map<Statistic, BigDecimal> statistics;
    private final Range range;
    private final Relation relation;
    private final String definition;
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
    private final Verification underlyingVerification;
    private final BigDecimal band;
    private final String quote;
    private final String note;

    private BenchmarkEntry(Builder b) {
        this.metric = b.metric;
        this.segment = b.segment;
        this.kind = Objects.requireNonNull(b.kind, "kind is null");
        this.statistics = Collections.unmodifiableMap(new EnumMap<>(b.statistics));
        this.range = b.range;
        this.relation = b.relation;
        this.definition = b.definition;
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
        if (b.verification == null && kind != Kind.NOT_PUBLISHED) {
            throw new NullPointerException("verification is null (only a " + Kind.NOT_PUBLISHED.code() + " entry has none)");
        }
        this.verification = b.verification;
        this.underlyingVerification = b.underlyingVerification;
        this.band = b.band;
        this.quote = b.quote;
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

    /** The segment id within the pack ({@code uk-all}, {@code fashion-apparel}, {@code mobile}, ...). */
    public String segment() {
        return segment;
    }

    /** What the entry holds; {@link Kind#FIGURE} unless the builder was told otherwise. */
    public Kind kind() {
        return kind;
    }

    /**
     * The statistics the source gives. A {@link Kind#FIGURE} has at least one; a {@link Kind#RELATIVE}
     * may hold relative differences here; the other kinds have none.
     */
    public Map<Statistic, BigDecimal> statistics() {
        return statistics;
    }

    public Optional<BigDecimal> statistic(Statistic s) {
        return Optional.ofNullable(statistics.get(s));
    }

    /** The published range ({@link Kind#RANGE}, or the relative difference of a {@link Kind#RELATIVE}). */
    public Optional<Range> range() {
        return Optional.ofNullable(range);
    }

    /** What a {@link Kind#RELATIVE} entry compares the metric with. */
    public Optional<Relation> relation() {
        return Optional.ofNullable(relation);
    }

    /** Nullable: the source's definition of the metric, as a formula in words ({@link Kind#DEFINITION}). */
    public String definition() {
        return definition;
    }

    public Basis basis() {
        return basis;
    }

    /** ISO 4217 code for money figures and ranges; {@code null} for ratios, counts and figureless entries. */
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

    /** The period the figure covers, as the source states it ({@code Aug 2022}); nullable (not stated) except for a {@link Kind#FIGURE}. */
    public String period() {
        return period;
    }

    /** Nullable: the sample, as the source states it. */
    public String sample() {
        return sample;
    }

    /** Nullable only for a {@link Kind#NOT_PUBLISHED} entry. */
    public String sourceTitle() {
        return sourceTitle;
    }

    /** Nullable: an http(s) URL of the page read; absent when the source gives none that can be cited. */
    public String sourceUrl() {
        return sourceUrl;
    }

    /** Nullable only for a {@link Kind#NOT_PUBLISHED} entry. */
    public String publisher() {
        return publisher;
    }

    /** When the figure was read from the source (for {@link Kind#NOT_PUBLISHED}: when it was looked for). */
    public LocalDate retrieved() {
        return retrieved;
    }

    /** How the figure was read from the cited source; {@code null} only for a {@link Kind#NOT_PUBLISHED} entry. */
    public Verification verification() {
        return verification;
    }

    /**
     * The state of the data behind the cited source, when it is weaker than {@link #verification()}: a
     * figure read exactly (V) on a page that names no study behind it has underlying verification U
     * ("Data not yet verified").
     */
    public Optional<Verification> underlyingVerification() {
        return Optional.ofNullable(underlyingVerification);
    }

    /**
     * The band below the centre that still counts as "average" when the entry has no p25: the low
     * bound is {@code band x centre}. Empty: the host's default (0.75).
     */
    public Optional<BigDecimal> band() {
        return Optional.ofNullable(band);
    }

    /** Nullable: the source's own words for the figure ("tends to be 20-25% higher"). */
    public String quote() {
        return quote;
    }

    /** Nullable: anything a reader must know ("no median is published", the derivation of a D figure). */
    public String note() {
        return note;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof BenchmarkEntry)) {
            return false;
        }
        BenchmarkEntry e = (BenchmarkEntry) o;
        return metric.equals(e.metric) && segment.equals(e.segment) && kind == e.kind && sameNumbers(statistics, e.statistics)
                && Objects.equals(range, e.range) && Objects.equals(relation, e.relation) && Objects.equals(definition, e.definition)
                && basis == e.basis && Objects.equals(currency, e.currency) && Objects.equals(taxIncluded, e.taxIncluded)
                && Objects.equals(shippingIncluded, e.shippingIncluded) && Objects.equals(refundsNetted, e.refundsNetted)
                && Objects.equals(period, e.period) && Objects.equals(sample, e.sample) && Objects.equals(sourceTitle, e.sourceTitle)
                && Objects.equals(sourceUrl, e.sourceUrl) && Objects.equals(publisher, e.publisher) && Objects.equals(retrieved, e.retrieved)
                && verification == e.verification && underlyingVerification == e.underlyingVerification && sameNumber(band, e.band)
                && Objects.equals(quote, e.quote) && Objects.equals(note, e.note);
    }

    @Override
    public int hashCode() {
        return Objects.hash(metric, segment, kind, statistics.keySet(), basis, currency, period, sourceUrl, verification);
    }

    private static boolean sameNumbers(Map<Statistic, BigDecimal> a, Map<Statistic, BigDecimal> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (Map.Entry<Statistic, BigDecimal> x : a.entrySet()) {
            if (x.getValue().compareTo(b.get(x.getKey())) != 0) {
                return false;
            }
        }
        return true;
    }

    static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(metric).append('/').append(segment).append(' ').append(kind.code());
        if (!statistics.isEmpty()) {
            s.append(' ').append(statistics);
        }
        if (range != null) {
            s.append(' ').append(range);
        }
        if (relation != null) {
            s.append(' ').append(relation);
        }
        s.append(' ').append(basis.code());
        if (currency != null) {
            s.append(' ').append(currency);
        }
        return s.append(' ').append(verification == null ? "-" : verification.name()).toString();
    }

    /** What an entry holds. Codes are the {@code kind} values of the pack format. */
    public enum Kind {
        /** Statistics of the metric: what the host rates against. */
        FIGURE,
        /** A published range of values ("typical ranges"), not a distribution's quantiles. */
        RANGE,
        /** The metric relative to another metric or period, as a share ("20-25% higher"). */
        RELATIVE,
        /** A source's definition of the metric, without a figure. */
        DEFINITION,
        /** No public figure exists; the note says what was looked for. */
        NOT_PUBLISHED;

        /** {@code figure}, {@code range}, {@code relative}, {@code definition}, {@code not_published}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind fromCode(String code) {
            String c = code.trim().toLowerCase(Locale.ROOT).replace('-', '_');
            for (Kind k : values()) {
                if (k.code().equals(c)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown kind '" + code + "'; known: figure, range, relative, definition, not_published");
        }
    }

    /** A published range, {@code low} to {@code high} (both inclusive). Immutable. */
    public static final class Range {
        private final BigDecimal low;
        private final BigDecimal high;

        private Range(BigDecimal low, BigDecimal high) {
            this.low = Objects.requireNonNull(low, "low is null");
            this.high = Objects.requireNonNull(high, "high is null");
        }

        /** A range; the host checks {@code 0 <= low <= high}. */
        public static Range of(BigDecimal low, BigDecimal high) {
            return new Range(low, high);
        }

        public BigDecimal low() {
            return low;
        }

        public BigDecimal high() {
            return high;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Range && low.compareTo(((Range) o).low) == 0 && high.compareTo(((Range) o).high) == 0;
        }

        @Override
        public int hashCode() {
            return Objects.hash(low.stripTrailingZeros(), high.stripTrailingZeros());
        }

        @Override
        public String toString() {
            return low + ".." + high;
        }
    }

    /**
     * What a {@link Kind#RELATIVE} entry's values are relative to: another metric (or the same one) in
     * a reference period, and whether the entry's metric is higher or lower by that share. Immutable.
     */
    public static final class Relation {
        private final String metric;
        private final Direction direction;
        private final String period;

        private Relation(String metric, Direction direction, String period) {
            this.metric = Objects.requireNonNull(metric, "metric is null");
            this.direction = Objects.requireNonNull(direction, "direction is null");
            this.period = period;
        }

        /**
         * The entry's metric is {@code direction} than {@code metric} (in {@code period} when given,
         * else in the same period) by the entry's share.
         */
        public static Relation of(String metric, Direction direction, String period) {
            return new Relation(metric, direction, period);
        }

        /** The reference metric id. */
        public String metric() {
            return metric;
        }

        public Direction direction() {
            return direction;
        }

        /** Nullable: the reference period ({@code Q4}); absent: the entry's own period. */
        public String period() {
            return period;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Relation)) {
                return false;
            }
            Relation r = (Relation) o;
            return metric.equals(r.metric) && direction == r.direction && Objects.equals(period, r.period);
        }

        @Override
        public int hashCode() {
            return Objects.hash(metric, direction, period);
        }

        @Override
        public String toString() {
            return direction.code() + " than " + metric + (period == null ? "" : " in " + period);
        }
    }

    /** Higher or lower than the reference. */
    public enum Direction {
        HIGHER, LOWER;

        /** {@code higher}, {@code lower}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Direction fromCode(String code) {
            String c = code.trim().toLowerCase(Locale.ROOT);
            for (Direction d : values()) {
                if (d.code().equals(c)) {
                    return d;
                }
            }
            throw new IllegalArgumentException("unknown direction '" + code + "'; known: higher, lower");
        }
    }

    /** Builds a {@link BenchmarkEntry}. Not thread-safe. */
    public static final class Builder {
        private final String metric;
        private final String segment;
        private Kind kind = Kind.FIGURE;
        private final Map<Statistic, BigDecimal> statistics = new EnumMap<>(Statistic.class);
        private Range range;
        private Relation relation;
        private String definition;
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
        private Verification underlyingVerification;
        private BigDecimal band;
        private String quote;
        private String note;

        private Builder(String metric, String segment) {
            this.metric = Objects.requireNonNull(metric, "metric is null");
            this.segment = Objects.requireNonNull(segment, "segment is null");
        }

        /** Default {@link Kind#FIGURE}. */
        public Builder kind(Kind v) {
            kind = v;
            return this;
        }

        public Builder statistic(Statistic s, BigDecimal value) {
            statistics.put(Objects.requireNonNull(s, "statistic is null"), Objects.requireNonNull(value, "value is null"));
            return this;
        }

        public Builder range(Range v) {
            range = v;
            return this;
        }

        public Builder relation(Relation v) {
            relation = v;
            return this;
        }

        public Builder definition(String v) {
            definition = v;
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

        public Builder underlyingVerification(Verification v) {
            underlyingVerification = v;
            return this;
        }

        public Builder band(BigDecimal v) {
            band = v;
            return this;
        }

        public Builder quote(String v) {
            quote = v;
            return this;
        }

        public Builder note(String v) {
            note = v;
            return this;
        }

        /** @throws NullPointerException without a verification flag, unless the kind is {@link Kind#NOT_PUBLISHED} */
        public BenchmarkEntry build() {
            return new BenchmarkEntry(this);
        }
    }
}

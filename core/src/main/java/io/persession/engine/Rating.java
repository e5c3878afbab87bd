package io.persession.engine;

import io.persession.spi.Basis;
import io.persession.spi.BenchmarkEntry;
import io.persession.spi.BenchmarkPack;
import io.persession.spi.Metric;
import io.persession.spi.Statistic;
import io.persession.spi.Verification;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One of the user's metric values rated against one benchmark entry, by the seed's rule (DESIGN.md,
 * "Rating, scenarios, leverage"; shared/benchmarks/SOURCES.md, "Labelling"):
 * <ul>
 * <li>{@link Label#STRONG} at or above the centre: the median (p50), or the mean where the entry has
 * no median ({@link #centreIsMean()});</li>
 * <li>{@link Label#AVERAGE} below the centre but at or above the low bound: p25 where the entry has
 * it, else the entry's band x the centre, default {@link #DEFAULT_BAND} ({@link #derivedBand()});</li>
 * <li>{@link Label#LOW} below the low bound.</li>
 * </ul>
 * No label, but a {@link #reason()}, when the figures are not comparable: the metric is not one
 * persession computes, the entry is not a {@link BenchmarkEntry.Kind#FIGURE} (a published range, a
 * relation to another metric, a definition or a statement that no figure is published: the reason says
 * which, with its note), the entry holds no statistic (the reason is its note), the basis does
 * not match the user's metric, the currency does not match (money is never compared across
 * currencies), the entry has neither a median nor a mean, or the user's value is undefined.
 *
 * <p>Basis: the user's per-session metrics (revenue per session, session RPM, conversion, ...) are
 * comparable with {@code session} figures and with {@code visit} figures: a visit (Adobe, Salesforce)
 * is counted like a session (an inactivity-bounded run of one visitor's hits), so persession labels it
 * and says so in a caveat. {@code user} figures are never compared with per-session metrics (a
 * visitor's repeat sessions would be counted once): compare them with revenue per visitor. Page RPM
 * needs a {@code pageview} basis, revenue and sessions per visitor a {@code user} basis, fill rate an
 * {@code ad_request} basis; average order value is per order whatever the basis.
 *
 * <p>Immutable.
 */
public final class Rating {
    /** The label. */
    public enum Label {
        STRONG("Strong"), AVERAGE("Average"), LOW("Low");

        private final String text;

        Label(String text) {
            this.text = text;
        }

        /** {@code Strong}, {@code Average}, {@code Low}. */
        public String text() {
            return text;
        }
    }

    /** The low bound is this share of the centre when the entry has no p25 and states no band. */
    public static final BigDecimal DEFAULT_BAND = new BigDecimal("0.75");

    private final String packId;
    private final String packVersion;
    private final String packTitle;
    private final String segment;
    private final String metric;
    private final BenchmarkEntry entry;
    private final BigDecimal value;
    private final String currency;
    private final Label label;
    private final String reason;
    private final Statistic centreStatistic;
    private final BigDecimal centre;
    private final BigDecimal lowBound;
    private final BigDecimal band;
    private final List<String> caveats;

    private Rating(BenchmarkPack pack, BenchmarkEntry entry, BigDecimal value, String currency, Label label, String reason,
                   Statistic centreStatistic, BigDecimal centre, BigDecimal lowBound, BigDecimal band, List<String> caveats) {
        this.packId = pack.id();
        this.packVersion = pack.version();
        this.packTitle = pack.title();
        this.segment = entry.segment();
        this.metric = entry.metric();
        this.entry = entry;
        this.value = value;
        this.currency = currency;
        this.label = label;
        this.reason = reason;
        this.centreStatistic = centreStatistic;
        this.centre = centre;
        this.lowBound = lowBound;
        this.band = band;
        this.caveats = List.copyOf(caveats);
    }

    /** Rates the user's value of {@code entry.metric()} in {@code figures} against {@code entry}. */
    public static Rating rate(BenchmarkPack pack, BenchmarkEntry entry, Figures figures) {
        Objects.requireNonNull(figures, "figures is null");
        Optional<BigDecimal> v = figures.metric(entry.metric());
        return rate(pack, entry, v.orElse(null), figures.currency(), v.isPresent() ? null : figures.whyUndefined(entry.metric()));
    }

    /**
     * Rates {@code value} of {@code entry.metric()}, in {@code currency} (the analysis currency; {@code null}
     * when unknown), against {@code entry}.
     */
    public static Rating rate(BenchmarkPack pack, BenchmarkEntry entry, BigDecimal value, String currency) {
        return rate(pack, entry, value, currency, "undefined");
    }

    private static Rating rate(BenchmarkPack pack, BenchmarkEntry entry, BigDecimal value, String currency, String whyUndefined) {
        Objects.requireNonNull(pack, "pack is null");
        Objects.requireNonNull(entry, "entry is null");
        List<String> caveats = new ArrayList<>();
        Optional<Metric> metric = metric(entry.metric());
        if (metric.isEmpty()) {
            return unrated(pack, entry, value, currency, "persession does not compute '" + entry.metric() + "'; the figure is shown for reference", caveats);
        }
        if (entry.kind() != BenchmarkEntry.Kind.FIGURE) {
            return unrated(pack, entry, value, currency, notAFigure(entry), caveats);
        }
        if (entry.statistics().isEmpty()) {
            String note = entry.note() == null || entry.note().isBlank() ? "the entry holds no figure (a definition only)" : entry.note();
            return unrated(pack, entry, value, currency, "no figure to rate against: " + note, caveats);
        }
        String basisProblem = basisProblem(entry.metric(), entry.basis());
        if (basisProblem != null) {
            return unrated(pack, entry, value, currency, basisProblem, caveats);
        }
        if (metric.get().unit() == Metric.Unit.MONEY) {
            String currencyProblem = currencyProblem(entry, currency);
            if (currencyProblem != null) {
                return unrated(pack, entry, value, currency, currencyProblem, caveats);
            }
        }
        Statistic centreStatistic = entry.statistics().containsKey(Statistic.P50) ? Statistic.P50
                : entry.statistics().containsKey(Statistic.MEAN) ? Statistic.MEAN : null;
        if (centreStatistic == null) {
            return unrated(pack, entry, value, currency, "the benchmark has neither a median (p50) nor a mean (only "
                    + codes(entry) + "), so there is no centre to rate against", caveats);
        }
        BigDecimal centre = entry.statistics().get(centreStatistic);
        BigDecimal band = null;
        BigDecimal low = entry.statistics().get(Statistic.P25);
        if (low == null) {
            band = entry.band().orElse(DEFAULT_BAND);
            low = band.multiply(centre);
        }
        caveats.addAll(caveats(entry, metric.get(), centreStatistic));
        if (value == null) {
            return new Rating(pack, entry, null, currency, null, "your " + entry.metric() + " is undefined (" + whyUndefined + ")",
                    centreStatistic, centre, low, band, caveats);
        }
        Label label = value.compareTo(centre) >= 0 ? Label.STRONG : value.compareTo(low) >= 0 ? Label.AVERAGE : Label.LOW;
        return new Rating(pack, entry, value, currency, label, null, centreStatistic, centre, low, band, caveats);
    }

    /** Why a range, relative, definition or not-published entry gives no label. */
    private static String notAFigure(BenchmarkEntry e) {
        String note = e.note() == null || e.note().isBlank() ? "" : " (" + e.note() + ")";
        switch (e.kind()) {
            case RANGE:
                BenchmarkEntry.Range r = e.range().orElse(null);
                return "the source publishes a range" + (r == null ? "" : " " + r.low().toPlainString() + " to " + r.high().toPlainString()
                        + (e.currency() == null ? "" : " " + e.currency())) + ", not a median or a mean: shown for reference, not rated" + note;
            case RELATIVE:
                BenchmarkEntry.Relation rel = e.relation().orElse(null);
                return "the entry compares " + e.metric() + " with " + (rel == null ? "another figure" : rel.metric()
                        + (rel.period() == null ? "" : " in " + rel.period())) + ", it is not a figure to rate against" + note;
            case DEFINITION:
                return "no figure to rate against: the source gives a definition"
                        + (e.definition() == null || e.definition().isBlank() ? "" : ", " + e.definition()) + note;
            default:
                return "no figure to rate against: none is published" + note;
        }
    }

    private static Rating unrated(BenchmarkPack pack, BenchmarkEntry entry, BigDecimal value, String currency, String reason, List<String> caveats) {
        return new Rating(pack, entry, value, currency, null, reason, null, null, null, null, caveats);
    }

    /** The metric of {@link StandardMetrics} with this id. */
    static Optional<Metric> metric(String id) {
        return StandardMetrics.ALL.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** Why a figure on {@code basis} cannot rate the user's {@code metric}, or {@code null} when it can. */
    static String basisProblem(String metric, Basis basis) {
        switch (metric) {
            case "revenue_per_session":
            case "session_rpm":
            case "conversion_rate":
            case "orders_per_converting_session":
            case "pages_per_session":
            case "ad_revenue_per_session":
            case "refunds_per_session":
                if (basis == Basis.SESSION || basis == Basis.VISIT) {
                    return null;
                }
                return "the benchmark is counted per " + basisName(basis) + " (basis '" + basis.code() + "'), your " + metric
                        + " per session: not comparable" + (basis == Basis.USER
                        ? " (a visitor's repeat sessions would count once; compare a per-user figure with revenue_per_visitor)" : "");
            case "revenue_per_visitor":
            case "sessions_per_visitor":
                return basis == Basis.USER ? null : "the benchmark is counted per " + basisName(basis) + " (basis '" + basis.code()
                        + "'), your " + metric + " per visitor (user): not comparable";
            case "page_rpm":
                return basis == Basis.PAGEVIEW ? null : "the benchmark is counted per " + basisName(basis) + " (basis '" + basis.code()
                        + "'), your page_rpm per pageview: not comparable";
            case "fill_rate":
                return basis == Basis.AD_REQUEST ? null : "the benchmark is counted per " + basisName(basis) + " (basis '" + basis.code()
                        + "'), your fill_rate per ad request: not comparable";
            default:
                return null; // average_order_value: per order whatever the basis
        }
    }

    private static String basisName(Basis b) {
        return b.code().replace('_', ' ');
    }

    private static String currencyProblem(BenchmarkEntry entry, String currency) {
        if (entry.currency() == null) {
            return "the benchmark states no currency, so it cannot be compared with money";
        }
        if (currency == null) {
            return "your revenue has no currency and the benchmark is in " + entry.currency() + "; give the currency (--currency "
                    + entry.currency() + " if your revenue is in " + entry.currency() + ")";
        }
        if (!currency.equals(entry.currency())) {
            return "the benchmark is in " + entry.currency() + ", your revenue in " + currency + "; persession never compares across"
                    + " currencies: convert your revenue (analyze --currency " + entry.currency() + " --fx " + currency
                    + "=RATE) or use a " + currency + " benchmark";
        }
        return null;
    }

    private static List<String> caveats(BenchmarkEntry entry, Metric metric, Statistic centre) {
        List<String> out = new ArrayList<>();
        if (centre == Statistic.MEAN) {
            out.add("the centre is a mean, not a median (no median is published): a few large values pull a mean up");
        }
        if (entry.basis() == Basis.VISIT) {
            out.add("the benchmark counts visits; persession compares them with your sessions, which are counted alike"
                    + " (how close depends on your session definition)");
        }
        if (metric.unit() == Metric.Unit.MONEY) {
            if (Boolean.TRUE.equals(entry.taxIncluded())) {
                out.add("the benchmark includes tax (e.g. VAT): compare it with revenue that includes tax");
            }
            if (Boolean.TRUE.equals(entry.shippingIncluded())) {
                out.add("the benchmark includes shipping: compare it with revenue that includes shipping");
            }
            if (Boolean.FALSE.equals(entry.refundsNetted())) {
                out.add("the benchmark does not net refunds; persession's revenue is net of refunds");
            }
        }
        if (entry.verification() == Verification.U) {
            out.add(Verification.U.label());
        } else if (entry.underlyingVerification().orElse(null) == Verification.U) {
            out.add(Verification.U.label() + " (the figure is read exactly, but the source names no study behind it)");
        } else if (entry.verification() == Verification.D) {
            out.add("derived, not published" + (entry.note() == null ? "" : ": " + entry.note()));
        }
        return out;
    }

    private static String codes(BenchmarkEntry entry) {
        List<String> codes = new ArrayList<>();
        entry.statistics().keySet().forEach(s -> codes.add(s.code()));
        return String.join(", ", codes);
    }

    public String packId() {
        return packId;
    }

    public String packVersion() {
        return packVersion;
    }

    public String packTitle() {
        return packTitle;
    }

    public String segment() {
        return segment;
    }

    /** The metric id. */
    public String metric() {
        return metric;
    }

    /** The entry rated against: its basis, currency, period, sample, source, retrieved date, flag and note. */
    public BenchmarkEntry entry() {
        return entry;
    }

    /** The user's value; empty when undefined. */
    public Optional<BigDecimal> value() {
        return Optional.ofNullable(value);
    }

    /** The user's currency ({@code null}: unknown). */
    public String currency() {
        return currency;
    }

    /** The label; empty when not rated (see {@link #reason()}). */
    public Optional<Label> label() {
        return Optional.ofNullable(label);
    }

    /** Why there is no label; {@code null} when there is one. */
    public String reason() {
        return reason;
    }

    /** True when the benchmark is comparable with the user's metric (basis, currency, a centre), whether or not the value is defined. */
    public boolean comparable() {
        return centre != null;
    }

    /** The statistic used as the centre: {@link Statistic#P50}, or {@link Statistic#MEAN} when there is no median. */
    public Optional<Statistic> centreStatistic() {
        return Optional.ofNullable(centreStatistic);
    }

    public Optional<BigDecimal> centre() {
        return Optional.ofNullable(centre);
    }

    public boolean centreIsMean() {
        return centreStatistic == Statistic.MEAN;
    }

    /** The low bound: p25, or band x centre ({@link #derivedBand()}). */
    public Optional<BigDecimal> lowBound() {
        return Optional.ofNullable(lowBound);
    }

    /** True when the low bound is band x centre (the entry has no p25). */
    public boolean derivedBand() {
        return band != null;
    }

    /** The band of a derived low bound (the entry's, or {@link #DEFAULT_BAND}); empty when the low bound is p25. */
    public Optional<BigDecimal> band() {
        return Optional.ofNullable(band);
    }

    /** The entry's p75, when it has one. */
    public Optional<BigDecimal> p75() {
        return entry.statistic(Statistic.P75);
    }

    /** What a reader must keep in mind (mean centre, visit basis, tax, "Data not yet verified", ...). */
    public List<String> caveats() {
        return caveats;
    }

    /** The label with its markers: {@code Average (derived band; centre is a mean)}; empty when not rated. */
    public Optional<String> labelText() {
        if (label == null) {
            return Optional.empty();
        }
        List<String> marks = new ArrayList<>();
        if (derivedBand()) {
            marks.add("derived band");
        }
        if (centreIsMean()) {
            marks.add("centre is a mean");
        }
        return Optional.of(label.text() + (marks.isEmpty() ? "" : " (" + String.join("; ", marks) + ")"));
    }

    /** How the low bound was found: {@code p25}, or {@code derived band 0.75 x mean}. */
    public String lowBoundRule() {
        if (lowBound == null) {
            return null;
        }
        return band == null ? Statistic.P25.code() : "derived band " + Texts.plain(band) + " x " + centreName();
    }

    /** One sentence: the label and why, or "Not rated: reason". */
    public String text() {
        String what = metricLabel(metric);
        if (label == null) {
            return "Not rated: " + reason + ".";
        }
        String v = format(value);
        String c = centreName() + " " + format(centre);
        String low = "the low bound " + format(lowBound) + (band == null ? " (p25)" : " (derived band: " + Texts.plain(band) + " x the " + centreName() + ")");
        switch (label) {
            case STRONG:
                return labelText().orElseThrow() + ": " + what + " " + v + " is at or above the " + c + ".";
            case AVERAGE:
                return labelText().orElseThrow() + ": " + what + " " + v + " is below the " + c + " but at or above " + low + ".";
            default:
                return labelText().orElseThrow() + ": " + what + " " + v + " is below " + low + "; the " + centreName() + " is " + format(centre) + ".";
        }
    }

    private String centreName() {
        return centreStatistic == Statistic.MEAN ? "mean" : "median (p50)";
    }

    private String format(BigDecimal v) {
        Optional<Metric> m = metric(metric);
        if (m.isEmpty() || m.get().unit() == Metric.Unit.NUMBER) {
            return Texts.plain(v);
        }
        return m.get().unit() == Metric.Unit.RATIO ? Texts.percent(v) : Texts.money(v, entry.currency());
    }

    /** "revenue per session" for {@code revenue_per_session}. */
    static String metricLabel(String id) {
        return metric(id).map(m -> m.label().substring(0, 1).toLowerCase(Locale.ROOT) + m.label().substring(1)).orElse(id);
    }

    @Override
    public String toString() {
        return packId + "/" + segment + "/" + metric + ": " + (label == null ? "not rated (" + reason + ")" : labelText().orElseThrow());
    }
}

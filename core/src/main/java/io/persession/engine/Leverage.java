package io.persession.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which lever moves revenue (DESIGN.md, "Rating, scenarios, leverage"), from the identity
 * {@code revenue_per_session = conversion_rate x orders_per_converting_session x average_order_value
 * + ad_revenue_per_session - refunds_per_session}, so that revenue = sessions x that =
 * purchase revenue + ad revenue - refunds. Holding every other term of the identity:
 * <ul>
 * <li>+10% conversion adds 10% of purchase revenue (conversion multiplies the purchase term);</li>
 * <li>+10% order value adds 10% of purchase revenue too (it multiplies the same term);</li>
 * <li>+10% sessions adds 10% of net revenue (every per-session value, ads and refunds included, is held).</li>
 * </ul>
 * All exact. The two purchase levers are equal by the identity; what tells them apart is the
 * <em>headroom</em>: how far conversion and order value are below their benchmarks (the pack segment's
 * comparable {@code conversion_rate} and {@code average_order_value} centres), and the revenue at the
 * benchmark value (exact for order value: orders x benchmark; for conversion: purchase revenue x
 * benchmark / current conversion, rounded half-even to six places).
 *
 * <p>The verdict: {@link Verdict#MONETIZATION} ("monetization per session is the constraint") when revenue
 * per session is rated Low or Average, or, without that rating, when conversion or order value is below
 * its benchmark; {@link Verdict#VOLUME} ("sessions are well monetized and more volume compounds") when
 * revenue per session is Strong, or, without that rating, when conversion and order value are at or
 * above their benchmarks; {@link Verdict#UNDETERMINED} without any comparable benchmark.
 *
 * <p>Session basis versus visitor basis: revenue per visitor next to revenue per session; with
 * {@code sessions_per_visitor} = sessions / visitors, revenue per session = revenue per visitor /
 * sessions per visitor, so repeat sessions dilute the per-session figure by 1 - visitors / sessions.
 * Immutable.
 */
public final class Leverage {
    /** The step of each lever: +10%. */
    public static final BigDecimal STEP = new BigDecimal("0.10");

    /** The verdict's code. */
    public enum Verdict {
        MONETIZATION, VOLUME, UNDETERMINED;

        /** {@code monetization}, {@code volume}, {@code undetermined}. */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final long sessions;
    private final String currency;
    private final Lever conversion;
    private final Lever orderValue;
    private final Lever sessionsLever;
    private final Headroom conversionHeadroom;
    private final Headroom orderValueHeadroom;
    private final Verdict verdict;
    private final String verdictText;
    private final VisitorBasis visitorBasis;
    private final Map<String, String> reasons;

    private Leverage(Builder b) {
        this.sessions = b.sessions;
        this.currency = b.currency;
        this.conversion = b.conversion;
        this.orderValue = b.orderValue;
        this.sessionsLever = b.sessionsLever;
        this.conversionHeadroom = b.conversionHeadroom;
        this.orderValueHeadroom = b.orderValueHeadroom;
        this.verdict = b.verdict;
        this.verdictText = b.verdictText;
        this.visitorBasis = b.visitorBasis;
        this.reasons = Collections.unmodifiableMap(b.reasons);
    }

    /**
     * The levers for {@code figures}.
     *
     * @param ratings the pack segment's ratings, or {@code null} when no pack was chosen
     */
    public static Leverage of(Figures figures, Ratings ratings) {
        Objects.requireNonNull(figures, "figures is null");
        Builder b = new Builder();
        b.sessions = figures.sessions();
        b.currency = figures.currency();
        String cur = figures.currency();
        BigDecimal up = BigDecimal.ONE.add(STEP);

        if (figures.sessions() <= 0) {
            b.reasons.put("conversion_rate", "no sessions");
            b.reasons.put("average_order_value", "no sessions");
            b.reasons.put("sessions", "no sessions");
            b.verdict = Verdict.UNDETERMINED;
            b.verdictText = "No sessions: there is nothing to lever.";
            b.visitorBasis = null;
            b.reasons.put("visitor_basis", "no sessions");
            return new Leverage(b);
        }

        Optional<BigDecimal> purchase = figures.purchaseRevenue();
        Optional<BigDecimal> cr = figures.conversionRate();
        if (purchase.isEmpty()) {
            b.reasons.put("conversion_rate", "the revenue's split into orders, ads and refunds is unknown (give orders)");
        } else if (cr.isEmpty()) {
            b.reasons.put("conversion_rate", "conversion is unknown (give converting sessions or orders)");
        } else {
            b.conversion = new Lever("conversion_rate", cr.get(), cr.get().multiply(up), purchase.get().multiply(STEP));
        }
        Optional<BigDecimal> aov = figures.averageOrderValue();
        if (purchase.isEmpty()) {
            b.reasons.put("average_order_value", "the revenue's split into orders, ads and refunds is unknown (give orders)");
        } else if (aov.isEmpty()) {
            b.reasons.put("average_order_value", figures.orders().isPresent() ? "no orders: order value is undefined" : "orders unknown");
        } else {
            b.orderValue = new Lever("average_order_value", aov.get(), aov.get().multiply(up), purchase.get().multiply(STEP));
        }
        BigDecimal s = BigDecimal.valueOf(figures.sessions());
        b.sessionsLever = new Lever("sessions", s, s.multiply(up), figures.revenue().multiply(STEP));

        if (ratings == null) {
            b.reasons.put("headroom", "no benchmark pack chosen");
        } else {
            b.conversionHeadroom = headroom(b, ratings, "conversion_rate", figures);
            b.orderValueHeadroom = headroom(b, ratings, "average_order_value", figures);
        }
        verdict(b, ratings, cur);
        visitorBasis(b, figures);
        return new Leverage(b);
    }

    private static Headroom headroom(Builder b, Ratings ratings, String metric, Figures f) {
        Optional<Rating> r = ratings.get(metric);
        if (r.isEmpty()) {
            b.reasons.put("headroom." + metric, "benchmark pack '" + ratings.pack().id() + "' has no " + metric + " figure in segment '"
                    + ratings.segment() + "'");
            return null;
        }
        if (!r.get().comparable()) {
            b.reasons.put("headroom." + metric, r.get().reason());
            return null;
        }
        if (r.get().value().isEmpty()) {
            b.reasons.put("headroom." + metric, r.get().reason());
            return null;
        }
        BigDecimal current = r.get().value().get();
        BigDecimal bench = r.get().centre().orElseThrow();
        BigDecimal gap = bench.subtract(current).max(BigDecimal.ZERO);
        BigDecimal atBenchmark = null;
        String why = null;
        if (gap.signum() > 0) {
            Optional<BigDecimal> purchase = f.purchaseRevenue();
            if (purchase.isEmpty()) {
                why = "the revenue's split into orders is unknown";
            } else if (metric.equals("conversion_rate")) {
                long converting = f.convertingSessions().orElse(0);
                if (converting <= 0) {
                    why = "no converting sessions: the order value at benchmark conversion is unknown";
                } else {
                    // purchase revenue x (benchmark conversion / current conversion) = purchase x bench x sessions / converting
                    atBenchmark = purchase.get().multiply(bench).multiply(BigDecimal.valueOf(f.sessions()))
                            .divide(BigDecimal.valueOf(converting), Money.SCALE, RoundingMode.HALF_EVEN);
                }
            } else {
                long orders = f.orders().orElse(0);
                atBenchmark = BigDecimal.valueOf(orders).multiply(bench);
            }
        }
        BigDecimal purchase = f.purchaseRevenue().orElse(null);
        BigDecimal added = gap.signum() == 0 ? BigDecimal.ZERO.setScale(2) : atBenchmark == null ? null : atBenchmark.subtract(purchase);
        if (why != null) {
            b.reasons.put("headroom." + metric + ".revenue", why);
        }
        return new Headroom(metric, current, bench, r.get(), gap, atBenchmark, added);
    }

    private static void verdict(Builder b, Ratings ratings, String cur) {
        List<String> levers = new ArrayList<>();
        if (b.conversion != null) {
            levers.add("+10% conversion adds " + Texts.signedMoney(b.conversion.revenueAdded, cur));
        }
        if (b.orderValue != null) {
            levers.add("+10% order value adds " + Texts.signedMoney(b.orderValue.revenueAdded, cur));
        }
        String sessionsAdds = "+10% sessions adds " + Texts.signedMoney(b.sessionsLever.revenueAdded, cur);
        List<String> below = new ArrayList<>();
        List<String> atOrAbove = new ArrayList<>();
        for (Headroom h : new Headroom[] {b.conversionHeadroom, b.orderValueHeadroom}) {
            if (h == null) {
                continue;
            }
            String name = h.metric.equals("conversion_rate") ? "conversion" : "order value";
            if (h.gap.signum() > 0) {
                below.add(name + " is below its benchmark" + (h.revenueAdded == null ? "" : " (reaching it adds "
                        + Texts.signedMoney(h.revenueAdded, cur) + ")"));
            } else {
                atOrAbove.add(name);
            }
        }
        Optional<Rating> headline = ratings == null ? Optional.empty() : ratings.headline().filter(r -> r.label().isPresent());
        String perSession = levers.isEmpty() ? "" : " " + String.join(", ", levers) + ".";
        if (headline.isPresent()) {
            Rating h = headline.get();
            String rated = Rating.metricLabel(h.metric()) + " is " + h.labelText().orElseThrow() + " against the benchmark";
            if (h.label().get() == Rating.Label.STRONG) {
                b.verdict = Verdict.VOLUME;
                b.verdictText = "Sessions are well monetized (" + rated + "): more volume compounds; " + sessionsAdds
                        + " at today's revenue per session." + (below.isEmpty() ? "" : " Still, " + String.join("; ", below) + ".");
            } else {
                b.verdict = Verdict.MONETIZATION;
                b.verdictText = "Monetization per session is the constraint (" + rated + (below.isEmpty() ? "" : "; " + String.join("; ", below))
                        + "): raise revenue per session before buying more sessions." + perSession + " " + sessionsAdds
                        + " at today's revenue per session.";
            }
        } else if (!below.isEmpty()) {
            b.verdict = Verdict.MONETIZATION;
            b.verdictText = "Monetization per session is the constraint (" + String.join("; ", below) + ")." + perSession + " "
                    + sessionsAdds + ".";
        } else if (!atOrAbove.isEmpty()) {
            b.verdict = Verdict.VOLUME;
            b.verdictText = "Sessions are well monetized (" + String.join(" and ", atOrAbove) + " at or above the benchmark): more volume"
                    + " compounds; " + sessionsAdds + ".";
        } else {
            b.verdict = Verdict.UNDETERMINED;
            b.verdictText = "No comparable benchmark to judge revenue per session against" + (ratings == null
                    ? " (choose a benchmark pack and segment)" : "") + "." + perSession + " " + sessionsAdds + ".";
        }
    }

    private static void visitorBasis(Builder b, Figures f) {
        if (f.visitors().isEmpty()) {
            b.reasons.put("visitor_basis", "visitors unknown");
            return;
        }
        long visitors = f.visitors().getAsLong();
        if (visitors <= 0) {
            b.reasons.put("visitor_basis", "no visitors");
            return;
        }
        BigDecimal rpv = f.revenuePerVisitor().orElseThrow();
        BigDecimal rps = f.revenuePerSession().orElseThrow();
        BigDecimal spv = f.sessionsPerVisitor().orElseThrow();
        // 1 - visitors / sessions: the share by which repeat sessions lower the per-session figure below the per-visitor one
        BigDecimal dilution = BigDecimal.ONE.subtract(Money.divide(BigDecimal.valueOf(visitors), f.sessions()));
        String cur = f.currency();
        String text = visitors == f.sessions()
                ? "Every visitor had one session: revenue per visitor equals revenue per session (" + Texts.money(rps, cur) + ")."
                : "Revenue per visitor " + Texts.money(rpv, cur) + " vs revenue per session " + Texts.money(rps, cur) + ": each visitor had "
                + Texts.number(spv) + " sessions on average, so repeat sessions spread a visitor's revenue over more sessions and the"
                + " per-session figure is " + Texts.percent(dilution) + " lower. A benchmark per user (visitor) compares with revenue per"
                + " visitor, one per session or visit with revenue per session.";
        b.visitorBasis = new VisitorBasis(visitors, rpv, rps, spv, dilution, text);
    }

    public long sessions() {
        return sessions;
    }

    public String currency() {
        return currency;
    }

    /** +10% conversion; empty when conversion or the purchase revenue is unknown ({@link #reasons()}). */
    public Optional<Lever> conversion() {
        return Optional.ofNullable(conversion);
    }

    /** +10% average order value; empty when order value is unknown or undefined. */
    public Optional<Lever> orderValue() {
        return Optional.ofNullable(orderValue);
    }

    /** +10% sessions; always there when there are sessions. */
    public Optional<Lever> sessionsLever() {
        return Optional.ofNullable(sessionsLever);
    }

    /** Conversion against its benchmark; empty without a comparable one. */
    public Optional<Headroom> conversionHeadroom() {
        return Optional.ofNullable(conversionHeadroom);
    }

    /** Order value against its benchmark; empty without a comparable one. */
    public Optional<Headroom> orderValueHeadroom() {
        return Optional.ofNullable(orderValueHeadroom);
    }

    public Verdict verdict() {
        return verdict;
    }

    /** The verdict in plain language, with the figures. */
    public String verdictText() {
        return verdictText;
    }

    /** Revenue per visitor next to revenue per session; empty when visitors are unknown. */
    public Optional<VisitorBasis> visitorBasis() {
        return Optional.ofNullable(visitorBasis);
    }

    /**
     * Why a part is missing: {@code conversion_rate}, {@code average_order_value}, {@code sessions},
     * {@code headroom}, {@code headroom.conversion_rate}, {@code headroom.average_order_value},
     * {@code headroom.<metric>.revenue}, {@code visitor_basis}.
     */
    public Map<String, String> reasons() {
        return reasons;
    }

    /** One lever: a metric from its current value to +10%, and the revenue that adds at current volume (exact). */
    public static final class Lever {
        private final String metric;
        private final BigDecimal from;
        private final BigDecimal to;
        private final BigDecimal revenueAdded;

        Lever(String metric, BigDecimal from, BigDecimal to, BigDecimal revenueAdded) {
            this.metric = metric;
            this.from = from;
            this.to = to;
            this.revenueAdded = revenueAdded;
        }

        /** {@code conversion_rate}, {@code average_order_value} or {@code sessions}. */
        public String metric() {
            return metric;
        }

        public BigDecimal from() {
            return from;
        }

        /** {@code from} x 1.1. */
        public BigDecimal to() {
            return to;
        }

        public BigDecimal revenueAdded() {
            return revenueAdded;
        }
    }

    /** A metric against its benchmark centre: the gap (0 when at or above) and the revenue at the benchmark. */
    public static final class Headroom {
        private final String metric;
        private final BigDecimal current;
        private final BigDecimal benchmark;
        private final Rating rating;
        private final BigDecimal gap;
        private final BigDecimal revenueAtBenchmark;
        private final BigDecimal revenueAdded;

        Headroom(String metric, BigDecimal current, BigDecimal benchmark, Rating rating, BigDecimal gap, BigDecimal revenueAtBenchmark,
                 BigDecimal revenueAdded) {
            this.metric = metric;
            this.current = current;
            this.benchmark = benchmark;
            this.rating = rating;
            this.gap = gap;
            this.revenueAtBenchmark = revenueAtBenchmark;
            this.revenueAdded = revenueAdded;
        }

        public String metric() {
            return metric;
        }

        public BigDecimal current() {
            return current;
        }

        /** The benchmark's centre (median, or mean: see {@link #rating()}). */
        public BigDecimal benchmark() {
            return benchmark;
        }

        /** The rating of this metric, for its label, statistic and source. */
        public Rating rating() {
            return rating;
        }

        /** benchmark - current, or 0 when at or above the benchmark. */
        public BigDecimal gap() {
            return gap;
        }

        /** Purchase revenue with this metric at the benchmark; empty when at or above it, or when it cannot be known. */
        public Optional<BigDecimal> revenueAtBenchmark() {
            return Optional.ofNullable(revenueAtBenchmark);
        }

        /** Revenue added by reaching the benchmark (0 when at or above); empty when it cannot be known. */
        public Optional<BigDecimal> revenueAdded() {
            return Optional.ofNullable(revenueAdded);
        }
    }

    /** Session basis versus visitor basis. */
    public static final class VisitorBasis {
        private final long visitors;
        private final BigDecimal revenuePerVisitor;
        private final BigDecimal revenuePerSession;
        private final BigDecimal sessionsPerVisitor;
        private final BigDecimal dilution;
        private final String text;

        VisitorBasis(long visitors, BigDecimal revenuePerVisitor, BigDecimal revenuePerSession, BigDecimal sessionsPerVisitor,
                     BigDecimal dilution, String text) {
            this.visitors = visitors;
            this.revenuePerVisitor = revenuePerVisitor;
            this.revenuePerSession = revenuePerSession;
            this.sessionsPerVisitor = sessionsPerVisitor;
            this.dilution = dilution;
            this.text = text;
        }

        public long visitors() {
            return visitors;
        }

        public BigDecimal revenuePerVisitor() {
            return revenuePerVisitor;
        }

        public BigDecimal revenuePerSession() {
            return revenuePerSession;
        }

        public BigDecimal sessionsPerVisitor() {
            return sessionsPerVisitor;
        }

        /** 1 - visitors / sessions: how much lower revenue per session is than revenue per visitor, as a share. */
        public BigDecimal dilution() {
            return dilution;
        }

        public String text() {
            return text;
        }
    }

    private static final class Builder {
        long sessions;
        String currency;
        Lever conversion;
        Lever orderValue;
        Lever sessionsLever;
        Headroom conversionHeadroom;
        Headroom orderValueHeadroom;
        Verdict verdict;
        String verdictText;
        VisitorBasis visitorBasis;
        final Map<String, String> reasons = new LinkedHashMap<>();
    }
}

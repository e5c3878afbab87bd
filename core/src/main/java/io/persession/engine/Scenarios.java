package io.persession.engine;

import io.persession.spi.Statistic;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The scenario lens (DESIGN.md): what the same sessions would earn at another revenue per session.
 * <ul>
 * <li>{@code current}: today's revenue per session and revenue;</li>
 * <li>{@code benchmark}: the benchmark's centre per session (the median; the mean where the pack has
 * no median, marked {@code mean}) at the current session volume;</li>
 * <li>{@code optimized}: the user's target revenue per session, or the user's uplift over current, or
 * else the benchmark's p75.</li>
 * </ul>
 * Each has revenue per session, revenue at current session volume and the difference to current, in
 * exact decimals: revenue = revenue per session x sessions exactly (an uplift multiplies the current
 * revenue exactly; only the per-session value shown for it is rounded, half-even to six places). A
 * session RPM benchmark counts as its value / 1000 per session. A benchmark that is not comparable (basis,
 * currency) gives no scenario, and {@link #reasons()} says why. Immutable.
 */
public final class Scenarios {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final long sessions;
    private final String currency;
    private final Scenario current;
    private final Scenario benchmark;
    private final Scenario optimized;
    private final Map<String, String> reasons;

    private Scenarios(long sessions, String currency, Scenario current, Scenario benchmark, Scenario optimized, Map<String, String> reasons) {
        this.sessions = sessions;
        this.currency = currency;
        this.current = current;
        this.benchmark = benchmark;
        this.optimized = optimized;
        this.reasons = Collections.unmodifiableMap(reasons);
    }

    /**
     * The scenarios for {@code figures}.
     *
     * @param ratings the pack segment's ratings, or {@code null} when no pack was chosen
     * @param target  the user's target or uplift, or {@code null}
     */
    public static Scenarios of(Figures figures, Ratings ratings, Target target) {
        Objects.requireNonNull(figures, "figures is null");
        long s = figures.sessions();
        BigDecimal revenue = figures.revenue();
        Scenario current = new Scenario("current", "actual", figures.revenuePerSession().orElse(null), revenue, BigDecimal.ZERO.setScale(2));
        Map<String, String> reasons = new LinkedHashMap<>();
        if (s <= 0) {
            reasons.put("benchmark", "no sessions: nothing to scale");
            reasons.put("optimized", "no sessions: nothing to scale");
            return new Scenarios(s, figures.currency(), current, null, null, reasons);
        }
        BigDecimal sessions = BigDecimal.valueOf(s);

        Scenario benchmark = null;
        Rating headline = null;
        if (ratings == null) {
            reasons.put("benchmark", "no benchmark pack chosen");
        } else {
            Optional<Rating> h = ratings.headline();
            if (h.isEmpty()) {
                reasons.put("benchmark", "benchmark pack '" + ratings.pack().id() + "' has no revenue_per_session or session_rpm figure in segment '"
                        + ratings.segment() + "'");
            } else if (!h.get().comparable()) {
                reasons.put("benchmark", h.get().reason());
            } else {
                headline = h.get();
                BigDecimal rps = perSession(headline, headline.centre().orElseThrow());
                benchmark = new Scenario("benchmark", headline.centreStatistic().orElseThrow().code(), rps, rps.multiply(sessions),
                        rps.multiply(sessions).subtract(revenue));
            }
        }

        Scenario optimized = null;
        if (target != null && target.revenuePerSession != null) {
            BigDecimal rps = target.revenuePerSession;
            optimized = new Scenario("optimized", "target", rps, rps.multiply(sessions), rps.multiply(sessions).subtract(revenue));
        } else if (target != null) {
            BigDecimal r = revenue.multiply(BigDecimal.ONE.add(target.upliftPercent.divide(HUNDRED)));
            optimized = new Scenario("optimized", "uplift", Money.divide(r, s), r, r.subtract(revenue));
        } else if (headline != null && headline.p75().isPresent()) {
            BigDecimal rps = perSession(headline, headline.p75().get());
            optimized = new Scenario("optimized", Statistic.P75.code(), rps, rps.multiply(sessions), rps.multiply(sessions).subtract(revenue));
        } else if (headline != null) {
            reasons.put("optimized", "the benchmark has no p75 and no target was given (--target-rps or --uplift)");
        } else {
            reasons.put("optimized", "no target given (--target-rps or --uplift) and no comparable benchmark p75");
        }
        return new Scenarios(s, figures.currency(), current, benchmark, optimized, reasons);
    }

    private static BigDecimal perSession(Rating r, BigDecimal v) {
        return r.metric().equals("session_rpm") ? v.movePointLeft(3) : v;
    }

    /** The session volume every scenario is taken at. */
    public long sessions() {
        return sessions;
    }

    /** The analysis currency ({@code null}: unknown). */
    public String currency() {
        return currency;
    }

    public Scenario current() {
        return current;
    }

    public Optional<Scenario> benchmark() {
        return Optional.ofNullable(benchmark);
    }

    public Optional<Scenario> optimized() {
        return Optional.ofNullable(optimized);
    }

    /** Why a scenario is missing, by name ({@code benchmark}, {@code optimized}). */
    public Map<String, String> reasons() {
        return reasons;
    }

    /** One scenario: revenue per session, revenue at the current session volume, difference to current. */
    public static final class Scenario {
        private final String name;
        private final String from;
        private final BigDecimal revenuePerSession;
        private final BigDecimal revenue;
        private final BigDecimal difference;

        Scenario(String name, String from, BigDecimal revenuePerSession, BigDecimal revenue, BigDecimal difference) {
            this.name = name;
            this.from = from;
            this.revenuePerSession = revenuePerSession;
            this.revenue = revenue;
            this.difference = difference;
        }

        /** {@code current}, {@code benchmark} or {@code optimized}. */
        public String name() {
            return name;
        }

        /**
         * Where the per-session value comes from: {@code actual}; {@code p50} or {@code mean} (benchmark);
         * {@code p75}, {@code target} or {@code uplift} (optimized).
         */
        public String from() {
            return from;
        }

        /** Empty only for {@code current} without sessions. */
        public Optional<BigDecimal> revenuePerSession() {
            return Optional.ofNullable(revenuePerSession);
        }

        /** Revenue at the current session volume, exact. */
        public BigDecimal revenue() {
            return revenue;
        }

        /** Revenue minus current revenue, exact. */
        public BigDecimal difference() {
            return difference;
        }

        @Override
        public String toString() {
            return name + "(" + from + "): " + revenuePerSession + "/session, " + revenue + " (" + difference + ")";
        }
    }

    /** The user's optimized scenario: a target revenue per session, or an uplift over current. */
    public static final class Target {
        private final BigDecimal revenuePerSession;
        private final BigDecimal upliftPercent;

        private Target(BigDecimal revenuePerSession, BigDecimal upliftPercent) {
            this.revenuePerSession = revenuePerSession;
            this.upliftPercent = upliftPercent;
        }

        /** A target revenue per session in the analysis currency; not negative. */
        public static Target revenuePerSession(BigDecimal v) {
            Objects.requireNonNull(v, "target is null");
            if (v.signum() < 0) {
                throw new IllegalArgumentException("a target revenue per session cannot be negative: " + v.toPlainString());
            }
            return new Target(v, null);
        }

        /** An uplift over current revenue per session, in percent ({@code 15} for 15%); more than -100. */
        public static Target uplift(BigDecimal percent) {
            Objects.requireNonNull(percent, "uplift is null");
            if (percent.compareTo(HUNDRED.negate()) <= 0) {
                throw new IllegalArgumentException("an uplift must be more than -100%: " + percent.toPlainString() + "%");
            }
            return new Target(null, percent);
        }

        public Optional<BigDecimal> revenuePerSession() {
            return Optional.ofNullable(revenuePerSession);
        }

        public Optional<BigDecimal> upliftPercent() {
            return Optional.ofNullable(upliftPercent);
        }
    }
}

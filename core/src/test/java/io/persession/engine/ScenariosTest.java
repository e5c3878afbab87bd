package io.persession.engine;

import io.persession.spi.Basis;
import io.persession.spi.BenchmarkEntry;
import io.persession.spi.BenchmarkPack;
import io.persession.spi.Statistic;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.SplittableRandom;

import static io.persession.engine.RatingFixtures.d;
import static io.persession.engine.RatingFixtures.entry;
import static io.persession.engine.RatingFixtures.figures;
import static io.persession.engine.RatingFixtures.pack;
import static io.persession.engine.RatingFixtures.quartiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scenario lens: current, benchmark (median, or mean), optimized (p75, target, uplift); exact arithmetic. */
class ScenariosTest {
    private static final BenchmarkPack PACK = pack(quartiles("shop"));
    private static final Figures CALC = figures(5000, "12000", "USD");

    private static void assertMoney(String expected, BigDecimal actual) {
        assertEquals(0, d(expected).compareTo(actual), "expected " + expected + " but was " + actual.toPlainString());
    }

    private static Ratings ratings(BenchmarkPack p, String segment, Figures f) {
        return Ratings.of(p, segment, f);
    }

    @Test
    void withoutAPackOnlyCurrentAndWhy() {
        Scenarios s = Scenarios.of(CALC, null, null);
        assertEquals(5000, s.sessions());
        assertEquals("USD", s.currency());
        Scenarios.Scenario c = s.current();
        assertEquals("current", c.name());
        assertEquals("actual", c.from());
        assertMoney("2.40", c.revenuePerSession().orElseThrow());
        assertMoney("12000", c.revenue());
        assertEquals("0.00", c.difference().toPlainString());
        assertTrue(s.benchmark().isEmpty());
        assertTrue(s.optimized().isEmpty());
        assertEquals("no benchmark pack chosen", s.reasons().get("benchmark"));
        assertTrue(s.reasons().get("optimized").contains("--target-rps or --uplift"), s.reasons().toString());
    }

    @Test
    void benchmarkIsTheMedianAtCurrentVolumeAndOptimizedTheP75() {
        Scenarios s = Scenarios.of(CALC, ratings(PACK, "shop", CALC), null);
        Scenarios.Scenario b = s.benchmark().orElseThrow();
        assertEquals("benchmark", b.name());
        assertEquals("p50", b.from());
        assertMoney("2.00", b.revenuePerSession().orElseThrow());
        assertMoney("10000", b.revenue());       // 2.00 x 5000
        assertMoney("-2000", b.difference());    // 10000 - 12000
        Scenarios.Scenario o = s.optimized().orElseThrow();
        assertEquals("optimized", o.name());
        assertEquals("p75", o.from());
        assertMoney("3.00", o.revenuePerSession().orElseThrow());
        assertMoney("15000", o.revenue());
        assertMoney("3000", o.difference());
        assertTrue(s.reasons().isEmpty(), s.reasons().toString());
        assertTrue(b.toString().contains("benchmark(p50)"), b.toString());
    }

    @Test
    void aTargetRevenuePerSessionReplacesTheP75() {
        Scenarios s = Scenarios.of(CALC, ratings(PACK, "shop", CALC), Scenarios.Target.revenuePerSession(d("2.55")));
        Scenarios.Scenario o = s.optimized().orElseThrow();
        assertEquals("target", o.from());
        assertMoney("2.55", o.revenuePerSession().orElseThrow());
        assertMoney("12750", o.revenue());
        assertMoney("750", o.difference());
        assertTrue(s.benchmark().isPresent(), "the benchmark stays");
    }

    @Test
    void anUpliftMultipliesCurrentRevenueExactly() {
        Scenarios s = Scenarios.of(CALC, null, Scenarios.Target.uplift(d("15")));
        Scenarios.Scenario o = s.optimized().orElseThrow();
        assertEquals("uplift", o.from());
        assertMoney("2.76", o.revenuePerSession().orElseThrow());
        assertMoney("13800", o.revenue());
        assertMoney("1800", o.difference());
        assertTrue(s.reasons().containsKey("benchmark"));
        assertFalse(s.reasons().containsKey("optimized"));

        // 100.01 x 1.125 = 112.51125 exactly; per session (3) rounded half-even to six places
        Scenarios odd = Scenarios.of(figures(3, "100.01", "EUR"), null, Scenarios.Target.uplift(d("12.5")));
        assertEquals("112.51125", odd.optimized().orElseThrow().revenue().stripTrailingZeros().toPlainString());
        assertEquals("12.50125", odd.optimized().orElseThrow().difference().stripTrailingZeros().toPlainString());
        assertEquals("37.503750", odd.optimized().orElseThrow().revenuePerSession().orElseThrow().toPlainString());
    }

    @Test
    void scenarioArithmeticIsExactOnRandomFigures() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 500; i++) {
            long sessions = 1 + random.nextLong(10_000_000);
            BigDecimal revenue = BigDecimal.valueOf(random.nextLong(1_000_000_000_000L), 6);
            BigDecimal p50 = BigDecimal.valueOf(random.nextLong(100_000_000), 6);
            BigDecimal p75 = p50.add(BigDecimal.valueOf(random.nextLong(100_000_000), 6));
            BenchmarkEntry e = entry("revenue_per_session", "r").statistic(Statistic.P50, p50).statistic(Statistic.P75, p75).build();
            Figures f = figures(sessions, revenue.toPlainString(), "USD");
            Scenarios s = Scenarios.of(f, ratings(pack(e), "r", f), null);
            BigDecimal n = BigDecimal.valueOf(sessions);
            assertEquals(0, p50.multiply(n).compareTo(s.benchmark().orElseThrow().revenue()));
            assertEquals(0, p50.multiply(n).subtract(revenue).compareTo(s.benchmark().orElseThrow().difference()));
            assertEquals(0, p75.multiply(n).compareTo(s.optimized().orElseThrow().revenue()));
            assertEquals(0, s.optimized().orElseThrow().revenue().subtract(revenue).compareTo(s.optimized().orElseThrow().difference()));
            assertEquals(0, revenue.compareTo(s.current().revenue()));
        }
    }

    @Test
    void aMeanCentreIsMarked() {
        BenchmarkEntry mean = entry("revenue_per_session", "m").statistic(Statistic.MEAN, d("2.48")).basis(Basis.VISIT).build();
        Scenarios s = Scenarios.of(CALC, ratings(pack(mean), "m", CALC), null);
        assertEquals("mean", s.benchmark().orElseThrow().from());
        assertMoney("12400", s.benchmark().orElseThrow().revenue());
        assertTrue(s.optimized().isEmpty());
        assertEquals("the benchmark has no p75 and no target was given (--target-rps or --uplift)", s.reasons().get("optimized"));
    }

    @Test
    void aSessionRpmBenchmarkCountsPerThousandSessions() {
        BenchmarkEntry rpm = entry("session_rpm", "pub").statistic(Statistic.P50, d("2500")).statistic(Statistic.P75, d("4000")).build();
        Scenarios s = Scenarios.of(CALC, ratings(pack(rpm), "pub", CALC), null);
        assertMoney("2.5", s.benchmark().orElseThrow().revenuePerSession().orElseThrow());
        assertMoney("12500", s.benchmark().orElseThrow().revenue());
        assertMoney("4", s.optimized().orElseThrow().revenuePerSession().orElseThrow());
    }

    @Test
    void anIncomparableBenchmarkGivesNoScenarioButItsReason() {
        BenchmarkEntry gbp = entry("revenue_per_session", "uk").currency("GBP").statistic(Statistic.P50, d("1.22"))
                .statistic(Statistic.P75, d("2")).build();
        Scenarios s = Scenarios.of(CALC, ratings(pack(gbp), "uk", CALC), null);
        assertTrue(s.benchmark().isEmpty());
        assertTrue(s.reasons().get("benchmark").contains("GBP"), s.reasons().toString());
        assertTrue(s.optimized().isEmpty(), "no p75 from an incomparable benchmark");
        assertEquals("no target given (--target-rps or --uplift) and no comparable benchmark p75", s.reasons().get("optimized"));
    }

    @Test
    void aSegmentWithoutARevenuePerSessionFigure() {
        BenchmarkEntry cr = entry("conversion_rate", "fashion").statistic(Statistic.MEAN, d("0.0306")).build();
        Scenarios s = Scenarios.of(CALC, ratings(pack(cr), "fashion", CALC), Scenarios.Target.revenuePerSession(d("3")));
        assertEquals("benchmark pack 'fixture-pack' has no revenue_per_session or session_rpm figure in segment 'fashion'",
                s.reasons().get("benchmark"));
        assertEquals("target", s.optimized().orElseThrow().from());
    }

    @Test
    void noSessionsNothingToScale() {
        Scenarios s = Scenarios.of(figures(0, "0", null), null, Scenarios.Target.uplift(d("10")));
        assertTrue(s.current().revenuePerSession().isEmpty());
        assertTrue(s.benchmark().isEmpty());
        assertTrue(s.optimized().isEmpty());
        assertEquals("no sessions: nothing to scale", s.reasons().get("optimized"));
    }

    @Test
    void targetsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> Scenarios.Target.revenuePerSession(d("-0.01")));
        assertThrows(IllegalArgumentException.class, () -> Scenarios.Target.uplift(d("-100")));
        assertEquals(d("0"), Scenarios.Target.revenuePerSession(d("0")).revenuePerSession().orElseThrow());
        assertEquals(d("-50"), Scenarios.Target.uplift(d("-50")).upliftPercent().orElseThrow());
        assertTrue(Scenarios.Target.uplift(d("5")).revenuePerSession().isEmpty());
    }

    // ---- Insights bundles them ----

    @Test
    void insightsWithAndWithoutAPack() {
        Insights none = Insights.of(CALC, null, null, null);
        assertTrue(none.ratings().isEmpty());
        assertTrue(none.change().isEmpty());
        assertTrue(none.scenarios().benchmark().isEmpty());
        assertEquals(Leverage.Verdict.UNDETERMINED, none.leverage().verdict());
        assertEquals(CALC, none.figures());

        Insights with = Insights.of(CALC, PACK, "shop", Scenarios.Target.uplift(d("15")));
        assertEquals(Rating.Label.STRONG, with.ratings().orElseThrow().headline().orElseThrow().label().orElseThrow());
        assertEquals("uplift", with.scenarios().optimized().orElseThrow().from());
        assertEquals(Leverage.Verdict.VOLUME, with.leverage().verdict());

        ChangeDecomposition c = ChangeDecomposition.of(RatingFixtures.shop().build(), RatingFixtures.shop().build());
        assertEquals(c, with.withChange(c).change().orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> Insights.of(CALC, PACK, "nope", null));
    }
}

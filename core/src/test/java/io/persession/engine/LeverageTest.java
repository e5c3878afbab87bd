package io.persession.engine;

import io.persession.spi.BenchmarkEntry;
import io.persession.spi.BenchmarkPack;
import io.persession.spi.Metric;
import io.persession.spi.Statistic;
import io.persession.spi.Totals;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;

import static io.persession.engine.RatingFixtures.d;
import static io.persession.engine.RatingFixtures.entry;
import static io.persession.engine.RatingFixtures.figures;
import static io.persession.engine.RatingFixtures.pack;
import static io.persession.engine.RatingFixtures.quartiles;
import static io.persession.engine.RatingFixtures.shop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Leverage: the three levers by the identity revenue_per_session = conversion x orders per converting
 * session x order value + ads per session - refunds per session, headroom, the verdict, and session versus
 * visitor basis. Also checks {@link Figures} against {@link StandardMetrics}.
 */
class LeverageTest {
    private static final MathContext MC = new MathContext(60);

    private static void assertMoney(String expected, BigDecimal actual) {
        assertEquals(0, d(expected).compareTo(actual), "expected " + expected + " but was " + actual.toPlainString());
    }

    private static void assertContains(String text, String... parts) {
        for (String p : parts) {
            assertTrue(text.contains(p), "'" + p + "' not in: " + text);
        }
    }

    // ---- Figures ----

    @Test
    void figuresOfTotalsAgreeWithTheStandardMetrics() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 300; i++) {
            Totals t = randomTotals(random);
            Figures f = Figures.of(t);
            for (Metric m : StandardMetrics.ALL) {
                if (m.id().equals("fill_rate")) {
                    assertTrue(f.metric("fill_rate").isEmpty(), "fill rate is not a figure");
                    continue;
                }
                assertEquals(m.compute(t), f.metric(m.id()), m.id() + " of " + t);
            }
            assertEquals(0, Money.toDecimal(t.revenueMicros()).compareTo(f.revenue()));
        }
    }

    @Test
    void figuresCheckTheirSums() {
        assertThrows(IllegalArgumentException.class, () -> Figures.builder(10, d("100")).purchaseRevenue(d("90")).adRevenue(d("0"))
                .refunds(d("0")).build());
        assertThrows(IllegalArgumentException.class, () -> Figures.builder(-1, d("1")).build());
        Figures calc = figures(10, "25", null);
        assertTrue(calc.conversionRate().isEmpty());
        assertEquals("converting sessions unknown", calc.whyUndefined("conversion_rate"));
        assertEquals("orders unknown", calc.whyUndefined("average_order_value"));
        assertEquals("visitors unknown", calc.whyUndefined("revenue_per_visitor"));
        assertEquals("not computed by persession", calc.whyUndefined("epmv"));
        assertTrue(calc.metric("epmv").isEmpty());
    }

    // ---- the levers, exactly by the identity ----

    @Test
    void tenPercentMoreOfEachLever() {
        Figures f = Figures.of(shop().build());
        Leverage l = Leverage.of(f, null);
        // purchase revenue 12000, net revenue 12200 (ads 500, refunds 300)
        Leverage.Lever cr = l.conversion().orElseThrow();
        assertEquals("conversion_rate", cr.metric());
        assertMoney("0.02", cr.from());
        assertMoney("0.022", cr.to());
        assertMoney("1200", cr.revenueAdded());
        Leverage.Lever aov = l.orderValue().orElseThrow();
        assertMoney("100", aov.from());
        assertMoney("110", aov.to());
        assertMoney("1200", aov.revenueAdded());
        Leverage.Lever s = l.sessionsLever().orElseThrow();
        assertMoney("5000", s.from());
        assertMoney("5500", s.to());
        assertMoney("1220", s.revenueAdded());
        assertEquals(5000, l.sessions());
        assertEquals("USD", l.currency());
    }

    @Test
    void eachLeverIsTheIdentityWithOneTermRaisedOnRandomTotals() {
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 500; i++) {
            Totals t = randomTotals(random);
            if (t.convertingSessions() == 0) {
                continue;
            }
            // the identity's terms as exact fractions (no rounding): S, cr = C/S, opcs = P/C, aov = PR/P, ads/S, refunds/S
            BigDecimal s = BigDecimal.valueOf(t.sessions());
            BigDecimal cr = BigDecimal.valueOf(t.convertingSessions()).divide(s, MC);
            BigDecimal opcs = BigDecimal.valueOf(t.purchases()).divide(BigDecimal.valueOf(t.convertingSessions()), MC);
            BigDecimal aov = Money.toDecimal(t.purchaseRevenueMicros()).divide(BigDecimal.valueOf(t.purchases()), MC);
            BigDecimal ads = Money.toDecimal(t.adRevenueMicros()).divide(s, MC);
            BigDecimal refunds = Money.toDecimal(t.refundMicros()).divide(s, MC);
            BigDecimal revenue = identity(s, cr, opcs, aov, ads, refunds);
            assertClose(Money.toDecimal(t.revenueMicros()), revenue, "the identity itself");

            Leverage l = Leverage.of(Figures.of(t), null);
            BigDecimal up = d("1.1");
            assertClose(identity(s, cr.multiply(up), opcs, aov, ads, refunds).subtract(revenue), l.conversion().orElseThrow().revenueAdded(), "+10% conversion");
            assertClose(identity(s, cr, opcs, aov.multiply(up), ads, refunds).subtract(revenue), l.orderValue().orElseThrow().revenueAdded(), "+10% order value");
            assertClose(identity(s.multiply(up), cr, opcs, aov, ads, refunds).subtract(revenue), l.sessionsLever().orElseThrow().revenueAdded(), "+10% sessions");
        }
    }

    private static BigDecimal identity(BigDecimal sessions, BigDecimal cr, BigDecimal opcs, BigDecimal aov, BigDecimal ads, BigDecimal refunds) {
        return sessions.multiply(cr.multiply(opcs, MC).multiply(aov, MC).add(ads).subtract(refunds), MC);
    }

    private static void assertClose(BigDecimal expected, BigDecimal actual, String what) {
        assertTrue(expected.subtract(actual).abs().compareTo(d("1e-30")) < 0, what + ": expected " + expected + " but was " + actual);
    }

    private static Totals randomTotals(SplittableRandom random) {
        long sessions = 1 + random.nextLong(1_000_000);
        long converting = random.nextInt(4) == 0 ? 0 : random.nextLong(sessions + 1);
        long orders = converting == 0 ? 0 : converting + random.nextLong(converting + 1);
        long purchase = orders == 0 ? 0 : random.nextLong(1, 100_000_000_000_000L);
        long ads = random.nextInt(3) == 0 ? 0 : random.nextLong(1_000_000_000_000L);
        long refunds = random.nextInt(3) == 0 ? 0 : random.nextLong(purchase + ads + 1);
        long visitors = 1 + random.nextLong(sessions);
        return Totals.builder().sessions(sessions).visitors(visitors).pageviews(random.nextLong(sessions * 5)).purchases(orders)
                .convertingSessions(converting).purchaseRevenueMicros(purchase).adRevenueMicros(ads).refundMicros(refunds)
                .currency("EUR").build();
    }

    @Test
    void withoutOrdersTheConversionAndOrderValueLeversAreUnknown() {
        Leverage l = Leverage.of(figures(5000, "12000", null), null);
        assertTrue(l.conversion().isEmpty());
        assertTrue(l.orderValue().isEmpty());
        assertContains(l.reasons().get("conversion_rate"), "give orders");
        assertContains(l.reasons().get("average_order_value"), "give orders");
        assertMoney("1200", l.sessionsLever().orElseThrow().revenueAdded());
        assertEquals(Leverage.Verdict.UNDETERMINED, l.verdict());
        assertEquals("No comparable benchmark to judge revenue per session against (choose a benchmark pack and segment). +10% sessions adds +1,200.00.",
                l.verdictText());
    }

    @Test
    void noOrdersMeansNoOrderValueLever() {
        Figures f = Figures.builder(100, d("0")).orders(0L).convertingSessions(0L).purchaseRevenue(d("0")).adRevenue(d("0"))
                .refunds(d("0")).build();
        Leverage l = Leverage.of(f, null);
        assertMoney("0", l.conversion().orElseThrow().revenueAdded());
        assertTrue(l.orderValue().isEmpty());
        assertEquals("no orders: order value is undefined", l.reasons().get("average_order_value"));
    }

    @Test
    void noSessionsNothingToLever() {
        Leverage l = Leverage.of(figures(0, "0", null), null);
        assertTrue(l.sessionsLever().isEmpty());
        assertTrue(l.conversion().isEmpty());
        assertTrue(l.visitorBasis().isEmpty());
        assertEquals(Leverage.Verdict.UNDETERMINED, l.verdict());
        assertEquals("no sessions", l.reasons().get("sessions"));
    }

    // ---- headroom ----

    private static BenchmarkPack shopPack(String rpsP50, String crP50, String aovMean) {
        return pack(entry("revenue_per_session", "shop").statistic(Statistic.P50, d(rpsP50)).build(),
                entry("conversion_rate", "shop").statistic(Statistic.P50, d(crP50)).build(),
                entry("average_order_value", "shop").statistic(Statistic.MEAN, d(aovMean)).build());
    }

    @Test
    void headroomOfConversionAndOrderValue() {
        Figures f = Figures.of(shop().build());          // conversion 2%, order value 100, revenue per session 2.44
        Ratings r = Ratings.of(shopPack("3.00", "0.03", "125"), "shop", f);
        Leverage l = Leverage.of(f, r);
        Leverage.Headroom cr = l.conversionHeadroom().orElseThrow();
        assertEquals("conversion_rate", cr.metric());
        assertMoney("0.02", cr.current());
        assertMoney("0.03", cr.benchmark());
        assertMoney("0.01", cr.gap());
        assertMoney("18000", cr.revenueAtBenchmark().orElseThrow()); // 12000 x 0.03 / 0.02
        assertMoney("6000", cr.revenueAdded().orElseThrow());
        assertEquals(Rating.Label.LOW, cr.rating().label().orElseThrow());
        Leverage.Headroom aov = l.orderValueHeadroom().orElseThrow();
        assertMoney("25", aov.gap());
        assertMoney("15000", aov.revenueAtBenchmark().orElseThrow()); // 120 orders x 125
        assertMoney("3000", aov.revenueAdded().orElseThrow());
        assertTrue(aov.rating().centreIsMean());

        assertEquals(Leverage.Verdict.MONETIZATION, l.verdict());
        assertContains(l.verdictText(), "Monetization per session is the constraint", "revenue per session is Average (derived band) against the benchmark",
                "conversion is below its benchmark (reaching it adds +USD 6,000.00)", "order value is below its benchmark (reaching it adds +USD 3,000.00)",
                "+10% conversion adds +USD 1,200.00", "+10% order value adds +USD 1,200.00", "+10% sessions adds +USD 1,220.00");
    }

    @Test
    void atOrAboveTheBenchmarkThereIsNoHeadroom() {
        Figures f = Figures.of(shop().build());
        Leverage l = Leverage.of(f, Ratings.of(shopPack("2.44", "0.02", "90"), "shop", f));
        Leverage.Headroom cr = l.conversionHeadroom().orElseThrow();
        assertEquals(0, cr.gap().signum());
        assertTrue(cr.revenueAtBenchmark().isEmpty());
        assertMoney("0", cr.revenueAdded().orElseThrow());
        assertEquals(0, l.orderValueHeadroom().orElseThrow().gap().signum());
        assertEquals(Leverage.Verdict.VOLUME, l.verdict(), "exactly the median is Strong");
        assertEquals("Sessions are well monetized (revenue per session is Strong (derived band) against the benchmark): more volume compounds;"
                + " +10% sessions adds +USD 1,220.00 at today's revenue per session.", l.verdictText());
    }

    @Test
    void strongButConversionBelowSaysBoth() {
        Figures f = Figures.of(shop().build());
        Leverage l = Leverage.of(f, Ratings.of(shopPack("1.00", "0.05", "90"), "shop", f));
        assertEquals(Leverage.Verdict.VOLUME, l.verdict());
        assertContains(l.verdictText(), "Sessions are well monetized", "Still, conversion is below its benchmark");
    }

    @Test
    void averageRevenuePerSessionIsAMonetizationVerdict() {
        Figures f = Figures.of(shop().build());  // 2.44 vs median 3.00: low bound 2.25
        Leverage l = Leverage.of(f, Ratings.of(pack(entry("revenue_per_session", "shop").statistic(Statistic.P50, d("3.00")).build()), "shop", f));
        assertEquals(Leverage.Verdict.MONETIZATION, l.verdict());
        assertContains(l.verdictText(), "Average (derived band)", "raise revenue per session before buying more sessions");
        assertEquals("benchmark pack 'fixture-pack' has no conversion_rate figure in segment 'shop'", l.reasons().get("headroom.conversion_rate"));
    }

    @Test
    void withoutARevenuePerSessionRatingTheHeadroomDecides() {
        Figures f = Figures.of(shop().build());
        BenchmarkEntry crHigh = entry("conversion_rate", "shop").statistic(Statistic.P50, d("0.05")).build();
        assertEquals(Leverage.Verdict.MONETIZATION, Leverage.of(f, Ratings.of(pack(crHigh), "shop", f)).verdict());
        BenchmarkEntry crLow = entry("conversion_rate", "shop").statistic(Statistic.P50, d("0.01")).build();
        Leverage l = Leverage.of(f, Ratings.of(pack(crLow), "shop", f));
        assertEquals(Leverage.Verdict.VOLUME, l.verdict());
        assertContains(l.verdictText(), "conversion at or above the benchmark");
        assertTrue(l.orderValueHeadroom().isEmpty());
    }

    @Test
    void anIncomparableBenchmarkGivesNoHeadroomButItsReason() {
        Figures f = Figures.of(shop().build());
        BenchmarkEntry eur = entry("average_order_value", "shop").currency("EUR").statistic(Statistic.MEAN, d("196")).build();
        Leverage l = Leverage.of(f, Ratings.of(pack(eur, quartiles("shop")), "shop", f));
        assertTrue(l.orderValueHeadroom().isEmpty());
        assertContains(l.reasons().get("headroom.average_order_value"), "EUR", "USD");
    }

    @Test
    void headroomWithoutConvertingSessionsHasNoRevenueFigure() {
        Figures f = Figures.builder(1000, d("0")).currency("USD").orders(0L).convertingSessions(0L).purchaseRevenue(d("0"))
                .adRevenue(d("0")).refunds(d("0")).build();
        Leverage l = Leverage.of(f, Ratings.of(pack(entry("conversion_rate", "shop").statistic(Statistic.P50, d("0.02")).build()), "shop", f));
        Leverage.Headroom h = l.conversionHeadroom().orElseThrow();
        assertMoney("0.02", h.gap());
        assertTrue(h.revenueAdded().isEmpty());
        assertContains(l.reasons().get("headroom.conversion_rate.revenue"), "no converting sessions");
    }

    @Test
    void noPackNoHeadroom() {
        Leverage l = Leverage.of(Figures.of(shop().build()), null);
        assertTrue(l.conversionHeadroom().isEmpty());
        assertEquals("no benchmark pack chosen", l.reasons().get("headroom"));
        assertEquals(Leverage.Verdict.UNDETERMINED, l.verdict());
        assertContains(l.verdictText(), "+10% conversion adds +USD 1,200.00", "+10% order value adds +USD 1,200.00", "+10% sessions adds +USD 1,220.00");
        assertEquals("undetermined", l.verdict().code());
    }

    // ---- session basis versus visitor basis ----

    @Test
    void revenuePerVisitorNextToRevenuePerSessionAndTheDilution() {
        Leverage.VisitorBasis v = Leverage.of(Figures.of(shop().build()), null).visitorBasis().orElseThrow();
        assertEquals(4000, v.visitors());
        assertMoney("3.05", v.revenuePerVisitor());   // 12200 / 4000
        assertMoney("2.44", v.revenuePerSession());   // 12200 / 5000
        assertMoney("1.25", v.sessionsPerVisitor());
        assertMoney("0.2", v.dilution());             // 1 - 4000/5000
        assertEquals(0, v.revenuePerVisitor().divide(v.sessionsPerVisitor(), MC).compareTo(v.revenuePerSession()),
                "revenue per session = revenue per visitor / sessions per visitor");
        assertContains(v.text(), "Revenue per visitor USD 3.05 vs revenue per session USD 2.44", "1.25 sessions on average", "20.0% lower",
                "per user (visitor) compares with revenue per visitor");
    }

    @Test
    void sessionsPerVisitorAreRoundedInTheText() {
        Leverage.VisitorBasis v = Leverage.of(Figures.builder(2549, d("8736.14")).visitors(2292L).build(), null).visitorBasis().orElseThrow();
        assertMoney("1.112129", v.sessionsPerVisitor());
        assertContains(v.text(), "each visitor had 1.11 sessions on average", "10.08% lower");
    }

    @Test
    void oneSessionPerVisitorDilutesNothing() {
        Figures f = Figures.builder(100, d("250")).visitors(100L).build();
        Leverage.VisitorBasis v = Leverage.of(f, null).visitorBasis().orElseThrow();
        assertEquals(0, v.dilution().signum());
        assertEquals("Every visitor had one session: revenue per visitor equals revenue per session (2.50).", v.text());
    }

    @Test
    void visitorsUnknownOrZero() {
        assertEquals("visitors unknown", Leverage.of(figures(10, "1", null), null).reasons().get("visitor_basis"));
        assertEquals("no visitors", Leverage.of(Figures.builder(10, d("1")).visitors(0L).build(), null).reasons().get("visitor_basis"));
        assertFalse(Leverage.of(figures(10, "1", null), null).visitorBasis().isPresent());
    }

    @Test
    void theStepIsTenPercent() {
        assertEquals(0, d("0.1").compareTo(Leverage.STEP));
    }
}

package io.persession.engine;

import io.persession.spi.Totals;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** LMDI-I: the parts add up to the revenue change exactly, on random examples and with zeros. */
class ChangeDecompositionTest {

    private static Totals totals(long sessions, long converting, long orders, long purchaseMicros, long adMicros, long refundMicros) {
        return Totals.builder().sessions(sessions).visitors(Math.max(1, sessions / 2)).convertingSessions(converting).purchases(orders)
                .purchaseRevenueMicros(purchaseMicros).adRevenueMicros(adMicros).refundMicros(refundMicros).currency("USD").build();
    }

    private static long sum(ChangeDecomposition c) {
        return c.partsMicros().values().stream().mapToLong(Long::longValue).sum();
    }

    private static void assertContains(String text, String... parts) {
        for (String p : parts) {
            assertTrue(text.contains(p), "'" + p + "' not in: " + text);
        }
    }

    @Test
    void aWorkedExample() {
        // before: 1000 sessions, 20 converting, 25 orders, 2500.00; after: 1200 sessions, 30 converting, 33 orders, 2970.00
        Totals before = totals(1000, 20, 25, 2_500_000_000L, 100_000_000L, 50_000_000L);
        Totals after = totals(1200, 30, 33, 2_970_000_000L, 130_000_000L, 20_000_000L);
        ChangeDecomposition c = ChangeDecomposition.of(before, after);
        assertEquals(ChangeDecomposition.PARTS, List.copyOf(c.parts().keySet()));
        assertEquals(new BigDecimal("530.00"), c.revenueChange()); // (2970 + 130 - 20) - (2500 + 100 - 50)
        assertEquals(c.revenueChangeMicros(), sum(c));
        // L(2970, 2500) = 470 / ln(1.188); parts = L x ln(ratio of each factor)
        double w = 470 / Math.log(2970.0 / 2500);
        assertEquals(w * Math.log(1.2), c.parts().get("sessions").doubleValue(), 1e-5);
        assertEquals(w * Math.log(0.025 / 0.02), c.parts().get("conversion_rate").doubleValue(), 1e-5);
        assertEquals(w * Math.log(1.1 / 1.25), c.parts().get("orders_per_converting_session").doubleValue(), 1e-5);
        assertEquals(w * Math.log(90.0 / 100), c.parts().get("average_order_value").doubleValue(), 1e-5);
        assertEquals(new BigDecimal("30.00"), c.parts().get("ad_revenue"));
        assertEquals(new BigDecimal("30.00"), c.parts().get("refunds"), "fewer refunds add revenue");
        assertEquals("USD", c.currency());
        assertEquals(1200, c.after().sessions());
        assertEquals(1000, c.before().sessions());
        assertTrue(c.notes().stream().noneMatch(n -> n.contains("Ang and Liu")), c.notes().toString());
        assertEquals("LMDI-I (additive log-mean Divisia index)", ChangeDecomposition.method());
    }

    @Test
    void thePartsAddUpToTheChangeExactlyOnRandomPeriods() {
        SplittableRandom random = new SplittableRandom(2026);
        for (int i = 0; i < 5000; i++) {
            Totals before = random(random);
            Totals after = random(random);
            ChangeDecomposition c = ChangeDecomposition.of(before, after);
            assertEquals(after.revenueMicros() - before.revenueMicros(), sum(c), "exact to the micro-unit: " + c.partsMicros());
            assertEquals(0, c.revenueChange().compareTo(c.parts().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)));
            long purchase = after.purchaseRevenueMicros() - before.purchaseRevenueMicros();
            long lmdi = c.partsMicros().get("sessions") + c.partsMicros().get("conversion_rate")
                    + c.partsMicros().get("orders_per_converting_session") + c.partsMicros().get("average_order_value");
            assertEquals(purchase, lmdi, "the four LMDI parts are the change of purchase revenue");
            // double precision: about 15 significant digits of the largest amount
            double tolerance = 8 + 1e-14 * Math.max(before.purchaseRevenueMicros(), after.purchaseRevenueMicros());
            assertTrue(Math.abs(c.residueMicros()) <= tolerance, "rounding leaves a few micro-units at most: " + c.residueMicros()
                    + " " + java.util.Arrays.toString(new long[] {before.sessions(), before.convertingSessions(), before.purchases(), before.purchaseRevenueMicros()})
                    + " -> " + java.util.Arrays.toString(new long[] {after.sessions(), after.convertingSessions(), after.purchases(), after.purchaseRevenueMicros()})
                    + " " + c.partsMicros());
            if (c.residueMicros() != 0) {
                long largest = 0;
                for (String k : ChangeDecomposition.PARTS.subList(0, 4)) {
                    largest = Math.max(largest, Math.abs(c.partsMicros().get(k)));
                }
                assertTrue(Math.abs(c.partsMicros().get(c.residuePart())) >= largest - tolerance, "the residue goes to the largest part");
                assertTrue(c.notes().stream().anyMatch(n -> n.contains("added to " + c.residuePart())), c.notes().toString());
            } else {
                assertNull(c.residuePart());
            }
            Map<String, BigDecimal> cents = c.partsRounded(2);
            assertEquals(0, c.revenueChange().setScale(2, RoundingMode.HALF_EVEN)
                    .compareTo(cents.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)), "rounded parts add up to the rounded change: " + cents);
            for (Map.Entry<String, BigDecimal> e : cents.entrySet()) {
                assertTrue(e.getValue().subtract(c.parts().get(e.getKey())).abs().compareTo(new BigDecimal("0.01")) < 0,
                        "each rounded part is within a cent: " + e);
            }
        }
    }

    @Test
    void aFactorThatDoesNotMoveGetsNothing() {
        // sessions and everything that hangs on them double: only sessions moved
        ChangeDecomposition c = ChangeDecomposition.of(totals(1000, 20, 25, 2_500_000_000L, 0, 0), totals(2000, 40, 50, 5_000_000_000L, 0, 0));
        assertEquals(2_500_000_000L, c.partsMicros().get("sessions"));
        assertEquals(0L, c.partsMicros().get("conversion_rate"));
        assertEquals(0L, c.partsMicros().get("orders_per_converting_session"));
        assertEquals(0L, c.partsMicros().get("average_order_value"));
        // only the order value moved
        ChangeDecomposition v = ChangeDecomposition.of(totals(1000, 20, 25, 2_500_000_000L, 0, 0), totals(1000, 20, 25, 2_750_000_000L, 0, 0));
        assertEquals(250_000_000L, v.partsMicros().get("average_order_value"));
        assertEquals(0L, v.partsMicros().get("sessions"));
    }

    @Test
    void theSamePeriodTwiceChangesNothing() {
        ChangeDecomposition c = ChangeDecomposition.of(RatingFixtures.shop().build(), RatingFixtures.shop().build());
        c.partsMicros().values().forEach(v -> assertEquals(0L, v));
        assertEquals(0, c.revenueChange().signum());
        assertTrue(c.notes().isEmpty());
    }

    @Test
    void equalPurchaseRevenueUsesTheLimitOfTheLogMean() {
        // PR is 2500 in both periods, sessions up and order value down: the parts cancel
        ChangeDecomposition c = ChangeDecomposition.of(totals(1000, 20, 25, 2_500_000_000L, 0, 0), totals(1250, 25, 25, 2_500_000_000L, 0, 0));
        assertEquals(0, sum(c));
        assertEquals(Math.round(2_500_000_000L * Math.log(1.25)), c.partsMicros().get("sessions"), 1);
        assertEquals(7.0, ChangeDecomposition.logMean(7, 7), "L(a, a) = a");
        assertEquals(1 / Math.log(2), ChangeDecomposition.logMean(2, 1), 1e-12, "L(2, 1) = 1 / ln 2");
        assertEquals(ChangeDecomposition.logMean(1, 2), ChangeDecomposition.logMean(2, 1), 1e-12, "symmetric");
    }

    // ---- zeros ----

    @Test
    void noConvertingSessionInTheBaselineGivesConversionTheWholeChange() {
        ChangeDecomposition c = ChangeDecomposition.of(totals(800, 0, 0, 0, 0, 0), totals(1000, 10, 12, 1_200_000_000L, 0, 0));
        assertEquals(1_200_000_000L, c.partsMicros().get("conversion_rate"));
        assertEquals(0L, c.partsMicros().get("sessions"), "sessions grew, but LMDI's limit gives the factor that was zero everything");
        assertEquals(0L, c.partsMicros().get("orders_per_converting_session"));
        assertEquals(0L, c.partsMicros().get("average_order_value"));
        assertEquals(1, c.notes().size());
        assertContains(c.notes().get(0), "No purchase revenue in the baseline", "no converting session", "Ang and Liu 2007",
                "conversion_rate takes the whole change of purchase revenue (+USD 1,200.00)", "take 0");
    }

    @Test
    void ordersStoppingIsAConversionLoss() {
        ChangeDecomposition c = ChangeDecomposition.of(totals(1000, 10, 12, 1_200_000_000L, 5_000_000L, 0), totals(900, 0, 0, 0, 6_000_000L, 0));
        assertEquals(-1_200_000_000L, c.partsMicros().get("conversion_rate"));
        assertEquals(1_000_000L, c.partsMicros().get("ad_revenue"));
        assertEquals(c.revenueChangeMicros(), sum(c));
        assertContains(c.notes().get(0), "No purchase revenue in the current period", "-USD 1,200.00");
    }

    @Test
    void noSessionsInTheBaselineGivesSessionsTheWholeChange() {
        ChangeDecomposition c = ChangeDecomposition.of(totals(0, 0, 0, 0, 0, 0), totals(1000, 10, 12, 1_200_000_000L, 3_000_000L, 1_000_000L));
        assertEquals(1_200_000_000L, c.partsMicros().get("sessions"));
        assertEquals(3_000_000L, c.partsMicros().get("ad_revenue"));
        assertEquals(-1_000_000L, c.partsMicros().get("refunds"));
        assertEquals(c.revenueChangeMicros(), sum(c));
        assertContains(c.notes().get(0), "had no sessions", "sessions takes the whole change");
    }

    @Test
    void freeOrdersGiveOrderValueTheWholeChange() {
        ChangeDecomposition c = ChangeDecomposition.of(totals(1000, 10, 10, 0, 0, 0), totals(1000, 10, 10, 500_000_000L, 0, 0));
        assertEquals(500_000_000L, c.partsMicros().get("average_order_value"));
        assertContains(c.notes().get(0), "orders of zero value");
    }

    @Test
    void convertingSessionsWithoutCountedOrders() {
        ChangeDecomposition c = ChangeDecomposition.of(totals(1000, 10, 0, 0, 0, 0), totals(1000, 10, 10, 500_000_000L, 0, 0));
        assertEquals(500_000_000L, c.partsMicros().get("orders_per_converting_session"));
        assertContains(c.notes().get(0), "had no order");
    }

    @Test
    void noPurchaseRevenueInEitherPeriodLeavesOnlyAdsAndRefunds() {
        ChangeDecomposition c = ChangeDecomposition.of(totals(1000, 0, 0, 0, 40_000_000L, 0), totals(1500, 0, 0, 0, 70_000_000L, 0));
        assertEquals(0L, c.partsMicros().get("sessions"));
        assertEquals(30_000_000L, c.partsMicros().get("ad_revenue"));
        assertEquals(new BigDecimal("30.00"), c.revenueChange());
        assertContains(c.notes().get(0), "No purchase revenue in either period");
    }

    @Test
    void currenciesMustMatch() {
        Totals eur = Totals.builder().sessions(1).currency("EUR").build();
        Totals usd = Totals.builder().sessions(1).currency("USD").build();
        AnalysisException e = assertThrows(AnalysisException.class, () -> ChangeDecomposition.of(eur, usd));
        assertContains(e.getMessage(), "baseline is in EUR", "current period in USD", "--currency USD --fx EUR=RATE");
        Totals none = Totals.builder().sessions(1).build();
        assertEquals("USD", ChangeDecomposition.of(none, usd).currency(), "a period without money takes the other's currency");
    }

    @Test
    void partsRoundedToCentsAddUpToTheRoundedChange() {
        // parts of 0.004 (ads) and 0.003 (refunds): 0.007 rounds to 0.01, given to the larger remainder
        ChangeDecomposition c = ChangeDecomposition.of(totals(10, 0, 0, 0, 0, 3_000L), totals(10, 0, 0, 0, 4_000L, 0));
        assertEquals(new BigDecimal("0.007"), c.revenueChange());
        Map<String, BigDecimal> cents = c.partsRounded(2);
        assertEquals(new BigDecimal("0.01"), cents.get("ad_revenue"));
        assertEquals(new BigDecimal("0.00"), cents.get("refunds"));
        assertEquals(new BigDecimal("0.00"), cents.get("sessions"));
    }

    private static Totals random(SplittableRandom r) {
        int kind = r.nextInt(10);
        long sessions = kind == 0 ? 0 : 1 + r.nextLong(r.nextBoolean() ? 100 : 50_000_000);
        long converting = sessions == 0 || kind == 1 ? 0 : r.nextLong(sessions + 1);
        long orders = converting == 0 ? 0 : converting + r.nextLong(converting + 1);
        long purchase = orders == 0 || kind == 2 ? 0 : 1 + r.nextLong(r.nextBoolean() ? 1_000_000 : 900_000_000_000_000L);
        long ads = sessions == 0 || r.nextBoolean() ? 0 : r.nextLong(10_000_000_000_000L);
        long refunds = r.nextBoolean() ? 0 : r.nextLong(purchase + 1);
        return totals(sessions, converting, orders, purchase, ads, refunds);
    }
}

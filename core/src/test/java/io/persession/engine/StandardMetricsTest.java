package io.persession.engine;

import io.persession.spi.Metric;
import io.persession.spi.Totals;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StandardMetricsTest {

    private static BigDecimal v(Metric m, Totals t) {
        return m.compute(t).orElseThrow(() -> new AssertionError(m.id() + " is undefined"));
    }

    private static Totals.Builder shop() {
        // 1000 sessions, 800 visitors, 2500 pageviews, 30 converting sessions with 36 orders of 1800.00,
        // ads: 4000 requests, 3000 impressions, 45.50; refunds: 2 of 100.00
        return Totals.builder().sessions(1000).visitors(800).events(9000).pageviews(2500).purchases(36)
                .convertingSessions(30).refunds(2).adRequests(4000).adImpressions(3000)
                .purchaseRevenueMicros(1_800_000_000L).adRevenueMicros(45_500_000L).refundMicros(100_000_000L).currency("EUR");
    }

    @Test
    void valuesOfEveryMetric() {
        Totals t = shop().build();
        assertEquals(1_745_500_000L, t.revenueMicros());
        Map<String, Optional<BigDecimal>> all = StandardMetrics.computeAll(t);
        assertEquals(new BigDecimal("1.745500"), all.get("revenue_per_session").orElseThrow());
        assertEquals(new BigDecimal("1745.500000"), all.get("session_rpm").orElseThrow());
        assertEquals(new BigDecimal("698.200000"), all.get("page_rpm").orElseThrow());
        assertEquals(new BigDecimal("2.181875"), all.get("revenue_per_visitor").orElseThrow());
        assertEquals(new BigDecimal("0.030000"), all.get("conversion_rate").orElseThrow());
        assertEquals(new BigDecimal("1.200000"), all.get("orders_per_converting_session").orElseThrow());
        assertEquals(new BigDecimal("50.000000"), all.get("average_order_value").orElseThrow());
        assertEquals(new BigDecimal("2.500000"), all.get("pages_per_session").orElseThrow());
        assertEquals(new BigDecimal("1.250000"), all.get("sessions_per_visitor").orElseThrow());
        assertEquals(new BigDecimal("0.045500"), all.get("ad_revenue_per_session").orElseThrow());
        assertEquals(new BigDecimal("0.100000"), all.get("refunds_per_session").orElseThrow());
        assertEquals(new BigDecimal("0.750000"), all.get("fill_rate").orElseThrow());
    }

    @Test
    void computeAllListsEveryMetricInOrder() {
        List<String> ids = new ArrayList<>(StandardMetrics.computeAll(shop().build()).keySet());
        assertEquals(List.of("revenue_per_session", "session_rpm", "page_rpm", "revenue_per_visitor", "conversion_rate",
                "orders_per_converting_session", "average_order_value", "pages_per_session", "sessions_per_visitor",
                "ad_revenue_per_session", "refunds_per_session", "fill_rate"), ids);
        for (Metric m : StandardMetrics.ALL) {
            assertTrue(m.id().matches("[a-z_]+"), m.id());
            assertTrue(!m.label().isBlank());
        }
        assertEquals(Metric.Unit.MONEY, StandardMetrics.REVENUE_PER_SESSION.unit());
        assertEquals(Metric.Unit.RATIO, StandardMetrics.CONVERSION_RATE.unit());
        assertEquals(Metric.Unit.RATIO, StandardMetrics.FILL_RATE.unit());
        assertEquals(Metric.Unit.NUMBER, StandardMetrics.PAGES_PER_SESSION.unit());
    }

    @Test
    void revenuePerSessionOfTenOverThreeIs3point333333() {
        Totals t = Totals.builder().sessions(3).purchaseRevenueMicros(10_000_000).build();
        BigDecimal rps = v(StandardMetrics.REVENUE_PER_SESSION, t);
        assertEquals(new BigDecimal("3.333333"), rps);
        assertEquals(6, rps.scale());
        assertEquals(new BigDecimal("6.666667"), v(StandardMetrics.REVENUE_PER_SESSION,
                Totals.builder().sessions(3).purchaseRevenueMicros(20_000_000).build()));
    }

    @Test
    void roundingIsHalfEven() {
        // 1 micro over 2 sessions = 0.0000005: half-even gives 0.000000 (half-up would give 0.000001)
        assertEquals(new BigDecimal("0.000000"), v(StandardMetrics.REVENUE_PER_SESSION,
                Totals.builder().sessions(2).purchaseRevenueMicros(1).build()));
        // 3 micros over 2 = 0.0000015 -> 0.000002
        assertEquals(new BigDecimal("0.000002"), v(StandardMetrics.REVENUE_PER_SESSION,
                Totals.builder().sessions(2).purchaseRevenueMicros(3).build()));
        // 5 micros over 2 = 0.0000025 -> 0.000002
        assertEquals(new BigDecimal("0.000002"), v(StandardMetrics.REVENUE_PER_SESSION,
                Totals.builder().sessions(2).purchaseRevenueMicros(5).build()));
        // ratios too: 1 / 2000000 = 0.0000005 -> 0.000000
        assertEquals(new BigDecimal("0.000000"), v(StandardMetrics.CONVERSION_RATE,
                Totals.builder().sessions(2_000_000).convertingSessions(1).build()));
    }

    @Test
    void netRevenueIsPurchasesPlusAdsMinusRefundsAndMayBeNegative() {
        Totals t = Totals.builder().sessions(1).purchaseRevenueMicros(30_000_000).adRevenueMicros(750_000)
                .refundMicros(5_000_000).build();
        assertEquals(25_750_000, t.revenueMicros());
        assertEquals(new BigDecimal("25.750000"), v(StandardMetrics.REVENUE_PER_SESSION, t));
        Totals refundsOnly = Totals.builder().sessions(2).refundMicros(5_000_000).build();
        assertEquals(new BigDecimal("-2.500000"), v(StandardMetrics.REVENUE_PER_SESSION, refundsOnly));
    }

    @Test
    void undefinedMetricsAreEmpty() {
        Totals nothing = Totals.builder().build();
        for (Metric m : StandardMetrics.ALL) {
            assertTrue(m.compute(nothing).isEmpty(), m.id() + " on empty totals");
        }
        // sessions but no pageviews, purchases, converting sessions or ad requests
        Totals bare = Totals.builder().sessions(5).visitors(3).events(5).adRevenueMicros(1_000).build();
        assertTrue(StandardMetrics.PAGE_RPM.compute(bare).isEmpty(), "no pageviews");
        assertTrue(StandardMetrics.AVERAGE_ORDER_VALUE.compute(bare).isEmpty(), "no purchases");
        assertTrue(StandardMetrics.ORDERS_PER_CONVERTING_SESSION.compute(bare).isEmpty(), "no converting session");
        assertTrue(StandardMetrics.FILL_RATE.compute(bare).isEmpty(), "no ad requests");
        assertEquals(new BigDecimal("0.000200"), v(StandardMetrics.REVENUE_PER_SESSION, bare));
        assertEquals(new BigDecimal("0.000000"), v(StandardMetrics.CONVERSION_RATE, bare));
        assertEquals(new BigDecimal("0.000000"), v(StandardMetrics.PAGES_PER_SESSION, bare));
        // no visitors
        Totals noVisitors = Totals.builder().sessions(1).build();
        assertTrue(StandardMetrics.REVENUE_PER_VISITOR.compute(noVisitors).isEmpty());
        assertTrue(StandardMetrics.SESSIONS_PER_VISITOR.compute(noVisitors).isEmpty());
    }

    @Test
    void revenuePerSessionIdentityHolds() {
        for (long seed = 1; seed <= 50; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            long sessions = 1 + r.nextLong(50_000);
            long converting = r.nextLong(sessions + 1);
            long purchases = converting + r.nextLong(converting + 1);              // 1 to 2 orders per converting session
            long purchaseMicros = purchases == 0 ? 0                                // about 0.50 to 4.00 per order
                    : purchases * (500_000 + r.nextLong(3_500_000)) + r.nextLong(1_000_000);
            long ad = r.nextLong(sessions * 20_000 + 1);
            long refunds = r.nextLong(purchaseMicros / 5 + 1);
            Totals t = Totals.builder().sessions(sessions).visitors(sessions).convertingSessions(converting)
                    .purchases(purchases).purchaseRevenueMicros(purchaseMicros).adRevenueMicros(ad).refundMicros(refunds).build();
            BigDecimal rps = v(StandardMetrics.REVENUE_PER_SESSION, t);
            BigDecimal rhs = StandardMetrics.AD_REVENUE_PER_SESSION.compute(t).orElseThrow()
                    .subtract(StandardMetrics.REFUNDS_PER_SESSION.compute(t).orElseThrow());
            if (converting > 0) {
                rhs = rhs.add(v(StandardMetrics.CONVERSION_RATE, t)
                        .multiply(v(StandardMetrics.ORDERS_PER_CONVERTING_SESSION, t))
                        .multiply(v(StandardMetrics.AVERAGE_ORDER_VALUE, t)));
            } else {
                assertTrue(StandardMetrics.AVERAGE_ORDER_VALUE.compute(t).isEmpty());
                assertTrue(StandardMetrics.CONVERSION_RATE.compute(t).orElseThrow().signum() == 0);
            }
            BigDecimal diff = rps.subtract(rhs).abs();
            assertTrue(diff.compareTo(new BigDecimal("0.00001")) <= 0, "seed " + seed + ": " + rps + " vs " + rhs + " (" + diff + ")");
            // and the unrounded identity is exact
            BigDecimal exact = BigDecimal.valueOf(purchaseMicros + ad - refunds).divide(BigDecimal.valueOf(sessions * 1_000_000L), MathContext.DECIMAL128);
            assertTrue(rps.subtract(exact).abs().compareTo(new BigDecimal("0.0000005")) <= 0);
        }
    }
}

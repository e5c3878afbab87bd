package io.persession.engine;

import io.persession.spi.Basis;
import io.persession.spi.BenchmarkEntry;
import io.persession.spi.BenchmarkPack;
import io.persession.spi.Statistic;
import io.persession.spi.Totals;
import io.persession.spi.Verification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Benchmark entries and packs for the rating, scenario and leverage tests: made-up numbers, not real figures. */
final class RatingFixtures {
    static final String PACK = "fixture-pack";

    private RatingFixtures() {
    }

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    /** An entry with a source and flag V, basis session, currency USD for money metrics. */
    static BenchmarkEntry.Builder entry(String metric, String segment) {
        BenchmarkEntry.Builder b = BenchmarkEntry.builder(metric, segment).basis(Basis.SESSION).period("Aug 2022").sample("1,000 shops")
                .source("Fixture Market Data", "https://example.org/fixture", "Fixture Publisher").retrieved(LocalDate.of(2026, 11, 22))
                .verification(Verification.V);
        if (Rating.metric(metric).map(m -> m.unit() == io.persession.spi.Metric.Unit.MONEY).orElse(false)) {
            b.currency("USD");
        }
        return b;
    }

    /** revenue_per_session p25 1.50, p50 2.00, p75 3.00 USD. */
    static BenchmarkEntry quartiles(String segment) {
        return entry("revenue_per_session", segment).statistic(Statistic.P25, d("1.50")).statistic(Statistic.P50, d("2.00"))
                .statistic(Statistic.P75, d("3.00")).build();
    }

    static BenchmarkPack pack(BenchmarkEntry... entries) {
        return pack(List.of(entries));
    }

    static BenchmarkPack pack(List<BenchmarkEntry> entries) {
        return new BenchmarkPack() {
            @Override
            public String id() {
                return PACK;
            }

            @Override
            public String version() {
                return "2026.11";
            }

            @Override
            public String vendor() {
                return "persession tests";
            }

            @Override
            public String title() {
                return "Fixture pack";
            }

            @Override
            public List<BenchmarkEntry> entries() {
                return entries;
            }
        };
    }

    /** Figures with only sessions and revenue known (calc without orders). */
    static Figures figures(long sessions, String revenue, String currency) {
        return Figures.builder(sessions, d(revenue)).currency(currency).build();
    }

    /**
     * A shop: 5000 sessions, 4000 visitors, 20000 pageviews, 100 converting sessions with 120 orders of
     * USD 12000.00 in all, ads USD 500.00, refunds USD 300.00: net revenue USD 12200.00.
     */
    static Totals.Builder shop() {
        return Totals.builder().sessions(5000).visitors(4000).events(30000).pageviews(20000).purchases(120).convertingSessions(100)
                .purchaseRevenueMicros(12_000_000_000L).adRevenueMicros(500_000_000L).refunds(3).refundMicros(300_000_000L).currency("USD");
    }
}

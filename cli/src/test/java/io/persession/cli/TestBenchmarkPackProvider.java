package io.persession.cli;

import io.persession.spi.Basis;
import io.persession.spi.BenchmarkEntry;
import io.persession.spi.BenchmarkPack;
import io.persession.spi.BenchmarkPackProvider;
import io.persession.spi.Statistic;
import io.persession.spi.Verification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The benchmark pack {@code test-pack} of the CLI tests (registered in the test resources'
 * {@code META-INF/services}): made-up round numbers, so that the tests do not depend on the built-in
 * packs' published figures. Segments:
 * <ul>
 * <li>{@code shop}: revenue per session USD p25 1.50, p50 2.00, p75 3.00; conversion p50 3%; average order
 * value USD mean 100.00;</li>
 * <li>{@code mean-only}: revenue per session USD mean 2.00, flag U ("Data not yet verified");</li>
 * <li>{@code gbp}: revenue per session GBP mean 1.22;</li>
 * <li>{@code users}: revenue per session on a user basis, p50 USD 2.00;</li>
 * <li>{@code definition}: session RPM as a definition only;</li>
 * <li>{@code conversion-only}: conversion p50 3%, no revenue per session.</li>
 * </ul>
 */
public final class TestBenchmarkPackProvider implements BenchmarkPackProvider {
    @Override
    public String spiVersion() {
        return io.persession.spi.SpiVersion.CURRENT;
    }

    public static final String ID = "test-pack";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public BenchmarkPack pack() {
        List<BenchmarkEntry> entries = List.of(
                entry("revenue_per_session", "shop").currency("USD").statistic(Statistic.P25, d("1.50")).statistic(Statistic.P50, d("2.00"))
                        .statistic(Statistic.P75, d("3.00")).build(),
                entry("conversion_rate", "shop").statistic(Statistic.P50, d("0.03")).build(),
                entry("average_order_value", "shop").currency("USD").statistic(Statistic.MEAN, d("100.00")).build(),
                entry("revenue_per_session", "mean-only").currency("USD").statistic(Statistic.MEAN, d("2.00")).verification(Verification.U).build(),
                entry("revenue_per_session", "gbp").currency("GBP").statistic(Statistic.MEAN, d("1.22")).build(),
                entry("revenue_per_session", "users").currency("USD").basis(Basis.USER).statistic(Statistic.P50, d("2.00")).build(),
                entry("session_rpm", "definition").kind(BenchmarkEntry.Kind.DEFINITION).definition("earnings / sessions x 1000")
                        .note("no median is published").build(),
                entry("conversion_rate", "conversion-only").statistic(Statistic.P50, d("0.03")).build());
        return new BenchmarkPack() {
            @Override
            public String id() {
                return ID;
            }

            @Override
            public String version() {
                return "1.0";
            }

            @Override
            public String vendor() {
                return "persession tests";
            }

            @Override
            public String title() {
                return "Test pack (made-up numbers)";
            }

            @Override
            public List<BenchmarkEntry> entries() {
                return entries;
            }
        };
    }

    private static BenchmarkEntry.Builder entry(String metric, String segment) {
        return BenchmarkEntry.builder(metric, segment).basis(Basis.SESSION).period("2026").sample("made up")
                .source("Test figures", "https://example.org/test-pack", "persession tests").retrieved(LocalDate.of(2026, 11, 22))
                .verification(Verification.V);
    }

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }
}

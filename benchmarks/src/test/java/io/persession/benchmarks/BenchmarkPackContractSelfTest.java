package io.persession.benchmarks;

import io.persession.spi.Basis;
import io.persession.spi.BenchmarkEntry;
import io.persession.spi.BenchmarkPack;
import io.persession.spi.BenchmarkPackProvider;
import io.persession.spi.Statistic;
import io.persession.spi.Verification;
import io.persession.testkit.BenchmarkPackContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract catches what it promises to catch: each broken provider below fails the contract test
 * that guards the broken property, with a message that says what is wrong.
 */
class BenchmarkPackContractSelfTest {
    /** The contract, run on any provider. */
    static final class Contract extends BenchmarkPackContract {
        private final Supplier<BenchmarkPackProvider> provider;

        Contract(Supplier<BenchmarkPackProvider> provider) {
            this.provider = provider;
        }

        @Override
        protected BenchmarkPackProvider provider() {
            return provider.get();
        }
    }

    static BenchmarkEntry.Builder figure(String metric, String segment) {
        return BenchmarkEntry.builder(metric, segment).statistic(Statistic.P25, new BigDecimal("1")).statistic(Statistic.P50, new BigDecimal("2"))
                .statistic(Statistic.P75, new BigDecimal("3")).basis(Basis.SESSION).currency("EUR").period("2025")
                .source("A source", "https://example.com/a", "A publisher").retrieved(LocalDate.of(2026, 11, 22)).verification(Verification.V);
    }

    /** A pack built in code, each part replaceable. */
    static class CodePack implements BenchmarkPack {
        final String id;
        final String version;
        final String vendor;
        final List<BenchmarkEntry> entries;

        CodePack(String id, String version, String vendor, List<BenchmarkEntry> entries) {
            this.id = id;
            this.version = version;
            this.vendor = vendor;
            this.entries = entries;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String version() {
            return version;
        }

        @Override
        public String vendor() {
            return vendor;
        }

        @Override
        public String title() {
            return "A pack built in code";
        }

        @Override
        public List<BenchmarkEntry> entries() {
            return entries;
        }
    }

    /** A provider of a code pack; not registered with ServiceLoader. */
    public static final class CodeProvider implements BenchmarkPackProvider {
        @Override
        public String spiVersion() {
            return io.persession.spi.SpiVersion.CURRENT;
        }

        private final String id;
        private final Supplier<BenchmarkPack> pack;

        public CodeProvider() {
            this("code-pack", () -> new CodePack("code-pack", "1", "Vendor", List.of(figure("revenue_per_session", "all").build())));
        }

        CodeProvider(String id, Supplier<BenchmarkPack> pack) {
            this.id = id;
            this.pack = pack;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public BenchmarkPack pack() {
            return pack.get();
        }
    }

    private static Contract with(UnaryOperator<BenchmarkEntry.Builder> change) {
        BenchmarkPack pack = new CodePack("code-pack", "1", "Vendor", List.of(change.apply(figure("revenue_per_session", "all")).build()));
        return new Contract(() -> new CodeProvider("code-pack", () -> pack));
    }

    private static void fails(Executable test, String expected) {
        AssertionError e = assertThrows(AssertionError.class, test);
        assertTrue(e.getMessage() != null && e.getMessage().contains(expected), () -> "expected '" + expected + "' in: " + e.getMessage());
    }

    @Test
    void aGoodCodePackPassesTheChecksOfItsContent() {
        Contract c = new Contract(CodeProvider::new);
        assertDoesNotThrow(c::idIsValidAndStable);
        assertDoesNotThrow(c::spiVersionIsAccepted);
        assertDoesNotThrow(c::packIdIsTheProvidersId);
        assertDoesNotThrow(c::versionVendorAndTitleAreNotBlank);
        assertDoesNotThrow(c::everyEntryIsValid);
        assertDoesNotThrow(c::statisticsAreOrdered);
        assertDoesNotThrow(c::moneyHasACurrencyAndSharesAreShares);
        assertDoesNotThrow(c::everyEntryHasItsProvenance);
        assertDoesNotThrow(c::segmentsAreDeclared);
        assertDoesNotThrow(c::figuresAreFoundByMetricAndSegment);
        assertDoesNotThrow(c::packIsIdempotent);
        assertDoesNotThrow(c::packIsThreadSafe);
        assertDoesNotThrow(c::entriesAreImmutable);
    }

    @Test
    void anUnregisteredProviderFailsRegistration() {
        fails(new Contract(CodeProvider::new)::providerIsRegistered, "is not registered: add its class name as a line of "
                + "META-INF/services/io.persession.spi.BenchmarkPackProvider");
        fails(new Contract(ResourceBenchmarkPackProviderTest.ValidProvider::new)::providerIsRegistered, "is not registered");
    }

    /** A provider stating another SPI version than the one this persession accepts. */
    public static final class VersionedProvider implements BenchmarkPackProvider {
        private final String version;

        VersionedProvider(String version) {
            this.version = version;
        }

        @Override
        public String spiVersion() {
            return version;
        }

        @Override
        public String id() {
            return "code-pack";
        }

        @Override
        public BenchmarkPack pack() {
            return new CodeProvider().pack();
        }
    }

    @Test
    void anSpiVersionThisPersessionRefusesFails() {
        fails(new Contract(() -> new VersionedProvider("2.0"))::spiVersionIsAccepted,
                "would be refused by persession: it was compiled against persession SPI 2.0 but this persession has SPI 1.0");
        fails(new Contract(() -> new VersionedProvider("1.9"))::spiVersionIsAccepted, "upgrade persession to one with SPI 1.9 or later");
        fails(new Contract(() -> new VersionedProvider(null))::spiVersionIsAccepted, "it states no SPI version");
        fails(new Contract(() -> new VersionedProvider("one"))::spiVersionIsAccepted, "'one' is not MAJOR.MINOR");
    }

    @Test
    void aBadIdFails() {
        fails(new Contract(() -> new CodeProvider("Code_Pack", () -> null))::idIsValidAndStable, "id 'Code_Pack' is not lower-case [a-z0-9-]+");
    }

    @Test
    void aPackWithAnotherIdFails() {
        fails(new Contract(() -> new CodeProvider("other", () -> new CodePack("code-pack", "1", "V", List.of(figure("revenue_per_session", "all")
                .build()))))::packIdIsTheProvidersId, "the pack's id must equal its provider's id");
    }

    @Test
    void aBlankVendorFails() {
        fails(new Contract(() -> new CodeProvider("code-pack", () -> new CodePack("code-pack", "1", " ", List.of(figure("revenue_per_session", "all")
                .build()))))::versionVendorAndTitleAreNotBlank, "vendor() is blank");
    }

    @Test
    void statisticsOutOfOrderFail() {
        Contract c = with(b -> b.statistic(Statistic.P50, new BigDecimal("0.5")));
        fails(c::everyEntryIsValid, "entries[0].statistics.p50: 0.5 is below p25 (1)");
        fails(c::statisticsAreOrdered, "p50 0.5 is below the statistic before it, 1");
        fails(with(b -> b.statistic(Statistic.P90, new BigDecimal("2.5")).statistic(Statistic.P80, new BigDecimal("2.8")))::everyEntryIsValid,
                "entries[0].statistics.p80: 2.8 is below p75 (3)");
    }

    @Test
    void moneyWithoutCurrencyAndPercentagesAsNumbersFail() {
        Contract noCurrency = with(b -> b.currency(null));
        fails(noCurrency::everyEntryIsValid, "entries[0].currency: missing: revenue_per_session is money");
        fails(noCurrency::moneyHasACurrencyAndSharesAreShares, "a money figure needs its currency");
        BenchmarkPack percent = new CodePack("code-pack", "1", "V", List.of(figure("conversion_rate", "all").currency(null).build()));
        Contract c = new Contract(() -> new CodeProvider("code-pack", () -> percent));
        fails(c::moneyHasACurrencyAndSharesAreShares, "is not a share (0.0162 for 1.62%)");
        fails(c::everyEntryIsValid, "entries[0].statistics.p50: 2 is above 1");
    }

    @Test
    void missingProvenanceFails() {
        fails(with(b -> b.verification(Verification.D))::everyEntryHasItsProvenance, "a derived (D) figure's note must give its formula");
        fails(with(b -> b.source("A source", "ftp://example.com", "P"))::everyEntryHasItsProvenance, "source URL");
        fails(with(b -> b.source("A source", "ftp://example.com", "P"))::everyEntryIsValid, "entries[0].source.url: 'ftp://example.com' is not an http(s) URL");
        fails(with(b -> b.retrieved(null))::everyEntryHasItsProvenance, "no retrieved date");
        fails(with(b -> b.source(null, null, "P"))::everyEntryHasItsProvenance, "source title is blank");
    }

    @Test
    void badSegmentsFail() {
        Contract undeclared = new Contract(() -> new CodeProvider("code-pack", () -> new CodePack("code-pack", "1", "V",
                List.of(figure("revenue_per_session", "all").build())) {
            @Override
            public java.util.Set<String> segments() {
                return java.util.Set.of("all", "other");
            }
        }));
        fails(undeclared::segmentsAreDeclared, "segments() must be exactly the segments the entries use");
        Contract untitled = new Contract(() -> new CodeProvider("code-pack", () -> new CodePack("code-pack", "1", "V",
                List.of(figure("revenue_per_session", "all").build())) {
            @Override
            public String segmentTitle(String segment) {
                return "";
            }
        }));
        fails(untitled::segmentsAreDeclared, "segmentTitle('all') is blank");
        fails(untitled::everyEntryIsValid, "segment 'all' has a blank title");
    }

    @Test
    void aLookupThatMissesItsFigureFails() {
        Contract c = new Contract(() -> new CodeProvider("code-pack", () -> new CodePack("code-pack", "1", "V",
                List.of(figure("revenue_per_session", "all").build())) {
            @Override
            public Optional<BenchmarkEntry> entry(String metric, String segment) {
                return Optional.empty();
            }
        }));
        fails(c::figuresAreFoundByMetricAndSegment, "entry('revenue_per_session', 'all') finds nothing");
    }

    @Test
    void aPackThatChangesBetweenCallsFails() {
        AtomicInteger calls = new AtomicInteger();
        Contract c = new Contract(() -> new CodeProvider("code-pack", () -> new CodePack("code-pack", "v" + calls.incrementAndGet(), "V",
                List.of(figure("revenue_per_session", "all").build()))));
        fails(c::packIsIdempotent, "a second call to pack(): version");
    }

    @Test
    void aPackThatDependsOnTheThreadFails() {
        Contract c = new Contract(() -> new CodeProvider("code-pack", () -> new CodePack("code-pack", Thread.currentThread().getName(), "V",
                List.of(figure("revenue_per_session", "all").build()))));
        fails(c::packIsThreadSafe, "pack() called concurrently: version");
    }

    @Test
    void mutableEntriesFail() {
        Contract c = new Contract(() -> new CodeProvider("code-pack", () -> new CodePack("code-pack", "1", "V",
                new ArrayList<>(List.of(figure("revenue_per_session", "all").build())))));
        fails(c::entriesAreImmutable, "entries() must be unmodifiable");
    }
}

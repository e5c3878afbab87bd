package io.persession.testkit;

import io.persession.engine.BenchmarkPacks;
import io.persession.engine.StandardMetrics;
import io.persession.spi.BenchmarkEntry;
import io.persession.spi.BenchmarkPack;
import io.persession.spi.BenchmarkPackProvider;
import io.persession.spi.Metric;
import io.persession.spi.Statistic;
import io.persession.spi.Verification;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static io.persession.testkit.PluginChecks.assertNotBlank;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract every {@link BenchmarkPackProvider} must meet. Extend it in your plugin's tests and
 * return your provider:
 *
 * <pre>{@code
 * class AcmePackContractTest extends BenchmarkPackContract {
 *     @Override
 *     protected BenchmarkPackProvider provider() {
 *         return new AcmePackProvider();
 *     }
 * }
 * }</pre>
 *
 * <p>What it checks: registration in {@code META-INF/services} (through {@link ServiceLoader} with the
 * provider's own class loader, as the host loads it), the SPI version it states ({@code spiVersion()},
 * which this persession must accept), the id, that the pack's id is the provider's,
 * non-blank version, vendor and title, that every entry meets the rules of the pack format (the same
 * rules the host and the JSON loader apply, {@link BenchmarkPacks#check}: statistics in order,
 * a currency for money figures, shares between 0 and 1, http(s) URLs, a retrieved date, a flag and a
 * formula for derived figures), that segments are declared and titled, and that {@code pack()} is
 * idempotent, thread-safe and returns an immutable pack.
 */
public abstract class BenchmarkPackContract {
    private static final int THREADS = 8;

    /** The provider under test: a new instance, as {@link ServiceLoader} would create it. */
    protected abstract BenchmarkPackProvider provider();

    // ---------------------------------------------------------------- registration and identity

    /** The host finds packs only through ServiceLoader; an unregistered provider is invisible. */
    @Test
    @DisplayName("the provider is registered with ServiceLoader (its own class loader) and instantiable by it")
    public void providerIsRegistered() {
        BenchmarkPackProvider provider = provider();
        ServiceLoader.Provider<BenchmarkPackProvider> found = PluginChecks.assertRegistered(BenchmarkPackProvider.class, provider);
        assertEquals(provider.id(), found.get().id(), "the instance ServiceLoader creates must report the same id");
    }

    /**
     * The host refuses a plugin compiled against an SPI version it does not support (another major, or a
     * newer minor), so the plugin must state the version it was compiled against: {@code return
     * SpiVersion.CURRENT;}, a constant javac copies into the plugin's class.
     */
    @Test
    @DisplayName("spiVersion() states an SPI version this persession accepts (implement it as: return SpiVersion.CURRENT;)")
    public void spiVersionIsAccepted() {
        BenchmarkPackProvider provider = provider();
        SpiVersionCheck.check(provider, provider::spiVersion);
    }

    /** Users select packs by id ({@code --pack}) and every rating names it: a valid, stable id. */
    @Test
    @DisplayName("the provider's id is lower-case [a-z0-9-]+ and stable")
    public void idIsValidAndStable() {
        PluginChecks.assertIdValidAndStable(provider()::id, BenchmarkPack.ID_PATTERN);
    }

    /** The host refuses a pack whose id differs from its provider's: the user selects by the provider's id. */
    @Test
    @DisplayName("the pack's id equals the provider's id")
    public void packIdIsTheProvidersId() {
        BenchmarkPackProvider provider = provider();
        assertEquals(provider.id(), pack(provider).id(), "the pack's id must equal its provider's id");
    }

    /** `persession packs` shows version, vendor and title: each must say something. */
    @Test
    @DisplayName("version, vendor and title are not blank")
    public void versionVendorAndTitleAreNotBlank() {
        BenchmarkPack pack = pack(provider());
        assertNotBlank(pack.version(), "version()");
        assertNotBlank(pack.vendor(), "vendor()");
        assertNotBlank(pack.title(), "title()");
    }

    // ---------------------------------------------------------------- entries

    /**
     * The host checks every pack with these rules and refuses one that breaks any: the contract shows
     * all violations at once, each with its field path.
     */
    @Test
    @DisplayName("every entry meets the rules of the pack format (BenchmarkPacks.check)")
    public void everyEntryIsValid() {
        List<BenchmarkPacks.Violation> violations = BenchmarkPacks.check(pack(provider()));
        assertTrue(violations.isEmpty(), () -> violations.size() + " rule(s) broken:\n  "
                + violations.stream().map(Object::toString).collect(Collectors.joining("\n  ")));
    }

    /** Rating reads the statistics in order; a p50 below the p25 would make "Low" and "Strong" swap. */
    @Test
    @DisplayName("statistics are non-negative and ordered p25 <= p50 <= p75 <= p80 <= p90")
    public void statisticsAreOrdered() {
        List<Statistic> order = List.of(Statistic.P25, Statistic.P50, Statistic.P75, Statistic.P80, Statistic.P90);
        for (BenchmarkEntry e : pack(provider()).entries()) {
            BigDecimal previous = null;
            for (Statistic s : order) {
                BigDecimal v = e.statistics().get(s);
                if (v == null) {
                    continue;
                }
                assertTrue(v.signum() >= 0, () -> e + ": " + s.code() + " is negative");
                if (previous != null) {
                    BigDecimal p = previous;
                    assertTrue(v.compareTo(p) >= 0, () -> e + ": " + s.code() + " " + v + " is below the statistic before it, " + p);
                }
                previous = v;
            }
            e.statistic(Statistic.MEAN).ifPresent(m -> assertTrue(m.signum() >= 0, () -> e + ": mean is negative"));
        }
    }

    /** Money is never compared across currencies: a money figure without its currency cannot be rated. */
    @Test
    @DisplayName("money figures and ranges carry an ISO 4217 currency; shares are between 0 and 1")
    public void moneyHasACurrencyAndSharesAreShares() {
        for (BenchmarkEntry e : pack(provider()).entries()) {
            Metric metric = StandardMetrics.ALL.stream().filter(m -> m.id().equals(e.metric())).findFirst()
                    .orElseThrow(() -> new AssertionError(e + ": unknown metric '" + e.metric() + "'"));
            boolean holdsAmounts = e.kind() == BenchmarkEntry.Kind.FIGURE || e.kind() == BenchmarkEntry.Kind.RANGE;
            if (metric.unit() == Metric.Unit.MONEY && holdsAmounts) {
                assertNotNull(e.currency(), () -> e + ": a money figure needs its currency");
                assertEquals(e.currency(), java.util.Currency.getInstance(e.currency()).getCurrencyCode(), () -> e + ": bad currency");
            }
            if (metric.unit() == Metric.Unit.RATIO && holdsAmounts) {
                for (BigDecimal v : values(e)) {
                    assertTrue(v.compareTo(BigDecimal.ONE) <= 0, () -> e + ": " + v + " is not a share (0.0162 for 1.62%)");
                }
            }
        }
    }

    /** Every figure must be traceable: where it was read, when, and how sure we are. */
    @Test
    @DisplayName("every entry has its provenance: source, http(s) URL when given, retrieved date, flag; D has its formula")
    public void everyEntryHasItsProvenance() {
        for (BenchmarkEntry e : pack(provider()).entries()) {
            assertNotNull(e.retrieved(), () -> e + ": no retrieved date");
            if (e.kind() == BenchmarkEntry.Kind.NOT_PUBLISHED) {
                assertNotBlank(e.note(), e + ": note (what was looked for)");
                assertEquals(null, e.verification(), () -> e + ": a not_published entry has no flag");
                continue;
            }
            assertNotBlank(e.sourceTitle(), e + ": source title");
            assertNotBlank(e.publisher(), e + ": publisher");
            if (e.sourceUrl() != null) {
                assertEquals(null, BenchmarkPacks.urlProblem(e.sourceUrl()), () -> e + ": source URL");
            }
            assertNotNull(e.verification(), () -> e + ": no flag (V, V2, U or D)");
            if (e.verification() == Verification.D) {
                assertNotBlank(e.note(), e + ": a derived (D) figure's note must give its formula");
            }
        }
    }

    /** Segments are what users pick with {@code --segment}: declared, valid ids, each with a title. */
    @Test
    @DisplayName("the pack has entries and segments; segment ids are valid and titled")
    public void segmentsAreDeclared() {
        BenchmarkPack pack = pack(provider());
        assertFalse(pack.entries().isEmpty(), "the pack has no entries");
        Set<String> segments = pack.segments();
        assertFalse(segments.isEmpty(), "the pack has no segments");
        Set<String> used = pack.entries().stream().map(BenchmarkEntry::segment).collect(Collectors.toCollection(LinkedHashSet::new));
        assertEquals(used, new LinkedHashSet<>(segments), "segments() must be exactly the segments the entries use");
        for (String s : segments) {
            assertTrue(BenchmarkPack.ID_PATTERN.matcher(s).matches(), () -> "segment '" + s + "' is not lower-case [a-z0-9-]+");
            assertNotBlank(pack.segmentTitle(s), "segmentTitle('" + s + "')");
        }
    }

    /** Rating looks entries up by metric and segment; each figure must be the one found. */
    @Test
    @DisplayName("entry(metric, segment) finds each figure")
    public void figuresAreFoundByMetricAndSegment() {
        BenchmarkPack pack = pack(provider());
        for (BenchmarkEntry e : pack.entries()) {
            Optional<BenchmarkEntry> found = pack.entry(e.metric(), e.segment());
            assertTrue(found.isPresent(), () -> "entry('" + e.metric() + "', '" + e.segment() + "') finds nothing");
            if (e.kind() == BenchmarkEntry.Kind.FIGURE) {
                assertEquals(e, found.get(), () -> "entry('" + e.metric() + "', '" + e.segment() + "') must return the figure");
            }
        }
    }

    // ---------------------------------------------------------------- behaviour

    /** The host may call pack() more than once (and tests do); the answer must not change. */
    @Test
    @DisplayName("pack() is idempotent: the same content on every call")
    public void packIsIdempotent() {
        BenchmarkPackProvider provider = provider();
        BenchmarkPack first = pack(provider);
        BenchmarkPack second = pack(provider);
        assertSamePack(first, second, "a second call to pack()");
        assertSamePack(first, pack(provider()), "pack() of a new provider instance");
    }

    /** A host may load packs from several threads (a server, parallel tests): no torn or twice-loaded state. */
    @Test
    @DisplayName("pack() is thread-safe: concurrent first calls all get the same content")
    public void packIsThreadSafe() throws Exception {
        BenchmarkPackProvider provider = provider();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<BenchmarkPack>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Callable<BenchmarkPack> call = () -> {
                    start.await();
                    return provider.pack();
                };
                results.add(pool.submit(call));
            }
            start.countDown();
            BenchmarkPack expected = pack(provider());
            for (Future<BenchmarkPack> r : results) {
                BenchmarkPack p = r.get(1, TimeUnit.MINUTES);
                assertNotNull(p, "pack() returned null on a concurrent call");
                assertSamePack(expected, p, "pack() called concurrently");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Packs are shared by every rating; a caller that could change them would change everyone's labels. */
    @Test
    @DisplayName("entries, statistics and segments are unmodifiable")
    public void entriesAreImmutable() {
        BenchmarkPackProvider provider = provider();
        BenchmarkPack pack = pack(provider);
        List<BenchmarkEntry> entries = pack.entries();
        BenchmarkEntry any = entries.get(0);
        assertThrows(UnsupportedOperationException.class, () -> entries.add(any), "entries() must be unmodifiable");
        assertThrows(UnsupportedOperationException.class, () -> entries.remove(0), "entries() must be unmodifiable");
        for (BenchmarkEntry e : entries) {
            assertThrows(UnsupportedOperationException.class, () -> e.statistics().put(Statistic.P50, BigDecimal.ONE),
                    () -> e + ": statistics() must be unmodifiable");
        }
        Set<String> before = Set.copyOf(pack.segments());
        try {
            pack.segments().clear();
        } catch (UnsupportedOperationException expected) {
            // fine: unmodifiable
        }
        assertEquals(before, Set.copyOf(pack(provider).segments()), "clearing segments() must not change the pack");
        assertEquals(entries.size(), pack.entries().size());
    }

    private static BenchmarkPack pack(BenchmarkPackProvider p) {
        BenchmarkPack pack;
        try {
            pack = p.pack();
        } catch (RuntimeException e) {
            throw new AssertionError(p.getClass().getName() + ".pack() failed: " + e.getMessage(), e);
        }
        assertNotNull(pack, "pack() returned null");
        assertNotNull(pack.entries(), "entries() returned null");
        return pack;
    }

    private static List<BigDecimal> values(BenchmarkEntry e) {
        List<BigDecimal> out = new ArrayList<>(e.statistics().values());
        e.range().ifPresent(r -> {
            out.add(r.low());
            out.add(r.high());
        });
        return out;
    }

    private static void assertSamePack(BenchmarkPack expected, BenchmarkPack actual, String what) {
        assertEquals(expected.id(), actual.id(), what + ": id");
        assertEquals(expected.version(), actual.version(), what + ": version");
        assertEquals(expected.vendor(), actual.vendor(), what + ": vendor");
        assertEquals(expected.title(), actual.title(), what + ": title");
        assertEquals(List.copyOf(expected.segments()), List.copyOf(actual.segments()), what + ": segments");
        assertEquals(expected.entries(), actual.entries(), what + ": entries");
    }
}

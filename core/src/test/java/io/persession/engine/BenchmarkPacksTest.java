package io.persession.engine;

import io.persession.spi.Basis;
import io.persession.spi.BenchmarkEntry;
import io.persession.spi.BenchmarkPack;
import io.persession.spi.BenchmarkPackProvider;
import io.persession.spi.Statistic;
import io.persession.spi.Verification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Public, with public helpers: the vendor-jar test defines two of its providers in another class loader. */
public class BenchmarkPacksTest {
    private static final ClassLoader HOST = BenchmarkPacksTest.class.getClassLoader();
    private static final String SERVICES = "META-INF/services/" + BenchmarkPackProvider.class.getName();
    private static final LocalDate RETRIEVED = LocalDate.of(2026, 11, 22);

    @TempDir
    Path tmp;

    // ---------------------------------------------------------------- test packs and providers

    public static BenchmarkEntry.Builder figure(String metric, String segment) {
        return BenchmarkEntry.builder(metric, segment).statistic(Statistic.P25, new BigDecimal("1")).statistic(Statistic.P50, new BigDecimal("2"))
                .statistic(Statistic.P75, new BigDecimal("3")).basis(Basis.SESSION).currency("EUR").period("2025")
                .source("A source", "https://example.com/a", "A publisher").retrieved(RETRIEVED).verification(Verification.V);
    }

    public static final class CodePack implements BenchmarkPack {
        private final String id;
        private final List<BenchmarkEntry> entries;

        public CodePack(String id, List<BenchmarkEntry> entries) {
            this.id = id;
            this.entries = List.copyOf(entries);
        }

        public CodePack(String id, BenchmarkEntry... entries) {
            this(id, List.of(entries));
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String version() {
            return "1";
        }

        @Override
        public String vendor() {
            return "Test";
        }

        @Override
        public String title() {
            return "Test pack " + id;
        }

        @Override
        public List<BenchmarkEntry> entries() {
            return entries;
        }
    }

    public static final class AlphaProvider implements BenchmarkPackProvider {

        @Override

        public String spiVersion() {

            return io.persession.spi.SpiVersion.CURRENT;

        }

        @Override
        public String id() {
            return "alpha";
        }

        @Override
        public BenchmarkPack pack() {
            return new CodePack("alpha", figure("revenue_per_session", "all").build());
        }
    }

    public static final class BetaProvider implements BenchmarkPackProvider {

        @Override

        public String spiVersion() {

            return io.persession.spi.SpiVersion.CURRENT;

        }

        @Override
        public String id() {
            return "beta";
        }

        @Override
        public BenchmarkPack pack() {
            return new CodePack("beta", figure("session_rpm", "all").build());
        }
    }

    public static final class ThrowingProvider implements BenchmarkPackProvider {

        @Override

        public String spiVersion() {

            return io.persession.spi.SpiVersion.CURRENT;

        }

        @Override
        public String id() {
            return "throwing";
        }

        @Override
        public BenchmarkPack pack() {
            throw new IllegalStateException("Invalid benchmark pack 'throwing' (throwing.json): entries[3].statistics.p50: 1 is below p25 (2)");
        }
    }

    public static final class LinkageProvider implements BenchmarkPackProvider {

        @Override

        public String spiVersion() {

            return io.persession.spi.SpiVersion.CURRENT;

        }

        @Override
        public String id() {
            return "linkage";
        }

        @Override
        public BenchmarkPack pack() {
            throw new NoClassDefFoundError("com/fasterxml/jackson/databind/ObjectMapper");
        }
    }

    public static final class NullProvider implements BenchmarkPackProvider {

        @Override

        public String spiVersion() {

            return io.persession.spi.SpiVersion.CURRENT;

        }

        @Override
        public String id() {
            return "null-pack";
        }

        @Override
        public BenchmarkPack pack() {
            return null;
        }
    }

    public static final class OtherIdProvider implements BenchmarkPackProvider {

        @Override

        public String spiVersion() {

            return io.persession.spi.SpiVersion.CURRENT;

        }

        @Override
        public String id() {
            return "mine";
        }

        @Override
        public BenchmarkPack pack() {
            return new CodePack("theirs", figure("revenue_per_session", "all").build());
        }
    }

    public static final class RuleBreakingProvider implements BenchmarkPackProvider {

        @Override

        public String spiVersion() {

            return io.persession.spi.SpiVersion.CURRENT;

        }

        @Override
        public String id() {
            return "rule-breaking";
        }

        @Override
        public BenchmarkPack pack() {
            return new CodePack("rule-breaking", figure("revenue_per_session", "all").statistic(Statistic.P50, new BigDecimal("0.5")).currency(null).build());
        }
    }

    public static final class ConstructorThrowsProvider implements BenchmarkPackProvider {

        @Override

        public String spiVersion() {

            return io.persession.spi.SpiVersion.CURRENT;

        }

        public ConstructorThrowsProvider() {
            throw new IllegalStateException("boom from constructor");
        }

        @Override
        public String id() {
            return "never";
        }

        @Override
        public BenchmarkPack pack() {
            return null;
        }
    }

    /** Records the thread context class loader it is called with. */
    public static final class ContextProvider implements BenchmarkPackProvider {
        @Override
        public String spiVersion() {
            return io.persession.spi.SpiVersion.CURRENT;
        }

        static volatile ClassLoader seen;

        @Override
        public String id() {
            return "context";
        }

        @Override
        public BenchmarkPack pack() {
            seen = Thread.currentThread().getContextClassLoader();
            return new CodePack("context", figure("revenue_per_session", "all").build());
        }
    }

    /** Copied into a vendor jar and defined there. */
    public static final class JarProvider implements BenchmarkPackProvider {
        @Override
        public String spiVersion() {
            return io.persession.spi.SpiVersion.CURRENT;
        }

        @Override
        public String id() {
            return "vendor";
        }

        @Override
        public BenchmarkPack pack() {
            return new CodePack("vendor", figure("revenue_per_session", "all").build());
        }
    }

    /** Copied into a vendor jar and defined there. */
    public static final class JarBrokenProvider implements BenchmarkPackProvider {
        @Override
        public String spiVersion() {
            return io.persession.spi.SpiVersion.CURRENT;
        }

        @Override
        public String id() {
            return "vendor-broken";
        }

        @Override
        public BenchmarkPack pack() {
            return new CodePack("vendor-broken", figure("conversion_rate", "all").currency(null).build());
        }
    }

    /** A class loader that sees the host's classes and a services file listing {@code providers}. */
    private ClassLoader host(Class<?>... providers) throws IOException {
        Path dir = Files.createTempDirectory(tmp, "host");
        Path services = dir.resolve(SERVICES);
        Files.createDirectories(services.getParent());
        Files.writeString(services, java.util.Arrays.stream(providers).map(Class::getName).collect(Collectors.joining("\n")) + "\n");
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, HOST);
    }

    private Path jar(String name, Class<?>... providers) throws IOException {
        Path jar = tmp.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
            j.putNextEntry(new JarEntry(SERVICES));
            j.write((java.util.Arrays.stream(providers).map(Class::getName).collect(Collectors.joining("\n")) + "\n").getBytes(StandardCharsets.UTF_8));
            j.closeEntry();
            for (Class<?> c : providers) {
                String path = c.getName().replace('.', '/') + ".class";
                j.putNextEntry(new JarEntry(path));
                try (InputStream in = HOST.getResourceAsStream(path)) {
                    j.write(in.readAllBytes());
                }
                j.closeEntry();
            }
        }
        return jar;
    }

    private static PluginRegistry<BenchmarkPackProvider> registry(ClassLoader host, Map<Path, ClassLoader> jars) {
        return PluginRegistry.load("benchmark pack", BenchmarkPackProvider.class, BenchmarkPackProvider::id, host, jars);
    }

    private static PluginRegistry.Problem problem(BenchmarkPacks packs, String text) {
        return packs.problems().stream().filter(p -> p.message().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no problem mentions '" + text + "': " + packs.problems()));
    }

    // ---------------------------------------------------------------- loading

    @Test
    void goodPacksLoadSortedByIdWithTheirJar() throws IOException {
        BenchmarkPacks packs = BenchmarkPacks.load(registry(host(BetaProvider.class, AlphaProvider.class), Map.of()));
        assertEquals(List.of("alpha", "beta"), packs.packs().stream().map(BenchmarkPacks.Loaded::id).collect(Collectors.toList()));
        assertTrue(packs.problems().isEmpty(), packs.problems().toString());
        for (BenchmarkPacks.Loaded l : packs.packs()) {
            assertEquals(PluginRegistry.sourceOf(AlphaProvider.class), l.source());
            assertSame(l.pack(), packs.get(l.id()));
            assertSame(l, packs.find(l.id()).orElseThrow());
        }
        assertThrows(UnsupportedOperationException.class, () -> packs.packs().clear());
    }

    @Test
    void oneBadPackNeverStopsTheOthers() throws IOException {
        BenchmarkPacks packs = BenchmarkPacks.load(registry(host(AlphaProvider.class, ThrowingProvider.class, LinkageProvider.class,
                NullProvider.class, OtherIdProvider.class, RuleBreakingProvider.class, BetaProvider.class), Map.of()));
        assertEquals(List.of("alpha", "beta"), packs.packs().stream().map(BenchmarkPacks.Loaded::id).collect(Collectors.toList()));
        assertEquals(5, packs.problems().size(), packs.problems().toString());
        String jar = PluginRegistry.sourceOf(ThrowingProvider.class);
        for (PluginRegistry.Problem p : packs.problems()) {
            assertEquals(jar, p.source(), "each problem names the jar the provider came from");
            assertFalse(p.message().contains("\n"), p.message());
        }
        assertEquals("Invalid benchmark pack 'throwing' (throwing.json): entries[3].statistics.p50: 1 is below p25 (2)",
                problem(packs, "'throwing'").message(), "the provider's one-line error is kept as it is");
        problem(packs, "com/fasterxml/jackson/databind/ObjectMapper");
        problem(packs, NullProvider.class.getName() + ".pack() returned null");
        assertEquals("Invalid benchmark pack 'mine': its provider's id is 'mine' but the pack's id is 'theirs'; make them equal",
                problem(packs, "'mine'").message());
        assertEquals("Invalid benchmark pack 'rule-breaking': entries[0].statistics.p50: 0.5 is below p25 (1); statistics must satisfy "
                + "p25 <= p50 <= p75 <= p80 <= p90 (and 1 more)", problem(packs, "'rule-breaking'").message());
    }

    @Test
    void providersThatCannotBeCreatedAreProblemsToo() throws IOException {
        BenchmarkPacks packs = BenchmarkPacks.load(registry(host(AlphaProvider.class, ConstructorThrowsProvider.class), Map.of()));
        assertEquals(List.of("alpha"), packs.packs().stream().map(BenchmarkPacks.Loaded::id).collect(Collectors.toList()));
        assertTrue(problem(packs, "boom from constructor").message().contains(ConstructorThrowsProvider.class.getName()));
    }

    @Test
    void packIsCalledWithTheProvidersContextClassLoaderWhichIsRestoredAfter() throws IOException {
        ClassLoader elsewhere = new URLClassLoader(new URL[0], null);
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(elsewhere);
        try {
            ContextProvider.seen = null;
            BenchmarkPacks.load(registry(host(ContextProvider.class), Map.of()));
            assertSame(ContextProvider.class.getClassLoader(), ContextProvider.seen);
            assertNotEquals(elsewhere, ContextProvider.seen);
            assertSame(elsewhere, Thread.currentThread().getContextClassLoader(), "restored");
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
    }

    @Test
    void aVendorJarsPacksAndProblemsNameTheJar() throws IOException {
        Path jar = jar("vendor.jar", JarProvider.class, JarBrokenProvider.class);
        ClassLoader loader = new PluginRegistryTest.JarFirstLoader(jar, HOST);
        BenchmarkPacks packs = BenchmarkPacks.load(registry(host(AlphaProvider.class), Map.of(jar, loader)));
        assertEquals(List.of("alpha", "vendor"), packs.packs().stream().map(BenchmarkPacks.Loaded::id).collect(Collectors.toList()));
        assertEquals(jar.toString(), packs.find("vendor").orElseThrow().source());
        PluginRegistry<BenchmarkPackProvider> again = registry(host(), Map.of(jar, loader));
        assertSame(loader, again.get("vendor").getClass().getClassLoader(), "the vendor's provider is defined by its jar's loader");
        PluginRegistry.Problem p = problem(packs, "'vendor-broken'");
        assertEquals(jar.toString(), p.source());
        assertEquals("Invalid benchmark pack 'vendor-broken': entries[0].statistics.p50: 2 is above 1: conversion_rate is a share between 0 and 1 "
                + "(0.0162 for 1.62%) (and 1 more)", p.message());
    }

    @Test
    void getNamesTheJarOfAFailedPackAndListsTheIdsForAnUnknownOne() throws IOException {
        BenchmarkPacks packs = BenchmarkPacks.load(registry(host(AlphaProvider.class, BetaProvider.class, ThrowingProvider.class), Map.of()));
        PluginException failed = assertThrows(PluginException.class, () -> packs.get("throwing"));
        assertEquals("Benchmark pack 'throwing' from " + PluginRegistry.sourceOf(ThrowingProvider.class)
                + " failed to load: Invalid benchmark pack 'throwing' (throwing.json): entries[3].statistics.p50: 1 is below p25 (2)", failed.getMessage());
        PluginException unknown = assertThrows(PluginException.class, () -> packs.get("alpah"));
        String m = unknown.getMessage();
        assertTrue(m.startsWith("Unknown benchmark pack 'alpah'. Available: alpha, beta, throwing."), m);
        assertTrue(m.contains("Did you mean 'alpha'?"), m);
        assertTrue(packs.find("alpah").isEmpty());
    }

    @Test
    void noPackInstalled() throws IOException {
        BenchmarkPacks packs = BenchmarkPacks.load(registry(host(), Map.of()));
        assertTrue(packs.packs().isEmpty());
        assertTrue(assertThrows(PluginException.class, () -> packs.get("ecommerce")).getMessage().contains("None is installed."));
    }

    // ---------------------------------------------------------------- the rules

    private static List<String> violations(BenchmarkEntry... entries) {
        return BenchmarkPacks.check(new CodePack("p", entries)).stream().map(Object::toString).collect(Collectors.toList());
    }

    private static List<String> violations(UnaryOperator<BenchmarkEntry.Builder> change) {
        return violations(change.apply(figure("revenue_per_session", "all")).build());
    }

    private static void broken(UnaryOperator<BenchmarkEntry.Builder> change, String expected) {
        List<String> v = violations(change);
        assertEquals(1, v.size(), () -> "one violation expected: " + v);
        assertEquals(expected, v.get(0));
    }

    @Test
    void aValidPackHasNoViolations() {
        assertEquals(List.of(), violations(b -> b));
        assertEquals(List.of(), violations(
                figure("revenue_per_session", "all").statistic(Statistic.P80, new BigDecimal("3")).statistic(Statistic.P90, new BigDecimal("9"))
                        .statistic(Statistic.MEAN, new BigDecimal("0.1")).band(BigDecimal.ONE).note("mean may be anywhere").build(),
                BenchmarkEntry.builder("conversion_rate", "all").statistic(Statistic.MEAN, BigDecimal.ONE).period("2025").basis(Basis.USER)
                        .source("t", null, "p").retrieved(RETRIEVED).verification(Verification.V2).build(),
                BenchmarkEntry.builder("average_order_value", "all").statistic(Statistic.MEAN, new BigDecimal("50")).basis(Basis.ORDER).currency("USD")
                        .period("Sep 2024").source("t", "http://example.com", "p").retrieved(RETRIEVED).verification(Verification.V)
                        .underlyingVerification(Verification.U).build(),
                BenchmarkEntry.builder("page_rpm", "all").kind(BenchmarkEntry.Kind.RANGE).range(BenchmarkEntry.Range.of(new BigDecimal("0.2"), BigDecimal.ONE))
                        .basis(Basis.PAGEVIEW).currency("USD").source("t", null, "p").retrieved(RETRIEVED).verification(Verification.U).build(),
                BenchmarkEntry.builder("session_rpm", "all").kind(BenchmarkEntry.Kind.RELATIVE).range(BenchmarkEntry.Range.of(new BigDecimal("0.2"),
                        new BigDecimal("2.5"))).relation(BenchmarkEntry.Relation.of("page_rpm", BenchmarkEntry.Direction.HIGHER, null))
                        .source("t", null, "p").retrieved(RETRIEVED).verification(Verification.V).build(),
                BenchmarkEntry.builder("session_rpm", "all").kind(BenchmarkEntry.Kind.DEFINITION).definition("earnings / sessions x 1000")
                        .source("t", null, "p").retrieved(RETRIEVED).verification(Verification.V).build(),
                BenchmarkEntry.builder("fill_rate", "all").kind(BenchmarkEntry.Kind.NOT_PUBLISHED).basis(Basis.AD_REQUEST).retrieved(RETRIEVED)
                        .note("none published").build()));
    }

    @Test
    void eachRuleIsReportedWithItsFieldPath() {
        broken(b -> b.statistic(Statistic.P50, new BigDecimal("0.5")),
                "entries[0].statistics.p50: 0.5 is below p25 (1); statistics must satisfy p25 <= p50 <= p75 <= p80 <= p90");
        broken(b -> b.statistic(Statistic.P80, new BigDecimal("2.9")), "entries[0].statistics.p80: 2.9 is below p75 (3); statistics must satisfy "
                + "p25 <= p50 <= p75 <= p80 <= p90");
        broken(b -> b.statistic(Statistic.P80, new BigDecimal("4")).statistic(Statistic.P90, new BigDecimal("3.5")),
                "entries[0].statistics.p90: 3.5 is below p80 (4); statistics must satisfy p25 <= p50 <= p75 <= p80 <= p90");
        broken(b -> b.statistic(Statistic.MEAN, new BigDecimal("-0.01")), "entries[0].statistics.mean: -0.01 is negative; benchmark figures are never negative");
        broken(b -> b.statistic(Statistic.MEAN, new BigDecimal("1e13")), "entries[0].statistics.mean: is larger than 1e12");
        broken(b -> b.statistic(Statistic.MEAN, new BigDecimal("-1e999999")), "entries[0].statistics.mean: is larger than 1e12");
        broken(b -> b.statistic(Statistic.MEAN, new BigDecimal("1.0000000000001")), "entries[0].statistics.mean: has more than 12 decimal places");
        assertEquals(List.of(), violations(b -> b.statistic(Statistic.MEAN, new BigDecimal("1.0000000000000000"))), "trailing zeros are fine");
        broken(b -> b.currency(null), "entries[0].currency: missing: revenue_per_session is money; give the ISO 4217 code (GBP, USD, EUR)");
        broken(b -> b.currency("eur"), "entries[0].currency: 'eur' is not an ISO 4217 code (three upper-case letters: GBP, USD, EUR)");
        broken(b -> b.currency("ABC"), "entries[0].currency: 'ABC' is not an ISO 4217 currency code");
        broken(b -> b.source("t", "mailto:a@example.com", "p"), "entries[0].source.url: 'mailto:a@example.com' is not an http(s) URL");
        broken(b -> b.source("t", "https:///path", "p"), "entries[0].source.url: 'https:///path' has no host");
        broken(b -> b.source("t", "https://a b", "p"), "entries[0].source.url: 'https://a b' is not a URL: Illegal character in authority");
        broken(b -> b.source(null, "https://example.com", "p"), "entries[0].source.title: missing");
        broken(b -> b.source("t", "https://example.com", " "), "entries[0].source.publisher: is blank");
        broken(b -> b.retrieved(null), "entries[0].retrieved: missing: the ISO date the figure was read (2026-11-22)");
        broken(b -> b.verification(Verification.D), "entries[0].note: a derived (D) figure needs its formula in the note");
        broken(b -> b.underlyingVerification(Verification.D), "entries[0].underlying_flag: D describes a figure derived here, not the data behind a source; use V, V2 or U");
        broken(b -> b.band(new BigDecimal("0")), "entries[0].band: 0 is not in (0, 1]: the low bound is band x centre");
        broken(b -> b.period(null), "entries[0].period: a figure needs the period it covers, as the source states it");
        broken(b -> b.period(""), "entries[0].period: is blank");
        broken(b -> b.note(" "), "entries[0].note: is blank");
        broken(b -> b.range(BenchmarkEntry.Range.of(BigDecimal.ONE, BigDecimal.TEN)), "entries[0].range: not allowed in a figure entry; use kind range for a published range");
        assertEquals(List.of("entries[0].metric: unknown metric 'rps'; known: revenue_per_session, session_rpm, page_rpm, revenue_per_visitor, "
                + "conversion_rate, orders_per_converting_session, average_order_value, pages_per_session, sessions_per_visitor, "
                + "ad_revenue_per_session, refunds_per_session, fill_rate"), violations(figure("rps", "all").currency(null).build()));
        assertEquals(List.of("entries[0].segment: 'All' is not lower-case [a-z0-9-]+"), violations(figure("revenue_per_session", "All").build()));
    }

    @Test
    void kindsHoldWhatTheyPromise() {
        BenchmarkEntry.Builder none = BenchmarkEntry.builder("session_rpm", "all").kind(BenchmarkEntry.Kind.NOT_PUBLISHED).retrieved(RETRIEVED);
        assertEquals(List.of("entries[0].note: a not_published entry needs a note saying what was looked for and not found"), violations(none.build()));
        assertEquals(List.of("entries[0].flag: a not_published entry has no figure to flag: remove the flag"),
                violations(none.note("n").verification(Verification.V).build()));
        assertEquals(List.of("entries[0].statistics: not allowed in a not_published entry; it holds no figure"),
                violations(BenchmarkEntry.builder("session_rpm", "all").kind(BenchmarkEntry.Kind.NOT_PUBLISHED).retrieved(RETRIEVED).note("n")
                        .statistic(Statistic.P50, BigDecimal.ONE).build()));
        assertEquals(List.of("entries[0].definition: a definition entry needs the source's definition"),
                violations(BenchmarkEntry.builder("session_rpm", "all").kind(BenchmarkEntry.Kind.DEFINITION).source("t", null, "p").retrieved(RETRIEVED)
                        .verification(Verification.V).build()));
        assertEquals(List.of("entries[0].range: a range entry needs a range {low, high}"),
                violations(BenchmarkEntry.builder("page_rpm", "all").kind(BenchmarkEntry.Kind.RANGE).currency("USD").source("t", null, "p")
                        .retrieved(RETRIEVED).verification(Verification.U).build()));
        assertEquals(List.of("entries[0].range.high: 1 is below range.low (2)"),
                violations(BenchmarkEntry.builder("page_rpm", "all").kind(BenchmarkEntry.Kind.RANGE).currency("USD").range(BenchmarkEntry.Range.of(
                        new BigDecimal("2"), BigDecimal.ONE)).source("t", null, "p").retrieved(RETRIEVED).verification(Verification.U).build()));
        BenchmarkEntry.Builder relative = BenchmarkEntry.builder("session_rpm", "all").kind(BenchmarkEntry.Kind.RELATIVE).source("t", null, "p")
                .retrieved(RETRIEVED).verification(Verification.V);
        assertEquals(List.of("entries[0].relation: a relative entry needs a relation {metric, direction}",
                "entries[0].range: a relative entry needs a range or statistics (the difference as a share)"), violations(relative.build()));
        assertEquals(List.of("entries[0].statistics.p50: 1.5 is above 1: a share lower than the reference is at most 1 (100%)"),
                violations(relative.relation(BenchmarkEntry.Relation.of("session_rpm", BenchmarkEntry.Direction.LOWER, "Q4"))
                        .statistic(Statistic.P50, new BigDecimal("1.5")).build()));
        assertEquals(List.of("entries[0].currency: 'USD' given, but a relative entry of session_rpm holds no money amount: remove it"),
                violations(relative.statistic(Statistic.P50, new BigDecimal("0.5")).currency("USD").build()));
        assertEquals(List.of("entries[0].statistics: a figure needs at least one statistic (p25, p50, p75, p80, p90, mean)"),
                violations(BenchmarkEntry.builder("revenue_per_session", "all").currency("EUR").period("2025").source("t", null, "p").retrieved(RETRIEVED)
                        .verification(Verification.V).build()));
        assertEquals(List.of("entries[0].band: only a figure has a band"),
                violations(BenchmarkEntry.builder("session_rpm", "all").kind(BenchmarkEntry.Kind.DEFINITION).definition("d").source("t", null, "p")
                        .retrieved(RETRIEVED).verification(Verification.V).band(new BigDecimal("0.5")).build()));
    }

    @Test
    void oneEntryOfEachKindPerMetricAndSegment() {
        BenchmarkEntry a = figure("revenue_per_session", "all").build();
        BenchmarkEntry definition = BenchmarkEntry.builder("revenue_per_session", "all").kind(BenchmarkEntry.Kind.DEFINITION).definition("d")
                .source("t", null, "p").retrieved(RETRIEVED).verification(Verification.V).build();
        assertEquals(List.of(), violations(a, definition, figure("revenue_per_session", "other").build()));
        assertEquals(List.of("entries[2]: a second figure entry for metric 'revenue_per_session' in segment 'all' (the first is entries[0]); "
                + "one metric has at most one entry of each kind per segment"), violations(a, definition, a));
    }

    @Test
    void packFieldsAreChecked() {
        List<String> v = BenchmarkPacks.check(new BenchmarkPack() {
            @Override
            public String id() {
                return "Bad Id";
            }

            @Override
            public String version() {
                return "";
            }

            @Override
            public String vendor() {
                return null;
            }

            @Override
            public String title() {
                return "t";
            }

            @Override
            public List<BenchmarkEntry> entries() {
                return List.of();
            }
        }).stream().map(Object::toString).collect(Collectors.toList());
        assertEquals(List.of("id: 'Bad Id' is not lower-case [a-z0-9-]+", "version: is blank", "vendor: missing", "entries: a pack needs at least one entry"), v);
    }

    @Test
    void urlProblemAcceptsOnlyHttpAndHttpsWithAHost() {
        assertNull(BenchmarkPacks.urlProblem("https://sforce.co/3HfzCw0"));
        assertNull(BenchmarkPacks.urlProblem("http://example.com"));
        assertNull(BenchmarkPacks.urlProblem("HTTPS://EXAMPLE.COM/A?b=c#d"));
        assertEquals("'file:///etc/passwd' is not an http(s) URL", BenchmarkPacks.urlProblem("file:///etc/passwd"));
        assertEquals("'example.com' is not an http(s) URL", BenchmarkPacks.urlProblem("example.com"));
    }

    // ---------------------------------------------------------------- the SPI

    @Test
    void anEntryNeedsAFlagUnlessNothingIsPublished() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> BenchmarkEntry.builder("session_rpm", "all").build());
        assertEquals("verification is null (only a not_published entry has none)", e.getMessage());
        assertNull(BenchmarkEntry.builder("session_rpm", "all").kind(BenchmarkEntry.Kind.NOT_PUBLISHED).build().verification());
        assertEquals(BenchmarkEntry.Kind.FIGURE, figure("session_rpm", "all").build().kind(), "the default kind");
    }

    @Test
    void entriesAreValuesAndImmutable() {
        BenchmarkEntry a = figure("revenue_per_session", "all").build();
        BenchmarkEntry b = figure("revenue_per_session", "all").statistic(Statistic.P25, new BigDecimal("1.00")).build();
        assertEquals(a, b, "numbers compare by value");
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, figure("revenue_per_session", "all").note("x").build());
        assertNotEquals(a, figure("revenue_per_session", "all").statistic(Statistic.MEAN, BigDecimal.ONE).build());
        assertThrows(UnsupportedOperationException.class, () -> a.statistics().put(Statistic.P90, BigDecimal.TEN));
        assertEquals(BenchmarkEntry.Range.of(new BigDecimal("0.2"), BigDecimal.ONE), BenchmarkEntry.Range.of(new BigDecimal("0.20"), new BigDecimal("1.0")));
        assertEquals(BenchmarkEntry.Range.of(new BigDecimal("0.2"), BigDecimal.ONE).hashCode(),
                BenchmarkEntry.Range.of(new BigDecimal("0.20"), new BigDecimal("1.0")).hashCode());
        assertEquals("revenue_per_session/all figure {P25=1, P50=2, P75=3} session EUR V", a.toString());
    }

    @Test
    void codesOfTheFormat() {
        assertEquals(Basis.ORDER, Basis.fromCode("order"));
        assertEquals("ad_request", Basis.AD_REQUEST.code());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Basis.fromCode("click")).getMessage().endsWith("ad_request, order"));
        assertEquals(BenchmarkEntry.Kind.NOT_PUBLISHED, BenchmarkEntry.Kind.fromCode("not_published"));
        assertEquals("not_published", BenchmarkEntry.Kind.NOT_PUBLISHED.code());
        assertThrows(IllegalArgumentException.class, () -> BenchmarkEntry.Kind.fromCode("estimate"));
        assertEquals(BenchmarkEntry.Direction.LOWER, BenchmarkEntry.Direction.fromCode("lower"));
        assertThrows(IllegalArgumentException.class, () -> BenchmarkEntry.Direction.fromCode("up"));
        assertEquals("Data not yet verified", Verification.U.label());
    }

    @Test
    void entryPrefersTheFigureAndSegmentsKeepTheirOrder() {
        BenchmarkEntry definition = BenchmarkEntry.builder("session_rpm", "b").kind(BenchmarkEntry.Kind.DEFINITION).definition("d")
                .source("t", null, "p").retrieved(RETRIEVED).verification(Verification.V).build();
        BenchmarkEntry figure = figure("session_rpm", "b").build();
        BenchmarkPack pack = new CodePack("p", figure("revenue_per_session", "z").build(), definition, figure);
        assertSame(figure, pack.entry("session_rpm", "b").orElseThrow());
        BenchmarkPack onlyDefinition = new CodePack("p", definition);
        assertSame(definition, onlyDefinition.entry("session_rpm", "b").orElseThrow());
        assertEquals(Optional.empty(), pack.entry("page_rpm", "b"));
        assertEquals(List.of("z", "b"), new ArrayList<>(pack.segments()));
        assertEquals("b", pack.segmentTitle("b"), "without titles, a segment's title is its id");
    }
}

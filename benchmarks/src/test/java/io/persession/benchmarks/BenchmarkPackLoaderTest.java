package io.persession.benchmarks;

import io.persession.spi.Basis;
import io.persession.spi.BenchmarkEntry;
import io.persession.spi.BenchmarkPack;
import io.persession.spi.Statistic;
import io.persession.spi.Verification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchmarkPackLoaderTest {
    @TempDir
    Path tmp;

    static List<TestPacks.Case> invalidPacks() {
        return TestPacks.invalid();
    }

    @Test
    void readsEveryFieldOfTheFormat() {
        BenchmarkPack pack = BenchmarkPackLoader.load(TestPacks.validText().getBytes(StandardCharsets.UTF_8), TestPacks.SOURCE);
        assertEquals("test-pack", pack.id());
        assertEquals("1.0", pack.version());
        assertEquals("Test Vendor", pack.vendor());
        assertEquals("A test pack with one entry of every kind", pack.title());
        assertEquals(List.of("seg-a", "seg-b"), List.copyOf(pack.segments()));
        assertEquals("Segment A", pack.segmentTitle("seg-a"));
        assertEquals(8, pack.entries().size());

        BenchmarkEntry rps = pack.entries().get(0);
        assertEquals("revenue_per_session", rps.metric());
        assertEquals("seg-a", rps.segment());
        assertEquals(BenchmarkEntry.Kind.FIGURE, rps.kind());
        assertEquals(Map.of(Statistic.P25, new BigDecimal("1"), Statistic.P50, new BigDecimal("2"), Statistic.P75, new BigDecimal("3"),
                Statistic.P80, new BigDecimal("3.5"), Statistic.P90, new BigDecimal("4"), Statistic.MEAN, new BigDecimal("2.2")), rps.statistics());
        assertEquals(Basis.SESSION, rps.basis());
        assertEquals("GBP", rps.currency());
        assertEquals(Boolean.TRUE, rps.taxIncluded());
        assertEquals(Boolean.FALSE, rps.shippingIncluded());
        assertNull(rps.refundsNetted(), "null is unknown");
        assertEquals("Aug 2022", rps.period());
        assertEquals("1,000 shops", rps.sample());
        assertEquals("Test source", rps.sourceTitle());
        assertEquals("https://example.com/benchmarks", rps.sourceUrl());
        assertEquals("Test publisher", rps.publisher());
        assertEquals(LocalDate.of(2026, 11, 22), rps.retrieved());
        assertEquals(Verification.V, rps.verification());
        assertEquals(new BigDecimal("0.8"), rps.band().orElseThrow());
        assertEquals("the words of the source", rps.quote());
        assertEquals("A note.", rps.note());

        BenchmarkEntry cr = pack.entries().get(1);
        assertEquals(BenchmarkEntry.Kind.FIGURE, cr.kind(), "kind defaults to figure");
        assertEquals(Basis.VISIT, cr.basis());
        assertNull(cr.currency());
        assertNull(cr.taxIncluded(), "absent is unknown");
        assertEquals(Verification.V2, cr.verification());
        assertTrue(cr.band().isEmpty());

        BenchmarkEntry aov = pack.entries().get(2);
        assertEquals(Basis.ORDER, aov.basis());
        assertEquals(Verification.U, aov.underlyingVerification().orElseThrow());
        assertNull(aov.sourceUrl(), "the URL is optional");

        BenchmarkEntry range = pack.entries().get(4);
        assertEquals(BenchmarkEntry.Kind.RANGE, range.kind());
        assertEquals(BenchmarkEntry.Range.of(BigDecimal.ONE, new BigDecimal("3")), range.range().orElseThrow());
        assertTrue(range.statistics().isEmpty());

        BenchmarkEntry relative = pack.entries().get(5);
        assertEquals(BenchmarkEntry.Kind.RELATIVE, relative.kind());
        assertEquals(BenchmarkEntry.Relation.of("page_rpm", BenchmarkEntry.Direction.HIGHER, null), relative.relation().orElseThrow());
        assertEquals(0, new BigDecimal("0.20").compareTo(relative.range().orElseThrow().low()));

        BenchmarkEntry definition = pack.entries().get(6);
        assertEquals(BenchmarkEntry.Kind.DEFINITION, definition.kind());
        assertEquals("earnings / sessions x 1000", definition.definition());

        BenchmarkEntry none = pack.entries().get(7);
        assertEquals(BenchmarkEntry.Kind.NOT_PUBLISHED, none.kind());
        assertNull(none.verification());
        assertNull(none.sourceTitle());
        assertEquals("No fill rate by segment is published.", none.note());
    }

    @Test
    void numbersAreExactDecimals() {
        BenchmarkPack pack = BenchmarkPackLoader.load(TestPacks.validText().getBytes(StandardCharsets.UTF_8), TestPacks.SOURCE);
        assertEquals("0.02", pack.entries().get(1).statistic(Statistic.MEAN).orElseThrow().toPlainString(), "no binary floating point");
    }

    @Test
    void packsAreImmutable() {
        BenchmarkPack pack = BenchmarkPackLoader.load(TestPacks.validText().getBytes(StandardCharsets.UTF_8), TestPacks.SOURCE);
        assertThrows(UnsupportedOperationException.class, () -> pack.entries().clear());
        assertThrows(UnsupportedOperationException.class, () -> pack.segments().clear());
        assertThrows(UnsupportedOperationException.class, () -> pack.entries().get(0).statistics().clear());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidPacks")
    void aBadPackGivesOneErrorNamingThePackTheFieldAndTheProblem(TestPacks.Case c) {
        InvalidBenchmarkPackException e = assertThrows(InvalidBenchmarkPackException.class, () -> BenchmarkPackLoader.load(c.json, "bad.json"),
                () -> c.name + " must be rejected");
        assertEquals(c.path, e.path(), () -> "path of: " + e.getMessage());
        assertTrue(e.problem().contains(c.problem), () -> "problem '" + c.problem + "' in: " + e.getMessage());
        assertTrue(e.pack().contains("bad.json"), e.pack());
        String m = e.getMessage();
        assertTrue(m.startsWith("Invalid benchmark pack "), m);
        assertTrue(m.contains(e.pack()) && m.contains(c.problem), m);
        if (!c.path.isEmpty()) {
            assertTrue(m.contains(": " + c.path + ": "), m);
        }
        assertFalse(m.contains("\n") || m.contains("\r"), "one line: " + m);
    }

    @Test
    void theErrorNamesThePackByIdOnceTheIdIsRead() {
        byte[] json = TestPacks.invalid().stream().filter(c -> c.name.equals("p50 below p25")).findFirst().orElseThrow().json;
        InvalidBenchmarkPackException e = assertThrows(InvalidBenchmarkPackException.class, () -> BenchmarkPackLoader.load(json, "bad.json"));
        assertEquals("'test-pack' (bad.json)", e.pack());
        assertEquals("Invalid benchmark pack 'test-pack' (bad.json): entries[0].statistics.p50: 0.5 is below p25 (1); "
                + "statistics must satisfy p25 <= p50 <= p75 <= p80 <= p90", e.getMessage());
    }

    @Test
    void aPackLargerThanOneMebibyteIsRefusedBeforeParsing() throws IOException {
        String big = TestPacks.validText().replace("\"note\": \"A note.\"", "\"note\": \"" + "x".repeat(BenchmarkPackLoader.MAX_BYTES) + "\"");
        InvalidBenchmarkPackException e = assertThrows(InvalidBenchmarkPackException.class,
                () -> BenchmarkPackLoader.load(big.getBytes(StandardCharsets.UTF_8), "big.json"));
        assertEquals("", e.path());
        assertTrue(e.problem().contains("larger than the limit of 1048576 bytes (1 MiB)"), e.getMessage());

        Path file = tmp.resolve("big.json");
        Files.writeString(file, big);
        InvalidBenchmarkPackException fromFile = assertThrows(InvalidBenchmarkPackException.class, () -> BenchmarkPackLoader.load(file));
        assertTrue(fromFile.getMessage().contains(file.toString()), fromFile.getMessage());
        assertTrue(fromFile.problem().contains("1 MiB"), fromFile.getMessage());
    }

    @Test
    void aPackOfExactlyOneMebibyteLoadsAndOneByteMoreDoesNot() {
        String valid = TestPacks.validText();
        String exact = valid + " ".repeat(BenchmarkPackLoader.MAX_BYTES - valid.getBytes(StandardCharsets.UTF_8).length);
        assertEquals(BenchmarkPackLoader.MAX_BYTES, exact.getBytes(StandardCharsets.UTF_8).length);
        assertEquals("test-pack", BenchmarkPackLoader.load(exact.getBytes(StandardCharsets.UTF_8), "exact.json").id());
        InvalidBenchmarkPackException e = assertThrows(InvalidBenchmarkPackException.class,
                () -> BenchmarkPackLoader.load((exact + " ").getBytes(StandardCharsets.UTF_8), "over.json"));
        assertTrue(e.problem().contains("1 MiB"), e.getMessage());
    }

    @Test
    void aFileIsNamedByItsPath() throws IOException {
        Path file = tmp.resolve("pack.json");
        Files.write(file, TestPacks.invalid().get(TestPacks.invalid().size() - 1).json);
        InvalidBenchmarkPackException e = assertThrows(InvalidBenchmarkPackException.class, () -> BenchmarkPackLoader.load(file));
        assertEquals("'test-pack' (" + file.toAbsolutePath() + ")", e.pack());
        assertEquals("entries[8]", e.path());

        Path missing = tmp.resolve("missing.json");
        InvalidBenchmarkPackException m = assertThrows(InvalidBenchmarkPackException.class, () -> BenchmarkPackLoader.load(missing));
        assertEquals("Invalid benchmark pack " + missing.toAbsolutePath() + ": file not found", m.getMessage());

        Files.writeString(file, TestPacks.validText());
        assertEquals("test-pack", BenchmarkPackLoader.load(file).id());
    }

    @Test
    void aResourceInAJarIsNamedByResourceAndJar() throws IOException {
        Path jar = tmp.resolve("vendor.jar");
        byte[] bad = TestPacks.invalid().stream().filter(c -> c.name.equals("p90 below p80")).findFirst().orElseThrow().json;
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
            j.putNextEntry(new JarEntry("com/vendor/pack.json"));
            j.write(bad);
            j.closeEntry();
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            URL url = loader.getResource("com/vendor/pack.json");
            InvalidBenchmarkPackException e = assertThrows(InvalidBenchmarkPackException.class, () -> BenchmarkPackLoader.load(url));
            assertEquals("'test-pack' (/com/vendor/pack.json in " + jar + ")", e.pack());
            assertEquals("entries[0].statistics.p90", e.path());
        }
    }

    @Test
    void describeNamesFilesAndJarEntries() throws IOException {
        Path file = tmp.resolve("x.json");
        assertEquals(file.toString(), BenchmarkPackLoader.describe(file.toUri().toURL()));
        assertEquals("/a/b.json in " + tmp.resolve("v.jar"), BenchmarkPackLoader.describe(new URL("jar:" + tmp.resolve("v.jar").toUri() + "!/a/b.json")));
        assertEquals("https://example.com/p.json", BenchmarkPackLoader.describe(new URL("https://example.com/p.json")));
    }

    @Test
    void theDocumentedLimitsAreThoseInForce() {
        assertEquals(1 << 20, BenchmarkPackLoader.MAX_BYTES);
        assertEquals(16, BenchmarkPackLoader.MAX_DEPTH);
        assertEquals(1, BenchmarkPackLoader.FORMAT);
        // the root object and 15 arrays are 16 levels: they parse (and $schema is then of the wrong type); 17 do not
        String deep16 = "{\"$schema\": " + "[".repeat(15) + "]".repeat(15) + "}";
        InvalidBenchmarkPackException atLimit = assertThrows(InvalidBenchmarkPackException.class,
                () -> BenchmarkPackLoader.load(deep16.getBytes(StandardCharsets.UTF_8), "deep.json"));
        assertEquals("$schema", atLimit.path(), "16 levels parse; the error is the type of $schema: " + atLimit.getMessage());
        String deep17 = "{\"$schema\": " + "[".repeat(16) + "]".repeat(16) + "}";
        InvalidBenchmarkPackException over = assertThrows(InvalidBenchmarkPackException.class,
                () -> BenchmarkPackLoader.load(deep17.getBytes(StandardCharsets.UTF_8), "deep.json"));
        assertTrue(over.problem().contains("exceeds a safety limit"), over.getMessage());
    }
}

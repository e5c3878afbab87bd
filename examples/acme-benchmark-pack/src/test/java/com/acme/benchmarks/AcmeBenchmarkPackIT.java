package com.acme.benchmarks;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The vendor's jar, as built by {@code package}, dropped into a plugins folder and used by the real
 * distribution ({@code cli/target/persession/bin/persession}) as a separate process, as a user would.
 */
class AcmeBenchmarkPackIT {
    static final Path JAR = Path.of(System.getProperty("acme.jar", "target/acme-benchmark-pack-0.1.0-SNAPSHOT.jar")).toAbsolutePath();
    static final Path DIST = Path.of(System.getProperty("persession.dist", "../../cli/target/persession")).toAbsolutePath().normalize();
    static final Path LAUNCHER = DIST.resolve("bin/persession");
    static final String RESOURCE = "com/acme/benchmarks/acme-retail.json";
    static final long TIMEOUT_SECONDS = 120;

    @TempDir
    Path tmp;

    @BeforeAll
    static void built() {
        assertTrue(Files.isRegularFile(JAR), JAR + " is missing: run the package phase first");
        assertTrue(Files.isExecutable(LAUNCHER), LAUNCHER + " is missing: build the CLI first (./mvnw install)");
    }

    /** One run of the launcher: exit code, stdout, stderr. */
    static final class Run {
        final int code;
        final String out;
        final String err;

        Run(int code, String out, String err) {
            this.code = code;
            this.out = out;
            this.err = err;
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err;
        }
    }

    private Run persession(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(LAUNCHER.toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.remove("PERSESSION_PLUGINS");
        env.remove("PERSESSION_OPTS");
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullFile()));
        Process p = pb.start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("persession " + String.join(" ", args) + " did not finish in " + TIMEOUT_SECONDS + " s");
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static java.io.File nullFile() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private Path plugins(String name) throws IOException {
        return Files.createDirectories(tmp.resolve(name));
    }

    /** A copy of the vendor jar whose pack resource is {@code json} instead. */
    private static void withResource(Path target, String json) throws IOException {
        try (JarFile in = new JarFile(JAR.toFile()); OutputStream os = Files.newOutputStream(target); JarOutputStream out = new JarOutputStream(os)) {
            boolean replaced = false;
            for (Enumeration<JarEntry> entries = in.entries(); entries.hasMoreElements(); ) {
                JarEntry e = entries.nextElement();
                out.putNextEntry(new JarEntry(e.getName()));
                if (e.getName().equals(RESOURCE)) {
                    out.write(json.getBytes(StandardCharsets.UTF_8));
                    replaced = true;
                } else if (!e.isDirectory()) {
                    try (InputStream is = in.getInputStream(e)) {
                        is.transferTo(out);
                    }
                }
                out.closeEntry();
            }
            assertTrue(replaced, RESOURCE + " is not in " + JAR);
        }
    }

    private static String resource() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile()); InputStream in = jar.getInputStream(jar.getEntry(RESOURCE))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theVendorJarIsNotOnTheCliClassPath() throws IOException, InterruptedException {
        try (Stream<Path> lib = Files.list(DIST.resolve("lib"))) {
            assertFalse(lib.anyMatch(p -> p.getFileName().toString().startsWith("acme")), "the example must not ship with the CLI");
        }
        Run r = persession("packs");
        assertEquals(0, r.code, r.toString());
        assertFalse(r.out.contains("acme-retail"), r.toString());
        Run calc = persession("calc", "--revenue", "12000", "--sessions", "5000", "--currency", "USD", "--pack", "acme-retail", "--segment", "fashion");
        assertEquals(4, calc.code, calc.toString());
        assertTrue(calc.err.contains("Unknown benchmark pack 'acme-retail'. Available: ecommerce, publishers."), calc.toString());
    }

    @Test
    void packsListsTheVendorPackAndTheJarItCameFrom() throws IOException, InterruptedException {
        Path dir = plugins("plugins");
        Path jar = Files.copy(JAR, dir.resolve("acme-benchmark-pack.jar"));
        Run r = persession("packs", "--plugins", dir.toString());
        assertEquals(0, r.code, r.toString());
        assertEquals("", r.err, r.toString());
        String out = r.out;
        assertTrue(out.contains("acme-retail 2026.1: Acme retail benchmarks (made-up figures for the vendor-pack example)"), out);
        assertTrue(out.contains("  vendor: Acme Analytics (example vendor)"), out);
        assertTrue(out.contains("  from:   " + jar), out);
        assertTrue(out.contains("  segments: fashion, electronics"), out);
        assertTrue(out.contains("revenue_per_session  p25 1.1 USD, p50 1.8 USD, p75 2.9 USD, per session, tax excluded, shipping excluded, "
                + "refunds netted, 2025, sample 120 example shops; V [1]"), out);
        assertTrue(out.contains("conversion_rate      p25 1.2%, p50 2.1%, p75 3.4%, per session, 2025"), out);
        assertTrue(out.contains("revenue_per_session  mean 3.4 USD, per session, 2025; Data not yet verified [2]"), out);
        assertTrue(out.contains("[1] Acme Retail Panel 2025 (example) (Acme Analytics), https://www.example.com/acme/retail-panel-2025, "
                + "retrieved 2026-01-15"), out);
        assertTrue(out.contains("[2] Acme electronics survey (example) (Acme Analytics), no URL recorded, retrieved 2026-01-15"), out);
        assertTrue(out.contains("ecommerce 2026.11: ") && out.contains("publishers 2026.11: "), "the built-in packs are listed too:\n" + out);

        Run one = persession("packs", "acme-retail", "--plugins", dir.toString());
        assertEquals(0, one.code, one.toString());
        assertTrue(one.out.startsWith("acme-retail 2026.1: "), one.toString());
        assertFalse(one.out.contains("ecommerce 2026.11"), one.toString());
    }

    @Test
    void calcRatesAgainstTheVendorPack() throws IOException, InterruptedException {
        Path dir = plugins("plugins");
        Files.copy(JAR, dir.resolve("acme-benchmark-pack.jar"));
        Run r = persession("calc", "--revenue", "12000", "--sessions", "5000", "--currency", "USD", "--pack", "acme-retail", "--segment", "fashion",
                "--plugins", dir.toString());
        assertEquals(0, r.code, r.toString());
        assertTrue(r.out.contains("Rating against acme-retail 2026.1, segment fashion (Fashion shops (example))"), r.toString());
        // 12000 / 5000 = 2.40 per session: at or above the p50 1.80, so Strong
        assertTrue(r.out.matches("(?s).*Revenue per session\\s+\\$2\\.40\\s+Strong.*"), r.toString());
        assertTrue(r.out.contains("Acme Retail Panel 2025 (example)"), r.toString());
    }

    @Test
    void aSecondCopyWithTheSamePackIdIsAnErrorNamingBothJars() throws IOException, InterruptedException {
        Path dir = plugins("plugins");
        Path first = Files.copy(JAR, dir.resolve("acme-a.jar"));
        Path second = Files.copy(JAR, dir.resolve("acme-b.jar"));
        Run r = persession("packs", "--plugins", dir.toString());
        assertEquals(4, r.code, r.toString());
        assertEquals("", r.out, r.toString());
        List<String> lines = r.err.lines().filter(l -> !l.isBlank()).collect(java.util.stream.Collectors.toList());
        assertEquals(1, lines.size(), "one line:\n" + r);
        String m = lines.get(0);
        assertTrue(m.startsWith("persession: Benchmark pack 'acme-retail' is provided twice"), m);
        assertTrue(m.contains(first.toString()) && m.contains(second.toString()), m);
    }

    @Test
    void anInvalidPackIsOneErrorNamingPackAndFieldAndTheBuiltInPacksStillWork() throws IOException, InterruptedException {
        Path dir = plugins("plugins");
        Path bad = dir.resolve("acme-broken.jar");
        withResource(bad, resource().replace("\"p50\": 1.80", "\"p50\": 0.90"));
        Run r = persession("packs", "--plugins", dir.toString());
        assertEquals(4, r.code, r.toString());
        String expected = "failed to load: " + bad + ": Invalid benchmark pack 'acme-retail' (/" + RESOURCE + " in " + bad
                + "): entries[0].statistics.p50: 0.90 is below p25 (1.10); statistics must satisfy p25 <= p50 <= p75 <= p80 <= p90";
        assertTrue(r.out.lines().anyMatch(expected::equals), "expected the line\n" + expected + "\nin\n" + r);
        assertEquals(1, r.out.lines().filter(l -> l.startsWith("failed to load")).count(), r.toString());
        assertTrue(r.out.contains("ecommerce 2026.11: ") && r.out.contains("publishers 2026.11: "), r.toString());
        assertFalse(r.out.contains("acme-retail 2026.1:"), r.toString());

        Run builtIn = persession("packs", "ecommerce", "--plugins", dir.toString());
        assertTrue(builtIn.out.startsWith("ecommerce 2026.11: "), builtIn.toString());
        Run calc = persession("calc", "--revenue", "12000", "--sessions", "5000", "--currency", "GBP", "--pack", "ecommerce", "--segment", "uk-all",
                "--plugins", dir.toString());
        assertEquals(0, calc.code, calc.toString());
        assertTrue(calc.out.contains("Rating against ecommerce 2026.11, segment uk-all"), calc.toString());

        Run acme = persession("calc", "--revenue", "12000", "--sessions", "5000", "--currency", "USD", "--pack", "acme-retail", "--segment", "fashion",
                "--plugins", dir.toString());
        assertEquals(4, acme.code, acme.toString());
        assertTrue(acme.err.contains("Benchmark pack 'acme-retail' from " + bad + " failed to load: Invalid benchmark pack 'acme-retail'"), acme.toString());
        assertTrue(acme.err.contains("entries[0].statistics.p50"), acme.toString());
    }

    @Test
    void anUnreadablePackNamesTheJarAndTheLine() throws IOException, InterruptedException {
        Path dir = plugins("plugins");
        Path bad = dir.resolve("acme-syntax.jar");
        withResource(bad, resource().replace("\"version\": \"2026.1\",", "\"version\": \"2026.1\", \"version\": \"2026.2\","));
        Run r = persession("packs", "--plugins", dir.toString());
        assertEquals(4, r.code, r.toString());
        assertTrue(r.out.contains("failed to load: " + bad + ": Invalid benchmark pack 'acme-retail' (/" + RESOURCE + " in " + bad
                + "): version: not valid JSON: Duplicate field 'version'"), r.toString());
    }
}

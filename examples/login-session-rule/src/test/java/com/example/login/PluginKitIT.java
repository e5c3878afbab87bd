package com.example.login;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * The plugin authors' path, end to end: both example jars as {@code package} built them (this module's
 * session rule and the Acme benchmark pack) dropped into the {@code plugins/} folder of a copy of the real
 * distribution ({@code cli/target/persession}), used through its launcher {@code bin/persession} as a
 * separate process, as a user would.
 */
class PluginKitIT {
    static final Path LOGIN_JAR = Path.of(System.getProperty("login.jar", "target/login-session-rule-0.1.0-SNAPSHOT.jar")).toAbsolutePath();
    static final Path ACME_JAR = Path.of(System.getProperty("acme.jar",
            "../acme-benchmark-pack/target/acme-benchmark-pack-0.1.0-SNAPSHOT.jar")).toAbsolutePath().normalize();
    static final Path DIST = Path.of(System.getProperty("persession.dist", "../../cli/target/persession")).toAbsolutePath().normalize();
    static final String PROVIDER_CLASS = "com/example/login/LoginSessionRuleProvider.class";
    static final long TIMEOUT_SECONDS = 120;

    @TempDir
    Path tmp;

    /** The copy of the distribution. */
    Path home;
    Path plugins;

    @BeforeAll
    static void built() {
        assertTrue(Files.isRegularFile(LOGIN_JAR), LOGIN_JAR + " is missing: run the package phase first");
        assertTrue(Files.isRegularFile(ACME_JAR), ACME_JAR + " is missing: build examples/acme-benchmark-pack first (./mvnw install)");
        assertTrue(Files.isExecutable(DIST.resolve("bin/persession")), DIST + " is missing: build the CLI first (./mvnw install)");
    }

    @BeforeEach
    void installBothJars() throws IOException {
        home = tmp.resolve("persession");
        try (Stream<Path> files = Files.walk(DIST)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = home.resolve(DIST.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        plugins = home.resolve("plugins");
        assertTrue(Files.isDirectory(plugins), "the distribution has a plugins/ folder");
        Files.copy(LOGIN_JAR, plugins.resolve("login-session-rule.jar"));
        Files.copy(ACME_JAR, plugins.resolve("acme-benchmark-pack.jar"));
    }

    /** One run of the copied launcher: exit code, stdout, stderr. */
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
        command.add(home.resolve("bin/persession").toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile());
        Map<String, String> env = pb.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.remove("PERSESSION_PLUGINS");
        env.remove("PERSESSION_OPTS");
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File(
                System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null")));
        Process p = pb.start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("persession " + String.join(" ", args) + " did not finish in " + TIMEOUT_SECONDS + " s");
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** Two visitors who log in and out; written by the test. */
    private Path events() throws IOException {
        return Files.writeString(tmp.resolve("events.csv"), String.join("\n",
                "timestamp,visitor_id,event,revenue,currency",
                "2026-03-02T10:00:00Z,alice,pageview,,",
                "2026-03-02T10:02:00Z,alice,login,,",
                "2026-03-02T10:03:00Z,alice,pageview,,",
                "2026-03-02T10:05:00Z,alice,purchase,30.00,EUR",
                "2026-03-02T10:10:00Z,alice,logout,,",
                "2026-03-02T10:11:00Z,alice,pageview,,",
                "2026-03-02T11:00:00Z,alice,pageview,,",
                "2026-03-02T10:00:00Z,bob,pageview,,",
                "2026-03-02T10:20:00Z,bob,pageview,,",
                "2026-03-02T10:21:00Z,bob,signin,,",
                "2026-03-02T10:22:00Z,bob,pageview,,",
                "") );
    }

    private static String compact(String json) {
        return json.replaceAll("\\s+", "");
    }

    @Test
    void definitionsListsTheTeamsRuleWithItsJar() throws IOException, InterruptedException {
        Run r = persession("definitions");
        assertEquals(0, r.code, r.toString());
        String out = r.out;
        assertTrue(out.contains("login-timeout\n  A new session when the visitor logs in or out (event names set by options), or after an inactivity timeout."),
                out);
        assertTrue(out.contains("--option login-events=login"), out);
        assertTrue(out.contains("--option logout-events=logout"), out);
        assertTrue(out.contains("--option timeout=30m"), out);
        assertTrue(out.contains("  from: " + plugins.resolve("login-session-rule.jar")), out);
        assertTrue(out.contains("\ntimeout\n") && out.contains("\nga4\n"), "the built-in definitions are listed too:\n" + out);
        assertFalse(out.contains("failed to load"), out);
    }

    @Test
    void analyzeSplitsSessionsAtLoginAndLogout() throws IOException, InterruptedException {
        Path csv = events();
        Run r = persession("analyze", csv.toString(), "--definition", "login-timeout", "--option", "login-events=login,signin", "--format", "json");
        assertEquals(0, r.code, r.toString());
        String json = compact(r.out);
        assertTrue(json.contains("\"definition\":{\"id\":\"login-timeout\""), json);
        assertTrue(json.contains("\"login-events\":\"login,signin\""), json);
        assertTrue(json.contains("\"timeout\":\"30m\""), json);
        // alice: first (pageview), login (login, pageview, purchase, logout), logout (pageview), timeout (pageview 49 min later)
        // bob: first (two pageviews), login (signin, pageview)
        assertTrue(json.contains("\"sessions\":6,"), json);
        String starts = json.substring(json.indexOf("\"session_starts\":{"));
        starts = starts.substring(0, starts.indexOf('}') + 1);
        assertEquals(4, starts.split(",").length, starts);
        assertTrue(starts.contains("\"first\":2"), starts);
        assertTrue(starts.contains("\"login\":2"), starts);
        assertTrue(starts.contains("\"logout\":1"), starts);
        assertTrue(starts.contains("\"timeout\":1"), starts);

        Run sessions = persession("sessions", csv.toString(), "--definition", "login-timeout", "--option", "login-events=login,signin");
        assertEquals(0, sessions.code, sessions.toString());
        List<String> rows = sessions.out.lines().skip(1).map(l -> l.split(",")[0] + " " + l.split(",")[4]).sorted()
                .collect(java.util.stream.Collectors.toList());
        assertEquals(List.of("alice first", "alice login", "alice logout", "alice timeout", "bob first", "bob login"), rows, sessions.toString());
    }

    @Test
    void packsListsTheVendorsPack() throws IOException, InterruptedException {
        Run r = persession("packs");
        assertEquals(0, r.code, r.toString());
        assertTrue(r.out.contains("acme-retail 2026.1: Acme retail benchmarks"), r.toString());
        assertTrue(r.out.contains("  from:   " + plugins.resolve("acme-benchmark-pack.jar")), r.toString());
        assertTrue(r.out.contains("ecommerce 2026.11: "), r.toString());
    }

    /** The login jar with the SPI version compiled into its provider replaced: what a plugin built for another persession looks like. */
    private Path withSpiVersion(String version) throws IOException {
        Path jar = tmp.resolve("login-spi-" + version + ".jar");
        rewrite(jar, (name, bytes) -> {
            if (!name.equals(PROVIDER_CLASS)) {
                return bytes;
            }
            byte[] from = {1, 0, 3, '1', '.', '0'}; // CONSTANT_Utf8 "1.0": SpiVersion.CURRENT, inlined by javac
            byte[] to = {1, 0, 3, (byte) version.charAt(0), '.', (byte) version.charAt(2)};
            int at = indexOf(bytes, from);
            assertTrue(at >= 0 && indexOf(java.util.Arrays.copyOfRange(bytes, at + 1, bytes.length), from) < 0,
                    "exactly one \"1.0\" constant in " + PROVIDER_CLASS);
            System.arraycopy(to, 0, bytes, at, to.length);
            return bytes;
        }, null);
        return jar;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    interface Change {
        byte[] apply(String name, byte[] bytes) throws IOException;
    }

    /** A copy of the login jar, each entry through {@code change}, plus {@code extra} (name, bytes) when given. */
    private static void rewrite(Path target, Change change, Map.Entry<String, byte[]> extra) throws IOException {
        try (JarFile in = new JarFile(LOGIN_JAR.toFile()); OutputStream os = Files.newOutputStream(target); JarOutputStream out = new JarOutputStream(os)) {
            for (Enumeration<JarEntry> entries = in.entries(); entries.hasMoreElements(); ) {
                JarEntry e = entries.nextElement();
                out.putNextEntry(new JarEntry(e.getName()));
                if (!e.isDirectory()) {
                    try (InputStream is = in.getInputStream(e)) {
                        out.write(change.apply(e.getName(), is.readAllBytes()));
                    }
                }
                out.closeEntry();
            }
            if (extra != null) {
                out.putNextEntry(new JarEntry(extra.getKey()));
                out.write(extra.getValue());
                out.closeEntry();
            }
        }
    }

    @Test
    void aRuleCompiledAgainstANewerSpiIsRefusedAndTheRestStillWorks() throws IOException, InterruptedException {
        Files.delete(plugins.resolve("login-session-rule.jar"));
        Path newer = Files.move(withSpiVersion("2.0"), plugins.resolve("login-spi-2.0.jar"));
        Run r = persession("definitions");
        assertEquals(4, r.code, r.toString());
        String line = r.out.lines().filter(l -> l.startsWith("failed to load: ")).findFirst().orElseThrow(() -> new AssertionError(r.toString()));
        assertEquals("failed to load: " + newer + ": com.example.login.LoginSessionRuleProvider (session definition 'login-timeout') is refused: "
                + "it was compiled against persession SPI 2.0 but this persession has SPI 1.0, which runs plugins compiled against SPI 1.0 only; "
                + "use a build of the plugin for SPI 1.0, or a persession with SPI 2.x", line);
        assertTrue(r.out.contains("\ntimeout\n"), "the other definitions still load:\n" + r);

        Run analyze = persession("analyze", events().toString(), "--definition", "login-timeout", "--format", "json");
        assertEquals(4, analyze.code, analyze.toString());
        assertTrue(analyze.err.contains("Session definition 'login-timeout' from " + newer + " cannot be used: "), analyze.toString());
        assertTrue(analyze.err.contains("SPI 2.0") && analyze.err.contains("SPI 1.0"), analyze.toString());

        Run timeout = persession("analyze", events().toString(), "--definition", "timeout", "--format", "json");
        assertEquals(0, timeout.code, timeout.toString());
        Run packs = persession("packs");
        assertEquals(0, packs.code, "the Acme pack still loads: " + packs);

        Files.delete(newer);
        Files.move(withSpiVersion("1.0"), plugins.resolve("login-spi-1.0.jar"));
        assertEquals(0, persession("definitions").code, "an equal version is accepted");
    }

    @Test
    void aJarBundlingTheSpiIsRefusedBeforeAnythingIsLoadedFromIt() throws IOException, InterruptedException {
        byte[] spiClass;
        Path core;
        try (Stream<Path> lib = Files.list(home.resolve("lib"))) {
            core = lib.filter(p -> p.getFileName().toString().startsWith("persession-core")).findFirst().orElseThrow();
        }
        try (JarFile jar = new JarFile(core.toFile()); InputStream in = jar.getInputStream(jar.getEntry("io/persession/spi/SpiVersion.class"))) {
            spiClass = in.readAllBytes();
        }
        Files.delete(plugins.resolve("login-session-rule.jar"));
        Path fat = plugins.resolve("login-with-spi.jar");
        rewrite(fat, (name, bytes) -> bytes, Map.entry("io/persession/spi/SpiVersion.class", spiClass));
        Run r = persession("definitions");
        assertEquals(4, r.code, r.toString());
        assertTrue(r.out.contains("failed to load: " + fat + ": the jar bundles its own copy of persession's SPI (io/persession/spi/SpiVersion.class), "
                + "so nothing is loaded from it; the SPI must come from persession: declare persession-core with <scope>provided</scope>"), r.toString());
        assertFalse(r.out.contains("login-timeout\n"), r.toString());
        assertTrue(r.out.contains("\ntimeout\n"), r.toString());
        Run packs = persession("packs");
        assertEquals(0, packs.code, "a jar with no pack is not reported among packs: " + packs);
    }

    @Test
    void theJarsAreNotPartOfTheDistribution() throws IOException {
        try (Stream<Path> lib = Files.list(DIST.resolve("lib"))) {
            assertFalse(lib.anyMatch(p -> p.getFileName().toString().startsWith("login") || p.getFileName().toString().startsWith("acme")));
        }
        try (JarFile jar = new JarFile(LOGIN_JAR.toFile())) {
            assertFalse(jar.stream().anyMatch(e -> e.getName().startsWith("io/persession/")), "persession-core is provided, not bundled");
            assertTrue(jar.getEntry("META-INF/services/io.persession.spi.SessionDefinitionProvider") != null);
            try (InputStream in = jar.getInputStream(jar.getEntry("META-INF/services/io.persession.spi.SessionDefinitionProvider"))) {
                assertEquals("com.example.login.LoginSessionRuleProvider", new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
            }
        }
    }
}

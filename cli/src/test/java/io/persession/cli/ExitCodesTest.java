package io.persession.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static io.persession.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The documented exit codes (README, "Exit codes"): each failure is one line on stderr naming what is
 * wrong, no stack trace unless {@code --verbose}, and nothing on stdout.
 */
class ExitCodesTest {
    @TempDir
    Path dir;

    Path shop;
    Path rejects;

    @BeforeEach
    void files() {
        shop = Cli.resource("small-shop.csv", dir);
        rejects = dir.resolve("rejects.csv");
    }

    private Cli.Result analyze(Path file, String... more) {
        return run(Cli.args(List.of("analyze", file.toString(), "--rejects", rejects.toString()), more));
    }

    private static void assertContains(String message, String... parts) {
        for (String p : parts) {
            assertTrue(message.contains(p), "'" + p + "' not in: " + message);
        }
    }

    // ---- 2: usage ----

    @Test
    void unknownFlagIsUsage() {
        String m = analyze(shop, "--no-such-flag").assertFailed(ExitCode.USAGE).message();
        assertContains(m, "--no-such-flag");
    }

    @Test
    void missingFileArgumentIsUsage() {
        String m = run("analyze", "--format", "json").assertFailed(ExitCode.USAGE).message();
        assertContains(m, "FILE");
        run("sessions").assertFailed(ExitCode.USAGE).message();
    }

    @Test
    void unknownCommandIsUsage() {
        String m = run("analyse", shop.toString()).assertFailed(ExitCode.USAGE).message();
        assertContains(m, "analyse");
    }

    @Test
    void unknownDefinitionOptionIsUsageAndListsTheValidOnes() {
        String m = analyze(shop, "--option", "nosuch=1").assertFailed(ExitCode.USAGE).message();
        assertContains(m, "'nosuch'", "timeout");
        m = analyze(shop, "-d", "adobe", "--option", "nosuch=1").assertFailed(ExitCode.USAGE).message();
        assertContains(m, "'nosuch'", "timeout", "max-duration", "max-events");
    }

    @Test
    void badOptionValueIsUsageAndNamesOptionAndValue() {
        String m = analyze(shop, "--option", "timeout=abc").assertFailed(ExitCode.USAGE).message();
        assertContains(m, "timeout", "abc");
        m = analyze(shop, "-d", "ua", "--option", "zone=Mars/Olympus").assertFailed(ExitCode.USAGE).message();
        assertContains(m, "zone", "Mars/Olympus");
    }

    @Test
    void badMaxRejectsIsUsage() {
        String m = analyze(shop, "--max-rejects", "abc").assertFailed(ExitCode.USAGE).message();
        assertContains(m, "--max-rejects", "abc");
    }

    @Test
    void unknownFormatIsUsage() {
        String m = analyze(shop, "--format", "xml").assertFailed(ExitCode.USAGE).message();
        assertContains(m, "--format", "xml");
        run("sessions", shop.toString(), "--rejects", rejects.toString(), "--format", "json").assertFailed(ExitCode.USAGE).message();
    }

    @Test
    void fxWithoutCurrencyIsUsage() {
        String m = analyze(shop, "--fx", "USD=0.9").assertFailed(ExitCode.USAGE).message();
        assertContains(m, "--fx", "--currency");
        m = analyze(shop, "--currency", "EUR", "--fx", "USD=abc").assertFailed(ExitCode.USAGE).message();
        assertContains(m, "USD", "abc");
    }

    // ---- 3: input ----

    @Test
    void missingFileIsInput() {
        Path missing = dir.resolve("nope.csv");
        String m = analyze(missing).assertFailed(ExitCode.INPUT).message();
        assertContains(m, "nope.csv", "not found");
    }

    @Test
    void emptyFileIsInput() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.csv"));
        String m = analyze(empty).assertFailed(ExitCode.INPUT).message();
        assertContains(m, "empty.csv", "empty");
    }

    @Test
    void missingRequiredColumnIsInputAndNamesTheColumn() throws IOException {
        Path noEvent = dir.resolve("no-event.csv");
        Files.writeString(noEvent, "timestamp,visitor_id,revenue\n2026-03-02T10:00:00Z,alice,\n");
        String m = analyze(noEvent).assertFailed(ExitCode.INPUT).message();
        assertContains(m, "no-event.csv", "'event'");
        Path noVisitor = dir.resolve("no-visitor.csv");
        Files.writeString(noVisitor, "timestamp,event\n2026-03-02T10:00:00Z,pageview\n");
        assertContains(analyze(noVisitor).assertFailed(ExitCode.INPUT).message(), "'visitor_id'");
    }

    @Test
    void brokenGzipIsInput() throws IOException {
        Path notGzip = dir.resolve("events.csv.gz");
        Files.writeString(notGzip, Cli.read(shop));
        assertContains(analyze(notGzip).assertFailed(ExitCode.INPUT).message(), "events.csv.gz", "gzip");

        // real gzip data cut short
        Path full = dir.resolve("full.csv.gz");
        StringBuilder big = new StringBuilder("timestamp,visitor_id,event,page\n");
        for (int i = 0; i < 5000; i++) {
            big.append("2026-03-02T10:").append(String.format("%02d:%02d", i / 60 % 60, i % 60)).append("Z,v").append(i)
                    .append(",pageview,https://shop.example/p").append(i * 7919 % 1000).append('\n');
        }
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(full))) {
            out.write(big.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        byte[] bytes = Files.readAllBytes(full);
        Path cut = dir.resolve("cut.csv.gz");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        assertContains(analyze(cut).assertFailed(ExitCode.INPUT).message(), "cut.csv.gz", "truncated");
    }

    @Test
    void mixedCurrenciesAreInputAndNamed() {
        Path mixed = Cli.resource("mixed-currencies.csv", dir);
        String m = analyze(mixed).assertFailed(ExitCode.INPUT).message();
        assertContains(m, "EUR", "USD", "--currency", "--fx");
    }

    @Test
    void mixedCurrenciesWithARateConvertExactly() {
        Path mixed = Cli.resource("mixed-currencies.csv", dir);
        JsonNode j = analyze(mixed, "--currency", "EUR", "--fx", "USD=0.5", "--format", "json").assertOk().json();
        JsonNode t = j.get("totals");
        assertEquals("EUR", t.get("currency").asText());
        // 10.00 EUR + 3.333333 USD x 0.5 = 1.6666665 -> 1.666666 (half-even); refund 1.000001 x 0.5 = 0.5000005 -> 0.500000
        assertEquals("11.666666", t.get("purchase_revenue").asText());
        assertEquals("0.50", t.get("refunded").asText());
        assertEquals("11.166666", t.get("revenue").asText());
        assertEquals(3, j.get("input").get("accepted").asLong());
        assertEquals(0, j.get("input").get("rejected").asLong());
    }

    @Test
    void moreRejectsThanAllowedIsInputAndSaysHowManyAndWhere() throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, Cli.read(shop) + "yesterday,erin,pageview,,,,,,,https://shop.example/,e14,\n");
        String m = analyze(bad, "--max-rejects", "0").assertFailed(ExitCode.INPUT).message();
        assertContains(m, "1 of 15 rows rejected", "--max-rejects 0", rejects.toString(), "bad-timestamp");
        assertTrue(Files.exists(rejects), "the rejects are kept for the user to look at");
        assertTrue(Cli.read(rejects).contains("bad.csv,16,bad-timestamp"), Cli.read(rejects));

        // the default, 1% of 15 rows, allows none either
        assertContains(analyze(bad).assertFailed(ExitCode.INPUT).message(), "1 of 15 rows rejected");
        // a count or a percentage that allows it
        analyze(bad, "--max-rejects", "1").assertOk();
        analyze(bad, "--max-rejects", "10%").assertOk();
    }

    // ---- 4: plugins ----

    @Test
    void unknownDefinitionIsPluginAndListsTheInstalledOnes() {
        String m = analyze(shop, "--definition", "nosuch").assertFailed(ExitCode.PLUGIN).message();
        assertContains(m, "'nosuch'");
        for (String id : CliCommandsTest.BUILT_INS) {
            assertContains(m, id);
        }
        assertFalse(m.contains("Did you mean"), m);
    }

    @Test
    void nearMissDefinitionSuggestsTheNearest() {
        String m = analyze(shop, "--definition", "uaa").assertFailed(ExitCode.PLUGIN).message();
        assertContains(m, "Did you mean 'ua'?");
        assertContains(run("definitions", "--plugins", dir.resolve("nope").toString()).assertFailed(ExitCode.PLUGIN).message(), "nope");
    }

    @Test
    void missingPluginFolderIsPlugin() {
        String m = analyze(shop, "--plugins", "/does/not/exist").assertFailed(ExitCode.PLUGIN).message();
        assertContains(m, "/does/not/exist");
        // also through the environment given to Main.execute
        m = run(Map.of("PERSESSION_PLUGINS", "/does/not/exist/either"), "analyze", shop.toString(), "--rejects", rejects.toString())
                .assertFailed(ExitCode.PLUGIN).message();
        assertContains(m, "/does/not/exist/either", "PERSESSION_PLUGINS");
    }

    @Test
    void definitionsListsAPluginThatFailedToLoadAndExitsFour() throws IOException {
        Path plugins = Files.createDirectory(dir.resolve("plugins"));
        Path jar = plugins.resolve("broken.jar");
        try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new java.util.jar.JarEntry("META-INF/services/io.persession.spi.SessionDefinitionProvider"));
            out.write("com.example.NoSuchProvider\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
        }
        Cli.Result r = run("definitions", "--plugins", plugins.toString());
        assertEquals(ExitCode.PLUGIN, r.code(), r.describe());
        assertTrue(r.out().startsWith("adobe"), "the installed ones are still listed\n" + r.describe());
        assertTrue(r.out().contains("failed to load: " + jar), r.describe());
        assertTrue(r.out().contains("com.example.NoSuchProvider"), r.describe());
        Cli.assertNoStackTrace(r.err());
    }

    @Test
    void emptyPluginFolderIsFine() throws IOException {
        Path plugins = Files.createDirectory(dir.resolve("plugins"));
        analyze(shop, "--plugins", plugins.toString()).assertOk();
    }

    // ---- --verbose ----

    @Test
    void verboseAddsTheStackTrace() {
        Cli.Result usage = analyze(shop, "--max-rejects", "abc", "--verbose");
        assertEquals(ExitCode.USAGE, usage.code(), usage.describe());
        assertTrue(usage.err().startsWith("persession: --max-rejects 'abc'"), usage.describe());
        assertTrue(Cli.hasStackTrace(usage.err()), usage.describe());

        Cli.Result input = analyze(dir.resolve("nope.csv"), "--verbose");
        assertEquals(ExitCode.INPUT, input.code(), input.describe());
        assertTrue(input.err().startsWith("persession: "), input.describe());
        assertTrue(Cli.hasStackTrace(input.err()), input.describe());

        Cli.Result plugin = analyze(shop, "-d", "uaa", "--verbose");
        assertEquals(ExitCode.PLUGIN, plugin.code(), plugin.describe());
        assertTrue(Cli.hasStackTrace(plugin.err()), plugin.describe());
    }
}

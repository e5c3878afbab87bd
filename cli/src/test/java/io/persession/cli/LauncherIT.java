package io.persession.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launcher (README, "Speed and memory"): its class-data-sharing archive (the first analysis lists its classes
 * and the launcher dumps them into the distribution's cds/ folder, later runs use it, and none of it shows on stdout
 * or stderr or changes a result),
 * and its JVM defaults, which PERSESSION_OPTS replaces without a clash.
 */
class LauncherIT {
    private static final Path CDS = SharedDataIT.LAUNCHER.getParent().getParent().resolve("cds");

    @TempDir
    Path dir;

    private static List<Path> archives() throws IOException {
        if (!Files.isDirectory(CDS)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(CDS)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".jsa")).toList();
        }
    }

    /** Everything in cds/: after a successful first analysis, the archive alone. */
    private static List<Path> leftovers() throws IOException {
        try (Stream<Path> s = Files.list(CDS)) {
            return s.toList();
        }
    }

    private static void removeArchives() throws IOException {
        for (Path p : archives()) {
            Files.delete(p);
        }
    }

    @Test
    void theFirstAnalysisMakesTheArchiveAndLaterOnesUseIt() throws IOException {
        Path shop = Cli.resource("small-shop.csv", dir);
        List<String> args = List.of("analyze", shop.toString(), "--format", "json", "--rejects", dir.resolve("r.csv").toString());
        removeArchives();

        SharedDataIT.Proc version = SharedDataIT.persession(dir, List.of("--version"));
        assertEquals(0, version.code, version.describe());
        assertEquals(List.of(), archives(), "only an analysis (analyze, compare, sessions, demo) makes the archive");

        SharedDataIT.Proc first = SharedDataIT.persession(dir, args);
        first.assertPureJson();
        assertFalse(first.err.toLowerCase(java.util.Locale.ROOT).contains("cds"), first.describe());
        List<Path> made = archives();
        assertEquals(1, made.size(), "one archive: " + made);
        assertTrue(Files.size(made.get(0)) > 1_000_000, "it holds the loaded classes");
        assertEquals(made, leftovers(), "the class list and the temporary dump are gone; no failure marker");

        SharedDataIT.Proc second = SharedDataIT.persession(dir, args);
        second.assertPureJson();
        assertEquals(first.out, second.out, "the same result with the archive");
        assertEquals(first.err.replaceAll("\\d+ ms", "N ms"), second.err.replaceAll("\\d+ ms", "N ms"), "the same messages (timings aside)");
        assertEquals(made, archives(), "the archive is used, not made again");
    }

    @Test
    void persessionCdsOffMakesNone() throws IOException {
        Path shop = Cli.resource("small-shop.csv", dir);
        removeArchives();
        SharedDataIT.Proc p = SharedDataIT.persession(dir, List.of("analyze", shop.toString(), "--format", "json",
                "--rejects", dir.resolve("r.csv").toString()), Map.of("PERSESSION_CDS", "off"));
        p.assertPureJson();
        assertEquals(List.of(), archives());
    }

    @Test
    void persessionOptsReplaceTheJvmDefaults() throws IOException {
        Path shop = Cli.resource("small-shop.csv", dir);
        List<String> args = List.of("analyze", shop.toString(), "--format", "json", "--rejects", dir.resolve("r.csv").toString());
        String expected = SharedDataIT.persession(dir, args).assertPureJson().toString();
        for (String opts : List.of("-XX:+UseG1GC", "-XX:+UseSerialGC -Xmx1g", "-XX:MaxRAMPercentage=50",
                "-XX:-UseTransparentHugePages", "-XX:+UseTransparentHugePages")) {
            SharedDataIT.Proc p = SharedDataIT.persession(dir, args, Map.of("PERSESSION_OPTS", opts));
            assertEquals(expected, p.assertPureJson().toString(), opts + ": " + p.describe());
        }
    }

    /** The JVM options the launcher gave, as HotSpot prints them ({@code -XX:+PrintCommandLineFlags}, on stdout). */
    private String flags(Map<String, String> env) throws IOException {
        SharedDataIT.Proc p = SharedDataIT.persession(dir, List.of("--version"), env);
        assertEquals(0, p.code, p.describe());
        return p.out;
    }

    @Test
    void transparentHugePagesWhereTheKernelOffersThem() throws IOException {
        Path setting = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
        boolean offered = Files.isReadable(setting) && Files.readString(setting).matches("(?s).*\\[(always|madvise)\\].*");
        String flags = flags(Map.of("PERSESSION_OPTS", "-XX:+PrintCommandLineFlags"));
        assertEquals(offered, flags.contains("-XX:+UseTransparentHugePages"), flags);
        assertTrue(flags.contains("-XX:+UseParallelGC") && flags.contains("-XX:MaxHeapSize=377487360"), flags);
        String off = flags(Map.of("PERSESSION_OPTS", "-XX:+PrintCommandLineFlags -XX:-UseTransparentHugePages"));
        assertFalse(off.contains("-XX:+UseTransparentHugePages"), off);
    }

    @Test
    void theHeapStartsSmallAndTheCollectorMayTakeFivePercent() throws IOException {
        String flags = flags(Map.of("PERSESSION_OPTS", "-XX:+PrintCommandLineFlags"));
        assertTrue(flags.contains("-XX:InitialHeapSize=67108864") && flags.contains("-XX:GCTimeRatio=19"), flags);
        String own = flags(Map.of("PERSESSION_OPTS", "-XX:+PrintCommandLineFlags -Xms200m -XX:GCTimeRatio=49"));
        assertTrue(own.contains("-XX:InitialHeapSize=209715200") && own.contains("-XX:GCTimeRatio=49"), own);
        String small = flags(Map.of("PERSESSION_OPTS", "-XX:+PrintCommandLineFlags -Xmx48m")); // starts: no 64 MB start above it
        assertTrue(small.contains("-XX:MaxHeapSize=50331648") && !small.contains("-XX:InitialHeapSize=67108864"), small);
        String g1 = flags(Map.of("PERSESSION_OPTS", "-XX:+PrintCommandLineFlags -XX:+UseG1GC"));
        assertFalse(g1.contains("-XX:GCTimeRatio=19"), g1); // G1's own default (12) stays
    }
}

package io.persession.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.persession.cli.output.CsvSafety;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Progress on stderr ({@code --progress}), the rating in colour (NO_COLOR), spreadsheet-safe CSV. */
class TerminalOutputTest {
    private static final String ESC = "\u001b[";

    @TempDir
    Path dir;

    private Path shop() {
        return Cli.resource("small-shop.csv", dir);
    }

    private String rejects() {
        return dir.resolve("rejects.csv").toString();
    }

    // --- progress ---

    @Test
    void progressAlwaysDrawsABarOnStderrAndNothingOnStdout() {
        Cli.Result bar = Cli.run("analyze", shop().toString(), "--progress", "always", "--rejects", rejects());
        Cli.Result none = Cli.run("analyze", shop().toString(), "--progress", "never", "--rejects", rejects());
        assertEquals(0, bar.code(), bar.describe());
        assertEquals(none.out(), bar.out(), "the result is the same, the bar is on stderr only");
        assertTrue(bar.err().contains("Reading") && bar.err().contains("MB") && bar.err().contains("rows"), bar.err());
        assertTrue(bar.err().contains("100%"), "the bar ends full: " + bar.err());
        assertFalse(none.err().contains("Reading"), none.err());
    }

    @Test
    void progressAutoShowsNoBarWhenStderrIsNotATerminal() {
        assertFalse(Progress.stderrIsTerminal(), "the tests run with stderr redirected");
        Cli.Result r = Cli.run("analyze", shop().toString(), "--rejects", rejects());
        assertEquals(0, r.code(), r.describe());
        assertFalse(r.err().contains("Reading:") || r.err().contains("\r"), r.err());
    }

    @Test
    void progressTakesAutoAlwaysOrNever() {
        Cli.Result r = Cli.run("analyze", shop().toString(), "--progress", "sometimes", "--rejects", rejects());
        assertEquals(2, r.code(), r.describe());
        assertTrue(r.err().contains("--progress"), r.err());
        for (String command : List.of("analyze", "sessions", "compare", "demo")) {
            Cli.Result help = Cli.run(command, "--help");
            assertTrue(help.out().contains("--progress=WHEN"), command + ": " + help.out());
        }
    }

    @Test
    void withoutATerminalProgressIsAPeriodicLogLine() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(Progress.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        AtomicLong bytes = new AtomicLong(3L << 20);
        StringWriter err = new StringWriter();
        try (Progress p = Progress.start(false, bytes::get, () -> 1_234_567, 12L << 20, new PrintWriter(err), 100, 50)) {
            assertTrue(p.line(3L << 20).matches("Reading: 3\\.0 of 12\\.0 MB \\(25%\\), 1,234,567 rows, [0-9,]+ events/s"), p.line(3L << 20));
            Thread.sleep(400);
        } finally {
            logger.detachAppender(appender);
        }
        assertFalse(appender.list.isEmpty(), "logged every 50 ms");
        assertTrue(appender.list.get(0).getFormattedMessage().startsWith("Reading: 3.0 of 12.0 MB (25%), 1,234,567 rows"),
                appender.list.get(0).getFormattedMessage());
        assertEquals("", err.toString(), "no bar");
    }

    // --- colour ---

    @Test
    void theRatingIsInColourOnlyWhenWantedAndNeverWithNoColor() {
        String[] args = {"analyze", shop().toString(), "--pack", "test-pack", "--segment", "shop", "--rejects", rejects()};
        Cli.Result forced = Cli.run(Map.of("CLICOLOR_FORCE", "1"), args);
        assertTrue(forced.out().contains(ESC + "1;32mStrong" + ESC + "0m"), forced.describe());
        Cli.Result noColor = Cli.run(Map.of("CLICOLOR_FORCE", "1", "NO_COLOR", ""), args);
        assertFalse(noColor.out().contains(ESC), "NO_COLOR (even empty) wins");
        Cli.Result piped = Cli.run(args);
        assertFalse(piped.out().contains(ESC), "not a terminal: plain");
        assertEquals(piped.out(), noColor.out());
        Cli.Result json = Cli.run(Map.of("CLICOLOR_FORCE", "1"), "analyze", shop().toString(), "--pack", "test-pack", "--segment", "shop",
                "--format", "json", "--rejects", rejects());
        assertFalse(json.out().contains(ESC), "JSON is never coloured");
        Cli.Result calc = Cli.run(Map.of("CLICOLOR_FORCE", "1"), "calc", "--revenue", "500", "--sessions", "1000", "--currency", "USD",
                "--pack", "test-pack", "--segment", "shop");
        assertTrue(calc.out().contains(ESC + "1;31mLow" + ESC + "0m"), calc.describe());
    }

    @Test
    void tablesUseCurrencySymbolsAndThousandsSeparators() {
        Cli.Result r = Cli.run("calc", "--revenue", "1234567.5", "--sessions", "1000000", "--currency", "EUR");
        assertTrue(r.out().contains("Revenue per session             €1.23"), r.out());
        assertTrue(r.out().contains("From revenue €1,234,567.50 over 1,000,000 sessions."), r.out());
        Cli.Result gbp = Cli.run("calc", "--revenue", "10", "--sessions", "4", "--currency", "GBP");
        assertTrue(gbp.out().contains("£2.50"), gbp.out());
        Cli.Result chf = Cli.run("calc", "--revenue", "10", "--sessions", "4", "--currency", "CHF");
        assertTrue(chf.out().contains("CHF 2.50"), chf.out());
    }

    // --- CSV safety ---

    @Test
    void csvCellsThatWouldBeFormulasAreNeutralisedButNumbersAreNot() {
        for (String risky : List.of("=1+2", "+cmd", "-2+3", "@SUM(A1)", "\tx", "\rx", "-", "=HYPERLINK(\"http://x\")")) {
            assertEquals("'" + risky, CsvSafety.cell(risky), risky);
        }
        for (String safe : List.of("-3.50", "+2", "-0.000001", "1e-6", "-1E+3", "abc", "", "3", "a=b", "2026-03-02T10:00:00Z")) {
            assertEquals(safe, CsvSafety.cell(safe), safe);
        }
        assertEquals(null, CsvSafety.cell(null));
    }

    @Test
    void sessionsCsvIsSafeToOpenInASpreadsheet() throws IOException {
        Path in = dir.resolve("formulas.csv");
        Files.writeString(in, "timestamp,visitor_id,event,revenue,currency,source,medium,campaign,page\n"
                + "2026-03-02T10:00:00Z,\"=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",pageview,,,@evil,-cpc,+campaign,=1+2\n"
                + "2026-03-02T10:01:00Z,\"=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",refund,3.50,USD,,,,\n"
                + "2026-03-02T10:00:00Z,-42,pageview,,,,,,\n");
        Cli.Result r = Cli.run("sessions", in.toString(), "--definition", "timeout", "--rejects", rejects());
        assertEquals(0, r.code(), r.describe());
        List<Map<String, String>> rows = Cli.csv(r.out());
        Map<String, String> evil = rows.stream().filter(m -> m.get("visitor_id").contains("HYPERLINK")).findFirst().orElseThrow();
        assertEquals("'=HYPERLINK(\"http://evil.example\",\"x\")", evil.get("visitor_id"));
        assertTrue(new java.math.BigDecimal(evil.get("revenue")).compareTo(new java.math.BigDecimal("-3.5")) == 0,
                "a negative revenue stays a number: " + evil);
        for (Map<String, String> row : rows) {
            for (Map.Entry<String, String> cell : row.entrySet()) {
                String v = cell.getValue();
                assertFalse(!v.isEmpty() && "=+@\t\r".indexOf(v.charAt(0)) >= 0, "unsafe cell " + cell + " in " + r.out());
                if (v.startsWith("-")) {
                    assertTrue(v.matches("-[0-9.]+"), "only numbers start with '-': " + cell);
                }
            }
        }
        assertTrue(rows.stream().anyMatch(m -> m.get("visitor_id").equals("-42")), "a numeric visitor id is left as it is");
    }
}

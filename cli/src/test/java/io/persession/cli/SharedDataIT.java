package io.persession.cli;

import com.fasterxml.jackson.databind.JsonNode;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real distribution ({@code target/persession/bin/persession}, built by {@code package}) run as a
 * process on the third-party logs of {@code ../../shared/data} (skipped where absent), on the demo, and
 * on the default rejects file. Runs under failsafe, after packaging; the working directory of Maven's test
 * JVMs is the cli module.
 *
 * <p>Revenue is checked against an independent sum: the CSV's money rows read here with {@link BigDecimal},
 * the first row of each event id and of each order id kept, refunds subtracted.
 */
class SharedDataIT {
    static final Path DATA = Path.of("../../shared/data");
    static final Path GA360 = DATA.resolve("ga360-merch-store-2017-08-01/events.csv");
    static final Path SNOWPLOW = DATA.resolve("snowplow-ecommerce-test-events/events.csv");
    static final Path LAUNCHER = Path.of("target/persession/bin/persession");
    static final List<String> DEFINITIONS = List.of("timeout", "midnight", "campaign", "referral", "ua", "ga4", "matomo", "adobe", "posthog");
    /** Definitions with a {@code zone} option, analysed in the GA360 day's zone. */
    static final Set<String> ZONED = Set.of("midnight", "ua", "matomo");
    static final String LA = "America/Los_Angeles";
    static final long TIMEOUT_SECONDS = 120;

    /** log -> definition -> (sessions, session_starts), printed at the end. */
    static final Map<String, Map<String, JsonNode>> RESULTS = new TreeMap<>();

    @TempDir
    Path tmp;

    @BeforeAll
    static void distribution() {
        assertTrue(Files.isExecutable(LAUNCHER), LAUNCHER.toAbsolutePath() + " is missing: run the package phase (mvn verify) first");
    }

    // ---------------------------------------------------------------- GA360

    @ParameterizedTest
    @ValueSource(strings = {"ua", "timeout", "ga4", "matomo", "adobe", "posthog", "midnight", "campaign", "referral"})
    void ga360UnderEveryDefinitionReconcilesToTheCent(String definition) {
        assumeTrue(Files.isRegularFile(GA360), GA360 + " is absent");
        List<String> args = new ArrayList<>(List.of("analyze", GA360.toAbsolutePath().toString(), "--definition", definition));
        if (ZONED.contains(definition)) {
            args.addAll(List.of("--option", "zone=" + LA));
        }
        args.addAll(List.of("--format", "json"));
        Proc p = persession(tmp, args);
        JsonNode j = p.assertPureJson();

        assertEquals(definition, j.get("definition").get("id").asText());
        if (ZONED.contains(definition)) {
            assertEquals(LA, j.get("definition").get("options").get("zone").asText());
        }
        JsonNode in = j.get("input");
        assertEquals(13_278, in.get("rows").asLong());
        assertEquals(in.get("rows").asLong(), in.get("accepted").asLong() + in.get("rejected").asLong() + in.get("duplicates").asLong(), in.toString());
        assertEquals(0, in.get("rejected").asLong());
        assertEquals(2, in.get("duplicate_orders").asLong(), "45 purchase rows, 43 order ids");
        assertEquals(0, in.get("regrouped_visitors").asLong(), "the log is in time order");
        assertTrue(in.get("rejects_file").isNull());
        assertFalse(Files.exists(tmp.resolve("persession-rejects.csv")), "no row rejected, no rejects file");

        JsonNode t = j.get("totals");
        assertEquals("USD", t.get("currency").asText());
        if (j.get("bots").get("by_reason").isEmpty()) { // no bot sessions flagged: every visitor and page counts
            assertEquals(2_293, t.get("visitors").asLong());
            assertEquals(10_939, t.get("pageviews").asLong());
            assertEquals(43, t.get("purchases").asLong());
        }
        BigDecimal expected = expectedRevenue(GA360, null, Map.of(), Set.of());
        assertEquals(0, new BigDecimal("8736.14").compareTo(expected), "independent sum of the GA360 purchases: " + expected);
        assertRevenue(expected, j);
        assertTrue(t.get("sessions").asLong() >= t.get("visitors").asLong(), t.toString());
        assertTrue(p.err.contains("Read 13278 rows"), p.describe());
        record("ga360 (zone " + LA + ")", definition, j);
    }

    /** The README's own example, word for word, with the relative path from the cli module. */
    @Test
    void ga360ReadmeExampleFromTheModuleDirectory() {
        assumeTrue(Files.isRegularFile(GA360), GA360 + " is absent");
        Proc p = persession(Path.of(""), List.of("analyze", "../../shared/data/ga360-merch-store-2017-08-01/events.csv", "--definition", "ua",
                "--option", "zone=America/Los_Angeles", "--format", "json"));
        JsonNode j = p.assertPureJson();
        assertEquals(List.of("events.csv"), List.of(j.get("input").get("files").get(0).asText()));
        assertEquals(13_278, j.get("input").get("rows").asLong());
        assertEquals("8736.14", j.get("totals").get("revenue").asText());
    }

    // ---------------------------------------------------------------- Snowplow

    @Test
    void snowplowMixesCurrencies() {
        assumeTrue(Files.isRegularFile(SNOWPLOW), SNOWPLOW + " is absent");
        Proc p = persession(tmp, List.of("analyze", SNOWPLOW.toAbsolutePath().toString(), "--format", "json"));
        assertEquals(3, p.code, p.describe());
        assertEquals("", p.out, p.describe());
        String message = p.errorLine();
        assertTrue(message.contains("EUR") && message.contains("USD"), message);
        assertTrue(message.contains("--currency") && message.contains("--fx"), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"timeout", "midnight", "campaign", "referral", "ua", "ga4", "matomo", "adobe", "posthog"})
    void snowplowInEurReconciles(String definition) {
        assumeTrue(Files.isRegularFile(SNOWPLOW), SNOWPLOW + " is absent");
        Path rejects = tmp.resolve("rejects.csv");
        Proc p = persession(tmp, List.of("analyze", SNOWPLOW.toAbsolutePath().toString(), "--definition", definition,
                "--currency", "EUR", "--fx", "USD=1", "--rejects", rejects.toString(), "--format", "json"));
        JsonNode j = p.assertPureJson();
        JsonNode in = j.get("input");
        assertEquals(833, in.get("rows").asLong());
        assertEquals(in.get("rows").asLong(), in.get("accepted").asLong() + in.get("rejected").asLong() + in.get("duplicates").asLong(), in.toString());
        assertEquals(0, in.get("rejected").asLong());
        assertEquals(1, in.get("duplicate_orders").asLong());
        assertEquals(rejects.toString(), in.get("rejects_file").asText());
        assertEquals(List.of(), rejectRecords(rejects), "an explicit --rejects file holds the header only");
        assertEquals("EUR", j.get("totals").get("currency").asText());
        assertEquals(1, j.get("totals").get("refunds").asLong());
        BigDecimal expected = expectedRevenue(SNOWPLOW, "EUR", Map.of("USD", BigDecimal.ONE), Set.of());
        assertRevenue(expected, j);
        record("snowplow (--currency EUR --fx USD=1)", definition, j);
    }

    @Test
    void snowplowInEurWithoutARateRejectsTheUsdPurchase() {
        assumeTrue(Files.isRegularFile(SNOWPLOW), SNOWPLOW + " is absent");
        Proc p = persession(tmp, List.of("analyze", SNOWPLOW.toAbsolutePath().toString(), "--currency", "EUR", "--format", "json"));
        JsonNode j = p.assertPureJson();
        JsonNode in = j.get("input");
        assertEquals(833, in.get("rows").asLong());
        assertEquals(1, in.get("rejected").asLong(), "1 of 833 is within the default 1%");
        assertEquals("persession-rejects.csv", in.get("rejects_file").asText());
        Path rejects = tmp.resolve("persession-rejects.csv");
        List<CsvRecord> records = rejectRecords(rejects);
        assertEquals(1, records.size());
        long line = Long.parseLong(records.get(0).getField(1));
        assertTrue(records.get(0).getField(2).startsWith("no-rate"), records.get(0).toString());
        assertTrue(records.get(0).getField(3).contains(",purchase,231231,USD,"), records.get(0).toString());
        assertRevenue(expectedRevenue(SNOWPLOW, "EUR", Map.of(), Set.of(line)), j);
        assertTrue(p.err.contains("1 row(s) rejected"), p.describe());
    }

    // ---------------------------------------------------------------- demo

    @Test
    void demoGeneratesAnalysesAndKeepsLogsOnStderr() throws IOException {
        Path demo = tmp.resolve("demo");
        Proc p = persession(tmp, List.of("demo", "--dir", demo.toString(), "--visitors", "3000"));
        assertEquals(0, p.code, p.describe());
        assertTrue(p.out.contains("Revenue per session"), p.out);
        assertTrue(p.out.contains("Session RPM"), p.out);
        // 3,000 visitors of which 51 are bots (seed 42): bot sessions are excluded, so 2,949 visitors start a first session.
        assertTrue(p.out.contains("Session starts: first 2,949"), p.out);
        assertTrue(p.out.contains("Bot traffic excluded"), p.out);
        assertTrue(p.out.contains("The same traffic under other session definitions"), p.out);

        Path log = demo.resolve("shop-events.csv");
        assertTrue(Files.isRegularFile(log), log.toString());
        Matcher m = Pattern.compile("([\\d,]+) rows = ([\\d,]+) accepted \\+ ([\\d,]+) rejected \\+ ([\\d,]+) duplicates").matcher(p.out);
        assertTrue(m.find(), p.out);
        long rows = count(m.group(1));
        long rejected = count(m.group(3));
        assertEquals(rows, count(m.group(2)) + rejected + count(m.group(4)));
        long records;
        // malformed rows (wrong field count) are rows too
        try (CsvReader<CsvRecord> r = CsvReader.builder().allowExtraFields(true).allowMissingFields(true).ofCsvRecord(log)) {
            records = r.stream().count() - 1;
        }
        assertEquals(records, rows, "every row of the generated log is read");
        assertTrue(p.out.contains("Generated " + log + ": " + m.group(1) + " rows"), p.out);
        assertTrue(rejected > 0, "the demo has malformed rows");

        Path rejects = demo.resolve("rejects.csv");
        assertTrue(p.out.contains("rejected rows: " + rejects), p.out);
        List<CsvRecord> bad = rejectRecords(rejects);
        assertEquals(rejected, bad.size());
        for (CsvRecord r : bad) {
            assertTrue(Path.of(r.getField(0)).endsWith("shop-events.csv"), r.toString());
            assertTrue(Long.parseLong(r.getField(1)) > 1, r.toString());
            assertTrue(r.getField(2).matches("[a-z-]+: .+"), r.toString());
        }

        // logs on stderr only, results on stdout only
        assertTrue(p.err.contains("Wrote the demo log"), p.describe());
        assertFalse(p.out.contains("Wrote the demo log"), p.out);
        assertFalse(p.out.lines().anyMatch(l -> l.startsWith("persession: ")), p.out);
        assertFalse(p.err.contains("Revenue per session"), p.err);
        assertFalse(Files.exists(tmp.resolve("persession-demo")), "--dir was given");
        assertFalse(Files.exists(tmp.resolve("persession-rejects.csv")));
    }

    // ---------------------------------------------------------------- the default rejects file

    @Test
    void defaultRejectsFileIsCreatedInTheWorkingDirectoryOnlyWhenARowIsRejected() throws IOException {
        String header = "timestamp,visitor_id,event,revenue,currency\n";
        Path clean = Files.writeString(tmp.resolve("clean.csv"), header + "2026-03-02T10:00:00Z,a,pageview,,\n2026-03-02T10:01:00Z,a,purchase,9.99,EUR\n");
        Path bad = Files.writeString(tmp.resolve("bad.csv"), header + "2026-03-02T10:00:00Z,a,pageview,,\nnot-a-time,b,pageview,,\n");
        Path work = Files.createDirectory(tmp.resolve("work"));
        Path defaultRejects = work.resolve("persession-rejects.csv");

        Proc ok = persession(work, List.of("analyze", clean.toString(), "--format", "json"));
        assertTrue(ok.assertPureJson().get("input").get("rejects_file").isNull());
        assertFalse(Files.exists(defaultRejects), "clean input: no rejects file");
        try (var files = Files.list(work)) {
            assertEquals(List.of(), files.collect(Collectors.toList()), "nothing written to the working directory");
        }

        Proc one = persession(work, List.of("analyze", bad.toString(), "--max-rejects", "1", "--format", "json"));
        assertEquals("persession-rejects.csv", one.assertPureJson().get("input").get("rejects_file").asText());
        assertTrue(Files.isRegularFile(defaultRejects), "a rejected row: " + defaultRejects);
        List<CsvRecord> records = rejectRecords(defaultRejects);
        assertEquals(1, records.size());
        assertEquals(bad.toString(), records.get(0).getField(0));
        assertEquals("3", records.get(0).getField(1));
        assertTrue(records.get(0).getField(2).startsWith("bad-timestamp"), records.get(0).toString());
        assertTrue(one.err.contains("persession-rejects.csv"), one.describe());

        Files.delete(defaultRejects);
        Proc tooMany = persession(work, List.of("analyze", bad.toString()));
        assertEquals(3, tooMany.code, tooMany.describe());
        assertTrue(tooMany.errorLine().contains("see persession-rejects.csv"), tooMany.describe());
        assertTrue(Files.isRegularFile(defaultRejects), "the rejects are kept when the run fails on them");
    }

    // ---------------------------------------------------------------- the table

    @AfterAll
    static void printSessionCounts() {
        if (RESULTS.isEmpty()) {
            return;
        }
        StringBuilder b = new StringBuilder("\nSessions per built-in definition on the shared logs (distribution run as a process)\n");
        for (Map.Entry<String, Map<String, JsonNode>> log : RESULTS.entrySet()) {
            b.append('\n').append(log.getKey()).append('\n');
            b.append(String.format("  %-9s %9s  %-15s  %s%n", "id", "sessions", "revenue/session", "session_starts"));
            for (String id : DEFINITIONS) {
                JsonNode j = log.getValue().get(id);
                if (j == null) {
                    continue;
                }
                b.append(String.format("  %-9s %9d  %-15s  %s%n", id, j.get("totals").get("sessions").asLong(),
                        j.get("metrics").get("revenue_per_session").asText(), j.get("session_starts")));
            }
        }
        System.out.println(b);
    }

    private static synchronized void record(String log, String definition, JsonNode j) {
        RESULTS.computeIfAbsent(log, k -> new LinkedHashMap<>()).put(definition, j);
    }

    // ---------------------------------------------------------------- helpers

    /** totals.revenue plus the revenue of excluded bot sessions equals the independent sum, exactly. */
    private static void assertRevenue(BigDecimal expected, JsonNode j) {
        JsonNode revenue = j.get("totals").get("revenue");
        assertTrue(revenue.isTextual(), "revenue is a decimal string: " + revenue);
        BigDecimal all = new BigDecimal(revenue.asText());
        if (!j.get("bots").get("included").asBoolean()) {
            for (JsonNode b : j.get("bots").get("by_reason")) {
                all = all.add(new BigDecimal(b.get("revenue").asText()));
            }
        }
        assertEquals(0, expected.compareTo(all), "revenue: expected " + expected.toPlainString() + " but was " + all.toPlainString()
                + " (totals " + revenue + ")");
        assertTrue(new BigDecimal(revenue.asText()).scale() <= 6, revenue.toString());
    }

    /**
     * Net revenue of a canonical CSV, computed here: purchases + ad revenue - refunds, in file order, the
     * first row of an event id and of a purchase order id kept, rows on {@code rejectedLines} left out;
     * with an analysis currency, other currencies times their rate, half-even to micro-units.
     */
    static BigDecimal expectedRevenue(Path csv, String currency, Map<String, BigDecimal> rates, Set<Long> rejectedLines) {
        Set<String> eventIds = new HashSet<>();
        Set<String> orderIds = new HashSet<>();
        BigDecimal sum = BigDecimal.ZERO;
        try (CsvReader<NamedCsvRecord> r = CsvReader.builder().ofNamedCsvRecord(csv, StandardCharsets.UTF_8)) {
            for (NamedCsvRecord row : r) {
                if (rejectedLines.contains(row.getStartingLineNumber())) {
                    continue;
                }
                String eventId = row.getField("event_id").trim();
                if (!eventId.isEmpty() && !eventIds.add(eventId)) {
                    continue;
                }
                String event = row.getField("event").trim();
                String orderId = row.getField("order_id").trim();
                if (event.equals("purchase") && !orderId.isEmpty() && !orderIds.add(orderId)) {
                    continue;
                }
                String amount = row.getField("revenue").trim();
                if (amount.isEmpty()) {
                    continue;
                }
                BigDecimal value = new BigDecimal(amount);
                String cur = row.getField("currency").trim();
                if (currency != null && !cur.isEmpty() && !cur.equals(currency)) {
                    BigDecimal rate = rates.get(cur);
                    assertNotNull(rate, "line " + row.getStartingLineNumber() + " in " + cur + " needs a rate or must be rejected");
                    value = value.multiply(rate).setScale(6, RoundingMode.HALF_EVEN);
                }
                switch (event) {
                    case "purchase":
                    case "ad_request":
                    case "ad_impression":
                        sum = sum.add(value);
                        break;
                    case "refund":
                        sum = sum.subtract(value);
                        break;
                    default:
                        fail("line " + row.getStartingLineNumber() + ": revenue on a " + event + " event would be rejected");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sum;
    }

    /** The records of a rejects file, header checked and left out. */
    static List<CsvRecord> rejectRecords(Path file) {
        assertTrue(Files.isRegularFile(file), file + " exists");
        try (CsvReader<CsvRecord> r = CsvReader.builder().ofCsvRecord(file)) {
            List<CsvRecord> all = r.stream().collect(Collectors.toList());
            assertEquals(List.of("file", "line", "reason", "row"), all.get(0).getFields());
            return all.subList(1, all.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long count(String withCommas) {
        return Long.parseLong(withCommas.replace(",", ""));
    }

    /** One finished process. */
    static final class Proc {
        final List<String> command;
        final int code;
        final String out;
        final String err;

        Proc(List<String> command, int code, String out, String err) {
            this.command = command;
            this.code = code;
            this.out = out;
            this.err = err;
        }

        String describe() {
            return String.join(" ", command) + "\nexit " + code + "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err;
        }

        /** Exit 0, stdout one JSON document and nothing else, no stderr line on stdout. */
        JsonNode assertPureJson() {
            assertEquals(0, code, describe());
            assertTrue(out.startsWith("{"), "stdout starts with the JSON object:\n" + describe());
            JsonNode j = Cli.parseJson(out);
            for (String line : err.split("\\R")) {
                if (!line.isBlank()) {
                    assertFalse(out.contains(line), "a stderr line on stdout: " + line);
                }
            }
            assertFalse(out.contains("persession: "), "a log line on stdout:\n" + out);
            Cli.assertNoStackTrace(err);
            return j;
        }

        /** The one-line error message of a failed run, without a stack trace. */
        String errorLine() {
            Cli.assertNoStackTrace(err);
            List<String> lines = err.lines().filter(l -> l.startsWith("persession: ")).collect(Collectors.toList());
            assertFalse(lines.isEmpty(), describe());
            return lines.get(lines.size() - 1);
        }
    }

    /**
     * Runs the distribution's launcher in {@code workDir} with a minimal environment (nothing inherited:
     * no stdin, stdout and stderr captured to files, PATH and JAVA_HOME only), with a timeout.
     */
    static Proc persession(Path workDir, List<String> args) {
        return persession(workDir, args, Map.of());
    }

    /** {@link #persession(Path, List)} with {@code extraEnv} added to the environment. */
    static Proc persession(Path workDir, List<String> args, Map<String, String> extraEnv) {
        List<String> command = new ArrayList<>();
        command.add(LAUNCHER.toAbsolutePath().normalize().toString());
        command.addAll(args);
        try {
            Path outFile = Files.createTempFile("persession-it", ".out");
            Path errFile = Files.createTempFile("persession-it", ".err");
            try {
                ProcessBuilder pb = new ProcessBuilder(command)
                        .directory(workDir.toAbsolutePath().toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .redirectOutput(outFile.toFile())
                        .redirectError(errFile.toFile());
                Map<String, String> env = pb.environment();
                env.clear();
                env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
                env.put("JAVA_HOME", System.getProperty("java.home"));
                env.put("LC_ALL", "C.UTF-8");
                env.putAll(extraEnv);
                Process process = pb.start();
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    fail("timed out after " + TIMEOUT_SECONDS + " s: " + String.join(" ", command) + "\n" + Files.readString(errFile));
                }
                return new Proc(command, process.exitValue(), Files.readString(outFile), Files.readString(errFile));
            } finally {
                Files.deleteIfExists(outFile);
                Files.deleteIfExists(errFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}

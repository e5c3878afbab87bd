package io.persession.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.persession.cli.output.SessionRows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static io.persession.cli.Cli.assertNumber;
import static io.persession.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The commands end to end through {@link Main#execute}: exit code, stdout, stderr. The expected figures
 * are worked out by hand from {@code src/test/resources/cli/small-shop.csv}:
 *
 * <pre>
 * alice  10:00 pv, 10:05 pv, 10:06 purchase o1 19.99, (10:06 same event id e3: duplicate),
 *        11:00 pv (54 min gap: timeout), 11:01 refund 5.00           -> 2 sessions
 * bob    10:00 pv (google/cpc/spring), 10:10 purchase o2 100.005, (10:11 o2 again: duplicate order),
 *        10:12 purchase o3 0.5 (direct purchases never split)         -> 1 session
 * carol  07:50Z pv, 08:05Z pv (midnight in Los Angeles between them)  -> 1 session (2 under ua, zone LA)
 * dan    10:00 pv direct, 10:05 pv newsletter/email/march             -> 1 session (2 under ua: campaign)
 *
 * rows 14 = accepted 12 + rejected 0 + duplicates 2; timeout: sessions 5, visitors 4, pageviews 8,
 * purchases 3 in 2 sessions, purchase revenue 120.495, refunded 5.00, revenue 115.495 USD
 * </pre>
 */
class CliCommandsTest {
    /** Metric ids in the order the JSON has them (README, "Metrics"). */
    static final List<String> METRICS = List.of("revenue_per_session", "session_rpm", "page_rpm", "revenue_per_visitor",
            "conversion_rate", "orders_per_converting_session", "average_order_value", "pages_per_session",
            "sessions_per_visitor", "ad_revenue_per_session", "refunds_per_session", "fill_rate");
    static final List<String> BUILT_INS = List.of("adobe", "by-id", "campaign", "ga4", "matomo", "midnight", "posthog", "referral", "timeout", "ua");

    @TempDir
    Path dir;

    Path shop;
    Path rejects;

    @BeforeEach
    void files() {
        shop = Cli.resource("small-shop.csv", dir);
        rejects = dir.resolve("rejects.csv");
    }

    /** analyze with --rejects always set, so that no test writes persession-rejects.csv into the module. */
    private Cli.Result analyze(String... more) {
        return run(Cli.args(List.of("analyze", shop.toString(), "--rejects", rejects.toString()), more));
    }

    @Test
    void analyzeJsonHasTheDesignKeysAndTheHandComputedFigures() {
        Cli.Result r = analyze("--format", "json").assertOk();
        JsonNode j = r.json();

        JsonNode def = j.get("definition");
        assertEquals("timeout", def.get("id").asText());
        assertTrue(def.get("description").asText().contains("timeout"), def.toString());
        assertEquals(Map.of("timeout", "30m"), jsonMap(def.get("options")));

        JsonNode in = j.get("input");
        assertEquals(14, in.get("rows").asLong());
        assertEquals(12, in.get("accepted").asLong());
        assertEquals(0, in.get("rejected").asLong());
        assertEquals(2, in.get("duplicates").asLong());
        assertEquals(1, in.get("duplicate_events").asLong());
        assertEquals(1, in.get("duplicate_orders").asLong());
        assertEquals(in.get("rows").asLong(), in.get("accepted").asLong() + in.get("rejected").asLong() + in.get("duplicates").asLong());
        // --rejects FILE given explicitly: named in the result and written even when no row is rejected (header only)
        assertEquals(rejects.toString(), in.get("rejects_file").asText());
        assertTrue(Files.exists(rejects));
        assertEquals(1, Cli.read(rejects).lines().count(), Cli.read(rejects));

        JsonNode t = j.get("totals");
        assertEquals(5, t.get("sessions").asLong());
        assertEquals(4, t.get("visitors").asLong());
        assertEquals(12, t.get("events").asLong());
        assertEquals(8, t.get("pageviews").asLong());
        assertEquals(3, t.get("purchases").asLong());
        assertEquals(2, t.get("converting_sessions").asLong());
        assertEquals(1, t.get("refunds").asLong());
        assertTrue(t.get("revenue").isTextual(), "revenue is a decimal string: " + t.get("revenue"));
        assertEquals("115.495", t.get("revenue").asText());
        assertEquals("120.495", t.get("purchase_revenue").asText());
        assertEquals("0.00", t.get("ad_revenue").asText());
        assertEquals("5.00", t.get("refunded").asText());
        assertEquals("USD", t.get("currency").asText());
        assertEquals(0, t.get("bot_sessions_excluded").asLong());

        JsonNode m = j.get("metrics");
        assertEquals(METRICS, fieldNames(m));
        assertNumber("23.099", m.get("revenue_per_session"), "revenue_per_session");        // 115.495 / 5
        assertNumber("23099", m.get("session_rpm"), "session_rpm");
        assertNumber("14436.875", m.get("page_rpm"), "page_rpm");                            // 115.495 / 8 * 1000
        assertNumber("28.87375", m.get("revenue_per_visitor"), "revenue_per_visitor");       // 115.495 / 4
        assertNumber("0.4", m.get("conversion_rate"), "conversion_rate");                    // 2 / 5
        assertNumber("1.5", m.get("orders_per_converting_session"), "orders_per_converting_session");
        assertNumber("40.165", m.get("average_order_value"), "average_order_value");         // 120.495 / 3
        assertNumber("1.6", m.get("pages_per_session"), "pages_per_session");
        assertNumber("1.25", m.get("sessions_per_visitor"), "sessions_per_visitor");
        assertNumber("0", m.get("ad_revenue_per_session"), "ad_revenue_per_session");
        assertNumber("1", m.get("refunds_per_session"), "refunds_per_session");
        assertTrue(m.get("fill_rate").isNull(), "no ad requests: fill_rate is null, never NaN: " + m);
        // the README's identity, exactly: 0.4 x 1.5 x 40.165 + 0 - 1 = 23.099
        BigDecimal identity = m.get("conversion_rate").decimalValue().multiply(m.get("orders_per_converting_session").decimalValue())
                .multiply(m.get("average_order_value").decimalValue()).add(m.get("ad_revenue_per_session").decimalValue())
                .subtract(m.get("refunds_per_session").decimalValue());
        assertEquals(0, identity.compareTo(m.get("revenue_per_session").decimalValue()), identity.toString());

        assertEquals(Map.of("first", 4L, "timeout", 1L), startsOf(j));
        assertFalse(j.get("bots").get("included").asBoolean());
    }

    @Test
    void withoutSessionsEveryMetricIsNullNeverNaN() throws Exception {
        Path header = Files.writeString(dir.resolve("header-only.csv"), "timestamp,visitor_id,event\n");
        JsonNode j = run("analyze", header.toString(), "--rejects", rejects.toString(), "--format", "json").assertOk().json();
        assertEquals(0, j.get("input").get("rows").asLong());
        assertEquals(0, j.get("totals").get("sessions").asLong());
        assertEquals("0.00", j.get("totals").get("revenue").asText());
        assertTrue(j.get("totals").get("currency").isNull(), j.toString());
        assertEquals(METRICS, fieldNames(j.get("metrics")));
        j.get("metrics").forEach(m -> assertTrue(m.isNull(), j.get("metrics").toString()));
        assertEquals(0, j.get("session_starts").size());
        Cli.Result table = run("analyze", header.toString(), "--rejects", rejects.toString()).assertOk();
        assertTrue(table.out().matches("(?s).*Revenue per session\\s+n/a\\R.*"), table.out());
        assertFalse(table.out().contains("NaN"), table.out());
    }

    @Test
    void analyzeCsvIsAHeaderAndOneRowWithTheSameFigures() {
        Cli.Result r = analyze("--format", "csv").assertOk();
        List<String> lines = r.out().lines().collect(Collectors.toList());
        assertEquals(2, lines.size(), r.out());
        List<String> expectedHeader = new ArrayList<>(List.of("definition", "options", "rows", "accepted", "rejected", "duplicates",
                "sessions", "visitors", "events", "pageviews", "purchases", "converting_sessions", "refunds", "revenue", "currency",
                "bot_sessions_excluded"));
        expectedHeader.addAll(METRICS);
        expectedHeader.add("session_starts");
        expectedHeader.addAll(io.persession.cli.output.BenchmarkCsv.COLUMNS);
        assertEquals(expectedHeader, Cli.csvHeader(r.out()));

        Map<String, String> row = Cli.csv(r.out()).get(0);
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("definition", "timeout");
        expected.put("options", "timeout=30m");
        expected.put("rows", "14");
        expected.put("accepted", "12");
        expected.put("rejected", "0");
        expected.put("duplicates", "2");
        expected.put("sessions", "5");
        expected.put("visitors", "4");
        expected.put("events", "12");
        expected.put("pageviews", "8");
        expected.put("purchases", "3");
        expected.put("converting_sessions", "2");
        expected.put("refunds", "1");
        expected.put("revenue", "115.495");
        expected.put("currency", "USD");
        expected.put("bot_sessions_excluded", "0");
        expected.put("revenue_per_session", "23.099");
        expected.put("session_rpm", "23099");
        expected.put("page_rpm", "14436.875");
        expected.put("revenue_per_visitor", "28.87375");
        expected.put("conversion_rate", "0.4");
        expected.put("orders_per_converting_session", "1.5");
        expected.put("average_order_value", "40.165");
        expected.put("pages_per_session", "1.6");
        expected.put("sessions_per_visitor", "1.25");
        expected.put("ad_revenue_per_session", "0");
        expected.put("refunds_per_session", "1");
        expected.put("fill_rate", "");
        expected.put("session_starts", "first=4;timeout=1");
        // Without a pack: no rating, no benchmark scenarios, no headroom; what needs no benchmark is there.
        for (String c : io.persession.cli.output.BenchmarkCsv.COLUMNS) {
            expected.put(c, "");
        }
        expected.put("scenario_current_revenue_per_session", "23.099");
        expected.put("scenario_current_revenue", "115.495");
        expected.put("leverage_conversion_revenue_added", "12.0495"); // 10% of purchase revenue 120.495
        expected.put("leverage_order_value_revenue_added", "12.0495"); // the same, by the identity
        expected.put("leverage_sessions_revenue_added", "11.5495"); // 10% of net revenue 115.495
        expected.put("leverage_verdict", "undetermined");
        expected.put("leverage_repeat_session_dilution", "0.2"); // 1 - 4 visitors / 5 sessions
        assertEquals(expected, row);
    }

    @Test
    void analyzeTableNamesTheDefinitionAndShowsRevenuePerSession() {
        Cli.Result r = analyze().assertOk();
        String out = r.out();
        assertTrue(out.contains("Session definition   timeout  (timeout=30m)"), out);
        assertTrue(out.matches("(?s).*Revenue per session\\s+\\$23\\.10\\R.*"), out);
        assertTrue(out.matches("(?s).*Session RPM\\s+\\$23,099\\.00\\R.*"), out);
        assertTrue(out.matches("(?s).*Conversion rate\\s+40\\.00%\\R.*"), out);
        assertTrue(out.matches("(?s).*Ad fill rate\\s+n/a\\R.*"), out);
        assertTrue(out.contains("14 rows = 12 accepted + 0 rejected + 2 duplicates (1 repeated event ids, 1 repeated order ids)"), out);
        // the table is for people: money to the cent, half-even (115.495 -> 115.50); JSON and CSV have it exact
        assertTrue(out.contains("Revenue $115.50 = purchases $120.50 + ads $0.00 - refunds $5.00"), out);
        assertTrue(out.contains("Sessions 5 · visitors 4 · pageviews 8 · orders 3 in 2 sessions"), out);
        assertTrue(out.contains("Session starts: first 4 · timeout 1"), out);
    }

    @Test
    void outputWritesTheFileAndNothingOnStdout() {
        Path file = dir.resolve("out/result.json");
        Cli.Result r = analyze("--format", "json", "--output", file.toString()).assertOk();
        assertEquals("", r.out());
        assertTrue(Files.isRegularFile(file), "--output " + file);
        JsonNode j = Cli.parseJson(Cli.read(file));
        assertEquals("115.495", j.get("totals").get("revenue").asText());
        assertEquals(5, j.get("totals").get("sessions").asLong());
    }

    @Test
    void rejectsFileHasEveryBadRowWithItsLineNumberAndReason() throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, Cli.read(shop)
                + "yesterday,erin,pageview,,,,,,,https://shop.example/,e14,\n"          // line 16
                + "2026-03-02T10:20:00Z,,pageview,,,,,,,https://shop.example/,e15,\n"    // line 17
                + "2026-03-02T10:21:00Z,erin,pageview,12.00,USD,,,,,https://shop.example/,e16,\n"); // line 18
        Cli.Result r = run("analyze", bad.toString(), "--rejects", rejects.toString(), "--max-rejects", "3", "--format", "json").assertOk();
        JsonNode in = r.json().get("input");
        assertEquals(17, in.get("rows").asLong());
        assertEquals(3, in.get("rejected").asLong());
        assertEquals(12, in.get("accepted").asLong());
        assertEquals(2, in.get("duplicates").asLong());
        assertEquals(rejects.toString(), in.get("rejects_file").asText());

        List<Map<String, String>> rows = Cli.csv(Cli.read(rejects));
        assertEquals(List.of("file", "line", "reason", "row"), Cli.csvHeader(Cli.read(rejects)));
        assertEquals(3, rows.size(), rows.toString());
        assertEquals(List.of("16", "17", "18"), rows.stream().map(x -> x.get("line")).collect(Collectors.toList()));
        assertTrue(rows.get(0).get("reason").startsWith("bad-timestamp"), rows.get(0).toString());
        assertTrue(rows.get(1).get("reason").startsWith("empty-visitor"), rows.get(1).toString());
        assertTrue(rows.get(2).get("reason").startsWith("revenue-on-non-money-event"), rows.get(2).toString());
        assertTrue(rows.get(0).get("row").startsWith("yesterday,erin,pageview"), rows.get(0).toString());
        rows.forEach(x -> assertEquals(bad.toString(), x.get("file"), "the file as named on the command line"));
        // the good rows' figures are those of the clean file
        assertEquals("115.495", r.json().get("totals").get("revenue").asText());
    }

    @Test
    void uaWithAZoneSplitsAtLocalMidnightAndOnTheCampaignChange() {
        JsonNode j = analyze("--definition", "ua", "--option", "zone=America/Los_Angeles", "--format", "json").assertOk().json();
        assertEquals("ua", j.get("definition").get("id").asText());
        assertEquals(Map.of("zone", "America/Los_Angeles", "internal-hosts", ""), jsonMap(j.get("definition").get("options")));
        assertEquals(7, j.get("totals").get("sessions").asLong());
        assertEquals(Map.of("first", 4L, "timeout", 1L, "midnight", 1L, "campaign", 1L), startsOf(j));
        assertEquals("115.495", j.get("totals").get("revenue").asText(), "the denominator moves, the revenue does not");
        assertNumber("16.499286", j.get("metrics").get("revenue_per_session"), "115.495 / 7, half-even to 6 places");
        assertNumber("0.285714", j.get("metrics").get("conversion_rate"), "2 / 7");

        // in UTC carol's visit does not cross midnight
        JsonNode utc = analyze("-d", "ua", "-f", "json").assertOk().json();
        assertEquals(6, utc.get("totals").get("sessions").asLong());
        assertEquals(Map.of("first", 4L, "timeout", 1L, "campaign", 1L), startsOf(utc));
    }

    @Test
    void sessionsAsCsvIsOneRowPerSessionAddingUpToAnalyze() {
        Cli.Result r = run("sessions", shop.toString(), "--rejects", rejects.toString()).assertOk();
        assertEquals(SessionRows.COLUMNS, Cli.csvHeader(r.out()));
        List<Map<String, String>> rows = Cli.csv(r.out());
        JsonNode analysis = analyze("--format", "json", "--include-bots").assertOk().json();
        assertSessionsAddUp(analysis, rows);
        assertEquals(5, rows.size());

        Map<String, String> refund = rows.stream().filter(x -> x.get("visitor_id").equals("alice") && x.get("start_reason").equals("timeout"))
                .findFirst().orElseThrow(() -> new AssertionError(rows));
        assertEquals("2026-03-02T11:00:00Z", refund.get("start"));
        assertEquals("2026-03-02T11:01:00Z", refund.get("end"));
        assertEquals("60", refund.get("duration_seconds"));
        assertEquals("1", refund.get("refunds"));
        assertEquals("-5.00", refund.get("revenue"));
        Map<String, String> bob = rows.stream().filter(x -> x.get("visitor_id").equals("bob")).findFirst().orElseThrow();
        assertEquals("first", bob.get("start_reason"));
        assertEquals("100.505", bob.get("revenue"));
        assertEquals("2", bob.get("purchases"));
        assertEquals("google", bob.get("source"));
        assertEquals("cpc", bob.get("medium"));
        assertEquals("spring", bob.get("campaign"));
        assertEquals("USD", bob.get("currency"));
        assertEquals("https://shop.example/", bob.get("landing_page"));
    }

    @Test
    void sessionsAsJsonLinesUnderUa() {
        Cli.Result r = run("sessions", shop.toString(), "--rejects", rejects.toString(), "--format", "jsonl",
                "-d", "ua", "-o", "zone=America/Los_Angeles").assertOk();
        List<String> lines = r.out().lines().collect(Collectors.toList());
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines) {
            JsonNode n = Cli.parseJson(line);
            assertEquals(SessionRows.COLUMNS, fieldNames(n), line);
            assertTrue(n.get("events").isIntegralNumber(), line);
            Map<String, String> row = new LinkedHashMap<>();
            n.fields().forEachRemaining(e -> row.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
            rows.add(row);
        }
        JsonNode analysis = analyze("-d", "ua", "-o", "zone=America/Los_Angeles", "--format", "json", "--include-bots").assertOk().json();
        assertSessionsAddUp(analysis, rows);
        assertEquals(7, rows.size());
        Map<String, String> midnight = rows.stream().filter(x -> x.get("start_reason").equals("midnight")).findFirst().orElseThrow();
        assertEquals("carol", midnight.get("visitor_id"));
        assertEquals("2026-03-02T08:05:00Z", midnight.get("start"));
        Map<String, String> campaign = rows.stream().filter(x -> x.get("start_reason").equals("campaign")).findFirst().orElseThrow();
        assertEquals("dan", campaign.get("visitor_id"));
        assertEquals("newsletter", campaign.get("source"));
    }

    /** One row per session: counts and sums of the rows equal analyze's totals, start reasons its session_starts. */
    static void assertSessionsAddUp(JsonNode analysis, List<Map<String, String>> rows) {
        JsonNode t = analysis.get("totals");
        assertEquals(t.get("sessions").asLong(), rows.size(), "one row per session");
        assertEquals(t.get("visitors").asLong(), rows.stream().map(x -> x.get("visitor_id")).distinct().count());
        assertEquals(t.get("events").asLong(), rows.stream().mapToLong(x -> Long.parseLong(x.get("events"))).sum());
        assertEquals(t.get("pageviews").asLong(), rows.stream().mapToLong(x -> Long.parseLong(x.get("pageviews"))).sum());
        assertEquals(t.get("purchases").asLong(), rows.stream().mapToLong(x -> Long.parseLong(x.get("purchases"))).sum());
        assertEquals(t.get("refunds").asLong(), rows.stream().mapToLong(x -> Long.parseLong(x.get("refunds"))).sum());
        assertEquals(t.get("converting_sessions").asLong(), rows.stream().filter(x -> !x.get("purchases").equals("0")).count());
        BigDecimal revenue = rows.stream().map(x -> new BigDecimal(x.get("revenue"))).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, revenue.compareTo(new BigDecimal(t.get("revenue").asText())), "sum of session revenue " + revenue);
        Map<String, Long> reasons = new TreeMap<>();
        rows.forEach(x -> reasons.merge(x.get("start_reason"), 1L, Long::sum));
        assertEquals(startsOf(analysis), reasons);
    }

    @Test
    void definitionsListsEveryBuiltInWithOptionsAndWhereItCameFrom() {
        Cli.Result r = run("definitions").assertOk();
        Map<String, List<String>> blocks = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : r.out().split("\\R")) {
            if (line.isEmpty()) {
                continue;
            }
            if (!line.startsWith(" ")) {
                current = new ArrayList<>();
                blocks.put(line, current);
            } else {
                current.add(line.trim());
            }
        }
        assertEquals(BUILT_INS, new ArrayList<>(blocks.keySet()), r.out());
        Map<String, List<String>> options = Map.of(
                "timeout", List.of("timeout=30m"),
                "midnight", List.of("timeout=30m", "zone=UTC"),
                "campaign", List.of("timeout=30m"),
                "referral", List.of("timeout=30m", "internal-hosts="),
                "ua", List.of("zone=UTC", "internal-hosts="),
                "ga4", List.of("timeout=30m"),
                "matomo", List.of("zone=UTC", "timeout=30m"),
                "adobe", List.of("timeout=30m", "max-duration=12h", "max-events=2500"),
                "posthog", List.of("timeout=30m", "max-duration=24h"),
                "by-id", List.of("column=(required)"));
        for (String id : BUILT_INS) {
            List<String> block = blocks.get(id);
            assertFalse(block.get(0).isBlank(), id + " has a description");
            List<String> opts = block.stream().filter(l -> l.startsWith("--option ")).map(l -> l.substring("--option ".length()))
                    .collect(Collectors.toList());
            assertEquals(options.get(id), opts, id + ": " + block);
            String from = block.stream().filter(l -> l.startsWith("from: ")).findFirst()
                    .orElseThrow(() -> new AssertionError(id + " does not say where it came from: " + block)).substring("from: ".length());
            assertTrue(from.contains("session-definitions"), id + " from " + from);
            assertTrue(Files.exists(Path.of(from)), id + " from a jar or folder that exists: " + from);
        }
        assertFalse(r.out().contains("failed to load"), r.out());
    }

    @Test
    void everyHelpTextIsAValidFormatString() {
        // picocli formats each description line with String.format; a lone '%' ("15%") makes it print a warning
        // on stderr with every --help
        com.google.inject.Injector injector = com.google.inject.Guice.createInjector(com.google.inject.Stage.PRODUCTION,
                new CliModule(new Environment(Map.of())));
        picocli.CommandLine root = new picocli.CommandLine(PersessionCommand.class, injector.getInstance(GuiceFactory.class));
        List<picocli.CommandLine> commands = new ArrayList<>(List.of(root));
        commands.addAll(root.getSubcommands().values());
        int lines = 0;
        for (picocli.CommandLine c : commands) {
            c.getCommandSpec().interpolateVariables(false); // the text as written, which picocli formats (a default's own '%' is not)
            List<picocli.CommandLine.Model.ArgSpec> args = new ArrayList<>(c.getCommandSpec().args());
            for (picocli.CommandLine.Model.ArgSpec arg : args) {
                for (String line : arg.description()) {
                    String what = c.getCommandName() + " " + arg + ": " + line;
                    try {
                        String.format(line);
                    } catch (java.util.IllegalFormatException e) {
                        throw new AssertionError(what + " (" + e + "); write '%' as '%%'", e);
                    }
                    lines++;
                }
            }
            for (String line : c.getCommandSpec().usageMessage().description()) {
                String.format(line);
                lines++;
            }
        }
        assertTrue(lines > 100, "description lines checked: " + lines);
    }

    @Test
    void helpAndVersionExitZero() {
        Cli.Result help = run("--help").assertOk();
        assertTrue(help.out().startsWith("Usage: persession"), help.out());
        for (String command : List.of("analyze", "sessions", "definitions", "demo")) {
            assertTrue(help.out().contains(command), command + " in\n" + help.out());
        }
        Cli.Result analyzeHelp = run("analyze", "--help").assertOk();
        assertTrue(analyzeHelp.out().startsWith("Usage: persession analyze"), analyzeHelp.out());
        for (String flag : List.of("--definition", "--option", "--format", "--output", "--rejects", "--max-rejects", "--currency", "--fx",
                "--plugins", "--include-bots", "--lateness", "--input-zone", "--map")) {
            assertTrue(analyzeHelp.out().contains(flag), flag + " in\n" + analyzeHelp.out());
        }
        Cli.Result version = run("--version").assertOk();
        assertTrue(version.out().startsWith("persession "), version.out());
        assertEquals(1, version.out().lines().count(), version.out());
    }

    @Test
    void noCommandPrintsUsage() {
        Cli.Result r = run().assertOk();
        assertTrue(r.out().startsWith("Usage: persession"), r.out());
    }

    static Map<String, Long> startsOf(JsonNode analysis) {
        Map<String, Long> m = new TreeMap<>();
        analysis.get("session_starts").fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asLong()));
        return m;
    }

    static List<String> fieldNames(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static Map<String, String> jsonMap(JsonNode object) {
        Map<String, String> m = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return m;
    }
}

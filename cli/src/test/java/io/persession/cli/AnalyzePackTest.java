package io.persession.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.persession.cli.output.BenchmarkCsv;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static io.persession.cli.Cli.assertNumber;
import static io.persession.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code analyze --pack --segment --target-rps --uplift --baseline}: rating, scenarios, leverage and change in
 * every output format, against the test pack {@code test-pack} ({@link TestBenchmarkPackProvider}).
 *
 * <p>small-shop.csv: 5 sessions, 4 visitors, 2 converting sessions with 3 orders of USD 120.495, a refund of
 * USD 5.00: net revenue USD 115.495, revenue per session USD 23.099.
 */
class AnalyzePackTest {
    private static final String HEADER = "timestamp,visitor_id,event,revenue,currency,event_id,order_id\n";

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
        List<String> args = new ArrayList<>(List.of("analyze", file.toString(), "--rejects", rejects.toString()));
        args.addAll(List.of(more));
        return run(args.toArray(new String[0]));
    }

    private static void assertContains(String text, String... parts) {
        for (String p : parts) {
            assertTrue(text.contains(p), "'" + p + "' not in:\n" + text);
        }
    }

    private static BigDecimal dec(JsonNode n) {
        assertTrue(n.isTextual(), "money is a decimal string: " + n);
        return new BigDecimal(n.asText());
    }

    // ---- JSON ----

    @Test
    void jsonHasRatingScenariosAndLeverage() {
        JsonNode j = analyze(shop, "--pack", "test-pack", "--segment", "shop", "--format", "json").assertOk().json();
        List<String> keys = new ArrayList<>();
        j.fieldNames().forEachRemaining(keys::add);
        assertTrue(keys.containsAll(List.of("definition", "input", "totals", "metrics", "session_starts", "rating", "scenarios", "leverage")), keys.toString());
        assertFalse(keys.contains("change"), "no baseline, no change");

        JsonNode r = j.get("rating");
        assertEquals("test-pack", r.get("pack").get("id").asText());
        assertEquals("shop", r.get("segment").asText());
        assertEquals("STRONG", r.get("label").asText(), "23.099 >= 2.00");
        JsonNode rps = r.get("metrics").get("revenue_per_session");
        assertNumber("23.099", rps.get("value"), "the rated value is the metric");
        assertEquals("p50", rps.get("statistic").asText());
        assertEquals("session", rps.get("basis").asText());
        assertEquals("STRONG", r.get("metrics").get("conversion_rate").get("label").asText(), "40% >= 3%");
        assertEquals("LOW", r.get("metrics").get("average_order_value").get("label").asText(), "40.165 < 0.75 x 100");

        JsonNode s = j.get("scenarios");
        assertEquals(5, s.get("sessions").asLong());
        assertEquals("USD", s.get("currency").asText());
        assertEquals("115.495", s.get("current").get("revenue").asText());
        assertEquals("23.099", s.get("current").get("revenue_per_session").asText());
        assertEquals("10.00", s.get("benchmark").get("revenue").asText());       // 2.00 x 5
        assertEquals("-105.495", s.get("benchmark").get("difference").asText());
        assertEquals("15.00", s.get("optimized").get("revenue").asText());       // 3.00 x 5

        JsonNode l = j.get("leverage");
        // purchase revenue 120.495: +10% conversion and +10% order value each add 12.0495; +10% sessions adds 10% of net revenue
        assertEquals("12.0495", l.get("levers").get("conversion_rate").get("revenue_added").asText());
        assertEquals("12.0495", l.get("levers").get("average_order_value").get("revenue_added").asText());
        assertEquals("11.5495", l.get("levers").get("sessions").get("revenue_added").asText());
        JsonNode aov = l.get("headroom").get("average_order_value");
        assertEquals("100.00", aov.get("benchmark").asText());
        assertEquals("300.00", aov.get("revenue_at_benchmark").asText());        // 3 orders x 100
        assertEquals("179.505", aov.get("revenue_added").asText());             // 300 - 120.495
        assertEquals("volume", l.get("verdict").get("code").asText());
        assertContains(l.get("verdict").get("text").asText(), "Sessions are well monetized", "order value is below its benchmark");
        assertNumber("1.25", l.get("visitor_basis").get("sessions_per_visitor"), "sessions per visitor");
        assertEquals("28.87375", l.get("visitor_basis").get("revenue_per_visitor").asText());
    }

    @Test
    void withoutAPackEverythingThatNeedsNoBenchmark() {
        JsonNode j = analyze(shop, "--format", "json").assertOk().json();
        assertTrue(j.get("rating").isNull());
        assertEquals("115.495", j.get("scenarios").get("current").get("revenue").asText());
        assertTrue(j.get("scenarios").get("benchmark").isNull());
        assertTrue(j.get("scenarios").get("optimized").isNull());
        assertEquals("no benchmark pack chosen", j.get("scenarios").get("reasons").get("benchmark").asText());
        assertEquals("12.0495", j.get("leverage").get("levers").get("conversion_rate").get("revenue_added").asText());
        assertTrue(j.get("leverage").get("headroom").get("conversion_rate").isNull());
        assertEquals("undetermined", j.get("leverage").get("verdict").get("code").asText());

        JsonNode u = analyze(shop, "--uplift", "10%", "--format", "json").assertOk().json();
        assertEquals("uplift", u.get("scenarios").get("optimized").get("from").asText());
        assertEquals("127.0445", u.get("scenarios").get("optimized").get("revenue").asText()); // 115.495 x 1.1
        JsonNode t = analyze(shop, "--target-rps", "25", "--format", "json").assertOk().json();
        assertEquals("125.00", t.get("scenarios").get("optimized").get("revenue").asText());
        assertEquals("9.505", t.get("scenarios").get("optimized").get("difference").asText());
    }

    // ---- table and CSV ----

    @Test
    void tableHasTheSections() {
        String out = analyze(shop, "--pack", "test-pack", "--segment", "shop").assertOk().out();
        assertContains(out, "Revenue per session             $23.10", "Rating against test-pack 1.0, segment shop",
                "is at or above the median (p50) USD 2.00", "Scenarios at 5 sessions", "benchmark  $2.00 per session   revenue $10.00",
                "Leverage at 5 sessions", "conversion    +$12.05", "Headroom: order value $40.16 vs benchmark $100.00 (mean): reaching it adds +$179.50",
                "Verdict: Sessions are well monetized", "Visitors: Revenue per visitor USD 28.87");
        String plain = analyze(shop).assertOk().out();
        assertContains(plain, "Rating: no benchmark pack chosen", "Scenarios at 5 sessions", "Verdict: No comparable benchmark");
    }

    @Test
    void csvHasTheColumns() {
        Cli.Result r = analyze(shop, "--pack", "test-pack", "--segment", "shop", "--uplift", "10%", "--format", "csv").assertOk();
        List<String> header = Cli.csvHeader(r.out());
        assertEquals(BenchmarkCsv.COLUMNS, header.subList(header.size() - BenchmarkCsv.COLUMNS.size(), header.size()));
        assertTrue(header.contains("revenue_per_session") && header.contains("session_starts"), "the standard columns stay");
        Map<String, String> row = Cli.csv(r.out()).get(0);
        assertEquals("test-pack 1.0", row.get("rating_pack"));
        assertEquals("shop", row.get("rating_segment"));
        assertEquals("revenue_per_session", row.get("rating_metric"));
        assertEquals("STRONG", row.get("rating_label"));
        assertEquals("p50", row.get("rating_statistic"));
        assertEquals("2", row.get("rating_centre"));
        assertEquals("1.5", row.get("rating_low_bound"));
        assertEquals("V", row.get("rating_flag"));
        assertEquals("10.00", row.get("scenario_benchmark_revenue"));
        assertEquals("uplift", row.get("scenario_optimized_from"));
        assertEquals("127.0445", row.get("scenario_optimized_revenue"));
        assertEquals("12.0495", row.get("leverage_conversion_revenue_added"));
        assertEquals("11.5495", row.get("leverage_sessions_revenue_added"));
        assertEquals("volume", row.get("leverage_verdict"));
        assertEquals("0.2", row.get("leverage_repeat_session_dilution"));
        assertEquals("", row.get("change_revenue"), "no baseline");
        Map<String, String> noHeadline = Cli.csv(analyze(shop, "--pack", "test-pack", "--segment", "conversion-only", "--format", "csv")
                .assertOk().out()).get(0);
        assertEquals("", noHeadline.get("rating_label"));
        assertEquals("conversion-only", noHeadline.get("rating_segment"));
        assertEquals("the segment has no revenue_per_session or session_rpm figure", noHeadline.get("rating_reason"));

        Map<String, String> plain = Cli.csv(analyze(shop, "--format", "csv").assertOk().out()).get(0);
        assertEquals("", plain.get("rating_label"));
        assertEquals("", plain.get("scenario_benchmark_revenue"));
        assertEquals("115.495", plain.get("scenario_current_revenue"));
        assertEquals("undetermined", plain.get("leverage_verdict"));
    }

    // ---- pack errors ----

    @Test
    void anUnknownPackIsExitFourListingThePacks() {
        String m = analyze(shop, "--pack", "no-such-pack", "--segment", "shop").assertFailed(ExitCode.PLUGIN).message();
        assertContains(m, "Unknown benchmark pack 'no-such-pack'", "test-pack");
    }

    @Test
    void anUnknownSegmentIsExitTwoListingTheSegments() {
        String m = analyze(shop, "--pack", "test-pack", "--segment", "uk").assertFailed(ExitCode.USAGE).message();
        assertContains(m, "has no segment 'uk'", "shop, mean-only, gbp, users, definition, conversion-only");
        analyze(shop, "--segment", "shop").assertFailed(ExitCode.USAGE);
        analyze(shop, "--uplift", "x").assertFailed(ExitCode.USAGE);
    }

    @Test
    void aPackWithOneSegmentNeedsNoSegment() {
        io.persession.spi.BenchmarkPack full = new TestBenchmarkPackProvider().pack();
        io.persession.spi.BenchmarkPack one = new io.persession.spi.BenchmarkPack() {
            @Override
            public String id() {
                return "one-segment";
            }

            @Override
            public String version() {
                return "1";
            }

            @Override
            public String vendor() {
                return "tests";
            }

            @Override
            public String title() {
                return "one segment";
            }

            @Override
            public List<io.persession.spi.BenchmarkEntry> entries() {
                return full.entries().stream().filter(e -> e.segment().equals("shop")).collect(java.util.stream.Collectors.toList());
            }
        };
        PackArgs args = new PackArgs();
        args.pack = "one-segment";
        PackArgs.Choice c = args.choose(id -> one);
        assertEquals("shop", c.segment());
        assertEquals(one, c.pack());
        assertTrue(c.target() == null);
        args.pack = "test-pack";
        assertContains(org.junit.jupiter.api.Assertions.assertThrows(UsageException.class, () -> args.choose(id -> full)).getMessage(),
                "--pack test-pack needs --segment: its segments are shop, mean-only, gbp, users, definition, conversion-only");
        args.segment = " shop ";
        assertEquals("shop", args.choose(id -> full).segment(), "trimmed");
        args.pack = null;
        args.segment = null;
        PackArgs.Choice none = args.choose(id -> {
            throw new AssertionError("no pack is loaded without --pack");
        });
        assertTrue(none.pack() == null && none.segment() == null);
        assertTrue(none.insights(io.persession.engine.Figures.builder(5, BigDecimal.TEN).build()).ratings().isEmpty());
    }

    @Test
    void withoutSessionsNothingIsRatedOrScaledAndNothingBreaks() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.csv"), "timestamp,visitor_id,event\n");
        JsonNode j = analyze(empty, "--pack", "test-pack", "--segment", "shop", "--uplift", "5%", "--format", "json").assertOk().json();
        assertTrue(j.get("rating").get("label").isNull());
        assertContains(j.get("rating").get("reason").asText(), "no currency");
        assertTrue(j.get("rating").get("metrics").get("conversion_rate").get("label").isNull());
        assertContains(j.get("rating").get("metrics").get("conversion_rate").get("reason").asText(), "undefined (no sessions)");
        assertTrue(j.get("scenarios").get("current").get("revenue_per_session").isNull());
        assertEquals("no sessions: nothing to scale", j.get("scenarios").get("reasons").get("optimized").asText());
        assertEquals("undetermined", j.get("leverage").get("verdict").get("code").asText());
        assertTrue(j.get("leverage").get("levers").get("sessions").isNull());
        String table = analyze(empty, "--pack", "test-pack", "--segment", "shop").assertOk().out();
        assertFalse(table.contains("NaN"), table);
        assertContains(table, "Verdict: No sessions: there is nothing to lever.");
        analyze(empty, "--format", "csv").assertOk();
    }

    @Test
    void aCurrencyMismatchIsAReasonNotALabel() {
        JsonNode j = analyze(shop, "--pack", "test-pack", "--segment", "gbp", "--format", "json").assertOk().json();
        assertTrue(j.get("rating").get("label").isNull());
        assertContains(j.get("rating").get("reason").asText(), "GBP", "USD");
    }

    // ---- --baseline ----

    private Path write(String name, String rows) throws IOException {
        return Files.writeString(dir.resolve(name), HEADER + rows);
    }

    private Path before() throws IOException {
        // 3 sessions; a buys 50.00 (1 converting session, 1 order)
        return write("before.csv", ""
                + "2026-03-01T10:00:00Z,a,pageview,,,b1,\n"
                + "2026-03-01T10:05:00Z,a,purchase,50.00,USD,b2,o1\n"
                + "2026-03-01T11:00:00Z,b,pageview,,,b3,\n"
                + "2026-03-01T12:00:00Z,c,pageview,,,b4,\n");
    }

    private Path after() throws IOException {
        // 5 sessions; a buys 60.00 and 40.00 in one session, b buys 30.00; e is refunded 5.00: net 125.00
        return write("after.csv", ""
                + "2026-03-08T10:00:00Z,a,pageview,,,e1,\n"
                + "2026-03-08T10:05:00Z,a,purchase,60.00,USD,e2,o2\n"
                + "2026-03-08T10:06:00Z,a,purchase,40.00,USD,e3,o3\n"
                + "2026-03-08T11:00:00Z,b,pageview,,,e4,\n"
                + "2026-03-08T11:01:00Z,b,purchase,30.00,USD,e5,o4\n"
                + "2026-03-08T12:00:00Z,c,pageview,,,e6,\n"
                + "2026-03-08T13:00:00Z,d,pageview,,,e7,\n"
                + "2026-03-08T14:00:00Z,e,refund,5.00,USD,e8,\n");
    }

    @Test
    void baselineDecompositionAddsUpToTheRevenueChangeToTheCent() throws IOException {
        JsonNode j = analyze(after(), "--baseline", before().toString(), "--format", "json").assertOk().json();
        JsonNode c = j.get("change");
        assertEquals("LMDI-I (additive log-mean Divisia index)", c.get("method").asText());
        assertEquals("USD", c.get("currency").asText());
        assertEquals("75.00", c.get("revenue_change").asText());                 // 125.00 - 50.00
        assertEquals(0, dec(c.get("revenue_change")).compareTo(dec(j.get("totals").get("revenue")).subtract(dec(c.get("baseline").get("revenue")))));
        BigDecimal sum = BigDecimal.ZERO;
        List<String> parts = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = c.get("parts").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            parts.add(e.getKey());
            sum = sum.add(dec(e.getValue()));
        }
        assertEquals(List.of("sessions", "conversion_rate", "orders_per_converting_session", "average_order_value", "ad_revenue", "refunds"), parts);
        assertEquals(0, sum.compareTo(dec(c.get("revenue_change"))), "the parts add up exactly: " + c.get("parts"));
        assertEquals("-5.00", c.get("parts").get("refunds").asText());
        assertEquals("0.00", c.get("parts").get("ad_revenue").asText());
        // L(130, 50) x ln(5/3) for sessions
        double w = 80 / Math.log(130.0 / 50);
        assertEquals(w * Math.log(5.0 / 3), dec(c.get("parts").get("sessions")).doubleValue(), 1e-5);
        assertEquals(3, c.get("baseline").get("sessions").asLong());
        assertEquals(5, c.get("current").get("sessions").asLong());
        assertEquals("before.csv", c.get("baseline").get("files").get(0).asText());
        assertEquals(4, c.get("baseline").get("rows").asLong());
        assertNumber("0.333333", c.get("factors").get("conversion_rate").get("baseline"), "baseline conversion");
        assertNumber("0.4", c.get("factors").get("conversion_rate").get("current"), "current conversion");
        assertEquals("50.00", c.get("factors").get("average_order_value").get("baseline").asText());
        assertTrue(c.get("baseline").get("rejects_file").isTextual(), "an explicit --rejects: the baseline's rejects are written too");

        String table = analyze(after(), "--baseline", before().toString()).assertOk().out();
        assertContains(table, "Change from the baseline (before.csv), LMDI-I", "revenue $50.00 -> $125.00: +$75.00",
                "refunds                         -$5.00");
        BigDecimal shown = BigDecimal.ZERO;
        for (String line : table.split("\\R")) {
            if (line.matches("    [a-z ]+\\s+[+-]\\$[0-9.,]+")) {
                shown = shown.add(new BigDecimal(line.replaceAll(".*([+-])\\$([0-9.,]+)$", "$1$2").replace(",", "")));
            }
        }
        assertEquals(0, new BigDecimal("75.00").compareTo(shown), "the table's parts add up to the cent:\n" + table);

        Map<String, String> row = Cli.csv(analyze(after(), "--baseline", before().toString(), "--format", "csv").assertOk().out()).get(0);
        assertEquals("75.00", row.get("change_revenue"));
        BigDecimal csvSum = BigDecimal.ZERO;
        for (String p : parts) {
            csvSum = csvSum.add(new BigDecimal(row.get("change_" + p)));
        }
        assertEquals(0, csvSum.compareTo(new BigDecimal("75.00")));
    }

    @Test
    void baselineOnRandomLogsAddsUpExactly() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 5; round++) {
            Path b = write("b" + round + ".csv", randomLog(random, "2026-03-01"));
            Path a = write("a" + round + ".csv", randomLog(random, "2026-03-08"));
            JsonNode j = analyze(a, "--baseline", b.toString(), "--format", "json").assertOk().json();
            JsonNode c = j.get("change");
            BigDecimal sum = BigDecimal.ZERO;
            for (JsonNode p : c.get("parts")) {
                sum = sum.add(dec(p));
            }
            assertEquals(0, sum.compareTo(dec(c.get("revenue_change"))), c.toString());
            assertEquals(0, dec(c.get("revenue_change")).compareTo(dec(j.get("totals").get("revenue")).subtract(dec(c.get("baseline").get("revenue")))));
        }
    }

    private static String randomLog(SplittableRandom r, String day) {
        StringBuilder b = new StringBuilder();
        int visitors = 5 + r.nextInt(30);
        int id = 0;
        for (int v = 0; v < visitors; v++) {
            int minute = r.nextInt(600);
            b.append(String.format("%sT%02d:%02d:00Z,v%d,pageview,,,x%d,%n", day, minute / 60, minute % 60, v, id++));
            if (r.nextInt(3) == 0) {
                String amount = r.nextInt(10_000) + "." + String.format("%02d", r.nextInt(100));
                b.append(String.format("%sT%02d:%02d:30Z,v%d,purchase,%s,EUR,x%d,o%d%n", day, minute / 60, minute % 60, v, amount, id, id));
                id++;
            }
        }
        return b.toString();
    }

    @Test
    void aBaselineWithoutOrdersIsExplained() throws IOException {
        Path none = write("none.csv", "2026-03-01T10:00:00Z,a,pageview,,,n1,\n2026-03-01T11:00:00Z,b,pageview,,,n2,\n");
        JsonNode c = analyze(after(), "--baseline", none.toString(), "--format", "json").assertOk().json().get("change");
        assertEquals("130.00", c.get("parts").get("conversion_rate").asText(), "conversion went from 0: it takes the whole purchase change");
        assertEquals("0.00", c.get("parts").get("sessions").asText());
        assertContains(c.get("notes").get(0).asText(), "No purchase revenue in the baseline", "no converting session", "Ang and Liu 2007");
        assertTrue(c.get("factors").get("average_order_value").get("baseline").isNull(), "undefined, never NaN");
    }

    @Test
    void baselineRejectsGoNextToTheRejectsFile() throws IOException {
        Path bad = write("bad-before.csv", "2026-03-01T10:00:00Z,a,pageview,,,r1,\nnot-a-time,b,pageview,,,r2,\n"
                + "2026-03-01T10:05:00Z,a,purchase,50.00,USD,r3,o1\n");
        JsonNode c = analyze(after(), "--baseline", bad.toString(), "--max-rejects", "1", "--format", "json").assertOk().json().get("change");
        Path baselineRejects = dir.resolve("rejects-baseline.csv");
        assertEquals(baselineRejects.toString(), c.get("baseline").get("rejects_file").asText());
        assertEquals(1, c.get("baseline").get("rejected").asLong());
        assertTrue(Cli.read(baselineRejects).contains("not-a-time"), Cli.read(baselineRejects));
        assertFalse(Cli.read(rejects).contains("not-a-time"), "the current period's rejects are its own");
        assertEquals(dir.resolve("x-baseline.csv"), InputArgs.withSuffix(dir.resolve("x.csv"), "-baseline"));
        assertEquals(dir.resolve("x-baseline"), InputArgs.withSuffix(dir.resolve("x"), "-baseline"));
    }

    @Test
    void aBaselineInAnotherCurrencyIsAnInputError() throws IOException {
        Path eur = write("eur.csv", "2026-03-01T10:05:00Z,a,purchase,50.00,EUR,z1,o1\n");
        String m = analyze(after(), "--baseline", eur.toString()).assertFailed(ExitCode.INPUT).message();
        assertContains(m, "baseline is in EUR", "current period in USD");
    }

    @Test
    void theBaselineIsReadWithTheSameDefinitionAndOptions() throws IOException {
        // with a 2-hour timeout, a's two visits in the baseline are one session
        Path b = write("two-visits.csv", "2026-03-01T10:00:00Z,a,pageview,,,t1,\n2026-03-01T11:00:00Z,a,pageview,,,t2,\n");
        JsonNode c = analyze(after(), "--baseline", b.toString(), "--option", "timeout=2h", "--format", "json").assertOk().json().get("change");
        assertEquals(1, c.get("baseline").get("sessions").asLong());
        JsonNode d = analyze(after(), "--baseline", b.toString(), "--format", "json").assertOk().json().get("change");
        assertEquals(2, d.get("baseline").get("sessions").asLong());
    }
}

package io.persession.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.persession.cli.Cli.assertNumber;
import static io.persession.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code persession calc}: the numbers, the rating against {@code test-pack}, scenarios, leverage, and every input error (exit 2). */
class CalcCommandTest {

    private static Cli.Result calc(String... more) {
        List<String> args = new ArrayList<>(List.of("calc"));
        args.addAll(List.of(more));
        return run(args.toArray(new String[0]));
    }

    private static void assertContains(String text, String... parts) {
        for (String p : parts) {
            assertTrue(text.contains(p), "'" + p + "' not in:\n" + text);
        }
    }

    // ---- the numbers ----

    @Test
    void revenuePerSessionAndSessionRpmFromTwoNumbers() {
        String out = calc("--revenue", "12000", "--sessions", "5000").assertOk().out();
        assertTrue(out.matches("(?s)Revenue per session\\s+2\\.40\\R.*"), out);         // 12000 / 5000
        assertTrue(out.matches("(?s).*\\RSession RPM\\s+2,400\\.00\\R.*"), out);        // x 1000
        assertContains(out, "Page RPM                        n/a (give --pageviews)", "Conversion rate                 n/a (give --orders or --converting-sessions)",
                "Average order value             n/a (give --orders)", "Revenue per visitor             n/a (give --visitors)",
                "From revenue 12,000.00 over 5,000 sessions.");
        // without a pack: no rating, the current scenario, the sessions lever, no verdict on monetization
        assertContains(out, "Rating: no benchmark pack chosen", "Scenarios at 5,000 sessions", "current    2.40 per session   revenue 12,000.00",
                "benchmark  n/a: no benchmark pack chosen", "Leverage at 5,000 sessions", "sessions      +1,200.00   (5,000 -> 5,500)",
                "Verdict: No comparable benchmark");

        JsonNode j = calc("--revenue", "12000", "--sessions", "5000", "--format", "json").assertOk().json();
        List<String> keys = new ArrayList<>();
        j.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("inputs", "assumptions", "metrics", "rating", "scenarios", "leverage"), keys);
        assertNumber("2.40", j.get("metrics").get("revenue_per_session"), "revenue_per_session");
        assertNumber("2400", j.get("metrics").get("session_rpm"), "session_rpm");
        assertTrue(j.get("metrics").get("page_rpm").isNull());
        assertEquals("12000.00", j.get("inputs").get("revenue").asText());
        assertEquals(5000, j.get("inputs").get("sessions").asLong());
        assertTrue(j.get("rating").isNull(), "no pack, no rating: " + j);
        assertEquals("2.40", j.get("scenarios").get("current").get("revenue_per_session").asText());
        assertTrue(j.get("scenarios").get("benchmark").isNull());
        assertEquals("1200.00", j.get("leverage").get("levers").get("sessions").get("revenue_added").asText());
        assertTrue(j.get("leverage").get("levers").get("conversion_rate").isNull());
        assertEquals("undetermined", j.get("leverage").get("verdict").get("code").asText());
    }

    @Test
    void everyMetricTheInputsAllow() {
        JsonNode j = calc("--revenue", "12000", "--sessions", "5000", "--orders", "100", "--pageviews", "20000", "--visitors", "4000",
                "--currency", "usd", "--format", "json").assertOk().json();
        JsonNode m = j.get("metrics");
        assertNumber("600", m.get("page_rpm"), "page_rpm");                    // 12000 / 20000 x 1000
        assertNumber("0.02", m.get("conversion_rate"), "conversion_rate");     // 100 orders as converting sessions / 5000
        assertNumber("120", m.get("average_order_value"), "average_order_value");
        assertNumber("3", m.get("revenue_per_visitor"), "revenue_per_visitor");
        assertNumber("1", m.get("orders_per_converting_session"), "orders_per_converting_session");
        assertNumber("4", m.get("pages_per_session"), "pages_per_session");
        assertNumber("1.25", m.get("sessions_per_visitor"), "sessions_per_visitor");
        assertEquals("USD", j.get("inputs").get("currency").asText(), "the code is upper-cased");
        assertEquals(2, j.get("assumptions").size(), j.get("assumptions").toString());
        assertContains(j.get("assumptions").get(0).asText(), "each order counts as one converting session");
        // leverage: +10% conversion and +10% order value each add 10% of order revenue; the visitor basis
        JsonNode l = j.get("leverage");
        assertEquals("1200.00", l.get("levers").get("conversion_rate").get("revenue_added").asText());
        assertEquals("1200.00", l.get("levers").get("average_order_value").get("revenue_added").asText());
        assertEquals("120.00", l.get("levers").get("average_order_value").get("from").asText());
        assertNumber("0.02", l.get("levers").get("conversion_rate").get("from"), "conversion from");
        assertNumber("0.2", l.get("visitor_basis").get("dilution"), "1 - 4000/5000");
        assertEquals("3.00", l.get("visitor_basis").get("revenue_per_visitor").asText());

        String table = calc("--revenue", "12000", "--sessions", "5000", "--orders", "100", "--pageviews", "20000", "--visitors", "4000",
                "--currency", "USD").assertOk().out();
        assertContains(table, "Revenue per session             $2.40", "Session RPM                     $2,400.00",
                "Page RPM                        $600.00", "Conversion rate                 2.00%", "Average order value             $120.00",
                "Revenue per visitor             $3.00", "Assumed: each order counts as one converting session",
                "Visitors: Revenue per visitor USD 3.00 vs revenue per session USD 2.40");
    }

    @Test
    void ordersMayExceedConvertingSessionsAndEvenSessions() {
        JsonNode j = calc("--revenue", "1200", "--sessions", "10", "--orders", "12", "--converting-sessions", "5", "--format", "json")
                .assertOk().json();
        assertNumber("0.5", j.get("metrics").get("conversion_rate"), "conversion_rate");
        assertNumber("2.4", j.get("metrics").get("orders_per_converting_session"), "orders_per_converting_session");
        assertEquals(1, j.get("assumptions").size(), "no assumption about converting sessions when given");
    }

    @Test
    void zeroPageviewsIsUndefinedNotAnError() {
        String out = calc("--revenue", "10", "--sessions", "5", "--pageviews", "0").assertOk().out();
        assertContains(out, "Page RPM                        n/a (no pageviews)");
    }

    // ---- with a pack ----

    @Test
    void ratedAgainstAPackWithScenariosAndHeadroom() {
        JsonNode j = calc("--revenue", "12000", "--sessions", "5000", "--orders", "100", "--currency", "USD", "--pack", "test-pack",
                "--segment", "shop", "--format", "json").assertOk().json();
        JsonNode r = j.get("rating");
        assertEquals("test-pack", r.get("pack").get("id").asText());
        assertEquals("1.0", r.get("pack").get("version").asText());
        assertEquals("shop", r.get("segment").asText());
        assertEquals("revenue_per_session", r.get("headline_metric").asText());
        assertEquals("STRONG", r.get("label").asText(), "2.40 >= the median 2.00");
        JsonNode rps = r.get("metrics").get("revenue_per_session");
        assertEquals("STRONG", rps.get("label").asText());
        assertEquals("p50", rps.get("statistic").asText());
        assertNumber("2", rps.get("centre"), "centre");
        assertNumber("1.5", rps.get("low_bound"), "low_bound");
        assertEquals("p25", rps.get("low_bound_rule").asText());
        assertEquals("2026", rps.get("period").asText());
        assertEquals("Test figures", rps.get("source").get("title").asText());
        assertEquals("persession tests", rps.get("source").get("publisher").asText());
        assertEquals("https://example.org/test-pack", rps.get("source").get("url").asText());
        assertEquals("V", rps.get("verification").get("flag").asText());
        assertEquals("verified in the source", rps.get("verification").get("label").asText());
        assertEquals("made up", rps.get("sample").asText());
        assertEquals("2026-11-22", rps.get("retrieved").asText());
        assertEquals("USD", rps.get("currency").asText());
        assertEquals("figure", rps.get("kind").asText());
        assertNumber("3", rps.get("statistics").get("p75"), "p75");
        JsonNode cr = r.get("metrics").get("conversion_rate");
        assertEquals("LOW", cr.get("label").asText(), "2% < 0.75 x 3%");
        assertTrue(cr.get("derived_band").asBoolean());

        JsonNode s = j.get("scenarios");
        assertEquals("p50", s.get("benchmark").get("from").asText());
        assertEquals("10000.00", s.get("benchmark").get("revenue").asText());    // 2.00 x 5000
        assertEquals("-2000.00", s.get("benchmark").get("difference").asText());
        assertEquals("p75", s.get("optimized").get("from").asText());
        assertEquals("15000.00", s.get("optimized").get("revenue").asText());    // 3.00 x 5000
        assertEquals("3000.00", s.get("optimized").get("difference").asText());

        JsonNode h = j.get("leverage").get("headroom").get("conversion_rate");
        assertNumber("0.03", h.get("benchmark"), "benchmark conversion");
        assertEquals("18000.00", h.get("revenue_at_benchmark").asText());         // 12000 x 0.03 / 0.02
        assertEquals("6000.00", h.get("revenue_added").asText());
        assertEquals("volume", j.get("leverage").get("verdict").get("code").asText(), "revenue per session is Strong");

        String table = calc("--revenue", "12000", "--sessions", "5000", "--currency", "USD", "--pack", "test-pack", "--segment", "shop")
                .assertOk().out();
        assertContains(table, "Rating against test-pack 1.0, segment shop", "Revenue per session             $2.40          Strong",
                "is at or above the median (p50) USD 2.00", "source: Test figures, persession tests, 2026, https://example.org/test-pack",
                "V: verified in the source", "benchmark  $2.00 per session   revenue $10,000.00   -$2,000.00",
                "optimized  $3.00 per session   revenue $15,000.00   +$3,000.00   (the benchmark p75)", "Verdict: Sessions are well monetized");
    }

    @Test
    void aTargetOrAnUpliftIsTheOptimizedScenario() {
        JsonNode t = calc("--revenue", "12000", "--sessions", "5000", "--target-rps", "2.55", "--format", "json").assertOk().json();
        assertEquals("target", t.get("scenarios").get("optimized").get("from").asText());
        assertEquals("12750.00", t.get("scenarios").get("optimized").get("revenue").asText());
        assertEquals("750.00", t.get("scenarios").get("optimized").get("difference").asText());
        for (String uplift : List.of("15%", "15")) {
            JsonNode u = calc("--revenue", "12000", "--sessions", "5000", "--uplift", uplift, "--format", "json").assertOk().json();
            assertEquals("uplift", u.get("scenarios").get("optimized").get("from").asText());
            assertEquals("2.76", u.get("scenarios").get("optimized").get("revenue_per_session").asText());
            assertEquals("13800.00", u.get("scenarios").get("optimized").get("revenue").asText());
            assertEquals("1800.00", u.get("scenarios").get("optimized").get("difference").asText());
        }
        JsonNode withPack = calc("--revenue", "12000", "--sessions", "5000", "--currency", "USD", "--pack", "test-pack", "--segment", "shop",
                "--uplift", "15%", "--format", "json").assertOk().json();
        assertEquals("uplift", withPack.get("scenarios").get("optimized").get("from").asText(), "the user's uplift replaces the p75");
    }

    @Test
    void aMeanCentreAndUnverifiedDataAreSpelledOut() {
        JsonNode j = calc("--revenue", "9000", "--sessions", "5000", "--currency", "USD", "--pack", "test-pack", "--segment", "mean-only",
                "--format", "json").assertOk().json();
        JsonNode rps = j.get("rating").get("metrics").get("revenue_per_session");
        assertEquals("AVERAGE", rps.get("label").asText(), "1.80 is below the mean 2.00 but at or above 0.75 x 2.00");
        assertEquals("Average (derived band; centre is a mean)", rps.get("label_text").asText());
        assertEquals("mean", rps.get("statistic").asText());
        assertTrue(rps.get("centre_is_mean").asBoolean());
        assertEquals("derived band 0.75 x mean", rps.get("low_bound_rule").asText());
        assertEquals("Data not yet verified", rps.get("verification").get("label").asText());
        assertTrue(rps.get("caveats").toString().contains("Data not yet verified"), rps.toString());
        assertEquals("mean", j.get("scenarios").get("benchmark").get("from").asText());
        String table = calc("--revenue", "9000", "--sessions", "5000", "--currency", "USD", "--pack", "test-pack", "--segment", "mean-only")
                .assertOk().out();
        assertContains(table, "Average (derived band; centre is a mean)", "note: Data not yet verified", "U: Data not yet verified");
    }

    @Test
    void aCurrencyOrBasisMismatchGivesTheReasonNotALabel() {
        JsonNode gbp = calc("--revenue", "12000", "--sessions", "5000", "--currency", "USD", "--pack", "test-pack", "--segment", "gbp",
                "--format", "json").assertOk().json();
        assertTrue(gbp.get("rating").get("label").isNull());
        assertContains(gbp.get("rating").get("reason").asText(), "GBP", "USD", "never compares across currencies");
        assertTrue(gbp.get("scenarios").get("benchmark").isNull());
        assertContains(gbp.get("scenarios").get("reasons").get("benchmark").asText(), "GBP");

        JsonNode none = calc("--revenue", "12000", "--sessions", "5000", "--pack", "test-pack", "--segment", "shop", "--format", "json")
                .assertOk().json();
        assertContains(none.get("rating").get("reason").asText(), "no currency", "--currency USD");

        JsonNode users = calc("--revenue", "12000", "--sessions", "5000", "--currency", "USD", "--pack", "test-pack", "--segment", "users",
                "--format", "json").assertOk().json();
        assertTrue(users.get("rating").get("label").isNull());
        assertContains(users.get("rating").get("reason").asText(), "per user", "not comparable");

        JsonNode definition = calc("--revenue", "12000", "--sessions", "5000", "--currency", "USD", "--pack", "test-pack", "--segment",
                "definition", "--format", "json").assertOk().json();
        JsonNode rpm = definition.get("rating").get("metrics").get("session_rpm");
        assertTrue(rpm.get("label").isNull());
        assertEquals("definition", rpm.get("kind").asText());
        assertContains(rpm.get("reason").asText(), "earnings / sessions x 1000", "no median is published");
    }

    @Test
    void aSegmentWithoutRevenuePerSessionHasNoHeadlineButItsOtherRatings() {
        JsonNode j = calc("--revenue", "12000", "--sessions", "5000", "--orders", "200", "--currency", "USD", "--pack", "test-pack",
                "--segment", "conversion-only", "--format", "json").assertOk().json();
        assertTrue(j.get("rating").get("headline_metric").isNull());
        assertTrue(j.get("rating").get("label").isNull());
        assertEquals("the segment has no revenue_per_session or session_rpm figure", j.get("rating").get("reason").asText());
        assertEquals("STRONG", j.get("rating").get("metrics").get("conversion_rate").get("label").asText(), "4% >= 3%");
        assertContains(j.get("scenarios").get("reasons").get("benchmark").asText(), "no revenue_per_session or session_rpm figure");
        assertEquals("volume", j.get("leverage").get("verdict").get("code").asText(), "conversion at or above its benchmark");
    }

    // ---- errors: one line, exit 2 (an unknown pack: exit 4) ----

    static Stream<List<String>> usageErrors() {
        return Stream.of(
                List.of("--revenue", "12000", "--sessions", "0"),
                List.of("--revenue", "12000", "--sessions", "-5"),
                List.of("--revenue", "12000", "--sessions", "abc"),
                List.of("--revenue", "12000", "--sessions", "5000.5"),
                List.of("--revenue", "-1", "--sessions", "5000"),
                List.of("--revenue", "abc", "--sessions", "5000"),
                List.of("--revenue", "1e5", "--sessions", "5000"),
                List.of("--revenue", "1.0000001", "--sessions", "5000"),
                List.of("--revenue", "12000", "--sessions", "5000", "--orders", "5001"),
                List.of("--revenue", "12000", "--sessions", "5000", "--orders", "-1"),
                List.of("--revenue", "12000", "--sessions", "5000", "--orders", "0"),
                List.of("--revenue", "12000", "--sessions", "5000", "--converting-sessions", "5001"),
                List.of("--revenue", "12000", "--sessions", "5000", "--orders", "10", "--converting-sessions", "11"),
                List.of("--revenue", "12000", "--sessions", "5000", "--orders", "10", "--converting-sessions", "0"),
                List.of("--revenue", "12000", "--sessions", "5000", "--visitors", "5001"),
                List.of("--revenue", "12000", "--sessions", "5000", "--visitors", "0"),
                List.of("--revenue", "12000", "--sessions", "5000", "--pageviews", "many"),
                List.of("--revenue", "12000", "--sessions", "5000", "--currency", "XYZ1"),
                List.of("--revenue", "12000", "--sessions", "5000", "--target-rps", "abc"),
                List.of("--revenue", "12000", "--sessions", "5000", "--target-rps", "-1"),
                List.of("--revenue", "12000", "--sessions", "5000", "--uplift", "abc%"),
                List.of("--revenue", "12000", "--sessions", "5000", "--uplift", "0%"),
                List.of("--revenue", "12000", "--sessions", "5000", "--uplift", "15%", "--target-rps", "3"),
                List.of("--revenue", "12000", "--sessions", "5000", "--segment", "shop"),
                List.of("--revenue", "12000", "--sessions", "5000", "--pack", "test-pack"),
                List.of("--revenue", "12000", "--sessions", "5000", "--pack", "test-pack", "--segment", "nope"),
                List.of("--revenue", "12000", "--sessions", "5000", "--format", "csv"),
                List.of("--sessions", "5000"),
                List.of("--revenue", "12000"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("usageErrors")
    void everyInputErrorIsOneLineAndExitTwo(List<String> args) {
        String m = calc(args.toArray(new String[0])).assertFailed(ExitCode.USAGE).message();
        assertFalse(m.contains("Exception"), m);
    }

    @Test
    void theMessagesSayWhatIsWrong() {
        assertContains(calc("--revenue", "12000", "--sessions", "0").assertFailed(ExitCode.USAGE).message(),
                "--sessions 0", "at least 1 session");
        assertContains(calc("--revenue", "-1", "--sessions", "5").assertFailed(ExitCode.USAGE).message(), "--revenue -1 is negative");
        assertContains(calc("--revenue", "abc", "--sessions", "5").assertFailed(ExitCode.USAGE).message(),
                "--revenue 'abc' is not a number", "e.g. --revenue 12000.50");
        assertContains(calc("--revenue", "1", "--sessions", "x").assertFailed(ExitCode.USAGE).message(), "--sessions 'x' is not a whole number");
        assertContains(calc("--revenue", "1", "--sessions", "5", "--orders", "6").assertFailed(ExitCode.USAGE).message(),
                "--orders 6 is more than --sessions 5", "give --converting-sessions");
        assertContains(calc("--revenue", "1", "--sessions", "5", "--converting-sessions", "6").assertFailed(ExitCode.USAGE).message(),
                "--converting-sessions 6 is more than --sessions 5");
        assertContains(calc("--revenue", "1", "--sessions", "5", "--orders", "2", "--converting-sessions", "3")
                .assertFailed(ExitCode.USAGE).message(), "every converting session has at least one order");
        assertContains(calc("--revenue", "1", "--sessions", "5", "--visitors", "6").assertFailed(ExitCode.USAGE).message(),
                "every visitor has at least one session");
        assertContains(calc("--revenue", "1", "--sessions", "5", "--uplift", "1", "--target-rps", "1").assertFailed(ExitCode.USAGE).message(),
                "give --target-rps or --uplift, not both");
        assertContains(calc("--revenue", "1", "--sessions", "5", "--pack", "test-pack", "--segment", "nope").assertFailed(ExitCode.USAGE).message(),
                "benchmark pack 'test-pack' has no segment 'nope'", "its segments: shop, mean-only, gbp, users, definition, conversion-only");
        assertContains(calc("--revenue", "1", "--sessions", "5", "--pack", "test-pack").assertFailed(ExitCode.USAGE).message(),
                "--pack test-pack needs --segment", "shop, mean-only");
        assertContains(calc("--revenue", "1", "--sessions", "5", "--segment", "shop").assertFailed(ExitCode.USAGE).message(),
                "--segment shop needs --pack");
    }

    @Test
    void anUnknownPackIsAPluginErrorListingThePacks() {
        String m = calc("--revenue", "1", "--sessions", "5", "--pack", "test-pak", "--segment", "shop").assertFailed(ExitCode.PLUGIN).message();
        assertContains(m, "Unknown benchmark pack 'test-pak'", "test-pack");
    }
}

package io.persession.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.persession.cli.Cli.assertNumber;
import static io.persession.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code persession compare} on the hand-computed small shop ({@code src/test/resources/cli/small-shop.csv},
 * see {@link CliCommandsTest}): under {@code timeout} 5 sessions, under {@code ua} in Los Angeles 7 (carol
 * crosses midnight, dan arrives from a campaign); revenue USD 115.495 and 8 pageviews either way.
 */
class CompareCommandTest {
    @TempDir
    Path dir;

    Path shop;
    Path rejects;

    @BeforeEach
    void files() {
        shop = Cli.resource("small-shop.csv", dir);
        rejects = dir.resolve("rejects.csv");
    }

    private Cli.Result compare(String... more) {
        return run(Cli.args(List.of("compare", shop.toString(), "--rejects", rejects.toString()), more));
    }

    @Test
    void jsonHasEveryDefinitionWithRawNumbersAndTheDifferenceToTheFirst() {
        JsonNode j = compare("--definitions", "timeout,ua,ga4", "--option", "zone=America/Los_Angeles", "--format", "json").assertOk().json();
        assertEquals("timeout", j.get("base").asText());
        assertEquals(14, j.get("input").get("rows").asLong(), "one read: each row counted once, not once per definition");
        assertEquals(2, j.get("input").get("duplicates").asLong());
        JsonNode defs = j.get("definitions");
        assertEquals(3, defs.size());
        JsonNode timeout = defs.get(0);
        JsonNode ua = defs.get(1);
        assertEquals("timeout", timeout.get("definition").get("id").asText());
        assertEquals(Map.of("timeout", "30m"), Map.of("timeout", timeout.get("definition").get("options").get("timeout").asText()));
        assertFalse(timeout.get("definition").get("options").has("zone"), "timeout has no zone option: not given one");
        assertEquals("America/Los_Angeles", ua.get("definition").get("options").get("zone").asText());

        assertEquals(5, timeout.get("totals").get("sessions").asLong());
        assertEquals(7, ua.get("totals").get("sessions").asLong());
        assertEquals("115.495", ua.get("totals").get("revenue").asText());
        assertNumber("23.099", timeout.get("metrics").get("revenue_per_session"), "timeout rps");
        assertNumber("16.499286", ua.get("metrics").get("revenue_per_session"), "ua rps");
        assertNumber("14436.875", ua.get("metrics").get("page_rpm"), "ua page rpm");
        assertEquals(Map.of("first", 4L, "timeout", 1L, "midnight", 1L, "campaign", 1L), starts(ua));
        assertEquals(Map.of("first", 4L, "timeout", 1L), starts(timeout));

        JsonNode d = ua.get("difference");
        assertNumber("2", d.get("sessions").get("absolute"), "sessions +2");
        assertNumber("40", d.get("sessions").get("percent"), "sessions +40%");
        assertNumber("-6.599714", d.get("revenue_per_session").get("absolute"), "rps diff");
        assertNumber("-28.571427", d.get("revenue_per_session").get("percent"), "rps diff %");
        assertNumber("-6599.714286", d.get("session_rpm").get("absolute"), "session rpm diff");
        assertNumber("-28.571429", d.get("session_rpm").get("percent"), "session rpm diff %");
        assertNumber("0", d.get("page_rpm").get("absolute"), "page rpm does not depend on sessions");
        assertNumber("-0.457143", d.get("pages_per_session").get("absolute"), "pages per session diff");
        assertNumber("-28.571438", d.get("pages_per_session").get("percent"), "pages per session diff %");
        assertNumber("-0.114286", d.get("conversion_rate").get("absolute"), "conversion diff");
        assertNumber("-28.5715", d.get("conversion_rate").get("percent"), "conversion diff %");
        assertNumber("0", d.get("revenue").get("absolute"), "revenue is the same");
        assertNumber("0", timeout.get("difference").get("sessions").get("percent"), "the base against itself");
        assertNumber("0", defs.get(2).get("difference").get("sessions").get("absolute"), "ga4 cuts as timeout here");
    }

    @Test
    void tableShowsDefinitionsSideBySideWithTheDifferencesAndTheStartsByRule() {
        String out = compare("--definitions", "timeout,ua", "--option", "zone=America/Los_Angeles").assertOk().out();
        assertTrue(out.contains("14 rows = 12 accepted + 0 rejected + 2 duplicates; read once for 2 definitions"), out);
        assertTrue(out.contains("timeout  (timeout=30m)  <- the base of the differences"), out);
        assertTrue(out.matches("(?s).*\\nSessions\\s+5\\s+7\\n  vs timeout\\s+\\+2 \\(\\+40\\.00%\\)\\n.*"), out);
        assertTrue(out.matches("(?s).*\\nRevenue per session\\s+\\$23\\.10\\s+\\$16\\.50\\n  vs timeout\\s+-\\$6\\.60 \\(-28\\.57%\\)\\n.*"), out);
        assertTrue(out.matches("(?s).*\\nPage RPM\\s+\\$14,436\\.88\\s+\\$14,436\\.88\\n.*"), out);
        assertTrue(out.matches("(?s).*\\nPages per session\\s+1\\.60\\s+1\\.14\\n.*"), out);
        assertTrue(out.matches("(?s).*\\nConversion rate\\s+40\\.00%\\s+28\\.57%\\n  vs timeout\\s+-11\\.43 pp \\(-28\\.57%\\)\\n.*"), out);
        assertTrue(out.matches("(?s).*\\nSessions started by rule\\n  first\\s+4\\s+4\\n  campaign\\s+-\\s+1\\n  midnight\\s+-\\s+1\\n"
                + "  timeout\\s+1\\s+1\\n.*"), out);
        assertTrue(out.contains("Bot traffic  timeout   none flagged"), out);
    }

    @Test
    void csvIsOneRowPerDefinitionWithRawNumbers() {
        List<Map<String, String>> rows = Cli.csv(compare("--definitions", "timeout,ua", "--option", "ua.zone=America/Los_Angeles",
                "--format", "csv").assertOk().out());
        assertEquals(2, rows.size());
        Map<String, String> ua = rows.get(1);
        assertEquals("ua", ua.get("definition"));
        assertEquals("timeout", ua.get("base"));
        assertEquals("7", ua.get("sessions"));
        assertEquals("16.499286", ua.get("revenue_per_session"));
        assertEquals("16499.285714", ua.get("session_rpm"));
        assertEquals("14436.875", ua.get("page_rpm"));
        assertEquals("1.142857", ua.get("pages_per_session"));
        assertEquals("115.495", ua.get("revenue"));
        assertEquals("2", ua.get("sessions_diff"));
        assertEquals("40", ua.get("sessions_diff_pct"));
        assertEquals("-28.571427", ua.get("revenue_per_session_diff_pct"));
        assertEquals("1", ua.get("starts_midnight"));
        assertEquals("1", ua.get("starts_campaign"));
        assertEquals("1", ua.get("starts_timeout"));
        assertEquals("1", rows.get(0).get("starts_timeout"));
        assertEquals("0", rows.get(0).get("sessions_diff"));
        assertEquals("false", ua.get("bots_included"));
    }

    @Test
    void eachDefinitionGetsWhatAnalyzeGivesIt() {
        JsonNode j = compare("--definitions", "timeout,ua,matomo,adobe", "--option", "zone=America/Los_Angeles", "--format", "json")
                .assertOk().json();
        for (JsonNode d : j.get("definitions")) {
            String id = d.get("definition").get("id").asText();
            List<String> args = new ArrayList<>(List.of("analyze", shop.toString(), "--rejects", rejects.toString(), "-d", id, "--format", "json"));
            if (d.get("definition").get("options").has("zone")) {
                args.addAll(List.of("-o", "zone=America/Los_Angeles"));
            }
            JsonNode alone = run(args.toArray(new String[0])).assertOk().json();
            assertEquals(alone.get("definition"), d.get("definition"), id);
            assertEquals(alone.get("totals"), d.get("totals"), id);
            assertEquals(alone.get("metrics"), d.get("metrics"), id);
            assertEquals(alone.get("session_starts"), d.get("session_starts"), id);
        }
    }

    @Test
    void aRejectedRowIsReadAndRejectedOnceForAllDefinitions() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.csv"), Files.readString(shop) + "not-a-time,zed,pageview,,,,,,,,e99,\n");
        JsonNode j = run("compare", bad.toString(), "--rejects", rejects.toString(), "--definitions", "timeout,ga4,adobe,posthog",
                "--max-rejects", "5", "--format", "json").assertOk().json();
        assertEquals(15, j.get("input").get("rows").asLong());
        assertEquals(1, j.get("input").get("rejected").asLong());
        assertEquals(2, Cli.read(rejects).lines().count(), "the rejects file has its header and the row once: " + Cli.read(rejects));
    }

    @Test
    void defaultsAndBotFlags() throws IOException {
        JsonNode j = compare("--format", "json", "--option", "zone=UTC").assertOk().json();
        List<String> ids = new ArrayList<>();
        j.get("definitions").forEach(d -> ids.add(d.get("definition").get("id").asText()));
        assertEquals(List.of("timeout", "ga4", "ua", "matomo", "adobe"), ids);
        Path list = Files.writeString(dir.resolve("bots.txt"), "bob\n");
        JsonNode withList = compare("--definitions", "timeout,ua", "--bot-visitors", list.toString(), "--format", "json").assertOk().json();
        for (JsonNode d : withList.get("definitions")) {
            assertEquals(1, d.get("bots").get("by_reason").get("visitor-list:listed").get("sessions").asLong());
            assertEquals("100.505", d.get("bots").get("by_reason").get("visitor-list:listed").get("revenue").asText());
        }
    }

    @Test
    void badDefinitionsAndOptionsAreClearErrors() {
        String none = compare("--definitions", "timeout,ga4", "--option", "zone=Europe/Paris").assertFailed(ExitCode.USAGE).message();
        assertTrue(none.contains("'zone'") && none.contains("timeout: timeout") && none.contains("ga4: timeout"), none);
        String typo = compare("--definitions", "timeout,ua", "--option", "zoen=UTC").assertFailed(ExitCode.USAGE).message();
        assertTrue(typo.contains("'zoen'"), typo);
        String notAccepted = compare("--definitions", "timeout,ga4", "--option", "ga4.zone=UTC").assertFailed(ExitCode.USAGE).message();
        assertTrue(notAccepted.contains("'zone'") && notAccepted.contains("ga4"), notAccepted);
        String notChosen = compare("--definitions", "timeout", "--option", "ua.zone=UTC").assertFailed(ExitCode.USAGE).message();
        assertTrue(notChosen.contains("'ua' is not among the compared definitions"), notChosen);
        String badValue = compare("--definitions", "timeout,ua", "--option", "zone=Mars/Olympus").assertFailed(ExitCode.USAGE).message();
        assertTrue(badValue.contains("Mars/Olympus"), badValue);
        String twice = compare("--definitions", "timeout,timeout").assertFailed(ExitCode.USAGE).message();
        assertTrue(twice.contains("'timeout' twice"), twice);
        String malformed = compare("--option", "zone").assertFailed(ExitCode.USAGE).message();
        assertTrue(malformed.contains("NAME=VALUE"), malformed);
        String unknown = compare("--definitions", "timeout,uaa").assertFailed(ExitCode.PLUGIN).message();
        assertTrue(unknown.contains("Did you mean 'ua'?"), unknown);
    }

    @Test
    void listedInHelp() {
        assertTrue(run("--help").assertOk().out().contains("compare"));
        String help = run("compare", "--help").assertOk().out();
        for (String flag : List.of("--definitions", "--option", "--format", "--include-bots", "--bot-classifiers", "--bot-option",
                "--bot-visitors", "--currency", "--map", "--plugins")) {
            assertTrue(help.contains(flag), flag + " in\n" + help);
        }
    }

    private static Map<String, Long> starts(JsonNode definition) {
        Map<String, Long> out = new TreeMap<>();
        definition.get("session_starts").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asLong()));
        return out;
    }
}

package io.persession.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.persession.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bot traffic through the CLI: every built-in classifier and reason, excluded by default and reported with
 * its sessions, events and revenue; {@code --include-bots}; the bot flags and their errors.
 */
class BotsTest {
    static final String HEADER = "timestamp,visitor_id,event,revenue,currency,source,medium,campaign,referrer,page,user_agent,event_id,order_id";
    static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/145.0.0.0 Safari/537.36";
    static final String GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
    static final String HEADLESS = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.6099.109 Safari/537.36";
    static final long T0 = Instant.parse("2026-03-02T10:00:00Z").toEpochMilli();

    @TempDir
    Path dir;

    Path log;
    Path rejects;
    Path list;
    int eventNo;

    private String row(long ts, String visitor, String event, String revenue, String ua) {
        return String.join(",", Instant.ofEpochMilli(ts).toString(), visitor, event, revenue, revenue.isEmpty() ? "" : "EUR", "", "", "", "",
                "https://shop.example/p" + (eventNo % 7), "\"" + ua + "\"", "e" + (eventNo++), event.equals("purchase") ? "o" + eventNo : "");
    }

    private List<String> visit(String visitor, String ua, long start, int n, long step) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(row(start + i * step, visitor, "pageview", "", ua));
        }
        return rows;
    }

    @BeforeEach
    void files() throws IOException {
        List<String> rows = new ArrayList<>();
        rows.addAll(visit("alice", CHROME, T0, 4, 30_000));
        rows.add(row(T0 + 200_000, "alice", "purchase", "49.99", CHROME));
        rows.addAll(visit("bob", CHROME, T0 + 60_000, 3, 60_000));
        rows.add(row(T0 + 100_000, "bob", "ad_impression", "0.0025", CHROME));
        rows.addAll(visit("gbot", GOOGLEBOT, T0, 5, 5_000));
        rows.add(row(T0 + 30_000, "gbot", "purchase", "10.00", GOOGLEBOT));    // revenue on a bot: reported, never lost
        rows.addAll(visit("curl", "curl/8.5.0", T0, 2, 5_000));
        rows.addAll(visit("headless", HEADLESS, T0, 3, 5_000));
        rows.add(row(T0 + 20_000, "headless", "ad_impression", "0.007", HEADLESS));
        rows.addAll(visit("burst", CHROME, T0, 150, 300));                     // a browser's user agent, 150 hits in 45 s
        rows.addAll(visit("loadtest", CHROME, T0, 2, 5_000));
        rows.add(row(T0 + 6_000, "loadtest", "purchase", "1.00", CHROME));
        rows.sort(null); // time order (ISO timestamps sort as text)
        log = Files.writeString(dir.resolve("bots.csv"), HEADER + "\n" + String.join("\n", rows) + "\n");
        rejects = dir.resolve("rejects.csv");
        list = Files.writeString(dir.resolve("bot-visitors.txt"), "# our load tester\nloadtest\n\n");
    }

    private Cli.Result analyze(String... more) {
        return run(Cli.args(List.of("analyze", log.toString(), "--rejects", rejects.toString()), more));
    }

    @Test
    void everyClassifierAndReasonIsExcludedAndReportedWithTheAccountingExact() {
        JsonNode out = analyze("--format", "json", "--bot-visitors", list.toString()).assertOk().json();
        JsonNode all = analyze("--format", "json", "--bot-visitors", list.toString(), "--include-bots").assertOk().json();
        JsonNode bots = out.get("bots");
        assertFalse(bots.get("included").asBoolean());
        assertTrue(all.get("bots").get("included").asBoolean());
        Set<String> reasons = new TreeSet<>();
        bots.get("by_reason").fieldNames().forEachRemaining(reasons::add);
        assertEquals(new TreeSet<>(Set.of("visitor-list:listed", "user-agent:robot", "user-agent:automated-browser", "behaviour:too-fast")),
                reasons);
        List<String> classifiers = new ArrayList<>();
        bots.get("classifiers").forEach(c -> classifiers.add(c.get("id").asText()));
        assertEquals(List.of("visitor-list", "user-agent", "behaviour"), classifiers, "the built-in ones, in their order");

        // sessions, events and revenue in = out + excluded, exactly
        JsonNode in = all.get("totals");
        JsonNode kept = out.get("totals");
        assertEquals(in.get("sessions").asLong(), kept.get("sessions").asLong() + bots.get("sessions").asLong());
        assertEquals(in.get("events").asLong(), kept.get("events").asLong() + bots.get("events").asLong());
        assertEquals(0, new BigDecimal(in.get("revenue").asText())
                .compareTo(new BigDecimal(kept.get("revenue").asText()).add(new BigDecimal(bots.get("revenue").asText()))));
        long sessions = 0;
        long events = 0;
        BigDecimal revenue = BigDecimal.ZERO;
        for (JsonNode b : bots.get("by_reason")) {
            sessions += b.get("sessions").asLong();
            events += b.get("events").asLong();
            revenue = revenue.add(new BigDecimal(b.get("revenue").asText()));
        }
        assertEquals(bots.get("sessions").asLong(), sessions);
        assertEquals(bots.get("events").asLong(), events);
        assertEquals(0, revenue.compareTo(new BigDecimal(bots.get("revenue").asText())));
        assertEquals(kept.get("bot_sessions_excluded").asLong(), sessions);
        assertEquals(0, all.get("totals").get("bot_sessions_excluded").asLong());

        // people only are counted; the bots' revenue is reported by reason
        assertEquals(2, kept.get("sessions").asLong());
        assertEquals("49.9925", kept.get("revenue").asText());
        assertEquals("10.00", bots.get("by_reason").get("user-agent:robot").get("revenue").asText());
        assertEquals(2, bots.get("by_reason").get("user-agent:robot").get("sessions").asLong(), "googlebot and curl");
        assertEquals("0.007", bots.get("by_reason").get("user-agent:automated-browser").get("revenue").asText());
        assertEquals(150, bots.get("by_reason").get("behaviour:too-fast").get("events").asLong());
        assertEquals("1.00", bots.get("by_reason").get("visitor-list:listed").get("revenue").asText());
        assertEquals(1, bots.get("flagged_by").get("behaviour:too-fast").asLong());
    }

    @Test
    void theTableReportsTheExclusionAndIncludeBotsSaysSo() {
        String table = analyze("--bot-visitors", list.toString()).assertOk().out();
        assertTrue(table.contains("Bot traffic excluded from every figure above: 5 sessions, 165 events, revenue €11.01"), table);
        assertTrue(table.matches("(?s).*\\n  user-agent:robot\\s+2 sessions\\s+8 events\\s+revenue €10\\.00\\n.*"), table);
        assertTrue(table.contains("behaviour:too-fast"), table);
        String included = analyze("--bot-visitors", list.toString(), "--include-bots").assertOk().out();
        assertTrue(included.contains("Bot traffic flagged but counted (--include-bots): 5 sessions"), included);
        String csv = analyze("--format", "csv").assertOk().out();
        assertEquals("4", Cli.csv(csv).get(0).get("bot_sessions_excluded"), "without the list the load tester counts");
    }

    @Test
    void classifierOptionsAndChoice() {
        // a stricter behaviour rule (more than 3 events within 5 minutes) also flags alice's 5 events and bob's 4
        JsonNode strict = analyze("--format", "json", "--bot-classifiers", "behaviour", "--bot-option", "behaviour.max-events=3",
                "--bot-option", "behaviour.window=5m").assertOk().json();
        assertEquals(2, strict.get("totals").get("sessions").asLong(), "curl and loadtest have 3 events or fewer: " + strict.get("bots"));
        assertEquals(5, strict.get("bots").get("by_reason").get("behaviour:too-fast").get("sessions").asLong(), "all but curl and loadtest");
        JsonNode shown = strict.get("bots").get("classifiers").get(0);
        assertEquals("behaviour", shown.get("id").asText());
        assertEquals(Map.of("max-events", "3", "window", "5m"), Map.of("max-events", shown.get("options").get("max-events").asText(),
                "window", shown.get("options").get("window").asText()));

        JsonNode none = analyze("--format", "json", "--bot-classifiers", "none").assertOk().json();
        assertEquals(0, none.get("bots").get("classifiers").size());
        assertEquals(0, none.get("bots").get("by_reason").size());
        assertTrue(analyze("--bot-classifiers", "none").assertOk().out().contains("Bot traffic: not classified"));

        JsonNode uaOnly = analyze("--format", "json", "--bot-classifiers", "user-agent").assertOk().json();
        Set<String> reasons = new TreeSet<>();
        uaOnly.get("bots").get("by_reason").fieldNames().forEachRemaining(reasons::add);
        assertEquals(Set.of("user-agent:automated-browser", "user-agent:robot"), reasons);

        JsonNode behaviourFirst = analyze("--format", "json", "--bot-classifiers", "behaviour,user-agent,visitor-list",
                "--bot-visitors", list.toString()).assertOk().json();
        assertTrue(behaviourFirst.get("bots").get("by_reason").has("behaviour:too-fast"));
    }

    @Test
    void badBotFlagsAreClearErrors() {
        String unknownOption = analyze("--bot-option", "behaviour.max-hits=5").assertFailed(ExitCode.USAGE).message();
        assertTrue(unknownOption.contains("'max-hits'") && unknownOption.contains("max-events") && unknownOption.contains("window"), unknownOption);
        String badValue = analyze("--bot-option", "behaviour.max-events=lots").assertFailed(ExitCode.USAGE).message();
        assertTrue(badValue.contains("max-events") && badValue.contains("behaviour"), badValue);
        String malformed = analyze("--bot-option", "max-events=5").assertFailed(ExitCode.USAGE).message();
        assertTrue(malformed.contains("ID.NAME=VALUE"), malformed);
        String unknownId = analyze("--bot-option", "nosuch.x=1").assertFailed(ExitCode.PLUGIN).message();
        assertTrue(unknownId.contains("'nosuch'") && unknownId.contains("user-agent"), unknownId);
        String unknownClassifier = analyze("--bot-classifiers", "user-agnet").assertFailed(ExitCode.PLUGIN).message();
        assertTrue(unknownClassifier.contains("Did you mean 'user-agent'?"), unknownClassifier);
        String notApplied = analyze("--bot-classifiers", "user-agent", "--bot-option", "behaviour.max-events=5")
                .assertFailed(ExitCode.USAGE).message();
        assertTrue(notApplied.contains("'behaviour' is not applied"), notApplied);
        Path missing = dir.resolve("nope.txt");
        String noList = analyze("--bot-visitors", missing.toString()).assertFailed(ExitCode.INPUT).message();
        assertTrue(noList.contains("--bot-visitors") && noList.contains(missing.toString()), noList);
        String noListOption = analyze("--bot-option", "visitor-list.file=" + missing).assertFailed(ExitCode.INPUT).message();
        assertTrue(noListOption.contains(missing.toString()) && noListOption.contains("not found"), noListOption);
    }

    @Test
    void sessionsMarkBotSessions() {
        List<Map<String, String>> rows = Cli.csv(run("sessions", log.toString(), "--rejects", rejects.toString(), "--bot-visitors",
                list.toString()).assertOk().out());
        Map<String, String> byVisitor = new java.util.TreeMap<>();
        rows.forEach(r -> byVisitor.put(r.get("visitor_id"), r.get("bot")));
        assertEquals("", byVisitor.get("alice"));
        assertEquals("user-agent:robot", byVisitor.get("gbot"));
        assertEquals("user-agent:robot", byVisitor.get("curl"));
        assertEquals("user-agent:automated-browser", byVisitor.get("headless"));
        assertEquals("behaviour:too-fast", byVisitor.get("burst"));
        assertEquals("visitor-list:listed", byVisitor.get("loadtest"));
    }

    @Test
    void theDemoShowsTheExclusion() {
        Path demo = dir.resolve("demo");
        Cli.Result r = run("demo", "--dir", demo.toString(), "--visitors", "2000").assertOk();
        String out = r.out();
        assertTrue(out.contains("Bot traffic excluded from every figure above: "), out);
        assertTrue(out.contains("user-agent:robot"), out);
        assertTrue(out.contains("behaviour:too-fast"), out);
        assertTrue(out.contains("Page RPM") && out.contains("Pages per session") && out.contains("Sessions started by rule"), out);
        JsonNode json = run("demo", "--dir", demo.toString(), "--visitors", "2000", "--format", "json").assertOk().json();
        assertTrue(json.get("bots").get("sessions").asLong() > 0, json.get("bots").toString());
        assertTrue(json.get("totals").get("bot_sessions_excluded").asLong() > 0);
    }
}

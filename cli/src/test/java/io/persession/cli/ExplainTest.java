package io.persession.cli;

import io.persession.cli.output.SessionRows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import static io.persession.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code persession sessions --explain}: why each session started, the same whatever the input order. */
class ExplainTest {
    static final String HEADER = "timestamp,visitor_id,event,revenue,currency,source,medium,campaign,referrer,page,event_id,order_id";

    @TempDir
    Path dir;

    private Path write(String name, List<String> rows) throws IOException {
        return Files.writeString(dir.resolve(name), HEADER + "\n" + String.join("\n", rows) + "\n");
    }

    private List<Map<String, String>> explain(Path file, String... more) {
        List<String> args = new ArrayList<>(List.of("sessions", file.toString(), "--rejects", dir.resolve("rejects.csv").toString(), "--explain"));
        args.addAll(List.of(more));
        Cli.Result r = run(args.toArray(new String[0])).assertOk();
        assertEquals(columns(), Cli.csvHeader(r.out()));
        return Cli.csv(r.out());
    }

    @Test
    void eachSessionSaysWhatStartedItWhatCameBeforeTheGapAndTheRule() throws IOException {
        Path log = write("shop.csv", List.of(
                "2026-03-02T10:00:00Z,ann,pageview,,,,,,,https://shop.example/,e1,",
                "2026-03-02T10:10:00Z,ann,add_to_cart,,,,,,,https://shop.example/cart,e2,",
                "2026-03-02T10:50:00.250Z,ann,pageview,,,,,,,https://shop.example/again,e3,",
                "2026-03-02T10:55:00Z,ann,pageview,,,newsletter,email,march,https://mail.example/,https://shop.example/sale,e4,",
                "2026-03-02T07:50:00Z,carl,pageview,,,,,,,https://shop.example/,e5,",
                "2026-03-02T08:05:00Z,carl,pageview,,,,,,,https://shop.example/p2,e6,"));
        List<Map<String, String>> rows = explain(log, "-d", "ua", "-o", "zone=America/Los_Angeles");
        assertEquals(5, rows.size());
        Map<String, String> first = find(rows, "ann", "first");
        assertEquals("pageview", first.get("start_event"));
        assertEquals("", first.get("previous_time"));
        assertEquals("", first.get("gap_seconds"));
        assertEquals("the visitor's first event", first.get("explanation"));

        Map<String, String> timeout = find(rows, "ann", "timeout");
        assertEquals("2026-03-02T10:50:00.250Z", timeout.get("start"));
        assertEquals("pageview", timeout.get("start_event"));
        assertEquals("https://shop.example/again", timeout.get("landing_page"));
        assertEquals("2026-03-02T10:10:00Z", timeout.get("previous_time"));
        assertEquals("add_to_cart", timeout.get("previous_event"));
        assertEquals("https://shop.example/cart", timeout.get("previous_page"));
        assertEquals("2400.250", timeout.get("gap_seconds"));
        assertEquals("no event for 40m250ms, longer than the inactivity timeout", timeout.get("explanation"));

        Map<String, String> campaign = find(rows, "ann", "campaign");
        assertEquals("newsletter / email / march", campaign.get("start_source"));
        assertEquals("https://mail.example/", campaign.get("referrer"));
        assertEquals("https://shop.example/again", campaign.get("previous_page"));
        assertEquals("299.750", campaign.get("gap_seconds"));
        assertEquals("arrived with another traffic source: newsletter / email / march", campaign.get("explanation"));

        Map<String, String> midnight = find(rows, "carl", "midnight");
        assertEquals("2026-03-02T07:50:00Z", midnight.get("previous_time"));
        assertEquals("900.000", midnight.get("gap_seconds"));
        assertTrue(midnight.get("explanation").startsWith("a new calendar day"), midnight.get("explanation"));

        // JSON Lines: the gap is a number, absent values null
        String jsonl = run("sessions", log.toString(), "--rejects", dir.resolve("rejects.csv").toString(), "--explain", "-f", "jsonl")
                .assertOk().out();
        List<String> lines = jsonl.lines().collect(Collectors.toList());
        assertEquals(3, lines.size(), "under timeout: ann 2 sessions (the campaign does not split), carl 1: " + jsonl);
        assertTrue(lines.stream().anyMatch(l -> Cli.parseJson(l).get("gap_seconds").isNumber()), jsonl);
        assertTrue(lines.stream().anyMatch(l -> Cli.parseJson(l).get("previous_event").isNull()), jsonl);
    }

    @Test
    void withoutExplainTheColumnsAreTheUsualOnes() throws IOException {
        Path log = write("one.csv", List.of("2026-03-02T10:00:00Z,ann,pageview,,,,,,,https://shop.example/,e1,"));
        Cli.Result r = run("sessions", log.toString(), "--rejects", dir.resolve("rejects.csv").toString()).assertOk();
        assertEquals(SessionRows.COLUMNS, Cli.csvHeader(r.out()));
    }

    /** A log of 60 visitors over two days, with exact-timeout gaps, campaigns and referrers. */
    private static List<String> traffic() {
        Random rnd = new Random(4);
        List<long[]> keys = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        long base = Instant.parse("2026-03-28T18:00:00Z").toEpochMilli();
        int id = 0;
        for (int v = 0; v < 60; v++) {
            long t = base + rnd.nextInt(30 * 3600) * 1000L;
            int n = 2 + rnd.nextInt(25);
            for (int i = 0; i < n; i++) {
                int g = rnd.nextInt(10);
                t += g == 0 ? 30 * 60_000L : g == 1 ? 30 * 60_000L + 1 : g == 2 ? 3 * 3600_000L : 1_000L + rnd.nextInt(600_000);
                String src = rnd.nextInt(8) == 0 ? "google,cpc,c" + rnd.nextInt(2) : ",,";
                String ref = rnd.nextInt(9) == 0 ? "https://news.example/" + rnd.nextInt(3) : "";
                rows.add(Instant.ofEpochMilli(t) + ",v" + v + "," + (rnd.nextInt(5) == 0 ? "add_to_cart" : "pageview") + ",,," + src + ","
                        + ref + ",https://shop.example/p" + rnd.nextInt(30) + ",e" + (id++) + ",");
                keys.add(new long[] {t, rows.size() - 1});
            }
        }
        keys.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        List<String> ordered = new ArrayList<>();
        keys.forEach(k -> ordered.add(rows.get((int) k[1])));
        return ordered;
    }

    @ParameterizedTest
    @CsvSource({"timeout,", "ua,zone=Europe/Berlin", "matomo,zone=Europe/Berlin", "adobe,max-events=5"})
    void theExplanationsDoNotDependOnTheInputOrder(String definition, String option) throws IOException {
        List<String> ordered = traffic();
        List<String> reversed = new ArrayList<>(ordered);
        Collections.reverse(reversed);
        List<String> shuffled = new ArrayList<>(ordered);
        Collections.shuffle(shuffled, new Random(9));
        List<String> reference = sorted(explainRaw(write("ordered.csv", ordered), definition, option, "10m"));
        assertTrue(reference.size() > 60, "more sessions than visitors: " + reference.size());
        assertTrue(reference.stream().anyMatch(l -> l.contains("no event for 30m1ms")), "an exact-timeout-plus-one split is explained");
        for (String lateness : List.of("10m", "0")) {
            assertEquals(reference, sorted(explainRaw(write("reversed.csv", reversed), definition, option, lateness)), "reversed " + lateness);
            assertEquals(reference, sorted(explainRaw(write("shuffled.csv", shuffled), definition, option, lateness)), "shuffled " + lateness);
            assertEquals(reference, sorted(explainRaw(write("ordered2.csv", ordered), definition, option, lateness)), "ordered " + lateness);
        }
    }

    /**
     * A visitor whose sessions were handed on (one closed, one forgotten while idle) before a late row of
     * it arrived: its regrouped sessions include one equal to a session taken back, and the output must
     * still hold it once.
     */
    @Test
    void aRegroupedVisitorKeepsTheSessionsThatDidNotChange() throws IOException {
        List<String> rows = new ArrayList<>(List.of(
                "2026-03-02T08:00:00Z,x,pageview,,,,,,,https://shop.example/a,e1,",
                "2026-03-02T10:00:00Z,x,pageview,,,,,,,https://shop.example/b,e2,",
                "2026-03-02T11:00:00Z,y,pageview,,,,,,,https://shop.example/y1,e3,",
                "2026-03-02T13:00:00Z,y,pageview,,,,,,,https://shop.example/y2,e4,",
                "2026-03-02T10:05:00Z,x,add_to_cart,,,,,,,https://shop.example/c,e5,")); // 3 h late
        List<String> late = sorted(explainRaw(write("late.csv", rows), "timeout", null, "10m"));
        List<String> sortedRows = new ArrayList<>(rows);
        Collections.sort(sortedRows);
        List<String> inOrder = sorted(explainRaw(write("in-order.csv", sortedRows), "timeout", null, "10m"));
        assertEquals(inOrder, late);
        assertEquals(4, late.size(), String.join("\n", late));
        Map<String, String> back = find(Cli.csv(String.join(",", columns()) + "\n" + String.join("\n", late)), "x", "timeout");
        assertEquals("2026-03-02T08:00:00Z", back.get("previous_time"));
        assertEquals("2", back.get("events"));
    }

    /** The columns of {@code sessions --explain}. */
    private static List<String> columns() {
        List<String> c = new ArrayList<>(SessionRows.COLUMNS);
        c.addAll(SessionRows.EXPLAIN_COLUMNS);
        return c;
    }

    private List<String> explainRaw(Path file, String definition, String option, String lateness) {
        List<String> args = new ArrayList<>(List.of("sessions", file.toString(), "--rejects", dir.resolve("rejects.csv").toString(), "--explain",
                "-d", definition, "--lateness", lateness));
        if (option != null) {
            args.addAll(List.of("-o", option));
        }
        return run(args.toArray(new String[0])).assertOk().out().lines().skip(1).collect(Collectors.toList());
    }

    private static List<String> sorted(List<String> lines) {
        List<String> out = new ArrayList<>(lines);
        Collections.sort(out);
        return out;
    }

    private static Map<String, String> find(List<Map<String, String>> rows, String visitor, String reason) {
        return rows.stream().filter(r -> r.get("visitor_id").equals(visitor) && r.get("start_reason").equals(reason)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + reason + " session of " + visitor + " in " + rows));
    }
}

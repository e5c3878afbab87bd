package io.persession.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import static io.persession.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * README, "Streaming": results never depend on the order of the input. The same events, written in time
 * order, reversed and shuffled, give the same totals, metrics and session starts through the CLI, and the
 * same sessions; only {@code regrouped_visitors} may differ.
 */
class OrderIndependenceTest {
    private static final String HEADER = "timestamp,visitor_id,event,revenue,currency,source,medium,campaign,referrer,page,event_id,order_id";
    private static final String[][] CAMPAIGNS = {
        {"google", "cpc", "spring"}, {"newsletter", "email", "march"}, {"facebook", "social", "launch"}, {"(direct)", "(none)", "(not set)"}};
    private static final String[] REFERRERS = {"https://www.google.com/", "https://news.example.org/article", "https://shop.example/cart",
        "https://m.facebook.com/"};

    @TempDir
    static Path dir;

    static Path ordered;
    static Path reversed;
    static Path shuffled;
    static int rows;

    /** A deterministic log: 80 visitors over three days around Europe's switch to summer time. */
    @BeforeAll
    static void writeLogs() throws IOException {
        Random rnd = new Random(20260329);
        List<Row> all = new ArrayList<>();
        long base = Instant.parse("2026-03-28T18:00:00Z").toEpochMilli();
        int eventId = 0;
        int orderId = 0;
        for (int v = 0; v < 80; v++) {
            String visitor = "v" + v;
            long t = base + rnd.nextInt(36 * 3600) * 1000L + rnd.nextInt(1000);
            int visits = 1 + rnd.nextInt(4);
            for (int visit = 0; visit < visits; visit++) {
                int events = 1 + rnd.nextInt(8);
                String[] entry = rnd.nextInt(3) == 0 ? CAMPAIGNS[rnd.nextInt(CAMPAIGNS.length)] : new String[] {"", "", ""};
                String referrer = rnd.nextInt(3) == 0 ? REFERRERS[rnd.nextInt(REFERRERS.length)] : "";
                for (int e = 0; e < events; e++) {
                    String[] source = e == 0 ? entry : rnd.nextInt(10) == 0 ? CAMPAIGNS[rnd.nextInt(CAMPAIGNS.length)] : new String[] {"", "", ""};
                    String ref = e == 0 ? referrer : rnd.nextInt(12) == 0 ? REFERRERS[rnd.nextInt(REFERRERS.length)] : "";
                    int kind = rnd.nextInt(20);
                    String event = "pageview";
                    String revenue = "";
                    String order = "";
                    if (kind == 0 && e > 0) {
                        event = "purchase";
                        revenue = (5 + rnd.nextInt(200)) + "." + String.format("%02d", rnd.nextInt(100));
                        order = "o" + (++orderId);
                    } else if (kind == 1) {
                        event = "refund";
                        revenue = rnd.nextInt(30) + ".5";
                    } else if (kind == 2) {
                        event = "ad_impression";
                        revenue = "0.00" + (1 + rnd.nextInt(9)) + "25";
                    } else if (kind == 3) {
                        event = "ad_request";
                    } else if (kind == 4) {
                        event = "add_to_cart";
                    }
                    Row row = new Row(t, visitor, event, revenue, revenue.isEmpty() ? "" : "EUR", source, ref,
                            "https://shop.example/p" + rnd.nextInt(40), "e" + (++eventId), order);
                    all.add(row);
                    if (rnd.nextInt(40) == 0) {
                        all.add(row); // the same event twice (same event id)
                    }
                    if (!order.isEmpty() && rnd.nextInt(3) == 0) {
                        all.add(row.withEventId("e" + (++eventId))); // the same order sent again under a new event id
                    }
                    // gaps: mostly short, sometimes exactly 30 minutes, sometimes just over
                    int g = rnd.nextInt(12);
                    long gap = g == 0 ? 30 * 60_000L : g == 1 ? 30 * 60_000L + 1 : g == 2 ? 29 * 60_000L + 59_999 : 1_000L + rnd.nextInt(20 * 60_000);
                    t += gap;
                }
                t += 31 * 60_000L + rnd.nextInt(20 * 3600) * 1000L;
            }
        }
        rows = all.size();
        List<Row> byTime = new ArrayList<>(all);
        byTime.sort(Comparator.comparingLong(Row::millis)); // stable: ties keep generation order
        List<Row> backwards = new ArrayList<>(byTime);
        Collections.reverse(backwards);
        List<Row> mixed = new ArrayList<>(byTime);
        Collections.shuffle(mixed, new Random(11));
        ordered = write("ordered.csv", byTime);
        reversed = write("reversed.csv", backwards);
        shuffled = write("shuffled.csv", mixed);
    }

    private static Path write(String name, List<Row> rows) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, HEADER + "\n" + rows.stream().map(Row::csv).collect(Collectors.joining("\n")) + "\n");
        return p;
    }

    @ParameterizedTest
    @CsvSource({"timeout,", "ua,zone=Europe/Berlin", "matomo,zone=Europe/Berlin"})
    void sameTotalsMetricsAndStartsInAnyOrder(String definition, String option) {
        JsonNode a = analyze(ordered, definition, option);
        JsonNode b = analyze(reversed, definition, option);
        JsonNode c = analyze(shuffled, definition, option);

        assertEquals(rows, a.get("input").get("rows").asLong());
        assertTrue(a.get("input").get("duplicates").asLong() > 0, "the log has duplicates: " + a.get("input"));
        for (JsonNode other : List.of(b, c)) {
            for (String key : List.of("rows", "accepted", "rejected", "duplicates", "duplicate_events", "duplicate_orders")) {
                assertEquals(a.get("input").get(key), other.get("input").get(key), key);
            }
            assertEquals(a.get("definition"), other.get("definition"));
            assertEquals(a.get("totals"), other.get("totals"));
            assertEquals(a.get("metrics"), other.get("metrics"));
            assertEquals(a.get("session_starts"), other.get("session_starts"));
        }
        assertEquals(0, a.get("input").get("regrouped_visitors").asLong(), "time-ordered input streams");
        assertTrue(c.get("input").get("regrouped_visitors").asLong() > 0, "shuffled input regroups: " + c.get("input"));
        assertTrue(a.get("totals").get("sessions").asLong() > a.get("totals").get("visitors").asLong(), a.get("totals").toString());

        // and the very same sessions, one row each
        List<String> sa = sessions(ordered, definition, option);
        assertEquals(a.get("totals").get("sessions").asLong(), sa.size());
        assertEquals(sa, sessions(reversed, definition, option));
        assertEquals(sa, sessions(shuffled, definition, option));
    }

    private static JsonNode analyze(Path file, String definition, String option) {
        List<String> args = new ArrayList<>(List.of("analyze", file.toString(), "--rejects", dir.resolve("rejects-" + definition + ".csv").toString(),
                "-d", definition, "--format", "json", "--include-bots"));
        if (option != null) {
            args.addAll(List.of("--option", option));
        }
        return run(args.toArray(new String[0])).assertOk().json();
    }

    /** The session rows, sorted (their order follows when sessions end, which may depend on the input order). */
    private static List<String> sessions(Path file, String definition, String option) {
        List<String> args = new ArrayList<>(List.of("sessions", file.toString(), "--rejects", dir.resolve("rejects-" + definition + ".csv").toString(),
                "-d", definition));
        if (option != null) {
            args.addAll(List.of("--option", option));
        }
        List<String> lines = run(args.toArray(new String[0])).assertOk().out().lines().skip(1).sorted().collect(Collectors.toList());
        return lines;
    }

    private record Row(long millis, String visitor, String event, String revenue, String currency, String[] source, String referrer,
                       String page, String eventId, String orderId) {
        Row withEventId(String id) {
            return new Row(millis, visitor, event, revenue, currency, source, referrer, page, id, orderId);
        }

        String csv() {
            return String.join(",", Instant.ofEpochMilli(millis).toString(), visitor, event, revenue, currency, source[0], source[1], source[2],
                    referrer, page, eventId, orderId);
        }
    }
}

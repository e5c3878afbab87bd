package io.persession.engine;

import io.persession.spi.Event;
import io.persession.spi.EventType;
import io.persession.spi.SessionDefinition;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static io.persession.engine.TestRules.MINUTE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bounded de-duplication window is exact: whatever its size, the engine gives what it gives with
 * every event id in memory, rows the window missed being found after the read and their visitors
 * regrouped.
 */
class DedupWindowTest {
    private static final long HOUR = 60 * MINUTE;

    /** Everything in memory: the window never forgets an id, so the first read is already exact. */
    private static Engine exact(Duration lateness) {
        return new Engine(lateness, List.of(new UserAgentBotClassifier()), false).dedupWindow(Long.MAX_VALUE / 4, Integer.MAX_VALUE);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void anyWindowGivesTheResultOfAllIdsInMemory(long seed) {
        List<Event> input = withRepeats(TestData.generate(seed, 60, seed % 2 == 0), seed);
        for (SessionDefinition d : List.of(TestRules.withLimit(), TestRules.withoutLimit())) {
            Duration lateness = Duration.ofMinutes(seed % 2 == 0 ? 0 : 10);
            ListInput refIn = new ListInput(input);
            SessionCollector refSessions = new SessionCollector();
            Engine.Result ref = exact(lateness).run(refIn, List.of(d), x -> refSessions);
            assertTrue(ref.input().duplicateEvents() > 20 && ref.input().duplicateOrders() > 5,
                    "the input repeats ids and orders: " + ref.input().duplicateEvents() + " / " + ref.input().duplicateOrders());

            for (long[] window : new long[][] {{0, 1}, {MINUTE, 8}, {HOUR, 64}, {6 * HOUR, 100_000}}) {
                ListInput in = new ListInput(input);
                SessionCollector sessions = new SessionCollector();
                Engine.Result got = new Engine(lateness, List.of(new UserAgentBotClassifier()), false)
                        .dedupWindow(window[0], (int) window[1]).run(in, List.of(d), x -> sessions);
                String what = d.id() + ", window " + window[0] + " ms / " + window[1] + " ids";
                DefinitionResult r = got.first();
                DefinitionResult e = ref.first();
                assertEquals(TestData.map(e.totals()), TestData.map(r.totals()), what);
                assertEquals(e.sessionStarts(), r.sessionStarts(), what);
                assertEquals(TestData.map(e.botSessions()), TestData.map(r.botSessions()), what);
                assertEquals(refSessions.sessions(), sessions.sessions(), what);
                assertEquals(ref.input().accepted(), got.input().accepted(), what);
                assertEquals(ref.input().duplicateEvents(), got.input().duplicateEvents(), what);
                assertEquals(ref.input().duplicateOrders(), got.input().duplicateOrders(), what);
                assertEquals(ref.input().rows(), got.input().accepted() + got.input().rejected() + got.input().duplicates(), what);
                assertTrue(got.input().regroupedVisitors() >= ref.input().regroupedVisitors(), what + ": a repeat the window missed can regroup more");
                if (window[1] == 1) {
                    assertTrue(in.passes.size() > refIn.passes.size(), what + ": a one-id window must miss repeats: " + in.passes);
                }
            }
        }
    }

    @Test
    void aRepeatedIdTakesThePlaceOfTheOrderItsCopyHeld() {
        // x1 first at 10:00; hours later a purchase repeats x1 (so it is a duplicate) with order o1; then the real o1 purchase
        long t = TestData.BASE;
        List<Event> input = List.of(
                TestData.pv(t, "a", "x1"),
                TestData.pv(t + 3 * HOUR, "b", "x2"),
                TestData.purchase(t + 5 * HOUR, "c", 7_000_000, "o1", "x1"),
                TestData.purchase(t + 5 * HOUR + MINUTE, "d", 9_000_000, "o1", "x3"),
                TestData.purchase(t + 5 * HOUR + 2 * MINUTE, "e", 11_000_000, "o1", "x4"));
        SessionDefinition d = TestRules.withLimit();
        Engine.Result ref = exact(Duration.ofMinutes(10)).run(new ListInput(input), List.of(d));
        ListInput in = new ListInput(input);
        Engine.Result got = new Engine(Duration.ofMinutes(10), List.of(new UserAgentBotClassifier()), false)
                .dedupWindow(HOUR, 1000).run(in, List.of(d));
        assertEquals(9_000_000, ref.first().totals().purchaseRevenueMicros(), "d's purchase holds o1");
        assertEquals(TestData.map(ref.first().totals()), TestData.map(got.first().totals()));
        assertEquals(1, got.input().duplicateEvents());
        assertEquals(1, got.input().duplicateOrders(), "e repeats o1; c repeats x1");
        assertEquals(3, got.input().accepted());
        assertEquals(List.of(true, false, false), in.passes, "the read, the read that finds c and d, the regroup");
        assertEquals(2, got.input().regroupedVisitors(), "c and d");
    }

    /**
     * {@code sorted} with repeats added: exact copies a little later, copies hours later (same time, or a
     * later time), an id reused by another visitor, purchases re-sent under a new id, and purchases whose id
     * repeats an earlier event while their order id is new.
     */
    private static List<Event> withRepeats(List<Event> sorted, long seed) {
        SplittableRandom r = new SplittableRandom(seed * 7919);
        List<Event> out = new ArrayList<>(sorted);
        int n = sorted.size();
        int extraOrder = 0;
        for (int k = 0; k < n / 40; k++) {
            int i = r.nextInt(n);
            Event e = sorted.get(i);
            if (e.eventId() == null) {
                continue;
            }
            int kind = r.nextInt(6);
            Event copy;
            switch (kind) {
                case 0:
                    copy = e;
                    break;
                case 1:
                    copy = Event.builder(e.timestampMillis() + HOUR * (1 + r.nextInt(30)), e.visitorId()).type(e.type()).name(e.name())
                            .revenueMicros(e.revenueMicros()).currency(e.currency()).userAgent(e.userAgent()).eventId(e.eventId())
                            .orderId(e.orderId()).build();
                    break;
                case 2:
                    copy = Event.builder(e.timestampMillis() + r.nextInt(3) * HOUR, "w" + r.nextInt(50)).type(e.type()).name(e.name())
                            .revenueMicros(e.revenueMicros()).currency(e.currency()).userAgent(e.userAgent()).eventId(e.eventId())
                            .orderId(e.orderId()).build();
                    break;
                case 3:
                    copy = Event.builder(e.timestampMillis(), e.visitorId()).type(EventType.PURCHASE).revenueMicros(1_000_000L * (1 + r.nextInt(90)))
                            .currency("EUR").orderId("late-order-" + (extraOrder++ % 7)).eventId(e.eventId()).build();
                    break;
                case 4:
                    copy = Event.builder(e.timestampMillis(), e.visitorId()).type(EventType.PURCHASE).revenueMicros(2_500_000)
                            .currency("EUR").orderId("shared-order-" + (k % 5)).eventId("new-" + k).build();
                    break;
                default:
                    copy = e.type() == EventType.PURCHASE
                            ? e.toBuilder().eventId(e.eventId() + "-resent").build()
                            : e;
                    break;
            }
            int at = r.nextInt(4) == 0 ? Math.min(out.size(), i + 1 + r.nextInt(5)) : out.size() - r.nextInt(Math.max(1, out.size() / 3));
            out.add(Math.max(i + 1, at), copy);
        }
        return out;
    }
}

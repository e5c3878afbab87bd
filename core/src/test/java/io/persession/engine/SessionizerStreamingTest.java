package io.persession.engine;

import io.persession.spi.Event;
import io.persession.spi.SessionDefinition;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.persession.engine.TestData.BASE;
import static io.persession.engine.TestData.named;
import static io.persession.engine.TestData.pv;
import static io.persession.engine.TestRules.HOUR;
import static io.persession.engine.TestRules.MINUTE;
import static io.persession.engine.TestRules.SECOND;
import static io.persession.engine.TestRules.def;
import static io.persession.engine.TestRules.login;
import static io.persession.engine.TestRules.midnight;
import static io.persession.engine.TestRules.timeout30;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The streaming path ({@link Sessionizer#accept}) against the batch reference. */
class SessionizerStreamingTest {

    /** Feeds events in the given order; returns the collector; {@code maxOpen[0]} gets the most visitors held. */
    private static void stream(Sessionizer s, List<Event> events, int[] maxOpen) {
        long seq = 0;
        for (Event e : events) {
            s.accept(e, ++seq);
            if (maxOpen != null) {
                maxOpen[0] = Math.max(maxOpen[0], s.openVisitors());
            }
        }
        s.finish();
    }

    private static SessionCollector run(SessionDefinition d, Duration lateness, List<Event> events, int[] maxOpen, Set<String> lateOut) {
        SessionCollector c = new SessionCollector();
        Sessionizer s = new Sessionizer(d, lateness, c);
        stream(s, events, maxOpen);
        if (lateOut != null) {
            lateOut.addAll(s.lateVisitors());
        }
        assertEquals(c.closed, s.sessionsClosed());
        assertEquals(0, s.openVisitors(), "finish closes every open session");
        return c;
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1_000, 60_000, 600_000})
    void streamingEqualsBatchOnTimeOrderedInput(long latenessMillis) {
        for (SessionDefinition d : List.of(TestRules.withLimit(), TestRules.withoutLimit(), def("t", timeout30()))) {
            List<Event> events = TestData.generate(7, 60, false);
            Set<String> late = new java.util.HashSet<>();
            SessionCollector streamed = run(d, Duration.ofMillis(latenessMillis), events, null, late);
            SessionCollector batch = SessionCollector.of(Sessionizer.sessionize(d, events));
            assertTrue(late.isEmpty(), "time-ordered input has no late visitors: " + late);
            assertEquals(0, streamed.retracted);
            assertEquals(batch.sessions(), streamed.sessions(), d.id());
            assertTrue(batch.count() > 100, "the data should give many sessions");
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 60_000, 600_000})
    void streamingEqualsBatchOnTimeOrderedInputWithTies(long latenessMillis) {
        // ties within a visitor (order matters for the login rule): nothing is late, even with lateness 0
        SessionDefinition d = TestRules.withLimit();
        List<Event> events = TestData.generate(8, 60, true);
        Set<String> late = new java.util.HashSet<>();
        SessionCollector streamed = run(d, Duration.ofMillis(latenessMillis), events, null, late);
        assertTrue(late.isEmpty(), late.toString());
        assertEquals(SessionCollector.of(Sessionizer.sessionize(d, events)).sessions(), streamed.sessions());
    }

    @Test
    void rowsLessOutOfOrderThanTheLatenessCostNothing() {
        SessionDefinition d = TestRules.withLimit();
        List<Event> sorted = TestData.generate(9, 60, false);
        List<Event> shuffled = TestData.localShuffle(sorted, 4 * MINUTE, 99);
        assertTrue(!shuffled.equals(sorted));
        Set<String> late = new java.util.HashSet<>();
        SessionCollector streamed = run(d, Duration.ofMinutes(5), shuffled, null, late);
        assertTrue(late.isEmpty(), late.toString());
        assertEquals(SessionCollector.of(Sessionizer.sessionize(d, sorted)).sessions(), streamed.sessions());
    }

    @Test
    void memoryIsBoundedByActiveVisitorsOnTimeOrderedInput() {
        // 5000 visitors, one arriving every 20 seconds, each staying about 4 minutes
        List<Event> events = new ArrayList<>();
        int visitors = 5000;
        for (int v = 0; v < visitors; v++) {
            long start = BASE + v * 20 * SECOND;
            for (int i = 0; i < 3; i++) {
                events.add(pv(start + i * 2 * MINUTE + v % 7, "v" + v, v + "-" + i));
            }
        }
        events.sort(java.util.Comparator.comparingLong(Event::timestampMillis));

        SessionDefinition limited = def("t", login(), timeout30());
        int[] maxOpen = {0};
        Set<String> late = new java.util.HashSet<>();
        SessionCollector c = run(limited, Duration.ofMinutes(1), events, maxOpen, late);
        assertTrue(late.isEmpty());
        // about (30m limit + 1m lateness + 4m visit) / 20s = 105 visitors can be held at once
        assertTrue(maxOpen[0] <= 130, "held at most " + maxOpen[0] + " visitors at once");
        assertTrue(maxOpen[0] >= 90, "the bound should be near the number of active visitors, was " + maxOpen[0]);
        assertEquals(visitors, c.count());
        assertEquals(SessionCollector.of(Sessionizer.sessionize(limited, events)).sessions(), c.sessions());

        // without an inactivity limit nobody can be forgotten: every visitor is held until the end
        SessionDefinition unlimited = def("u", login());
        SessionCollector c2 = new SessionCollector();
        Sessionizer s = new Sessionizer(unlimited, Duration.ofMinutes(1), c2);
        long seq = 0;
        for (Event e : events) {
            s.accept(e, ++seq);
        }
        assertEquals(visitors, s.openVisitors());
        assertEquals(0, c2.closed);
        s.finish();
        assertEquals(visitors, c2.closed);
    }

    @Test
    void evictedVisitorsSessionIsHandedOnBeforeTheEndOfInput() {
        SessionCollector c = new SessionCollector();
        Sessionizer s = new Sessionizer(def("t", timeout30()), Duration.ofMinutes(1), c);
        s.accept(pv(BASE, "a", "a1"), 1);
        s.accept(pv(BASE + 5 * MINUTE, "a", "a2"), 2);
        s.accept(pv(BASE + 20 * MINUTE, "x", "x1"), 3);
        assertEquals(1, s.openVisitors(), "a is open; x1 waits in the buffer until the watermark passes it");
        assertEquals(0, c.closed);
        // watermark = 36m01 - 1m = 35m01 ms: a's last event (5m) is 30m01 behind: over the 30m limit
        s.accept(pv(BASE + 36 * MINUTE + 1, "x", "x2"), 4);
        assertEquals(1, s.openVisitors());
        assertEquals(1, c.closed);
        assertEquals(List.of("a"), List.copyOf(c.sessions().keySet()));
        // exactly 30m behind the watermark: kept
        SessionCollector c2 = new SessionCollector();
        Sessionizer s2 = new Sessionizer(def("t", timeout30()), Duration.ofMinutes(1), c2);
        s2.accept(pv(BASE + 5 * MINUTE, "a", "a2"), 1);
        s2.accept(pv(BASE + 36 * MINUTE, "x", "x2"), 2);
        assertEquals(1, s2.openVisitors());
        assertEquals(0, c2.closed);
        s2.accept(pv(BASE + 36 * MINUTE + 1, "x", "x3"), 3);
        assertEquals(1, c2.closed, "one millisecond more: forgotten");
    }

    @Test
    void returningVisitorAfterEvictionGetsTheInactivityReasonNotFirst() {
        // midnight is listed first and would fire too, but the gap is over the limit: timeout
        SessionDefinition d = def("t", midnight(ZoneId.of("UTC")), login(), timeout30());
        List<Event> events = new ArrayList<>();
        events.add(pv(BASE + 23 * HOUR + 50 * MINUTE, "r", "r1"));
        for (int i = 1; i <= 100; i++) {
            events.add(pv(BASE + 23 * HOUR + 50 * MINUTE + i * MINUTE + 7, "x" + (i % 3), "x" + i));
        }
        events.add(named(BASE + 25 * HOUR + 40 * MINUTE, "r", "login", "r2"));
        events.add(pv(BASE + 25 * HOUR + 41 * MINUTE, "r", "r3"));
        events.sort(java.util.Comparator.comparingLong(Event::timestampMillis));

        SessionCollector c = new SessionCollector();
        Sessionizer s = new Sessionizer(d, Duration.ofMinutes(1), c);
        boolean sawRClosedEarly = false;
        long seq = 0;
        for (Event e : events) {
            if (e.eventId().equals("r2")) {
                sawRClosedEarly = c.sessions().containsKey("r");
            }
            s.accept(e, ++seq);
        }
        s.finish();
        assertTrue(sawRClosedEarly, "r was forgotten (its session handed on) before it returned");
        assertTrue(s.lateVisitors().isEmpty());
        List<SessionSig> r = c.sessions().get("r");
        assertEquals(List.of("first", "timeout"), r.stream().map(SessionSig::reason).toList());
        assertEquals(2, r.get(1).events());
        assertEquals(SessionCollector.of(Sessionizer.sessionize(d, events)).sessions(), c.sessions());
    }

    @Test
    void withoutLimitAReturningVisitorIsKeptAndSplitByItsRules() {
        SessionDefinition d = def("t", midnight(ZoneId.of("UTC")), login());
        List<Event> events = List.of(
                pv(BASE + 23 * HOUR, "r", "r1"),
                pv(BASE + 23 * HOUR + 10 * MINUTE, "x", "x1"),
                pv(BASE + 30 * HOUR, "x", "x2"),
                pv(BASE + 31 * HOUR, "r", "r2"));
        SessionCollector c = run(d, Duration.ofMinutes(1), events, null, null);
        assertEquals(List.of("first", "midnight"), c.sessions().get("r").stream().map(SessionSig::reason).toList());
        assertEquals(List.of("first", "midnight"), c.sessions().get("x").stream().map(SessionSig::reason).toList());
    }

    @Test
    void anEventExactlyAtTheWatermarkIsInTimeAndOneMillisecondOlderIsLate() {
        SessionDefinition d = def("t", login(), timeout30());
        SessionCollector c = new SessionCollector();
        Sessionizer s = new Sessionizer(d, Duration.ofMinutes(1), c);
        s.accept(pv(BASE, "a", "a1"), 1);
        s.accept(pv(BASE + 9 * MINUTE, "a", "t1"), 2);
        s.accept(pv(BASE + 10 * MINUTE, "b", "b1"), 3);             // watermark now 9m: a1 and t1 are released
        s.accept(named(BASE + 9 * MINUTE, "a", "login", "t2"), 4);  // exactly at the watermark: sorts after t1, in time
        assertTrue(s.lateVisitors().isEmpty(), s.lateVisitors().toString());
        s.accept(pv(BASE + 9 * MINUTE - 1, "c", "c1"), 5);          // 1 ms older than the watermark: late
        assertEquals(Set.of("c"), s.lateVisitors());
        s.accept(pv(BASE + 11 * MINUTE, "c", "c2"), 6);             // later rows of a late visitor are skipped
        s.finish();
        assertEquals(Set.of("a", "b"), c.sessions().keySet(), "a late visitor's sessions are left to the regroup");
        List<SessionSig> a = c.sessions().get("a");
        assertEquals(List.of("first", "login"), a.stream().map(SessionSig::reason).toList(), "t2 came after t1 in the input");
        assertEquals(List.of("a1", "t2"), a.stream().map(SessionSig::firstEventId).toList());
        assertEquals("t1", a.get(0).lastEventId());
    }

    @Test
    void atTheWatermarkBoundaryTheEngineIsExact() {
        SessionDefinition d = def("t", login(), timeout30());
        List<Event> rows = List.of(
                pv(BASE, "a", "a1"),
                pv(BASE + 9 * MINUTE, "a", "t1"),
                pv(BASE + 10 * MINUTE, "b", "b1"),
                named(BASE + 9 * MINUTE, "a", "login", "t2"),   // exactly at the watermark
                named(BASE + 30 * MINUTE, "a", "login", "a2"),
                pv(BASE + 30 * MINUTE, "a", "a3"),
                pv(BASE + 40 * MINUTE, "c", "c0"),
                pv(BASE + 39 * MINUTE - 1, "c", "c1"));         // 1 ms older than the watermark: regrouped
        SessionCollector got = new SessionCollector();
        Engine.Result r = new Engine(Duration.ofMinutes(1), List.of(), false).run(new ListInput(rows), List.of(d), x -> got);
        assertEquals(1, r.input().regroupedVisitors());
        assertEquals(SessionCollector.of(Sessionizer.sessionize(d, rows)).sessions(), got.sessions());
        assertEquals(List.of("first", "login", "login"), got.sessions().get("a").stream().map(SessionSig::reason).toList());
    }

    @Test
    void withZeroLatenessEqualTimestampsAreInTimeAndOlderOnesLate() {
        SessionCollector c = new SessionCollector();
        Sessionizer s = new Sessionizer(def("t", timeout30()), Duration.ZERO, c);
        s.accept(pv(BASE, "a", "a1"), 1);
        s.accept(pv(BASE, "b", "b1"), 2);
        s.accept(pv(BASE, "a", "a2"), 3);
        assertTrue(s.lateVisitors().isEmpty());
        s.accept(pv(BASE - 1, "b", "b0"), 4);
        assertEquals(Set.of("b"), s.lateVisitors());
        s.finish();
        assertEquals(2, c.sessions().get("a").get(0).events());
        assertEquals(Set.of("a"), c.sessions().keySet());
    }

    @Test
    void lateVisitorInAPassIsNotHandedOnButOthersAre() {
        // a's session was handed on (evicted) before a's late row: replayFor repeats exactly that
        SessionDefinition d = def("t", timeout30());
        List<Event> events = List.of(
                pv(BASE, "a", "a1"),
                pv(BASE + 5 * MINUTE, "a", "a2"),
                pv(BASE + 40 * MINUTE, "x", "x1"),
                pv(BASE + 41 * MINUTE, "a", "a3"),   // new session for a (timeout), open
                pv(BASE + 2 * HOUR, "x", "x2"),      // evicts a's 2nd session
                pv(BASE + 6 * MINUTE, "a", "late")); // late
        SessionCollector first = new SessionCollector();
        Sessionizer s = new Sessionizer(d, Duration.ofMinutes(1), first);
        long seq = 0;
        for (Event e : events) {
            s.accept(e, ++seq);
        }
        s.finish();
        assertEquals(Set.of("a"), s.lateVisitors());
        assertEquals(2, first.sessions().get("a").size());

        SessionCollector replayed = new SessionCollector();
        Sessionizer replay = Sessionizer.replayFor(d, Duration.ofMinutes(1), Set.of("a"), replayed);
        seq = 0;
        for (Event e : events) {
            replay.accept(e, ++seq);
        }
        replay.finish();
        assertEquals(first.sessions().get("a"), replayed.sessions().get("a"));
        assertEquals(Set.of("a"), replayed.sessions().keySet(), "the replay hands on only the given visitors");
    }

    @Test
    void openVisitorsCountsHeldVisitors() {
        Sessionizer s = new Sessionizer(def("t", timeout30()), Duration.ZERO, new SessionCollector());
        assertEquals(0, s.openVisitors());
        s.accept(pv(BASE, "a", "1"), 1);
        s.accept(pv(BASE + 1, "b", "2"), 2);
        s.accept(pv(BASE + 2, "a", "3"), 3);
        assertEquals(2, s.openVisitors());
        s.finish();
        assertEquals(0, s.openVisitors());
        assertEquals(2, s.sessionsClosed());
    }

    @Test
    void streamedSessionsOfAVisitorAreContiguousAndCoverAllItsEvents() {
        // sanity: the sessions of one streamed visitor are contiguous and cover all its events
        SessionDefinition d = TestRules.withLimit();
        List<Event> events = TestData.generate(5, 30, false);
        SessionCollector c = run(d, Duration.ofMinutes(1), events, null, null);
        long perVisitorEvents = c.sessions().values().stream().flatMap(List::stream).mapToLong(SessionSig::events).sum();
        assertEquals(events.size(), perVisitorEvents);
        for (List<SessionSig> l : c.sessions().values()) {
            assertEquals("first", l.get(0).reason());
            for (int i = 1; i < l.size(); i++) {
                assertTrue(l.get(i).start() >= l.get(i - 1).end());
                assertTrue(!"first".equals(l.get(i).reason()), "only a visitor's first session is 'first'");
            }
        }
    }
}

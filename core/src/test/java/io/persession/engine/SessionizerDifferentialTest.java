package io.persession.engine;

import io.persession.spi.BotClassifier;
import io.persession.spi.Event;
import io.persession.spi.Session;
import io.persession.spi.SessionDefinition;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static io.persession.engine.TestRules.HOUR;
import static io.persession.engine.TestRules.MINUTE;
import static io.persession.engine.TestRules.def;
import static io.persession.engine.TestRules.gap;
import static io.persession.engine.TestRules.login;
import static io.persession.engine.TestRules.midnight;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Sessionizer} and {@link Aggregator} against the implementation before the compact tables
 * ({@link ReferenceSessionizer}, a visitor count in a {@code HashMap}): on random week-long streams with
 * returning visitors, bots, ties and rows out of order within and beyond the lateness, every call to the
 * listener (closed or retracted, every figure of the session, its previous event) is the same, in the
 * same order, and so are the totals, through the engine's regroup pass too.
 */
class SessionizerDifferentialTest {
    private static final List<BotClassifier> BOTS = List.of(new UserAgentBotClassifier());

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (long seed = 1; seed <= 4; seed++) {
            for (String def : new String[] {"idle-2m", "paris", "no-limit"}) {
                for (long lateness : new long[] {0, MINUTE, 10 * MINUTE}) {
                    out.add(Arguments.of(seed, def, lateness));
                }
            }
        }
        return out.stream();
    }

    static SessionDefinition definition(String id) {
        switch (id) {
            case "idle-2m":
                return def(id, gap("idle", Duration.ofMinutes(2)));
            case "paris":
                return def(id, midnight(ZoneId.of("Europe/Paris")), login(), gap("timeout", Duration.ofMinutes(30)));
            default:
                return def(id, midnight(ZoneId.of("Europe/Paris")), login());
        }
    }

    private static List<Event> input(long seed, long lateness) {
        List<Event> sorted = RandomStreams.week(seed, 400, 6 * HOUR);
        // within the lateness nearly always, 0.5% of the rows up to 3 lateness windows (or 2 minutes) late
        long within = lateness;
        long beyond = Math.max(3 * lateness, 2 * MINUTE);
        return RandomStreams.reorder(sorted, within, beyond, 0.005, seed * 7919);
    }

    @ParameterizedTest(name = "seed {0}, {1}, lateness {2} ms")
    @MethodSource("cases")
    void streamingHandsOnExactlyWhatItUsedTo(long seed, String defId, long latenessMillis) {
        streamingHandsOnExactlyWhatItUsedTo(seed, defId, latenessMillis, 1L << 40);
    }

    /** The same with forgotten visitors on disk: a small budget, so that nearly every return reads a run. */
    @ParameterizedTest(name = "seed {0}, {1}, lateness {2} ms, {3} bytes in memory")
    @org.junit.jupiter.params.provider.CsvSource({"1, idle-2m, 0, 1", "2, idle-2m, 600000, 100", "3, paris, 60000, 300",
            "4, paris, 0, 700", "5, idle-2m, 60000, 50"})
    void visitorsOnDiskChangeNothing(long seed, String defId, long latenessMillis, long budgetBytes) {
        streamingHandsOnExactlyWhatItUsedTo(seed, defId, latenessMillis, budgetBytes);
    }

    private void streamingHandsOnExactlyWhatItUsedTo(long seed, String defId, long latenessMillis, long budgetBytes) {
        SessionDefinition d = definition(defId);
        Duration lateness = Duration.ofMillis(latenessMillis);
        List<Event> input = input(seed, latenessMillis);

        RandomStreams.Recorder expected = new RandomStreams.Recorder();
        ReferenceSessionizer ref = new ReferenceSessionizer(d, lateness, expected);
        RandomStreams.Recorder got = new RandomStreams.Recorder();
        Sessionizer s = new Sessionizer(d, lateness, got, budgetBytes);
        long seq = 0;
        for (Event e : input) {
            seq++;
            ref.accept(e, seq);
            s.accept(e, seq);
            if (seq % 97 == 0) {
                assertEquals(ref.openVisitors(), s.openVisitors(), "visitors held after " + seq + " events");
            }
        }
        ref.finish();
        s.finish();

        assertEquals(ref.lateVisitors(), s.lateVisitors());
        assertEquals(ref.sessionsClosed(), s.sessionsClosed());
        if (budgetBytes < 1_000) {
            assertTrue(s.visitorRunsWritten() > 50, "visitors went to disk: " + s.visitorRunsWritten() + " runs");
        }
        assertEquals(expected.calls, got.calls);
        assertTrue(got.calls.size() > 1000, "many sessions: " + got.calls.size());
        if (!defId.equals("no-limit")) {
            long returning = got.calls.stream().filter(c -> c.previous() != null).count();
            assertTrue(returning > 300, "many sessions of returning visitors: " + returning);
        }
    }

    @ParameterizedTest(name = "seed {0}, {1}, lateness {2} ms")
    @MethodSource("cases")
    void engineResultsAreExactlyWhatTheyUsedToBe(long seed, String defId, long latenessMillis) {
        SessionDefinition d = definition(defId);
        Duration lateness = Duration.ofMillis(latenessMillis);
        List<Event> input = input(seed, latenessMillis);

        // the reference: Engine.run's passes (no duplicates here) with the reference sessionizer
        Aggregator refTotals = new Aggregator(BOTS, false);
        RandomStreams.Recorder expected = new RandomStreams.Recorder();
        OldVisitorCount oldVisitors = new OldVisitorCount(BOTS);
        SessionListener refListener = all(refTotals, expected, oldVisitors);
        Set<String> late = referenceEngine(d, lateness, input, refListener);

        RandomStreams.Recorder got = new RandomStreams.Recorder();
        ListInput in = new ListInput(input);
        Engine.Result result = new Engine(lateness, BOTS, false).run(in, List.of(d), x -> got);
        DefinitionResult r = result.first();

        assertEquals(expected.calls, got.calls);
        assertEquals(late.size(), result.input().regroupedVisitors());
        assertEquals(TestData.map(refTotals.totals("EUR")), TestData.map(r.totals()));
        assertEquals(oldVisitors.size(), r.totals().visitors(), "visitors counted as a HashMap did");
        assertEquals(refTotals.sessionStarts(), r.sessionStarts());
        assertEquals(TestData.map(refTotals.botSessions()), TestData.map(r.botSessions()));
        assertEquals(days(refTotals.byDay()), days(r.byDay()));
        if (latenessMillis > 0) {
            assertTrue(late.size() > 0, "the regroup pass must run");
            assertTrue(got.calls.stream().anyMatch(c -> !c.closed()), "some sessions taken back");
        }
    }

    @ParameterizedTest(name = "seed {0}, lateness {1} ms")
    @org.junit.jupiter.params.provider.CsvSource({"5, 0", "6, 60000", "7, 600000"})
    void severalDefinitionsInOneRunGiveWhatEachGivesAlone(long seed, long latenessMillis) {
        List<SessionDefinition> defs = List.of(definition("idle-2m"), definition("paris"), definition("no-limit"));
        Duration lateness = Duration.ofMillis(latenessMillis);
        List<Event> input = input(seed, latenessMillis);
        Map<SessionDefinition, RandomStreams.Recorder> together = new HashMap<>();
        Engine.Result all = new Engine(lateness, BOTS, false).run(new ListInput(input), defs,
                d -> together.computeIfAbsent(d, k -> new RandomStreams.Recorder()));
        for (int i = 0; i < defs.size(); i++) {
            SessionDefinition d = defs.get(i);
            RandomStreams.Recorder expected = new RandomStreams.Recorder();
            Aggregator refTotals = new Aggregator(BOTS, false);
            OldVisitorCount oldVisitors = new OldVisitorCount(BOTS);
            referenceEngine(d, lateness, input, all(refTotals, expected, oldVisitors));
            DefinitionResult r = all.definitions().get(i);
            assertEquals(expected.calls, together.get(d).calls, d.id());
            assertEquals(TestData.map(refTotals.totals("EUR")), TestData.map(r.totals()), d.id());
            assertEquals(oldVisitors.size(), r.totals().visitors(), d.id());
            assertEquals(refTotals.sessionStarts(), r.sessionStarts(), d.id());
            assertEquals(days(refTotals.byDay()), days(r.byDay()), d.id());
        }
    }

    /** What {@link Engine#run} does for one definition, without de-duplication, with the reference sessionizer. */
    private static Set<String> referenceEngine(SessionDefinition d, Duration lateness, List<Event> input, SessionListener listener) {
        ReferenceSessionizer first = new ReferenceSessionizer(d, lateness, listener);
        long seq = 0;
        for (Event e : input) {
            first.accept(e, ++seq);
        }
        first.finish();
        Set<String> late = first.lateVisitors();
        if (late.isEmpty()) {
            return late;
        }
        ReferenceSessionizer replay = ReferenceSessionizer.replayFor(d, lateness, late, new SessionListener() {
            @Override
            public void sessionClosed(Session session) {
                listener.sessionRetracted(session);
            }

            @Override
            public void sessionRetracted(Session session) {
                throw new IllegalStateException();
            }
        });
        Map<String, List<Event>> events = new HashMap<>();
        seq = 0;
        for (Event e : input) {
            replay.accept(e, ++seq);
            if (late.contains(e.visitorId())) {
                events.computeIfAbsent(e.visitorId(), k -> new ArrayList<>()).add(e);
            }
        }
        replay.finish();
        List<Event> mine = new ArrayList<>();
        for (String visitor : late) {
            mine.addAll(events.getOrDefault(visitor, List.of()));
        }
        Sessionizer.sessionize(d, mine, listener);
        return late;
    }

    private static Map<java.time.LocalDate, List<Long>> days(Map<java.time.LocalDate, Aggregator.Day> days) {
        Map<java.time.LocalDate, List<Long>> out = new java.util.TreeMap<>();
        days.forEach((k, v) -> out.put(k, List.of(v.sessions(), v.revenueMicros())));
        return out;
    }

    private static SessionListener all(SessionListener... listeners) {
        return new SessionListener() {
            @Override
            public void sessionClosed(Session session) {
                for (SessionListener l : listeners) {
                    l.sessionClosed(session);
                }
            }

            @Override
            public void sessionRetracted(Session session) {
                for (SessionListener l : listeners) {
                    l.sessionRetracted(session);
                }
            }
        };
    }

    /** The visitor count as {@link Aggregator} kept it before {@link VisitorCounts}: a map, entries removed at 0. */
    static final class OldVisitorCount implements SessionListener {
        private final List<BotClassifier> classifiers;
        private final Map<String, int[]> sessionsByVisitor = new HashMap<>();

        OldVisitorCount(List<BotClassifier> classifiers) {
            this.classifiers = classifiers;
        }

        @Override
        public void sessionClosed(Session session) {
            add(session, 1);
        }

        @Override
        public void sessionRetracted(Session session) {
            add(session, -1);
        }

        private void add(Session s, int sign) {
            if (!BotClassifiers.classifyAll(classifiers, s).isEmpty()) {
                return;
            }
            int[] n = sessionsByVisitor.computeIfAbsent(s.visitorId(), k -> new int[1]);
            n[0] += sign;
            if (n[0] == 0) {
                sessionsByVisitor.remove(s.visitorId());
            }
        }

        long size() {
            return sessionsByVisitor.size();
        }
    }
}

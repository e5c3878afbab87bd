package io.persession.engine;

import io.persession.spi.Event;
import io.persession.spi.Session;
import io.persession.spi.SessionDefinition;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.persession.engine.TestRules.MINUTE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Results never depend on input order: the engine over reordered input equals the batch reference on
 * the sorted events, for several lateness windows, with and without an inactivity limit.
 */
class EnginePropertyTest {
    enum Order { SORTED, LOCAL_5M, LOCAL_45M, GLOBAL }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (long seed : new long[] {1, 2}) {
            for (String def : new String[] {"with-limit", "without-limit"}) {
                for (long lateness : new long[] {0, MINUTE, 10 * MINUTE}) {
                    for (Order order : Order.values()) {
                        out.add(Arguments.of(seed, def, lateness, order));
                    }
                }
            }
        }
        return out.stream();
    }

    private static SessionDefinition definition(String id) {
        return id.equals("with-limit") ? TestRules.withLimit() : TestRules.withoutLimit();
    }

    private static List<Event> reorder(List<Event> sorted, Order order, long seed) {
        switch (order) {
            case SORTED:
                return sorted;
            case LOCAL_5M:
                return TestData.localShuffle(sorted, 5 * MINUTE, seed * 31);
            case LOCAL_45M:
                return TestData.localShuffle(sorted, 45 * MINUTE, seed * 37);
            default:
                return TestData.globalShuffle(sorted, seed * 41);
        }
    }

    @ParameterizedTest(name = "seed {0}, {1}, lateness {2} ms, {3}")
    @MethodSource("cases")
    void engineEqualsBatchOnSortedEvents(long seed, String defId, long latenessMillis, Order order) {
        SessionDefinition d = definition(defId);
        List<Event> sorted = TestData.generate(seed, 48, false);
        assertTrue(sorted.size() > 2000, "a few thousand events: " + sorted.size());
        List<Event> input = reorder(sorted, order, seed);

        // the reference: batch on the sorted events, aggregated the same way
        List<Session> batch = Sessionizer.sessionize(d, sorted);
        Aggregator ref = new Aggregator(List.of(new UserAgentBotClassifier()), false);
        batch.forEach(ref::sessionClosed);
        SessionCollector refSessions = SessionCollector.of(batch);

        SessionCollector got = new SessionCollector();
        ListInput in = new ListInput(input);
        Engine engine = new Engine(Duration.ofMillis(latenessMillis), List.of(new UserAgentBotClassifier()), false);
        Engine.Result result = engine.run(in, List.of(d), x -> {
            assertEquals(d, x);
            return got;
        });
        DefinitionResult r = result.first();

        assertEquals(TestData.map(ref.totals("EUR")), TestData.map(r.totals()));
        assertEquals(ref.sessionStarts(), r.sessionStarts());
        assertEquals(TestData.map(ref.botSessions()), TestData.map(r.botSessions()));
        assertEquals(StandardMetrics.computeAll(ref.totals("EUR")), r.metrics());
        assertEquals(refSessions.sessions(), got.sessions(), "per-visitor sessions");
        assertTrue(r.sessionStarts().size() >= 3, "several start reasons: " + r.sessionStarts());
        assertTrue(r.botSessionsExcluded() > 0);

        InputReport report = result.input();
        assertEquals(sorted.size(), report.rows());
        assertEquals(sorted.size(), report.accepted());
        assertEquals(0, report.duplicates());
        if (order == Order.SORTED || (order == Order.LOCAL_5M && latenessMillis > 5 * MINUTE)) {
            assertEquals(0, report.regroupedVisitors(), "in-order rows never need a regroup");
            assertEquals(List.of(true), in.passes);
            assertEquals(0, got.retracted);
        }
        if (order == Order.GLOBAL || (order != Order.SORTED && latenessMillis == 0)) {
            assertTrue(report.regroupedVisitors() > 0, "this order must exercise the regroup pass");
            assertEquals(List.of(true, false), in.passes);
        }
    }

    @ParameterizedTest(name = "seed {0}, {1}, lateness {2} ms, {3}")
    @MethodSource("cases")
    void engineEqualsBatchOnTheSameOrderWhenVisitorsHaveTies(long seed, String defId, long latenessMillis, Order order) {
        // with equal timestamps within a visitor, input order decides: compare with batch on the same order
        SessionDefinition d = definition(defId);
        List<Event> input = reorder(TestData.generate(seed + 100, 40, true), order, seed);
        List<Session> batch = Sessionizer.sessionize(d, input);
        Aggregator ref = new Aggregator(List.of(), false);
        batch.forEach(ref::sessionClosed);

        SessionCollector got = new SessionCollector();
        Engine.Result result = new Engine(Duration.ofMillis(latenessMillis), List.of(), false)
                .run(new ListInput(input), List.of(d), x -> got);
        assertEquals(TestData.map(ref.totals("EUR")), TestData.map(result.first().totals()));
        assertEquals(ref.sessionStarts(), result.first().sessionStarts());
        assertEquals(SessionCollector.of(batch).sessions(), got.sessions());
    }
}

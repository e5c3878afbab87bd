package io.persession.engine;

import io.persession.spi.Event;
import io.persession.spi.EventType;
import io.persession.spi.Session;
import io.persession.spi.SessionDefinition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import static io.persession.engine.TestData.BASE;
import static io.persession.engine.TestRules.HOUR;
import static io.persession.engine.TestRules.MINUTE;
import static io.persession.engine.TestRules.def;
import static io.persession.engine.TestRules.timeout30;
import static io.persession.engine.TestRules.withLimit;
import static io.persession.engine.TestRules.withoutLimit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every session knows the visitor's event before it ({@link Session#previousEvent()}) and the gap, the
 * same whether the visitor stayed in memory, was forgotten while idle, or was regrouped after late rows.
 */
@DisplayName("explaining sessions: the previous event and the gap, whatever the path and the input order")
class ExplainSessionsTest {
    private static final SessionDefinition T30 = def("t", timeout30());

    private static Event ev(long ts, String visitor, String name, String page) {
        return Event.builder(ts, visitor).named(name).page(page).referrer("https://ref.example/" + name).eventId(visitor + ts).build();
    }

    /** What `sessions --explain` shows of a session, as one comparable line. */
    static String explain(Session s) {
        Optional<Event> p = s.previousEvent();
        return s.visitorId() + " " + s.startMillis() + " " + s.startReason() + " " + s.firstEvent().name() + " "
                + p.map(e -> e.timestampMillis() + " " + e.name() + " " + e.page() + " " + e.type()).orElse("-") + " "
                + s.gapMillis().map(String::valueOf).orElse("-");
    }

    private static TreeSet<String> explained(List<Session> sessions) {
        TreeSet<String> out = new TreeSet<>();
        sessions.forEach(s -> out.add(explain(s)));
        return out;
    }

    @Test
    @DisplayName("the first session has none; a later one has the previous event's time, type, name and page, and the gap")
    void previousEventAndGap() {
        List<Session> s = Sessionizer.sessionize(T30, List.of(
                ev(BASE, "a", "pageview", "/home"), ev(BASE + 10 * MINUTE, "a", "add_to_cart", "/cart"),
                ev(BASE + 50 * MINUTE, "a", "pageview", "/again")));
        assertEquals(2, s.size());
        assertTrue(s.get(0).previousEvent().isEmpty());
        assertTrue(s.get(0).gapMillis().isEmpty());
        Event p = s.get(1).previousEvent().orElseThrow();
        assertEquals(BASE + 10 * MINUTE, p.timestampMillis());
        assertEquals("add_to_cart", p.name());
        assertEquals(EventType.OTHER, p.type());
        assertEquals("/cart", p.page());
        assertEquals("a", p.visitorId());
        assertEquals(null, p.referrer(), "a summary: time, type, name and page only");
        assertEquals(null, p.eventId());
        assertEquals(Optional.of(40 * MINUTE), s.get(1).gapMillis());
    }

    @Test
    @DisplayName("a visitor forgotten while idle gets the same previous event when it returns")
    void forgottenVisitor() {
        List<Event> events = List.of(
                ev(BASE, "a", "pageview", "/home"), ev(BASE + 10 * MINUTE, "a", "purchase", "/thanks"),
                ev(BASE + 2 * HOUR, "b", "pageview", "/b"),          // moves the watermark: a is forgotten
                ev(BASE + 3 * HOUR, "a", "pageview", "/back"));
        List<Session> streamed = new ArrayList<>();
        Sessionizer sz = new Sessionizer(T30, Duration.ZERO, SessionCollectorList.into(streamed));
        long seq = 0;
        for (Event e : events) {
            sz.accept(e, seq++);
            if (e.visitorId().equals("b")) {
                assertEquals(1, sz.openVisitors(), "a was forgotten");
            }
        }
        sz.finish();
        assertEquals(explained(Sessionizer.sessionize(T30, events)), explained(streamed));
        Session back = streamed.stream().filter(s -> s.visitorId().equals("a") && s.startReason().equals("timeout")).findFirst().orElseThrow();
        assertEquals("/thanks", back.previousEvent().orElseThrow().page());
        assertEquals(Optional.of(3 * HOUR - 10 * MINUTE), back.gapMillis());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    @DisplayName("the engine explains every session the same for time-ordered, locally shuffled and fully shuffled input")
    void independentOfInputOrder(long seed) {
        List<Event> ordered = TestData.generate(seed, 60, false);
        for (SessionDefinition d : List.of(withLimit(), withoutLimit(), T30)) {
            TreeSet<String> reference = explained(Sessionizer.sessionize(d, ordered));
            assertFalse(reference.isEmpty());
            assertTrue(reference.stream().anyMatch(l -> !l.endsWith(" -")), "some sessions have a previous event");
            for (List<Event> input : List.of(ordered, TestData.localShuffle(ordered, 5 * MINUTE, seed), TestData.globalShuffle(ordered, seed))) {
                for (Duration lateness : List.of(Duration.ZERO, Duration.ofMinutes(10))) {
                    List<Session> got = new ArrayList<>();
                    SessionCollectorList collector = new SessionCollectorList(got);
                    new Engine(lateness, List.of(), true).run(new ListInput(input), List.of(d), x -> collector);
                    assertEquals(reference, explained(collector.sessions()), d.id() + " lateness " + lateness);
                }
            }
        }
    }

    /** Collects sessions, honouring retractions by identity. */
    static final class SessionCollectorList implements SessionListener {
        private final List<Session> sessions;

        SessionCollectorList(List<Session> sessions) {
            this.sessions = sessions;
        }

        static SessionCollectorList into(List<Session> sessions) {
            return new SessionCollectorList(sessions);
        }

        @Override
        public void sessionClosed(Session session) {
            sessions.add(session);
        }

        @Override
        public void sessionRetracted(Session session) {
            String key = explain(session) + " " + session.endMillis() + " " + session.eventCount();
            for (int i = 0; i < sessions.size(); i++) {
                Session s = sessions.get(i);
                if ((explain(s) + " " + s.endMillis() + " " + s.eventCount()).equals(key)) {
                    sessions.remove(i);
                    return;
                }
            }
            throw new AssertionError("retracted a session never handed on: " + key);
        }

        List<Session> sessions() {
            return sessions;
        }
    }
}

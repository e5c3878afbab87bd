package io.persession.engine;

import io.persession.spi.Event;
import io.persession.spi.EventType;
import io.persession.spi.OpenSession;
import io.persession.spi.Session;
import io.persession.spi.SessionDefinition;
import io.persession.spi.SessionRule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static io.persession.engine.TestData.BASE;
import static io.persession.engine.TestRules.def;
import static io.persession.engine.TestRules.timeout30;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("what sessions carry for bot rules and by-id: event times, attributes, missing values")
class SessionExtrasTest {
    private static final SessionDefinition ONE = def("one");

    @Test
    @DisplayName("maxEventsWithin is exact: a sliding window agrees with brute force")
    void maxEventsWithin() {
        SplittableRandom r = new SplittableRandom(3);
        for (int round = 0; round < 200; round++) {
            List<Event> events = new ArrayList<>();
            long t = BASE;
            int n = 1 + r.nextInt(60);
            // a third of the sessions last months: their times no longer fit 32-bit offsets from the first
            long unit = round % 3 == 0 ? 1_000_000L : 1;
            for (int i = 0; i < n; i++) {
                t += r.nextInt(4) == 0 ? 0 : r.nextInt(5_000) * unit;
                events.add(Event.builder(t, "v").type(EventType.PAGEVIEW).build());
            }
            Session s = Sessionizer.sessionize(ONE, events).get(0);
            long window = (1 + r.nextInt(20_000)) * unit;
            int brute = 0;
            for (int i = 0; i < n; i++) {
                int c = 0;
                for (int j = i; j < n; j++) {
                    if (events.get(j).timestampMillis() - events.get(i).timestampMillis() < window) {
                        c++;
                    }
                }
                brute = Math.max(brute, c);
            }
            assertEquals(brute, s.maxEventsWithin(Duration.ofMillis(window)), "round " + round);
        }
    }

    @Test
    @DisplayName("a session's attribute is the value of its latest event that has one")
    void attributes() {
        List<Event> events = List.of(
                Event.builder(BASE, "v").build(),
                Event.builder(BASE + 1, "v").attribute("sid", "a").build(),
                Event.builder(BASE + 2, "v").build());
        Session s = Sessionizer.sessionize(ONE, events).get(0);
        assertEquals("a", s.attribute("sid"));
        assertNull(s.attribute("other"));
        OpenSession[] seen = new OpenSession[1];
        String[] value = new String[1];
        SessionRule spy = new SessionRule() {
            @Override
            public String reason() {
                return "spy";
            }

            @Override
            public boolean startsNewSession(OpenSession session, Event next) {
                seen[0] = session;
                value[0] = session.attribute("sid");
                return false;
            }
        };
        Sessionizer.sessionize(def("spy", spy), events);
        assertEquals("a", value[0], "rules see the latest value, past events without one");
    }

    @Test
    @DisplayName("events: attributes are immutable, blank means absent, copied by toBuilder; none costs a shared empty map")
    void eventAttributes() {
        Event plain = Event.builder(BASE, "v").build();
        assertSame(Event.builder(BASE, "w").build().attributes(), plain.attributes());
        Event e = Event.builder(BASE, "v").attribute("sid", "1").attribute("blank", "  ").attribute("x", "2").attribute("x", null).build();
        assertEquals(Map.of("sid", "1"), e.attributes());
        assertEquals("1", e.toBuilder().build().attribute("sid"));
        assertThrows(UnsupportedOperationException.class, () -> e.attributes().put("y", "3"));
        assertThrows(IllegalArgumentException.class, () -> Event.builder(BASE, "v").attribute(" ", "1"));
    }

    @Test
    @DisplayName("the engine counts, per definition, the events without a value in each column it reads")
    void missingValues() {
        SessionDefinition byId = SessionDefinition.of("by-sid", "reads sid", Map.of(), List.of(timeout30()), Set.of("sid"));
        SessionDefinition plain = def("plain", timeout30());
        List<Event> events = List.of(
                Event.builder(BASE, "v").attribute("sid", "1").build(),
                Event.builder(BASE + 1, "v").build(),
                Event.builder(BASE + 2, "w").build(),
                Event.builder(BASE + 3, "w").attribute("sid", "2").build());
        Engine.Result r = new Engine().run(new ListInput(events), List.of(plain, byId));
        assertEquals(Map.of(), r.definitions().get(0).missingValues());
        assertEquals(Map.of("sid", 2L), r.definitions().get(1).missingValues());
        assertEquals(Set.of("sid"), byId.inputColumns());
        assertTrue(plain.inputColumns().isEmpty());
    }
}

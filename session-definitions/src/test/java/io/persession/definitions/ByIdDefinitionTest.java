package io.persession.definitions;

import io.persession.spi.Event;
import io.persession.spi.InvalidOptionException;
import io.persession.spi.Session;
import io.persession.spi.SessionDefinition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.persession.definitions.TestEvents.counts;
import static io.persession.definitions.TestEvents.pageview;
import static io.persession.definitions.TestEvents.reasons;
import static io.persession.definitions.TestEvents.sessionize;
import static io.persession.definitions.TestEvents.utc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("by-id: sessions given by a column of the input")
class ByIdDefinitionTest {
    private static final SessionDefinition BY_ID = new ByIdDefinitionProvider().create(Map.of("column", "ga_session_id"));
    private static final long T0 = utc("2026-03-02T10:00:00Z");

    private static Event at(long minute, String id) {
        Event.Builder b = pageview(T0 + minute * 60_000L);
        return (id == null ? b : b.attribute("ga_session_id", id)).build();
    }

    @Test
    @DisplayName("the definition reads its column, shows it in force, and has no inactivity limit")
    void declaresTheColumn() {
        assertEquals(Set.of("ga_session_id"), BY_ID.inputColumns());
        assertEquals(Map.of("column", "ga_session_id"), BY_ID.options());
        assertTrue(BY_ID.inactivityLimit().isEmpty());
        assertEquals("ga_session_id", new ByIdDefinitionProvider().create(Map.of("column", "  ga_session_id ")).options().get("column"));
    }

    @Test
    @DisplayName("a new session when the id changes, however long or short the gap; reason session-id")
    void splitsOnChange() {
        List<Session> s = sessionize(BY_ID, at(0, "a"), at(1, "a"), at(2, "b"), at(300, "b"), at(301, "c"));
        assertEquals(List.of("first", "session-id", "session-id"), reasons(s));
        assertEquals(List.of(2, 2, 1), counts(s));
    }

    @Test
    @DisplayName("an event without a value continues the current session; a session without one takes the next id")
    void missingValuesContinue() {
        List<Session> s = sessionize(BY_ID, at(0, null), at(1, "a"), at(2, null), at(3, "a"), at(4, null), at(5, "b"), at(6, null));
        assertEquals(List.of("first", "session-id"), reasons(s));
        assertEquals(List.of(5, 2), counts(s));
        assertEquals("a", s.get(0).attribute("ga_session_id"));
        assertEquals("b", s.get(1).attribute("ga_session_id"));
        // the id is remembered past events without one: [null, a, null] then b splits
        assertEquals(List.of(3, 1), counts(sessionize(BY_ID, at(0, null), at(1, "a"), at(2, null), at(3, "b"))));
        // a visitor without any id has one session
        assertEquals(List.of(3), counts(sessionize(BY_ID, at(0, null), at(100, null), at(900, null))));
    }

    @Test
    @DisplayName("alternating ids (two tabs) start a session at each change: sessions never overlap")
    void alternatingIds() {
        assertEquals(List.of(1, 1, 1), counts(sessionize(BY_ID, at(0, "a"), at(1, "b"), at(2, "a"))));
    }

    @Test
    @DisplayName("the column is required: leaving it out or blank names it")
    void columnRequired() {
        InvalidOptionException e = assertThrows(InvalidOptionException.class, () -> new ByIdDefinitionProvider().create(Map.of()));
        assertEquals("column", e.option());
        assertTrue(e.getMessage().contains("'by-id'") && e.getMessage().contains("'column'") && e.getMessage().contains("ga_session_id"),
                e.getMessage());
        assertEquals("column", assertThrows(InvalidOptionException.class,
                () -> new ByIdDefinitionProvider().create(Map.of("column", " "))).option());
        assertFalse(new ByIdDefinitionProvider().options().get(0).toString().contains("="), "no default shown");
    }

    @Test
    @DisplayName("the rule is pure: it reads only the next event and the session's id")
    void rule() {
        SessionIdRule rule = new SessionIdRule("sid");
        assertEquals("session-id", rule.reason());
        assertTrue(rule.inactivityLimit().isEmpty());
        assertEquals(rule, new SessionIdRule("sid"));
        assertEquals("session-id(sid)", rule.toString());
    }
}

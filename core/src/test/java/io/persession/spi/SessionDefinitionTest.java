package io.persession.spi;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionDefinitionTest {
    private static SessionRule rule(String reason, Duration limit) {
        return new SessionRule() {
            @Override
            public String reason() {
                return reason;
            }

            @Override
            public boolean startsNewSession(OpenSession session, Event next) {
                return false;
            }

            @Override
            public Optional<Duration> inactivityLimit() {
                return Optional.ofNullable(limit);
            }
        };
    }

    @Test
    void inactivityRuleIsTheSmallestLimit() {
        SessionRule none = rule("campaign", null);
        SessionRule twoHours = rule("max-idle", Duration.ofHours(2));
        SessionRule thirty = rule("timeout", Duration.ofMinutes(30));
        SessionDefinition d = SessionDefinition.of("t", "d", Map.of(), List.of(none, twoHours, thirty));
        assertSame(thirty, d.inactivityRule().orElseThrow());
        assertEquals(Duration.ofMinutes(30), d.inactivityLimit().orElseThrow());
        assertTrue(SessionDefinition.of("t", "d", Map.of(), List.of(none)).inactivityLimit().isEmpty());
        assertTrue(SessionDefinition.of("t", "d", Map.of(), List.of()).inactivityRule().isEmpty());
    }

    @Test
    void validatesIdAndReasons() {
        assertThrows(IllegalArgumentException.class, () -> SessionDefinition.of("Timeout", "d", Map.of(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> SessionDefinition.of("a--b", "d", Map.of(), List.of()));
        IllegalArgumentException first = assertThrows(IllegalArgumentException.class,
                () -> SessionDefinition.of("t", "d", Map.of(), List.of(rule("first", null))));
        assertTrue(first.getMessage().contains("'first'"), first.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SessionDefinition.of("t", "d", Map.of(), List.of(rule("Time Out", null))));
        assertThrows(NullPointerException.class, () -> SessionDefinition.of("t", "d", Map.of(), List.of(rule(null, null))));
    }

    @Test
    void optionsAndRulesAreCopied() {
        Map<String, String> options = new HashMap<>(Map.of("timeout", "30m"));
        SessionDefinition d = SessionDefinition.of("t", "d", options, List.of(rule("timeout", Duration.ofMinutes(30))));
        options.put("zone", "UTC");
        assertEquals(Map.of("timeout", "30m"), d.options());
        assertThrows(UnsupportedOperationException.class, () -> d.options().put("x", "y"));
        assertThrows(UnsupportedOperationException.class, () -> d.rules().clear());
        assertEquals("t{timeout=30m}", d.toString());
    }
}

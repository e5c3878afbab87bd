package io.persession.definitions;

import io.persession.spi.Event;
import io.persession.spi.Session;
import io.persession.spi.SessionDefinition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.persession.definitions.TestEvents.counts;
import static io.persession.definitions.TestEvents.pv;
import static io.persession.definitions.TestEvents.reasons;
import static io.persession.definitions.TestEvents.rules;
import static io.persession.definitions.TestEvents.sessionize;
import static io.persession.definitions.TestEvents.utc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@DisplayName("MaxDurationRule and MaxEventsRule")
class MaxLimitRulesTest {
    private static final long T0 = utc("2026-05-01T10:00:00Z");

    private static List<Event> every(Duration step, int count) {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(pv(T0 + i * step.toMillis()));
        }
        return events;
    }

    @Test
    @DisplayName("adobe: 2500 hits make one visit; the 2501st starts a new one with max-events")
    void adobeMaxHits() {
        SessionDefinition adobe = new AdobeDefinitionProvider().create(Map.of());
        List<Session> s = sessionize(adobe, every(Duration.ofSeconds(1), 2501));
        assertEquals(List.of("first", "max-events"), reasons(s));
        assertEquals(List.of(2500, 1), counts(s));
        assertEquals(List.of("first"), reasons(sessionize(adobe, every(Duration.ofSeconds(1), 2500))));
    }

    @Test
    @DisplayName("adobe: an event exactly 12h after the start belongs to the visit; 1 ms later starts one with max-duration")
    void adobeMaxDuration() {
        SessionDefinition adobe = new AdobeDefinitionProvider().create(Map.of());
        List<Event> events = every(Duration.ofMinutes(20), 37); // 0 .. 720 minutes
        assertEquals(Duration.ofHours(12).toMillis(), events.get(36).timestampMillis() - T0);
        assertEquals(List.of("first"), reasons(sessionize(adobe, events)));
        events.add(pv(T0 + Duration.ofHours(12).toMillis() + 1));
        List<Session> s = sessionize(adobe, events);
        assertEquals(List.of("first", "max-duration"), reasons(s));
        assertEquals(List.of(37, 1), counts(s));
    }

    @Test
    @DisplayName("posthog: 24h maximum at the edge")
    void posthogMaxDuration() {
        SessionDefinition posthog = new PostHogDefinitionProvider().create(Map.of());
        List<Event> events = every(Duration.ofMinutes(20), 73); // 0 .. 24h
        assertEquals(List.of("first"), reasons(sessionize(posthog, events)));
        events.add(pv(T0 + Duration.ofHours(24).toMillis() + 1));
        assertEquals(List.of("first", "max-duration"), reasons(sessionize(posthog, events)));
    }

    @Test
    @DisplayName("a timeout takes precedence: a long gap is 'timeout' even past the maximum duration")
    void timeoutFirst() {
        SessionDefinition adobe = new AdobeDefinitionProvider().create(Map.of());
        assertEquals(List.of("first", "timeout"), reasons(sessionize(adobe, pv(T0), pv(T0 + Duration.ofHours(13).toMillis()))));
    }

    @Test
    @DisplayName("options max-events and max-duration change the limits")
    void options() {
        SessionDefinition adobe = new AdobeDefinitionProvider().create(Map.of("max-events", "3", "max-duration", "1h"));
        assertEquals(List.of(3, 3, 1), counts(sessionize(adobe, every(Duration.ofSeconds(1), 7))));
        List<Session> s = sessionize(adobe, every(Duration.ofMinutes(20), 3));
        assertEquals(List.of("first"), reasons(s));
        List<Session> longer = sessionize(new AdobeDefinitionProvider().create(Map.of("max-duration", "1h")),
                every(Duration.ofMinutes(20), 5));
        assertEquals(List.of("first", "max-duration"), reasons(longer));
        assertEquals(List.of(4, 1), counts(longer));
    }

    @Test
    @DisplayName("the rules alone, and their argument checks")
    void rulesAlone() {
        assertEquals(List.of(1, 1, 1), counts(sessionize(rules(new MaxEventsRule(1)), every(Duration.ofSeconds(1), 3))));
        assertEquals(List.of(2, 2), counts(sessionize(rules(new MaxDurationRule(Duration.ofSeconds(1))), every(Duration.ofSeconds(1), 4))));
        assertThrows(IllegalArgumentException.class, () -> new MaxEventsRule(0));
        assertThrows(IllegalArgumentException.class, () -> new MaxDurationRule(Duration.ZERO));
        assertEquals("max-events", new MaxEventsRule(5).reason());
        assertEquals("max-duration", new MaxDurationRule(Duration.ofHours(1)).reason());
    }
}

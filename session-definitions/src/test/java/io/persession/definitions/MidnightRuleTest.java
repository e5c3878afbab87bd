package io.persession.definitions;

import io.persession.spi.Event;
import io.persession.spi.Session;
import io.persession.spi.SessionDefinition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.persession.definitions.TestEvents.counts;
import static io.persession.definitions.TestEvents.local;
import static io.persession.definitions.TestEvents.pv;
import static io.persession.definitions.TestEvents.reasons;
import static io.persession.definitions.TestEvents.rules;
import static io.persession.definitions.TestEvents.sessionize;
import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("MidnightRule")
class MidnightRuleTest {
    private static final String LA = "America/Los_Angeles";

    @Test
    @DisplayName("midnight in America/Los_Angeles splits a 20-minute gap; the same events do not split in UTC")
    void losAngeles() {
        Event before = pv(local("2026-07-04T23:50:00", LA));
        Event after = pv(local("2026-07-05T00:10:00", LA));
        SessionDefinition la = new MidnightDefinitionProvider().create(Map.of("zone", LA));
        SessionDefinition utc = new MidnightDefinitionProvider().create(Map.of());
        assertEquals(List.of("first", "midnight"), reasons(sessionize(la, before, after)));
        assertEquals(List.of("first"), reasons(sessionize(utc, before, after)));
        // 06:50Z..07:10Z is 23:50..00:10 in LA but no midnight in UTC; 23:50Z..00:10Z is the other way round
        Event utcBefore = pv(local("2026-07-04T23:50:00", "UTC"));
        Event utcAfter = pv(local("2026-07-05T00:10:00", "UTC"));
        assertEquals(List.of("first"), reasons(sessionize(la, utcBefore, utcAfter)));
        assertEquals(List.of("first", "midnight"), reasons(sessionize(utc, utcBefore, utcAfter)));
    }

    @Test
    @DisplayName("an event at exactly 00:00:00.000 local belongs to the new day")
    void exactlyMidnight() {
        SessionDefinition d = rules(new MidnightRule(ZoneId.of(LA)));
        long midnight = local("2026-07-05T00:00:00", LA);
        assertEquals(List.of("first", "midnight"), reasons(sessionize(d, pv(midnight - 1), pv(midnight))));
        assertEquals(List.of("first"), reasons(sessionize(d, pv(midnight), pv(midnight + 1), pv(midnight + 60_000))));
        assertEquals(List.of("first"), reasons(sessionize(d, pv(midnight - 60_000), pv(midnight - 1))));
    }

    /**
     * Events every 20 minutes from local midnight of a daylight-saving day to the next local
     * midnight: the day's session holds 23 or 25 hours of events, and the next midnight splits.
     */
    @ParameterizedTest(name = "{0} {1}: a {2}-hour day")
    @CsvSource({
        "Europe/Paris, 2026-03-29, 23",
        "Europe/Paris, 2026-10-25, 25",
        "America/New_York, 2026-03-08, 23",
        "America/New_York, 2026-11-01, 25",
        "America/Los_Angeles, 2026-06-15, 24",
    })
    @DisplayName("daylight-saving days are 23 or 25 hours long")
    void daylightSavingDays(String zone, LocalDate date, int hours) {
        ZoneId z = ZoneId.of(zone);
        long start = date.atStartOfDay(z).toInstant().toEpochMilli();
        long end = date.plusDays(1).atStartOfDay(z).toInstant().toEpochMilli();
        assertEquals(Duration.ofHours(hours).toMillis(), end - start);
        List<Event> events = new ArrayList<>();
        events.add(pv(start - Duration.ofMinutes(20).toMillis()));
        for (long t = start; t < end; t += Duration.ofMinutes(20).toMillis()) {
            events.add(pv(t));
        }
        events.add(pv(end));
        for (SessionDefinition d : List.of(rules(new MidnightRule(z)),
                new MidnightDefinitionProvider().create(Map.of("zone", zone)),
                new MatomoDefinitionProvider().create(Map.of("zone", zone)),
                new UniversalAnalyticsDefinitionProvider().create(Map.of("zone", zone)))) {
            List<Session> sessions = sessionize(d, events);
            assertEquals(List.of("first", "midnight", "midnight"), reasons(sessions), d.toString());
            assertEquals(List.of(1, hours * 3, 1), counts(sessions), d.toString());
        }
    }

    @Test
    @DisplayName("the hour that does not exist (Paris 2026-03-29 02:00-03:00) is no midnight: 01:50 to 03:10 local continues")
    void skippedHour() {
        String paris = "Europe/Paris";
        SessionDefinition d = new MidnightDefinitionProvider().create(Map.of("zone", paris));
        long a = local("2026-03-29T01:50:00", paris);
        long b = local("2026-03-29T03:10:00", paris);
        assertEquals(Duration.ofMinutes(20).toMillis(), b - a);
        assertEquals(List.of("first"), reasons(sessionize(d, pv(a), pv(b))));
    }

    @Test
    @DisplayName("the repeated hour (Paris 2026-10-25 02:00-03:00 twice) is no midnight either")
    void repeatedHour() {
        String paris = "Europe/Paris";
        SessionDefinition d = new MidnightDefinitionProvider().create(Map.of("zone", paris));
        long firstPass = java.time.ZonedDateTime.of(2026, 10, 25, 2, 50, 0, 0, ZoneId.of(paris)).withEarlierOffsetAtOverlap()
                .toInstant().toEpochMilli();
        long secondPass = java.time.ZonedDateTime.of(2026, 10, 25, 2, 10, 0, 0, ZoneId.of(paris)).withLaterOffsetAtOverlap()
                .toInstant().toEpochMilli();
        assertEquals(Duration.ofMinutes(20).toMillis(), secondPass - firstPass);
        assertEquals(List.of("first"), reasons(sessionize(d, pv(firstPass), pv(secondPass))));
    }

    @Test
    @DisplayName("the date is compared with the session's latest event, so a session spanning days splits at each midnight")
    void comparesWithLatestEvent() {
        SessionDefinition d = rules(new MidnightRule(ZoneId.of("UTC")));
        List<Session> s = sessionize(d, pv(local("2026-01-01T23:00:00", "UTC")), pv(local("2026-01-02T01:00:00", "UTC")),
                pv(local("2026-01-02T23:00:00", "UTC")), pv(local("2026-01-03T00:00:00", "UTC")));
        assertEquals(List.of("first", "midnight", "midnight"), reasons(s));
        assertEquals(List.of(1, 2, 1), counts(s));
    }
}

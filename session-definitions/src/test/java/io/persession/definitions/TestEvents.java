package io.persession.definitions;

import io.persession.engine.Sessionizer;
import io.persession.spi.Event;
import io.persession.spi.EventType;
import io.persession.spi.Session;
import io.persession.spi.SessionDefinition;
import io.persession.spi.SessionRule;
import io.persession.spi.TrafficSource;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Small event lists for rule tests, all of one visitor unless stated. */
final class TestEvents {
    static final String VISITOR = "v1";
    static final String PAGE = "https://shop.example.com/x";

    private TestEvents() {
    }

    /** Epoch millis of an ISO instant such as {@code 2026-07-05T06:50:00Z}. */
    static long utc(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    /** Epoch millis of a local date-time such as {@code 2026-03-29T01:59:59.999} in {@code zone}. */
    static long local(String localDateTime, String zone) {
        return LocalDateTime.parse(localDateTime).atZone(ZoneId.of(zone)).toInstant().toEpochMilli();
    }

    /** A pageview on {@link #PAGE}, direct, no referrer. */
    static Event.Builder pageview(long ts) {
        return Event.builder(ts, VISITOR).type(EventType.PAGEVIEW).page(PAGE);
    }

    static Event pv(long ts) {
        return pageview(ts).build();
    }

    static Event from(long ts, TrafficSource source) {
        return pageview(ts).trafficSource(source).build();
    }

    static Event referred(long ts, String referrer) {
        return pageview(ts).referrer(referrer).build();
    }

    static TrafficSource source(String source, String medium, String campaign) {
        return TrafficSource.of(source, medium, campaign, null, null, null);
    }

    static SessionDefinition rules(SessionRule... rules) {
        return SessionDefinition.of("test", "rules under test", Map.of(), List.of(rules));
    }

    static List<Session> sessionize(SessionDefinition definition, Event... events) {
        return Sessionizer.sessionize(definition, Arrays.asList(events));
    }

    static List<Session> sessionize(SessionDefinition definition, List<Event> events) {
        return Sessionizer.sessionize(definition, events);
    }

    static List<String> reasons(List<Session> sessions) {
        return sessions.stream().map(Session::startReason).collect(Collectors.toList());
    }

    static List<Integer> counts(List<Session> sessions) {
        return sessions.stream().map(Session::eventCount).collect(Collectors.toList());
    }
}

package io.persession.spi;

import java.time.Duration;
import java.util.Optional;

/**
 * A finished session: one visitor's events from one start to the next, as the host built it under a
 * {@link SessionDefinition}. Immutable; implemented by the host.
 */
public interface Session {
    String visitorId();

    /** Epoch millis of the first event. */
    long startMillis();

    /** Epoch millis of the last event. */
    long endMillis();

    /** {@link SessionDefinition#FIRST} or the reason code of the rule that started it. */
    String startReason();

    int eventCount();

    int pageviews();

    /** Purchase events (orders), after de-duplication by order id. */
    int purchases();

    int refunds();

    int adRequests();

    int adImpressions();

    long purchaseRevenueMicros();

    long adRevenueMicros();

    long refundMicros();

    /** Net revenue: purchases + ad revenue - refunds, in micro-units; may be negative. */
    default long revenueMicros() {
        return purchaseRevenueMicros() + adRevenueMicros() - refundMicros();
    }

    /** The session's traffic source (see {@link OpenSession#trafficSource()}). */
    TrafficSource trafficSource();

    /** The first event. */
    Event firstEvent();

    /** The last event. */
    Event lastEvent();

    /**
     * The visitor's event just before this session's first one, which is what a rule compared the
     * first event with when it started this session; empty for a visitor's first session.
     *
     * <p>A summary, the same however the host got there (the visitor kept in memory, forgotten while
     * idle, or regrouped): it holds the timestamp, visitor, type, name and page of that event, and
     * nothing else.
     */
    default Optional<Event> previousEvent() {
        return Optional.empty();
    }

    /**
     * The gap in milliseconds from {@link #previousEvent()} to this session's first event; empty for
     * a visitor's first session.
     */
    default Optional<Long> gapMillis() {
        return previousEvent().map(p -> startMillis() - p.timestampMillis());
    }

    /**
     * The most events of this session that lie within a span shorter than {@code window}: the
     * largest {@code n} such that {@code n} of its events, in time order, go from some {@code t} to
     * before {@code t + window}. Bot classifiers use it for rules such as "more than 100 events in
     * under 100 seconds".
     *
     * <p>The host tracks every event's time and answers exactly. This default, for implementations
     * that do not, gives a lower bound: the event count when the whole session is shorter than the
     * window, else 1.
     */
    default int maxEventsWithin(Duration window) {
        long w;
        try {
            w = window.toMillis();
        } catch (ArithmeticException e) {
            w = Long.MAX_VALUE;
        }
        return endMillis() - startMillis() < w ? eventCount() : 1;
    }

    /**
     * The session's value of the attribute (input column) {@code name}: see
     * {@link OpenSession#attribute(String)}; {@code null} when none of its events has one.
     */
    default String attribute(String name) {
        String v = firstEvent().attribute(name);
        return v != null ? v : lastEvent().attribute(name);
    }
}

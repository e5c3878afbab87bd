package io.persession.spi;

/**
 * The session a visitor is in, as far as it goes: what a {@link SessionRule} sees when it decides
 * whether the visitor's next event continues it.
 *
 * <p>Valid only during the call it is passed to: do not keep it. Implemented by the host.
 */
public interface OpenSession {
    String visitorId();

    /** Timestamp (epoch millis) of the session's first event. */
    long startMillis();

    /** Timestamp (epoch millis) of the session's latest event. */
    long lastEventMillis();

    /** Events in the session so far, {@code >= 1}. */
    int eventCount();

    /** The session's first event. */
    Event firstEvent();

    /** The session's latest event. */
    Event lastEvent();

    /**
     * The session's traffic source: the latest non-direct source among its events, or
     * {@link TrafficSource#DIRECT} when all were direct. In a session that was split on every source
     * change this is the entry source; where a rule lets a direct session adopt a campaign (Matomo),
     * it is the adopted one.
     */
    TrafficSource trafficSource();

    /** The traffic source of the first event (may be direct). */
    default TrafficSource entryTrafficSource() {
        return firstEvent().trafficSource();
    }

    /** The referrer of the first event, or {@code null}. */
    default String entryReferrer() {
        return firstEvent().referrer();
    }

    /**
     * The session's value of the attribute (input column) {@code name}: the value on its latest event
     * that has one, {@code null} when none has. The host tracks this for every event; this default,
     * for implementations that do not, looks at the latest and the first event only.
     */
    default String attribute(String name) {
        String v = lastEvent().attribute(name);
        return v != null ? v : firstEvent().attribute(name);
    }

    /** Milliseconds from the session's latest event to {@code next}; never negative for events the host passes. */
    default long gapMillis(Event next) {
        return next.timestampMillis() - lastEventMillis();
    }
}

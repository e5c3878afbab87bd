package io.persession.definitions;

import io.persession.spi.Event;
import io.persession.spi.OpenSession;
import io.persession.spi.SessionRule;

/**
 * Maximum events, reason {@code max-events}: a session holds at most {@link #max()} events; the
 * next one starts a new session (Adobe Analytics ends a visit after 2500 hits).
 *
 * <p>Every event counts, whatever its type: a "hit" is any event the log holds.
 *
 * <p>Immutable, pure and thread-safe.
 */
public final class MaxEventsRule implements SessionRule {
    /** The reason code of the sessions this rule starts. */
    public static final String REASON = "max-events";

    private final int max;

    /** @param max the most events a session holds; at least 1 */
    public MaxEventsRule(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1: " + max);
        }
        this.max = max;
    }

    public int max() {
        return max;
    }

    @Override
    public String reason() {
        return REASON;
    }

    @Override
    public boolean startsNewSession(OpenSession session, Event next) {
        return session.eventCount() >= max;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MaxEventsRule && ((MaxEventsRule) o).max == max;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(max);
    }

    @Override
    public String toString() {
        return "max-events(" + max + ")";
    }
}

package io.persession.definitions;

import io.persession.spi.Event;
import io.persession.spi.OpenSession;
import io.persession.spi.SessionRule;

import java.time.Duration;
import java.util.Objects;

/**
 * Maximum duration, reason {@code max-duration}: a new session starts when the next event is more
 * than {@link #max()} after the session's first event (Adobe Analytics ends a visit after 12 hours,
 * PostHog a session after 24 hours).
 *
 * <p>Boundary: an event exactly {@code max} after the start still belongs to the session, so a
 * session spans at most {@code max}, the same "exactly the limit continues" convention as the
 * default inactivity timeout.
 *
 * <p>Immutable, pure and thread-safe.
 */
public final class MaxDurationRule implements SessionRule {
    /** The reason code of the sessions this rule starts. */
    public static final String REASON = "max-duration";

    private final Duration max;
    private final long floorMillis;

    /** @param max the longest span from a session's first to its last event; positive */
    public MaxDurationRule(Duration max) {
        this.max = Objects.requireNonNull(max, "max is null");
        if (max.isNegative() || max.isZero()) {
            throw new IllegalArgumentException("max must be positive: " + max);
        }
        this.floorMillis = Durations.floorMillis(max);
    }

    public Duration max() {
        return max;
    }

    @Override
    public String reason() {
        return REASON;
    }

    @Override
    public boolean startsNewSession(OpenSession session, Event next) {
        // span > max <=> span > floor(max), spans being whole milliseconds
        return next.timestampMillis() - session.startMillis() > floorMillis;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MaxDurationRule && ((MaxDurationRule) o).max.equals(max);
    }

    @Override
    public int hashCode() {
        return max.hashCode();
    }

    @Override
    public String toString() {
        return "max-duration(" + Durations.format(max) + ")";
    }
}

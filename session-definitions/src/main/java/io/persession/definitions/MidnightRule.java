package io.persession.definitions;

import io.persession.spi.Event;
import io.persession.spi.OpenSession;
import io.persession.spi.SessionRule;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.Objects;

/**
 * Midnight, reason {@code midnight}: a new session starts when the next event falls on another local
 * calendar date, in {@link #zone()}, than the session's latest event (Universal Analytics in the
 * view's time zone, Matomo in the website's).
 *
 * <p>Dates are compared in the zone, so {@code 00:00:00.000} local belongs to the new day, and days
 * with a daylight-saving change are simply 23 or 25 hours long. Comparing with the latest event
 * (not the first) means a session that already crossed midnight some other way is judged by where
 * it is now; with timestamps in time order this is the same as asking whether a local midnight lies
 * in {@code (last, next]}.
 *
 * <p>Immutable, pure and thread-safe.
 */
public final class MidnightRule implements SessionRule {
    /** The reason code of the sessions this rule starts. */
    public static final String REASON = "midnight";
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private final ZoneId zone;
    private final ZoneRules rules;

    public MidnightRule(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone is null");
        this.rules = zone.getRules();
    }

    public ZoneId zone() {
        return zone;
    }

    @Override
    public String reason() {
        return REASON;
    }

    @Override
    public boolean startsNewSession(OpenSession session, Event next) {
        return localEpochDay(session.lastEventMillis()) != localEpochDay(next.timestampMillis());
    }

    /** The local date of {@code epochMillis} in the zone, as days since 1970-01-01. */
    private long localEpochDay(long epochMillis) {
        int offsetSeconds = rules.getOffset(Instant.ofEpochMilli(epochMillis)).getTotalSeconds();
        return Math.floorDiv(epochMillis + offsetSeconds * 1000L, MILLIS_PER_DAY);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MidnightRule && ((MidnightRule) o).zone.equals(zone);
    }

    @Override
    public int hashCode() {
        return zone.hashCode();
    }

    @Override
    public String toString() {
        return "midnight(" + zone.getId() + ")";
    }
}

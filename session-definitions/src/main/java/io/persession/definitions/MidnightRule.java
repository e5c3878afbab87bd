package io.persession.definitions;

import io.persession.spi.Event;
import io.persession.spi.OpenSession;
import io.persession.spi.SessionRule;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReferenceArray;

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
 * <p>Pure and thread-safe. Looking up the zone's offset for every event (a search of its
 * transitions, a year computation and a map lookup for recent years) is avoided: a zone with a
 * fixed offset needs only arithmetic, and for other zones the rule remembers, per UTC day, the
 * instants in that day where the local date changes (computed once per UTC day from the zone's
 * offset transitions, kept in a lock-free table of 1,024 days, each day replacing the one 1,024
 * days away). The local dates are exactly those of the offset lookup per instant, which the tests
 * check for every zone of the JDK, daylight-saving changes and date-line moves included.
 */
public final class MidnightRule implements SessionRule {
    /** The reason code of the sessions this rule starts. */
    public static final String REASON = "midnight";
    private static final long MILLIS_PER_DAY = 86_400_000L;
    /** UTC days remembered (a power of two): one slot per UTC day modulo this, nearly three years. */
    private static final int SLOTS = 1024;
    /**
     * Instants beyond about 35,000 years from 1970 take the uncached path, so that day arithmetic
     * on them cannot overflow (where the reference's own arithmetic might).
     */
    private static final long CACHED_LIMIT = 1L << 50;

    private final ZoneId zone;
    private final ZoneRules rules;
    /** Whether the zone never changes its offset; then {@link #fixedOffsetMillis} is it. */
    private final boolean fixed;
    private final long fixedOffsetMillis;
    /** Slot {@code utcDay & (SLOTS - 1)}: the {@link UtcDay} computed last for such a day, or {@code null}. */
    private final AtomicReferenceArray<UtcDay> days = new AtomicReferenceArray<>(SLOTS);

    public MidnightRule(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone is null");
        this.rules = zone.getRules();
        this.fixed = rules.isFixedOffset();
        this.fixedOffsetMillis = fixed ? rules.getOffset(Instant.EPOCH).getTotalSeconds() * 1000L : 0;
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

    /** The local date of {@code epochMillis} in the zone, as days since 1970-01-01; as {@link #localEpochDayUncached}. */
    long localEpochDay(long epochMillis) {
        if (fixed) {
            return Math.floorDiv(epochMillis + fixedOffsetMillis, MILLIS_PER_DAY);
        }
        if (epochMillis >= CACHED_LIMIT || epochMillis < -CACHED_LIMIT) {
            return localEpochDayUncached(epochMillis);
        }
        long utcDay = Math.floorDiv(epochMillis, MILLIS_PER_DAY);
        int slot = (int) utcDay & (SLOTS - 1);
        UtcDay day = days.get(slot);
        if (day == null || day.utcDay != utcDay) {
            day = UtcDay.of(rules, utcDay);
            days.lazySet(slot, day);
        }
        return day.localEpochDay(epochMillis);
    }

    /** The local date of {@code epochMillis} in the zone, as days since 1970-01-01, from the zone's rules: the reference. */
    long localEpochDayUncached(long epochMillis) {
        int offsetSeconds = rules.getOffset(Instant.ofEpochMilli(epochMillis)).getTotalSeconds();
        return Math.floorDiv(epochMillis + offsetSeconds * 1000L, MILLIS_PER_DAY);
    }

    /**
     * One UTC day {@code [utcDay * 86,400,000, (utcDay + 1) * 86,400,000)} cut into pieces of the
     * same local date: piece {@code i} starts at {@code starts[i]} and has local date
     * {@code localDays[i]}. Usually two pieces (before and after local midnight), one in a zone at
     * UTC, more on days with offset transitions. Immutable, so sharing it between threads through
     * the table needs no locks.
     *
     * <p>Why it is exact: the day is walked from its start; at each point {@code t} the offset
     * {@code o} is the zone's offset at {@code t}, which stays the same until the zone's next
     * transition after {@code t} ({@link ZoneRules#nextTransition}, at whole seconds, as
     * {@link ZoneRules#getOffset(Instant)} sees them). While the offset is {@code o}, the local date
     * {@code floor((x + o) / day)} stays {@code d = floor((t + o) / day)} for
     * {@code x < (d + 1) * day - o}. So the piece from {@code t} to the earliest of the next
     * transition, that local midnight and the end of the UTC day has local date {@code d}, exactly as
     * the reference computes it for every instant in it, whatever the transitions do (gaps, overlaps,
     * date-line jumps, midnight that does not exist, offsets with odd minutes or seconds).
     */
    static final class UtcDay {
        final long utcDay;
        private final long[] starts;
        private final long[] localDays;

        private UtcDay(long utcDay, long[] starts, long[] localDays) {
            this.utcDay = utcDay;
            this.starts = starts;
            this.localDays = localDays;
        }

        static UtcDay of(ZoneRules rules, long utcDay) {
            long start = utcDay * MILLIS_PER_DAY;
            long end = start + MILLIS_PER_DAY;
            long[] starts = new long[4];
            long[] localDays = new long[4];
            int n = 0;
            for (long t = start; t < end; ) {
                Instant at = Instant.ofEpochMilli(t);
                long offsetMillis = rules.getOffset(at).getTotalSeconds() * 1000L;
                long localDay = Math.floorDiv(t + offsetMillis, MILLIS_PER_DAY);
                long pieceEnd = Math.min(end, (localDay + 1) * MILLIS_PER_DAY - offsetMillis);
                ZoneOffsetTransition transition = rules.nextTransition(at);
                if (transition != null) {
                    pieceEnd = Math.min(pieceEnd, transition.toEpochSecond() * 1000L);
                }
                if (n == 0 || localDays[n - 1] != localDay) {
                    if (n == starts.length) {
                        starts = Arrays.copyOf(starts, n * 2);
                        localDays = Arrays.copyOf(localDays, n * 2);
                    }
                    starts[n] = t;
                    localDays[n] = localDay;
                    n++;
                }
                t = pieceEnd;
            }
            return new UtcDay(utcDay, Arrays.copyOf(starts, n), Arrays.copyOf(localDays, n));
        }

        /** The local date of {@code epochMillis}, which lies in this UTC day. */
        long localEpochDay(long epochMillis) {
            int i = starts.length - 1;
            while (i > 0 && epochMillis < starts[i]) {
                i--;
            }
            return localDays[i];
        }
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

package io.persession.engine;

import io.persession.spi.Session;

/**
 * Counts visitors with at least one counted session, for sessions that come from a {@link Sessionizer}
 * (directly, or through the engine's regroup pass): there, every visitor has exactly one session without a
 * {@link Session#previousEvent() previous event}, its first, handed on before its others, and a visitor's
 * sessions are taken back in the order they were handed on, before any of them is handed on again.
 *
 * <p>So a visitor whose first session counts is one visitor, whatever its other sessions; only visitors
 * whose first session was kept out (a bot's) need a record: whether a later session of theirs counts. Memory
 * is that of those visitors alone (see {@link VisitorCounts}), not of every visitor. On such a stream the
 * answer equals {@link VisitorCounts}'s whenever each visitor's sessions are all handed on or all taken back
 * (while a visitor's sessions are being taken back, it may already be uncounted): at the end of every read.
 */
final class FirstSessionVisitors {
    /** Per visitor whose first session was kept out: that first session (slot 0, 0 or 1) and later counted sessions (slot 1). */
    private final StringTable outFirst = new StringTable(8);
    private long firstsCounted;
    /** Visitors of {@link #outFirst} with a first session out and a later one counted. */
    private long countedLater;

    /** A session handed on ({@code sign} 1) or taken back (-1); {@code counted} when it is in the totals. */
    void add(Session s, boolean counted, int sign) {
        boolean first = s.previousEvent().isEmpty();
        if (first && counted) {
            firstsCounted += sign;
            return;
        }
        int entry;
        if (first) {
            entry = outFirst.add(s.visitorId());
        } else if (counted) {
            entry = outFirst.find(s.visitorId());
            if (entry < 0) {
                return; // its first session counts: it is counted already
            }
        } else {
            return;
        }
        boolean before = qualifies(entry);
        int slot = first ? 0 : 4;
        outFirst.setInt(entry, slot, outFirst.getInt(entry, slot) + sign);
        boolean after = qualifies(entry);
        if (before != after) {
            countedLater += after ? 1 : -1;
        }
    }

    private boolean qualifies(int entry) {
        return outFirst.getInt(entry, 0) > 0 && outFirst.getInt(entry, 4) > 0;
    }

    long visitors() {
        return firstsCounted + countedLater;
    }
}

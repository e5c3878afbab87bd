package io.persession.engine;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The {@link Sessionizer}'s open sessions, one a visitor, found by visitor id, and in the order their visitor was
 * last active (oldest first), the order in which idle visitors are forgotten. What a {@code LinkedHashMap} in
 * access order gives, without an entry object a visitor nor the writes to two neighbouring entries that moving one
 * to the end takes:
 * <ul>
 * <li>the sessions are in an open-addressing table of slots (the session, and its visitor id's hash, in parallel
 * arrays), at most half full, linear probing, emptied by backward-shift deletion;</li>
 * <li>the order is a queue with an entry each time a session is {@link #touched touched} (added or given an event):
 * the session and how many times it had been touched then. An entry counts only while that number is still the
 * session's ({@link SessionAccumulator#touches}), so a session's last entry stands where a move to the end would have
 * put it, and the ones before it are skipped when they reach the head. Entries of sessions gone are skipped
 * too. When the queue holds more than twice as many entries as there are sessions (and a few thousand), the
 * entries skipped are dropped at once, so it stays within a constant factor of the open sessions.</li>
 * </ul>
 * Not thread-safe.
 */
final class OpenSessions {
    private static final int COMPACT_SLACK = 4096;

    private SessionAccumulator[] table = new SessionAccumulator[1024];
    private int[] hashes = new int[1024];
    private int mask = 1023;
    /** 32 minus log2 of the table's length: a hash's slot is the top bits of its Fibonacci product. */
    private int shift = 22;
    private int size;

    private SessionAccumulator[] queue = new SessionAccumulator[1024];
    private int[] queueTouches = new int[1024];
    private int head;
    private int queued;

    private static int hash(String visitor) {
        int h = visitor.hashCode();
        return h ^ (h >>> 16);
    }

    private int home(int h) {
        return (h * 0x9E3779B9) >>> shift;
    }

    /** The slot of {@code visitor}'s session, or {@code ~slot} for the slot a session for it would take. */
    int find(String visitor) {
        int h = hash(visitor);
        int s = home(h);
        while (true) {
            SessionAccumulator at = table[s];
            if (at == null) {
                return ~s;
            }
            if (hashes[s] == h) {
                String id = at.visitorId();
                if (id == visitor || id.equals(visitor)) {
                    return s;
                }
            }
            s = (s + 1) & mask;
        }
    }

    /** The session in {@code slot}, found by {@link #find}. */
    SessionAccumulator at(int slot) {
        return table[slot];
    }

    /**
     * Adds {@code session} for a visitor without one, at {@code ~notFound} ({@link #find}'s answer, with nothing
     * added or removed since), as the most recently active.
     */
    void insert(int notFound, SessionAccumulator session) {
        int s = ~notFound;
        table[s] = session;
        hashes[s] = hash(session.visitorId());
        size++;
        touched(session);
        if (size * 2 > table.length) {
            grow();
        }
    }

    /** Puts {@code session} in {@code slot} ({@link #find}'s) in place of the visitor's ended one, as the most recently active. */
    void replace(int slot, SessionAccumulator session) {
        table[slot].touches = -1;
        table[slot] = session;
        touched(session);
    }

    /** Makes {@code session}, open here, the most recently active. */
    void touched(SessionAccumulator session) {
        if (queued == queue.length) {
            if (queued > 2 * size + COMPACT_SLACK) {
                compact();
            }
            if (queued == queue.length) {
                growQueue();
            }
        }
        int at = (head + queued) & (queue.length - 1);
        queue[at] = session;
        queueTouches[at] = ++session.touches;
        queued++;
    }

    /** Removes {@code visitor}'s session, if it has one. */
    void remove(String visitor) {
        int s = find(visitor);
        if (s >= 0) {
            removeAt(s);
        }
    }

    /** The session whose visitor was active the longest time ago, or {@code null} when there is none. */
    SessionAccumulator oldest() {
        while (queued > 0) {
            SessionAccumulator s = queue[head];
            if (s.touches == queueTouches[head]) {
                return s;
            }
            pop();
        }
        return null;
    }

    /** Removes the {@link #oldest} session (only when there is one). */
    void removeOldest() {
        SessionAccumulator oldest = queue[head];
        pop();
        int s = home(hash(oldest.visitorId()));
        while (table[s] != oldest) {
            s = (s + 1) & mask;
        }
        removeAt(s);
    }

    /** Each session, the least recently active first. */
    void forEach(Consumer<SessionAccumulator> action) {
        for (int i = 0; i < queued; i++) {
            int at = (head + i) & (queue.length - 1);
            if (queue[at].touches == queueTouches[at]) {
                action.accept(queue[at]);
            }
        }
    }

    int size() {
        return size;
    }

    /** Entries in the order queue, those that no longer count included (for tests). */
    int queuedForTests() {
        return queued;
    }

    void clear() {
        Arrays.fill(table, null);
        Arrays.fill(queue, null);
        size = 0;
        head = 0;
        queued = 0;
    }

    private void pop() {
        queue[head] = null;
        head = (head + 1) & (queue.length - 1);
        queued--;
    }

    private void removeAt(int hole) {
        table[hole].touches = -1;
        int j = hole;
        while (true) {
            j = (j + 1) & mask;
            SessionAccumulator at = table[j];
            if (at == null) {
                break;
            }
            int h = home(hashes[j]);
            // the entry at j stays when its home lies cyclically in (hole, j]: it is still reachable from there
            if (hole <= j ? hole < h && h <= j : hole < h || h <= j) {
                continue;
            }
            table[hole] = at;
            hashes[hole] = hashes[j];
            hole = j;
        }
        table[hole] = null;
        size--;
    }

    private void grow() {
        SessionAccumulator[] oldTable = table;
        int[] oldHashes = hashes;
        table = new SessionAccumulator[oldTable.length * 2];
        hashes = new int[oldTable.length * 2];
        mask = table.length - 1;
        shift--;
        for (int i = 0; i < oldTable.length; i++) {
            if (oldTable[i] != null) {
                int s = home(oldHashes[i]);
                while (table[s] != null) {
                    s = (s + 1) & mask;
                }
                table[s] = oldTable[i];
                hashes[s] = oldHashes[i];
            }
        }
    }

    /** Drops the entries that no longer count, keeping the others in order. */
    private void compact() {
        int n = queue.length - 1;
        int kept = 0;
        for (int i = 0; i < queued; i++) {
            int from = (head + i) & n;
            SessionAccumulator s = queue[from];
            if (s.touches == queueTouches[from]) {
                int to = (head + kept) & n;
                queue[to] = s;
                queueTouches[to] = queueTouches[from];
                kept++;
            }
        }
        for (int i = kept; i < queued; i++) {
            queue[(head + i) & n] = null;
        }
        queued = kept;
    }

    private void growQueue() {
        int n = queue.length;
        SessionAccumulator[] q = new SessionAccumulator[n * 2];
        int[] t = new int[n * 2];
        int first = n - head;
        System.arraycopy(queue, head, q, 0, first);
        System.arraycopy(queue, 0, q, first, head);
        System.arraycopy(queueTouches, head, t, 0, first);
        System.arraycopy(queueTouches, 0, t, first, head);
        queue = q;
        queueTouches = t;
        head = 0;
    }
}

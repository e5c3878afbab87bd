package io.persession.engine;

import io.persession.spi.Event;

import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * The events a {@link Sessionizer} holds back until the watermark passes them, given out smallest
 * first by (timestamp, input position).
 *
 * <p><b>Exactness.</b> {@link #poll} always gives the smallest event by (timestamp, position) held,
 * exactly as one priority queue of them all would: an event no earlier than the newest one in the
 * in-order ring is appended to the ring (positions increase from call to call, so the ring stays
 * sorted by (timestamp, position)); any other goes to a priority queue; the smaller of the two heads
 * comes out first.
 *
 * <p><b>Cost.</b> Input in time order (the usual case) costs O(1) an event and no object (the ring
 * is an array of events, one of their times and one of positions, 20 bytes a slot, growing to the most events held);
 * only the few rows out of order pay for the priority queue.
 *
 * <p>Not thread-safe.
 */
final class ReleaseQueue {
    private static final Comparator<Pending> ORDER =
            Comparator.comparingLong((Pending p) -> p.event.timestampMillis()).thenComparingLong(p -> p.seq);

    private Event[] ring = new Event[64];
    /** The events' timestamps, beside them: comparing and releasing read these, not the events. */
    private long[] ringTimes = new long[64];
    private long[] ringSeqs = new long[64];
    private int head;
    private int count;
    private final PriorityQueue<Pending> stragglers = new PriorityQueue<>(ORDER);

    /** Holds {@code e}, read at input position {@code seq} (greater than any given before). */
    void add(Event e, long seq) {
        long ts = e.timestampMillis();
        if (count == 0 || ts >= ringTimes[(head + count - 1) & (ring.length - 1)]) {
            if (count == ring.length) {
                grow();
            }
            int i = (head + count) & (ring.length - 1);
            ring[i] = e;
            ringTimes[i] = ts;
            ringSeqs[i] = seq;
            count++;
        } else {
            stragglers.add(new Pending(e, seq));
        }
    }

    boolean isEmpty() {
        return count == 0 && stragglers.isEmpty();
    }

    int size() {
        return count + stragglers.size();
    }

    /** The timestamp of the event {@link #poll} would give; only when not {@link #isEmpty() empty}. */
    long peekMillis() {
        return fromRing() ? ringTimes[head] : stragglers.peek().event.timestampMillis();
    }

    /** Takes the smallest event by (timestamp, position); only when not {@link #isEmpty() empty}. */
    Event poll() {
        if (fromRing()) {
            Event e = ring[head];
            ring[head] = null;
            head = (head + 1) & (ring.length - 1);
            count--;
            return e;
        }
        return stragglers.poll().event;
    }

    private boolean fromRing() {
        if (count == 0) {
            return false;
        }
        Pending p = stragglers.peek();
        if (p == null) {
            return true;
        }
        long ts = ringTimes[head];
        long other = p.event.timestampMillis();
        return ts < other || ts == other && ringSeqs[head] < p.seq;
    }

    private void grow() {
        int n = ring.length;
        Event[] r = new Event[n * 2];
        long[] t = new long[n * 2];
        long[] s = new long[n * 2];
        int first = n - head;
        System.arraycopy(ring, head, r, 0, first);
        System.arraycopy(ring, 0, r, first, head);
        System.arraycopy(ringTimes, head, t, 0, first);
        System.arraycopy(ringTimes, 0, t, first, head);
        System.arraycopy(ringSeqs, head, s, 0, first);
        System.arraycopy(ringSeqs, 0, s, first, head);
        ring = r;
        ringTimes = t;
        ringSeqs = s;
        head = 0;
    }

    private static final class Pending {
        final Event event;
        final long seq;

        Pending(Event event, long seq) {
            this.event = event;
            this.seq = seq;
        }
    }
}

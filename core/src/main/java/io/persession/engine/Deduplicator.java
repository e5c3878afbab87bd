package io.persession.engine;

import io.persession.spi.Event;
import io.persession.spi.EventType;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds duplicates: an event whose event id was already read, and a purchase whose order id was
 * already read on a purchase (among the events that are not duplicates by event id). The first row
 * read wins; the later ones are counted as duplicates and kept out of the analysis.
 *
 * <p>In bounded memory, and still exact: while reading, event ids are compared exactly within a
 * <em>window</em>, the ids of the last {@code horizon} of event time (at most {@code capacity} of
 * them), which is where real duplicates are (a re-sent row carries its original's time). Every id also
 * goes to an {@link EventIdLog} outside the heap. After the read, {@link #reconcile()} finds the repeats the
 * window missed (an id whose first row was more than the horizon earlier) and what they change for the
 * order ids; the engine then regroups the visitors of those rows (see {@link Engine}), so the result is the
 * same as with every id in memory. Order ids (purchases only) are all kept in memory, compactly (a {@link
 * StringTable} entry with the first purchase's position: about 35 bytes an order for 20-char ids, where a
 * {@code HashMap} of arrays took about 130); only orders carried more than once keep a list of positions.
 *
 * <p>Decisions are kept by input position (a bit a row), so that a second read of the same input can
 * tell what the first read kept ({@link #keptInFirstRead}) and what is kept after all ({@link #kept}).
 */
final class Deduplicator implements AutoCloseable {
    /**
     * How much event time the exact window covers by default: re-sent rows come within seconds or minutes of
     * their original; a repeat from further back costs a read more, not a wrong answer.
     */
    static final long DEFAULT_HORIZON_MILLIS = 15 * 60 * 1000L;
    /** At most this many ids are in the window by default (a table of 1 MB at most, often in a core's cache). */
    static final int DEFAULT_CAPACITY = 1 << 16;

    private IdWindow window;

    /**
     * Per order id, the position of the first purchase that carries it (among those not duplicates by event id in
     * the first read): one compact entry, no object, per order.
     */
    private final StringTable orderFirsts = new StringTable(8);
    /** The order ids carried by more than one such purchase: all their positions, the first included. */
    private final Map<String, long[]> repeatedOrders = new HashMap<>();
    private final PositionSet eventRepeats = new PositionSet();
    private final PositionSet orderRepeats = new PositionSet();
    private final EventIdLog log = new EventIdLog();
    private final IdFingerprint fingerprint = new IdFingerprint();
    private Reconciliation reconciled;

    Deduplicator() {
        this(DEFAULT_HORIZON_MILLIS, DEFAULT_CAPACITY);
    }

    Deduplicator(long horizonMillis, int capacity) {
        if (horizonMillis < 0 || capacity < 1) {
            throw new IllegalArgumentException("horizon " + horizonMillis + " ms, capacity " + capacity);
        }
        this.window = new IdWindow(horizonMillis, capacity);
    }

    /**
     * First read, in input order: logs the event id of {@code e}, at input position {@code seq}, and returns true
     * when {@code e} is a duplicate (and counts it).
     */
    boolean isDuplicate(Event e, long seq) {
        String id = e.eventId();
        if (id != null) {
            fingerprint.of(id);
            log.add(fingerprint.hi(), fingerprint.lo(), seq);
            if (window.addIfAbsent(id, fingerprint.hi(), fingerprint.lo(), e.timestampMillis())) {
                eventRepeats.add(seq);
                return true;
            }
        }
        if (e.type() == EventType.PURCHASE && e.orderId() != null) {
            int orders = orderFirsts.size();
            int entry = orderFirsts.add(e.orderId());
            if (orderFirsts.size() != orders) {
                orderFirsts.setLong(entry, 0, seq);
            } else {
                long[] at = repeatedOrders.get(e.orderId());
                long[] more;
                if (at == null) {
                    more = new long[] {orderFirsts.getLong(entry, 0), seq};
                } else {
                    more = Arrays.copyOf(at, at.length + 1);
                    more[at.length] = seq;
                }
                repeatedOrders.put(e.orderId(), more);
                orderRepeats.add(seq);
                return true;
            }
        }
        return false;
    }

    /**
     * After the first read: compares its decisions with every id ever read. Call once; afterwards
     * {@link #kept} and the counts are final.
     */
    Reconciliation reconcile() {
        if (reconciled != null) {
            throw new IllegalStateException("already reconciled");
        }
        window = null;
        PositionSet missed = new PositionSet();
        log.firstOccurrences(position -> {
            if (!eventRepeats.contains(position)) {
                missed.add(position);
            }
        });
        reconciled = new Reconciliation(missed);
        if (!missed.isEmpty()) {
            for (long[] at : repeatedOrders.values()) { // an order carried once changes nothing
                reconciled.orders(at);
            }
        }
        return reconciled;
    }

    /** A later read of the same input: true when the first read kept the event at {@code seq}. */
    boolean keptInFirstRead(long seq) {
        return !eventRepeats.contains(seq) && !orderRepeats.contains(seq);
    }

    /** After {@link #reconcile()}: true when the event at {@code seq} is not a duplicate. */
    boolean kept(long seq) {
        return reconciled.kept(seq);
    }

    long duplicateEvents() {
        return eventRepeats.size() + (reconciled == null ? 0 : reconciled.missed.size());
    }

    long duplicateOrders() {
        return reconciled == null ? orderRepeats.size() : reconciled.orderRepeats;
    }

    @Override
    public void close() {
        log.close();
    }

    /**
     * What the first read decided differently from the exact answer: rows it kept that repeat an event id
     * ({@link #dropped}) and purchases it took for a repeated order only because of one of those
     * ({@link #restored}). Both empty in the usual case.
     */
    final class Reconciliation {
        private final PositionSet missed;
        private final PositionSet restored = new PositionSet();
        private long orderRepeats = Deduplicator.this.orderRepeats.size();

        Reconciliation(PositionSet missed) {
            this.missed = missed;
        }

        private void orders(long[] at) {
            // the first read kept at[0] and dropped the rest as repeated orders
            int first = -1;
            for (int i = 0; i < at.length; i++) {
                if (missed.contains(at[i])) {
                    if (i > 0) {
                        orderRepeats--; // now a repeated event id rather than a repeated order
                    }
                } else if (first < 0) {
                    first = i;
                }
            }
            if (first > 0) {
                restored.add(at[first]);
                orderRepeats--;
            }
        }

        /** True when the first read's decisions stand. */
        boolean isEmpty() {
            return missed.isEmpty();
        }

        /** Whether the row at {@code seq} changes: kept by the first read and a duplicate after all, or the reverse. */
        boolean changes(long seq) {
            return (missed.contains(seq) && keptInFirstRead(seq)) || restored.contains(seq);
        }

        /** True when the row at {@code seq} is kept after all. */
        boolean kept(long seq) {
            if (restored.contains(seq)) {
                return true;
            }
            return keptInFirstRead(seq) && !missed.contains(seq);
        }

        /** Rows the first read kept that repeat an event id. */
        long missed() {
            return missed.size();
        }
    }
}

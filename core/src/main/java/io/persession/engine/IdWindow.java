package io.persession.engine;

/**
 * The exact part of {@link Deduplicator}: the event ids of the last {@code horizon} of event time, at most
 * {@code capacity} of them, in an open-addressing table keyed by their {@link EventIdLog} fingerprint, each
 * slot holding the id itself, so that ids are compared exactly (a fingerprint match alone never decides).
 * Ids leave in the order they came (a ring), once older than the horizon behind the latest time seen or
 * when the window is full. No objects are allocated per id. Not thread-safe.
 */
final class IdWindow {
    private static final String GONE = new String("gone");

    private final long horizonMillis;
    private final int capacity;
    // the table: fingerprint and id per slot; null = empty, GONE = removed
    private long[] his;
    private long[] los;
    private String[] ids;
    private int mask;
    private int used; // live + removed slots
    // the ring, in arrival order
    private long[] ringHi = new long[1024];
    private long[] ringLo = new long[1024];
    private long[] ringTime = new long[1024];
    private int head;
    private int size;
    private long latest = Long.MIN_VALUE;

    IdWindow(long horizonMillis, int capacity) {
        this.horizonMillis = horizonMillis;
        this.capacity = capacity;
        allocate(1024);
    }

    /**
     * Adds {@code id} (fingerprint {@code hi}, {@code lo}; its event's time {@code time}) unless it is in the
     * window; true when it was there (a repeat).
     */
    boolean addIfAbsent(String id, long hi, long lo, long time) {
        int s = (int) EventIdLog.mix(hi ^ lo) & mask;
        int free = -1;
        while (true) {
            String at = ids[s];
            if (at == null) {
                break;
            }
            if (at == GONE) {
                if (free < 0) {
                    free = s;
                }
            } else if (his[s] == hi && los[s] == lo && at.equals(id)) {
                return true;
            }
            s = (s + 1) & mask;
        }
        if (free >= 0) {
            s = free;
        } else {
            used++;
        }
        his[s] = hi;
        los[s] = lo;
        ids[s] = id;
        enqueue(hi, lo, time);
        if (used * 2 > ids.length) {
            rehash(size * 4 > ids.length ? ids.length * 2 : ids.length);
        }
        return false;
    }

    private void enqueue(long hi, long lo, long time) {
        if (time > latest) {
            latest = time;
        }
        if (size == ringHi.length) {
            growRing();
        }
        int tail = (head + size) & (ringHi.length - 1);
        ringHi[tail] = hi;
        ringLo[tail] = lo;
        ringTime[tail] = time;
        size++;
        long oldest = latest - horizonMillis;
        while (size > capacity || (size > 0 && ringTime[head] < oldest)) {
            remove(ringHi[head], ringLo[head]);
            head = (head + 1) & (ringHi.length - 1);
            size--;
        }
    }

    /** Removes the first live slot with this fingerprint: the ring holds one entry per slot, in slot-adding order. */
    private void remove(long hi, long lo) {
        int s = (int) EventIdLog.mix(hi ^ lo) & mask;
        while (ids[s] != null) {
            if (ids[s] != GONE && his[s] == hi && los[s] == lo) {
                ids[s] = GONE;
                return;
            }
            s = (s + 1) & mask;
        }
        throw new IllegalStateException("an id of the ring is not in the table");
    }

    private void growRing() {
        int n = ringHi.length * 2;
        long[] h = new long[n];
        long[] l = new long[n];
        long[] t = new long[n];
        for (int i = 0; i < size; i++) {
            int from = (head + i) & (ringHi.length - 1);
            h[i] = ringHi[from];
            l[i] = ringLo[from];
            t[i] = ringTime[from];
        }
        ringHi = h;
        ringLo = l;
        ringTime = t;
        head = 0;
    }

    private void allocate(int slots) {
        his = new long[slots];
        los = new long[slots];
        ids = new String[slots];
        mask = slots - 1;
        used = 0;
    }

    private void rehash(int slots) {
        long[] oldHi = his;
        long[] oldLo = los;
        String[] oldIds = ids;
        allocate(slots);
        for (int i = 0; i < oldIds.length; i++) {
            String id = oldIds[i];
            if (id != null && id != GONE) {
                int s = (int) EventIdLog.mix(oldHi[i] ^ oldLo[i]) & mask;
                while (ids[s] != null) {
                    s = (s + 1) & mask;
                }
                his[s] = oldHi[i];
                los[s] = oldLo[i];
                ids[s] = id;
                used++;
            }
        }
    }

    /** Ids in the window now. */
    int size() {
        return size;
    }
}

package io.persession.engine;

/**
 * The exact part of {@link Deduplicator}: the event ids of the last {@code horizon} of event time, at most
 * {@code capacity} of them, in an open-addressing table keyed by their {@link EventIdLog} fingerprint. A slot
 * is the fingerprint's two longs side by side (one cache line to probe); the id itself sits in a parallel
 * array that is read only when a fingerprint matches, so ids are compared exactly (a fingerprint match alone
 * never decides). Ids leave in the order they came (a ring of their fingerprints, ids and times), once older
 * than the horizon behind the latest time seen or when the window is full.
 *
 * <p>A leaving id's slot is emptied by backward-shift deletion (linear probing without tombstones): the
 * table never fills with the remains of ids gone, so it needs no periodic rebuilding, and is at most half
 * full of live ids. No objects are allocated per id. Not thread-safe.
 */
final class IdWindow {
    /** The high long of a free slot (a fingerprint's is never stored as 0; see {@link #key}). */
    private static final long FREE = 0;

    private final long horizonMillis;
    private final int capacity;
    private long[] keys; // 2 a slot
    private String[] ids;
    private int mask;
    // the ring, in arrival order: fingerprints (as stored), ids and times
    private long[] ringKey = new long[1024];
    private long[] ringLo = new long[1024];
    private String[] ringId = new String[1024];
    private long[] ringTime = new long[1024];
    private int head;
    private int size;
    private long latest = Long.MIN_VALUE;

    IdWindow(long horizonMillis, int capacity) {
        this.horizonMillis = horizonMillis;
        this.capacity = capacity;
        allocate(1024);
    }

    /** The high long as stored: never 0, so that 0 marks free slots. */
    private static long key(long hi) {
        return hi == 0 ? 1 : hi;
    }

    private int home(long k, long lo) {
        return (int) EventIdLog.mix(k ^ lo) & mask;
    }

    /**
     * Adds {@code id} (fingerprint {@code hi}, {@code lo}; its event's time {@code time}) unless it is in the
     * window; true when it was there (a repeat).
     */
    boolean addIfAbsent(String id, long hi, long lo, long time) {
        long k = key(hi);
        int s = home(k, lo);
        while (true) {
            long at = keys[2 * s];
            if (at == FREE) {
                break;
            }
            if (at == k && keys[2 * s + 1] == lo && ids[s].equals(id)) {
                return true;
            }
            s = (s + 1) & mask;
        }
        keys[2 * s] = k;
        keys[2 * s + 1] = lo;
        ids[s] = id;
        enqueue(k, lo, id, time);
        if (size * 2 > ids.length) {
            grow();
        }
        return false;
    }

    private void enqueue(long k, long lo, String id, long time) {
        if (time > latest) {
            latest = time;
        }
        if (size == ringId.length) {
            growRing();
        }
        int tail = (head + size) & (ringId.length - 1);
        ringKey[tail] = k;
        ringLo[tail] = lo;
        ringId[tail] = id;
        ringTime[tail] = time;
        size++;
        long oldest = latest - horizonMillis;
        while (size > capacity || (size > 0 && ringTime[head] < oldest)) {
            remove(ringKey[head], ringLo[head], ringId[head]);
            ringId[head] = null;
            head = (head + 1) & (ringId.length - 1);
            size--;
        }
    }

    /** Empties the slot of {@code id} (in the table), shifting back the entries after it that may move. */
    private void remove(long k, long lo, String id) {
        int hole = home(k, lo);
        while (ids[hole] != id) {
            hole = (hole + 1) & mask;
        }
        int j = hole;
        while (true) {
            j = (j + 1) & mask;
            long at = keys[2 * j];
            if (at == FREE) {
                break;
            }
            int h = home(at, keys[2 * j + 1]);
            // the entry at j stays when its home lies cyclically in (hole, j]: it is still reachable from there
            if (hole <= j ? hole < h && h <= j : hole < h || h <= j) {
                continue;
            }
            keys[2 * hole] = at;
            keys[2 * hole + 1] = keys[2 * j + 1];
            ids[hole] = ids[j];
            hole = j;
        }
        keys[2 * hole] = FREE;
        keys[2 * hole + 1] = 0;
        ids[hole] = null;
    }

    private void growRing() {
        int n = ringId.length * 2;
        long[] k = new long[n];
        long[] lo = new long[n];
        String[] id = new String[n];
        long[] times = new long[n];
        for (int i = 0; i < size; i++) {
            int from = (head + i) & (ringId.length - 1);
            k[i] = ringKey[from];
            lo[i] = ringLo[from];
            id[i] = ringId[from];
            times[i] = ringTime[from];
        }
        ringKey = k;
        ringLo = lo;
        ringId = id;
        ringTime = times;
        head = 0;
    }

    private void allocate(int slots) {
        keys = new long[2 * slots];
        ids = new String[slots];
        mask = slots - 1;
    }

    /** Doubles the table and puts every id of the ring in it again. */
    private void grow() {
        allocate(ids.length * 2);
        for (int i = 0; i < size; i++) {
            int r = (head + i) & (ringId.length - 1);
            int s = home(ringKey[r], ringLo[r]);
            while (keys[2 * s] != FREE) {
                s = (s + 1) & mask;
            }
            keys[2 * s] = ringKey[r];
            keys[2 * s + 1] = ringLo[r];
            ids[s] = ringId[r];
        }
    }

    /** Ids in the window now. */
    int size() {
        return size;
    }
}

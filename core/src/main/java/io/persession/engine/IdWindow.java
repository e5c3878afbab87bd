package io.persession.engine;

import java.util.Arrays;

/**
 * The exact part of {@link Deduplicator}: the event ids of the last {@code horizon} of event time, at most
 * {@code capacity} of them, in an open-addressing table keyed by their {@link EventIdLog} fingerprint. A slot
 * is the fingerprint's two longs side by side (one cache line to probe); the id itself sits in a parallel
 * array that is read only when a fingerprint matches, so ids are compared exactly (a fingerprint match alone
 * never decides). Ids leave in the order they came (a ring of slot numbers), once older than the horizon
 * behind the latest time seen or when the window is full. No objects are allocated per id. Not thread-safe.
 */
final class IdWindow {
    /** A free slot: both longs zero (a fingerprint is never stored as 0, 0; see {@link #key}). */
    private static final long FREE = 0;
    /** A slot whose id left: high long zero, low long one. */
    private static final long GONE_LO = 1;

    private final long horizonMillis;
    private final int capacity;
    private long[] keys; // 2 a slot
    private String[] ids;
    /**
     * The arrays of the table before the last rehash (its ids cleared), reused by the next rehash to a table of
     * the same size (most rehashes only drop gone ids): no new arrays, which at 65,536 ids are 5 MB.
     */
    private long[] spareKeys;
    private String[] spareIds;
    private int mask;
    private int used; // live + gone slots
    // the ring, in arrival order: slot numbers and times
    private int[] ringSlot = new int[1024];
    private long[] ringTime = new long[1024];
    private int head;
    private int size;
    private long latest = Long.MIN_VALUE;

    IdWindow(long horizonMillis, int capacity) {
        this.horizonMillis = horizonMillis;
        this.capacity = capacity;
        allocate(1024);
    }

    /** The high long as stored: never 0, so that 0 marks free and gone slots. */
    private static long key(long hi) {
        return hi == 0 ? 1 : hi;
    }

    /**
     * Adds {@code id} (fingerprint {@code hi}, {@code lo}; its event's time {@code time}) unless it is in the
     * window; true when it was there (a repeat).
     */
    boolean addIfAbsent(String id, long hi, long lo, long time) {
        long k = key(hi);
        int s = (int) EventIdLog.mix(k ^ lo) & mask;
        int free = -1;
        while (true) {
            long at = keys[2 * s];
            if (at == FREE) {
                if (keys[2 * s + 1] == FREE) {
                    break;
                }
                if (free < 0) {
                    free = s; // gone
                }
            } else if (at == k && keys[2 * s + 1] == lo && ids[s].equals(id)) {
                return true;
            }
            s = (s + 1) & mask;
        }
        if (free >= 0) {
            s = free;
        } else {
            used++;
        }
        keys[2 * s] = k;
        keys[2 * s + 1] = lo;
        ids[s] = id;
        if (used * 2 > ids.length) {
            s = rehash(size * 4 > ids.length ? ids.length * 2 : ids.length, s);
        }
        enqueue(s, time);
        return false;
    }

    private void enqueue(int slot, long time) {
        if (time > latest) {
            latest = time;
        }
        if (size == ringSlot.length) {
            growRing();
        }
        int tail = (head + size) & (ringSlot.length - 1);
        ringSlot[tail] = slot;
        ringTime[tail] = time;
        size++;
        long oldest = latest - horizonMillis;
        while (size > capacity || (size > 0 && ringTime[head] < oldest)) {
            int s = ringSlot[head];
            keys[2 * s] = FREE;
            keys[2 * s + 1] = GONE_LO; // the id stays referenced until the slot is reused or the table rehashed
            head = (head + 1) & (ringSlot.length - 1);
            size--;
        }
    }

    private void growRing() {
        int n = ringSlot.length * 2;
        int[] slots = new int[n];
        long[] times = new long[n];
        for (int i = 0; i < size; i++) {
            int from = (head + i) & (ringSlot.length - 1);
            slots[i] = ringSlot[from];
            times[i] = ringTime[from];
        }
        ringSlot = slots;
        ringTime = times;
        head = 0;
    }

    private void allocate(int slots) {
        if (spareIds != null && spareIds.length == slots) {
            long[] k = spareKeys;
            String[] i = spareIds;
            spareKeys = keys;
            spareIds = ids;
            Arrays.fill(k, FREE);
            keys = k;
            ids = i;
        } else {
            spareKeys = keys;
            spareIds = ids;
            keys = new long[2 * slots];
            ids = new String[slots];
        }
        mask = slots - 1;
        used = 0;
    }

    /**
     * Moves every live id to a new table of {@code slots} slots (dropping gone ones) and renumbers the ring;
     * returns where the id at {@code pending} (just added, not yet in the ring) went.
     */
    private int rehash(int slots, int pending) {
        long[] oldKeys = keys;
        String[] oldIds = ids;
        allocate(slots);
        for (int i = 0; i < size; i++) {
            int r = (head + i) & (ringSlot.length - 1);
            ringSlot[r] = move(oldKeys, oldIds, ringSlot[r]);
        }
        int at = move(oldKeys, oldIds, pending);
        Arrays.fill(oldIds, null); // the spare keeps no id alive
        return at;
    }

    private int move(long[] oldKeys, String[] oldIds, int from) {
        long k = oldKeys[2 * from];
        long lo = oldKeys[2 * from + 1];
        int s = (int) EventIdLog.mix(k ^ lo) & mask;
        while (keys[2 * s] != FREE) {
            s = (s + 1) & mask;
        }
        keys[2 * s] = k;
        keys[2 * s + 1] = lo;
        ids[s] = oldIds[from];
        used++;
        return s;
    }

    /** Ids in the window now. */
    int size() {
        return size;
    }
}

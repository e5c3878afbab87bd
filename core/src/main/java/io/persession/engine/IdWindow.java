package io.persession.engine;

/**
 * The exact part of {@link Deduplicator}: the event ids of the last {@code horizon} of event time, at most
 * {@code capacity} of them, in an open-addressing table keyed by their {@link IdFingerprint}. Ids
 * leave in the order they came (a ring of their ids, fingerprints and times), once older than the horizon
 * behind the latest time seen or when the window is full.
 *
 * <p>A slot is one long: a 32-bit tag of the fingerprint (31 mixed bits of its 96, which also give the slot's
 * home), and the id's number in arrival order, which points into the ring (8 bytes a slot, so that the table
 * of a full window, 1 MB, stays in a core's cache more often). Only when the tags match are the fingerprints
 * compared, in the ring, and only when those match the ids (a fingerprint match alone never decides). A leaving id's slot
 * is found by its number, without reading the id, and emptied by backward-shift deletion (linear probing
 * without tombstones): the table never fills with the remains of ids gone, needs no periodic rebuilding, and
 * is at most half full. No objects are allocated per id. Not thread-safe.
 */
final class IdWindow {
    /** A free slot (a tag is never 0; see {@link #tag}). */
    private static final long FREE = 0;

    private final long horizonMillis;
    private final int capacity;
    private long[] slots; // a long a slot: tag << 32 | number
    private int mask;
    // the ring, indexed by an id's number (masked): ids, fingerprints (the high long, 32 bits of the low) and times
    private String[] ringId = new String[1024];
    private long[] ringKey = new long[1024];
    private int[] ringBits = new int[1024];
    private long[] ringTime = new long[1024];
    /** The number of the oldest id in the window; the ids in it are numbered {@code first, first + 1, ...}. */
    private int first;
    private int size;
    private long latest = Long.MIN_VALUE;

    IdWindow(long horizonMillis, int capacity) {
        this.horizonMillis = horizonMillis;
        this.capacity = capacity;
        allocate(1024);
    }

    /** 31 mixed bits of a fingerprint, and a set lowest bit, so that a tag is never 0: what a slot holds of it. */
    private static int tag(long k, int bits) {
        return (int) (IdFingerprint.mix(k ^ bits) >>> 32) | 1;
    }

    private int home(int tag) {
        return (tag >>> 1) & mask;
    }

    private static long slot(int tag, int number) {
        return (long) tag << 32 | (number & 0xffffffffL);
    }

    /**
     * Adds {@code id} (fingerprint {@code hi}, {@code lo}; its event's time {@code time}) unless it is in the
     * window; true when it was there (a repeat).
     */
    boolean addIfAbsent(String id, long hi, long lo, long time) {
        int bits = (int) (lo >>> 32);
        int tag = tag(hi, bits);
        int s = home(tag);
        int ringMask = ringId.length - 1;
        while (true) {
            long at = slots[s];
            if (at == FREE) {
                break;
            }
            if ((int) (at >>> 32) == tag) {
                int r = (int) at & ringMask;
                if (ringKey[r] == hi && ringBits[r] == bits && ringId[r].equals(id)) {
                    return true;
                }
            }
            s = (s + 1) & mask;
        }
        if (size == ringId.length) {
            growRing();
        }
        int number = first + size;
        slots[s] = slot(tag, number);
        int r = number & (ringId.length - 1);
        ringId[r] = id;
        ringKey[r] = hi;
        ringBits[r] = bits;
        ringTime[r] = time;
        size++;
        if (time > latest) {
            latest = time;
        }
        long oldest = latest - horizonMillis;
        while (size > capacity || (size > 0 && ringTime[first & (ringId.length - 1)] < oldest)) {
            int h = first & (ringId.length - 1);
            remove(ringKey[h], ringBits[h], first);
            ringId[h] = null;
            first++;
            size--;
        }
        if (size * 2 > slots.length) {
            grow();
        }
        return false;
    }

    /** Empties the slot of the id numbered {@code number}, shifting back the entries after it that may move. */
    private void remove(long k, int bits, int number) {
        int tag = tag(k, bits);
        long wanted = slot(tag, number);
        int hole = home(tag);
        while (slots[hole] != wanted) {
            hole = (hole + 1) & mask;
        }
        int j = hole;
        while (true) {
            j = (j + 1) & mask;
            long at = slots[j];
            if (at == FREE) {
                break;
            }
            int h = home((int) (at >>> 32));
            // the entry at j stays when its home lies cyclically in (hole, j]: it is still reachable from there
            if (hole <= j ? hole < h && h <= j : hole < h || h <= j) {
                continue;
            }
            slots[hole] = at;
            hole = j;
        }
        slots[hole] = FREE;
    }

    /** Doubles the ring, each id at its number masked anew. */
    private void growRing() {
        int n = ringId.length * 2;
        String[] id = new String[n];
        long[] k = new long[n];
        int[] bits = new int[n];
        long[] times = new long[n];
        for (int i = 0; i < size; i++) {
            int number = first + i;
            int from = number & (ringId.length - 1);
            int to = number & (n - 1);
            id[to] = ringId[from];
            k[to] = ringKey[from];
            bits[to] = ringBits[from];
            times[to] = ringTime[from];
        }
        ringId = id;
        ringKey = k;
        ringBits = bits;
        ringTime = times;
    }

    private void allocate(int count) {
        slots = new long[count];
        mask = count - 1;
    }

    /** Doubles the table and puts every id of the ring in it again. */
    private void grow() {
        allocate(slots.length * 2);
        int ringMask = ringId.length - 1;
        for (int i = 0; i < size; i++) {
            int number = first + i;
            int r = number & ringMask;
            int tag = tag(ringKey[r], ringBits[r]);
            int s = home(tag);
            while (slots[s] != FREE) {
                s = (s + 1) & mask;
            }
            slots[s] = slot(tag, number);
        }
    }

    /** Ids in the window now. */
    int size() {
        return size;
    }
}

package io.persession.engine;

import io.persession.spi.EventType;

import java.util.Arrays;
import java.util.Objects;

/**
 * The distinct (type, name, page) triples of events, numbered and counted by use: what
 * {@link ForgottenVisitors} keeps of each visitor's last event besides its time, in one int.
 *
 * <p><b>Exactness.</b> {@link #acquire} gives equal triples ({@code ==} type, {@link String#equals
 * equal} name and page, either may be {@code null}) the same number while it is in use, and the triple
 * it gives back holds strings equal to the ones given (the first instances seen).
 *
 * <p><b>Memory</b>, per triple in use: about 30 bytes of arrays besides the name and page strings
 * themselves (which are usually shared with the reader). A triple whose uses are all
 * {@link #release released} is dropped at once and its number reused, so a log whose pages never repeat
 * costs no more than the triples still in use.
 *
 * <p>Not thread-safe.
 */
final class EventShapes {
    private static final EventType[] TYPES = EventType.values();
    private static final int INITIAL_CAPACITY = 16;

    private byte[] types = new byte[INITIAL_CAPACITY];
    private String[] names = new String[INITIAL_CAPACITY];
    private String[] pages = new String[INITIAL_CAPACITY];
    private int[] hashes = new int[INITIAL_CAPACITY];
    /** Uses per number; 0 for a free number. */
    private int[] uses = new int[INITIAL_CAPACITY];
    /** Numbers freed, to reuse (a stack). */
    private int[] free = new int[INITIAL_CAPACITY];
    private int freeCount;
    /** Numbers ever handed out: free ones included. */
    private int allocated;
    /** Slots: number + 1, or 0 when free. */
    private int[] table = new int[2 * INITIAL_CAPACITY];
    private int shift = Integer.SIZE - Integer.numberOfTrailingZeros(2 * INITIAL_CAPACITY);
    private int size;

    /** What the strings of the triples in use take, estimated (see {@link #usedBytes}). */
    private long stringBytes;

    /** Triples in use. */
    int size() {
        return size;
    }

    /**
     * About the bytes the triples in use hold: the arrays, and their name and page strings counted as if none
     * were shared (a string of {@code n} chars as {@code 40 + n}, or {@code 40 + 2n} beyond Latin-1).
     */
    long usedBytes() {
        return 22L * types.length + 4L * (table.length + free.length) + stringBytes;
    }

    private static long stringBytes(String s) {
        if (s == null) {
            return 0;
        }
        int n = s.length();
        for (int i = 0; i < n; i++) {
            if (s.charAt(i) > 0xFF) {
                return 40L + 2L * n;
            }
        }
        return 40L + n;
    }

    /** The number of the triple, counting one more use (adding it when it is not in use). */
    int acquire(EventType type, String name, String page) {
        int h = hash(type, name, page);
        int mask = table.length - 1;
        int i = slot(h);
        for (; ; i = (i + 1) & mask) {
            int v = table[i];
            if (v == 0) {
                break;
            }
            int n = v - 1;
            if (hashes[n] == h && types[n] == type.ordinal() && Objects.equals(names[n], name)
                    && Objects.equals(pages[n], page)) {
                uses[n]++;
                return n;
            }
        }
        int n;
        if (freeCount > 0) {
            n = free[--freeCount];
        } else {
            n = allocated++;
            if (n == types.length) {
                int grown = n + (n >> 1);
                types = Arrays.copyOf(types, grown);
                names = Arrays.copyOf(names, grown);
                pages = Arrays.copyOf(pages, grown);
                hashes = Arrays.copyOf(hashes, grown);
                uses = Arrays.copyOf(uses, grown);
            }
        }
        types[n] = (byte) type.ordinal();
        names[n] = name;
        pages[n] = page;
        stringBytes += stringBytes(name) + stringBytes(page);
        hashes[n] = h;
        uses[n] = 1;
        table[i] = n + 1;
        size++;
        if (size > (table.length >> 2) * 3) {
            rehash(table.length * 2);
        }
        return n;
    }

    /** One use less of triple {@code n}; the last drops it. */
    void release(int n) {
        if (uses[n] <= 0) {
            throw new IllegalStateException("triple " + n + " is not in use");
        }
        if (--uses[n] > 0) {
            return;
        }
        int mask = table.length - 1;
        int i = slot(hashes[n]);
        while (table[i] != n + 1) {
            i = (i + 1) & mask;
        }
        deleteSlot(i);
        stringBytes -= stringBytes(names[n]) + stringBytes(pages[n]);
        names[n] = null;
        pages[n] = null;
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, freeCount * 2);
        }
        free[freeCount++] = n;
        size--;
    }

    /** The numbers handed out so far, free ones included: each triple in use has a number below this. */
    int numbers() {
        return allocated;
    }

    /** Whether triple {@code n} is in use. */
    boolean inUse(int n) {
        return uses[n] > 0;
    }

    EventType type(int n) {
        return TYPES[types[n]];
    }

    String name(int n) {
        return names[n];
    }

    String page(int n) {
        return pages[n];
    }

    private static int hash(EventType type, String name, String page) {
        return (31 * type.ordinal() + Objects.hashCode(name)) * 31 + Objects.hashCode(page);
    }

    private int slot(int hash) {
        return (hash * 0x9E3779B9) >>> shift;
    }

    /** Linear-probing deletion by backward shift: no tombstones, so lookups stay short. */
    private void deleteSlot(int hole) {
        int mask = table.length - 1;
        int j = hole;
        while (true) {
            j = (j + 1) & mask;
            int v = table[j];
            if (v == 0) {
                break;
            }
            int home = slot(hashes[v - 1]);
            // the entry at j may move back into the hole unless its home lies cyclically in (hole, j]
            boolean stays = hole <= j ? hole < home && home <= j : hole < home || home <= j;
            if (!stays) {
                table[hole] = v;
                hole = j;
            }
        }
        table[hole] = 0;
    }

    private void rehash(int capacity) {
        int[] t = new int[capacity];
        int mask = capacity - 1;
        shift = Integer.SIZE - Integer.numberOfTrailingZeros(capacity);
        for (int n = 0; n < allocated; n++) {
            if (uses[n] > 0) {
                int i = slot(hashes[n]);
                while (t[i] != 0) {
                    i = (i + 1) & mask;
                }
                t[i] = n + 1;
            }
        }
        table = t;
    }
}

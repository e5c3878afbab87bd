package io.persession.input;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The text of byte strings seen before: a field's bytes are hashed and compared as bytes, and the one
 * {@link String} made for them the first time is returned again, so a repeated value (a user agent, a page) costs
 * neither decoding nor a new string. The string is what the decoder made of the bytes the first time, so the
 * cache is exact as long as the decoding depends on the bytes only. Bounded: when full, or for long values, the
 * bytes are decoded afresh. Not thread-safe.
 *
 * <p>Layout, for few cache misses on values with thousands of variants (pages, referrers): an open-addressing
 * table, at most half full, of 64-byte slots, each the hash and length of a key and the key itself when it has at
 * most {@value #INLINE} bytes (longer keys are kept aside); the strings in a parallel array.
 */
final class ByteStringCache {
    /** Makes the text of bytes. */
    interface Decoder {
        String decode(byte[] b, int from, int to);
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int SLOT = 8;
    private static final int INLINE = (SLOT - 1) * 8;
    private static final int MAX_ENTRIES = 1 << 14;
    private static final int MAX_LENGTH = 1024;

    /** Per slot: {@code hash << 32 | length + 1} (0: empty), then the key's bytes, little-endian, zero-padded. */
    private long[] table = new long[16 * SLOT];
    private String[] values = new String[16];
    /** Keys longer than {@link #INLINE}, per slot. */
    private byte[][] longKeys = new byte[16][];
    private int size;
    /** The slot found or filled last, or -1. */
    private int last = -1;

    /** The text of {@code b[from, to)}. */
    String get(byte[] b, int from, int to, Decoder decoder) {
        int len = to - from;
        if (len > MAX_LENGTH) {
            return decoder.decode(b, from, to);
        }
        int lastSlot = last;
        if (lastSlot >= 0 && (int) table[lastSlot * SLOT] == len + 1 && same(lastSlot, b, from, len)) {
            return values[lastSlot]; // the common case of a value repeated from one record to the next
        }
        int h = hash(b, from, to);
        long meta = (long) h << 32 | (len + 1);
        int mask = values.length - 1;
        int slot = h & mask;
        while (true) {
            long m = table[slot * SLOT];
            if (m == 0) {
                break;
            }
            if (m == meta && same(slot, b, from, len)) {
                last = slot;
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        String s = decoder.decode(b, from, to);
        if (size < MAX_ENTRIES) {
            put(slot, meta, b, from, len, s);
            last = slot;
            if (++size * 2 > values.length) {
                grow();
            }
        }
        return s;
    }

    private void put(int slot, long meta, byte[] b, int from, int len, String s) {
        int base = slot * SLOT;
        table[base] = meta;
        if (len > INLINE) {
            longKeys[slot] = Arrays.copyOfRange(b, from, from + len);
        } else {
            for (int i = 0; i < len; i += 8) {
                table[base + 1 + (i >>> 3)] = word(b, from + i, Math.min(8, len - i));
            }
        }
        values[slot] = s;
    }

    /** Whether the key in {@code slot} (of length {@code len}) is {@code b[from, from + len)}. */
    private boolean same(int slot, byte[] b, int from, int len) {
        if (len > INLINE) {
            return Arrays.equals(longKeys[slot], 0, len, b, from, from + len);
        }
        int base = slot * SLOT + 1;
        int i = 0;
        for (; i + 8 <= len; i += 8) {
            if (table[base + (i >>> 3)] != (long) LONGS.get(b, from + i)) {
                return false;
            }
        }
        return i == len || table[base + (i >>> 3)] == word(b, from + i, len - i);
    }

    /** {@code n} (0 to 8) bytes at {@code from} as a little-endian word, zero-padded. */
    private static long word(byte[] b, int from, int n) {
        if (from + 8 <= b.length) {
            // one read of eight bytes (within the array), the ones after the n masked out
            return n == 0 ? 0 : (long) LONGS.get(b, from) & -1L >>> (64 - 8 * n);
        }
        long w = 0;
        for (int j = n - 1; j >= 0; j--) {
            w = w << 8 | (b[from + j] & 0xffL);
        }
        return w;
    }

    private void grow() {
        long[] oldTable = table;
        String[] oldValues = values;
        byte[][] oldLongKeys = longKeys;
        int slots = oldValues.length * 2;
        table = new long[slots * SLOT];
        values = new String[slots];
        longKeys = new byte[slots][];
        int mask = slots - 1;
        for (int i = 0; i < oldValues.length; i++) {
            long m = oldTable[i * SLOT];
            if (m != 0) {
                int slot = (int) (m >>> 32) & mask;
                while (table[slot * SLOT] != 0) {
                    slot = (slot + 1) & mask;
                }
                System.arraycopy(oldTable, i * SLOT, table, slot * SLOT, SLOT);
                values[slot] = oldValues[i];
                longKeys[slot] = oldLongKeys[i];
            }
        }
        last = -1;
    }

    /**
     * A hash of the bytes, eight at a time (the last eight may overlap the ones before); of a long key, of its first and
     * last 32 bytes only (the comparison checks them all).
     */
    private static int hash(byte[] b, int from, int to) {
        int len = to - from;
        long h = len * 0x9E3779B97F4A7C15L;
        if (len < 8) {
            h = mix(h, word(b, from, len));
        } else {
            int last = to - 8;
            int i = from;
            if (len > 64) {
                for (; i < from + 32; i += 8) {
                    h = mix(h, (long) LONGS.get(b, i));
                }
                i = to - 32;
            }
            for (; i < last; i += 8) {
                h = mix(h, (long) LONGS.get(b, i));
            }
            h = mix(h, (long) LONGS.get(b, last));
        }
        h ^= h >>> 32;
        h *= 0xBF58476D1CE4E5B9L;
        return (int) (h ^ (h >>> 31));
    }

    private static long mix(long h, long w) {
        h = (h ^ w) * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }
}

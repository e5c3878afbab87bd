package io.persession.input;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The text of byte strings seen before: a field's bytes are hashed and compared as bytes, and the one
 * {@link String} made for them the first time is returned again, so a repeated value (a user agent, a page) costs
 * neither decoding nor a new string. The string is what {@code decoder} made of the bytes the first time, so the
 * cache is exact as long as the decoding depends on the bytes only. Bounded: when full, or for long values, the
 * bytes are decoded afresh. Not thread-safe.
 */
final class ByteStringCache {
    /** Makes the text of bytes. */
    interface Decoder {
        String decode(byte[] b, int from, int to);
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int MAX_ENTRIES = 1 << 14;
    private static final int MAX_LENGTH = 1024;

    /** Open addressing, at most half full; grown as needed so that a few values take a small, cache-friendly table. */
    private byte[][] keys = new byte[16][];
    private String[] values = new String[16];
    private int[] hashes = new int[16];
    private int size;
    /** The entry found or added last. */
    private byte[] lastKey;
    private String lastValue;

    /** The text of {@code b[from, to)}. */
    String get(byte[] b, int from, int to, Decoder decoder) {
        int len = to - from;
        byte[] last = lastKey;
        if (last != null && last.length == len && same(last, b, from, len)) {
            return lastValue; // the common case of a value repeated from one record to the next
        }
        if (len > MAX_LENGTH) {
            return decoder.decode(b, from, to);
        }
        int h = hash(b, from, to);
        int mask = keys.length - 1;
        int slot = h & mask;
        while (true) {
            byte[] k = keys[slot];
            if (k == null) {
                break;
            }
            if (hashes[slot] == h && k.length == len && same(k, b, from, len)) {
                lastKey = k;
                lastValue = values[slot];
                return lastValue;
            }
            slot = (slot + 1) & mask;
        }
        String s = decoder.decode(b, from, to);
        if (size < MAX_ENTRIES) {
            lastKey = Arrays.copyOfRange(b, from, to);
            lastValue = s;
            keys[slot] = lastKey;
            values[slot] = s;
            hashes[slot] = h;
            if (++size * 2 > keys.length) {
                grow();
            }
        }
        return s;
    }

    private void grow() {
        byte[][] oldKeys = keys;
        String[] oldValues = values;
        int[] oldHashes = hashes;
        keys = new byte[oldKeys.length * 2][];
        values = new String[keys.length];
        hashes = new int[keys.length];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                int slot = oldHashes[i] & mask;
                while (keys[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
                hashes[slot] = oldHashes[i];
            }
        }
    }

    /** Whether {@code key} (of length {@code len}) holds {@code b[from, from + len)}: eight bytes at a time. */
    private static boolean same(byte[] key, byte[] b, int from, int len) {
        int i = 0;
        for (; i + 8 <= len; i += 8) {
            if ((long) LONGS.get(key, i) != (long) LONGS.get(b, from + i)) {
                return false;
            }
        }
        for (; i < len; i++) {
            if (key[i] != b[from + i]) {
                return false;
            }
        }
        return true;
    }

    private static int hash(byte[] b, int from, int to) {
        long h = (to - from) * 0x9E3779B97F4A7C15L;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            h = (h ^ (long) LONGS.get(b, i)) * 0x9E3779B97F4A7C15L;
            h ^= h >>> 29;
        }
        for (; i < to; i++) {
            h = (h ^ b[i]) * 0x9E3779B97F4A7C15L;
        }
        h ^= h >>> 32;
        h *= 0xBF58476D1CE4E5B9L;
        return (int) (h ^ (h >>> 31));
    }
}

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
    private static final int CAPACITY = 1 << 15;
    private static final int MAX_ENTRIES = CAPACITY / 2;
    private static final int MAX_LENGTH = 1024;

    private final byte[][] keys = new byte[CAPACITY][];
    private final String[] values = new String[CAPACITY];
    private final int[] hashes = new int[CAPACITY];
    private int size;

    /** The text of {@code b[from, to)}. */
    String get(byte[] b, int from, int to, Decoder decoder) {
        int len = to - from;
        if (len > MAX_LENGTH) {
            return decoder.decode(b, from, to);
        }
        int h = hash(b, from, to);
        int mask = CAPACITY - 1;
        int slot = h & mask;
        while (true) {
            byte[] k = keys[slot];
            if (k == null) {
                break;
            }
            if (hashes[slot] == h && k.length == len && Arrays.equals(k, 0, len, b, from, to)) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        String s = decoder.decode(b, from, to);
        if (size < MAX_ENTRIES) {
            keys[slot] = Arrays.copyOfRange(b, from, to);
            values[slot] = s;
            hashes[slot] = h;
            size++;
        }
        return s;
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

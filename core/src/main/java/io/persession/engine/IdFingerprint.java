package io.persession.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The 128-bit fingerprint by which de-duplication tells event ids apart ({@link EventIdLog}, {@link IdWindow}):
 * MurmurHash3 (x64, 128 bits, seed 0) of the id's bytes when it is ASCII, else of its UTF-16 code units
 * (little-endian). Holds the last fingerprint computed; not thread-safe, and no allocation per id.
 */
final class IdFingerprint {
    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** The bytes of the last ASCII id fingerprinted from a string (reused). */
    private byte[] ascii = new byte[64];
    // the running state, then the result
    private long h1;
    private long h2;

    /** The high 64 bits of the fingerprint computed last. */
    long hi() {
        return h1;
    }

    /** The low 64 bits of the fingerprint computed last. */
    long lo() {
        return h2;
    }

    /** Computes the fingerprint of {@code id}. */
    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): each char's low byte, exact for ASCII
    void of(String id) {
        int len = id.length();
        for (int i = 0; i < len; i++) {
            if (id.charAt(i) >= 0x80) {
                ofChars(id);
                return;
            }
        }
        if (ascii.length < len) {
            ascii = new byte[Math.max(len, 2 * ascii.length)];
        }
        id.getBytes(0, len, ascii, 0);
        ofAscii(ascii, 0, len);
    }

    /** Computes the fingerprint of the id whose text is {@code b[from, to)}, each byte below 0x80. */
    private void ofAscii(byte[] b, int from, int to) {
        int len = to - from;
        h1 = 0;
        h2 = 0;
        int i = from;
        for (; i + 16 <= to; i += 16) {
            block((long) LONGS.get(b, i), (long) LONGS.get(b, i + 8));
        }
        int tail = to - i;
        tail(tail > 8 ? bytes(b, i + 8, tail - 8) : 0, tail > 0 ? bytes(b, i, Math.min(8, tail)) : 0);
        finish(len);
    }

    private static long bytes(byte[] b, int from, int n) {
        long k = 0;
        for (int j = 0; j < n; j++) {
            k |= (b[from + j] & 0xffL) << (8 * j);
        }
        return k;
    }

    private void ofChars(String s) {
        int len = s.length();
        h1 = 0;
        h2 = 0;
        int i = 0;
        for (; i + 8 <= len; i += 8) {
            block(chars(s, i, 4), chars(s, i + 4, 4));
        }
        int tail = len - i;
        tail(tail > 4 ? chars(s, i + 4, tail - 4) : 0, tail > 0 ? chars(s, i, Math.min(4, tail)) : 0);
        finish(2L * len);
    }

    private static long chars(String s, int from, int n) {
        long k = 0;
        for (int j = 0; j < n; j++) {
            k |= (long) s.charAt(from + j) << (16 * j);
        }
        return k;
    }

    /** One 16-byte block of MurmurHash3 x64 128. */
    private void block(long k1, long k2) {
        h1 ^= Long.rotateLeft(k1 * C1, 31) * C2;
        h1 = Long.rotateLeft(h1, 27) + h2;
        h1 = h1 * 5 + 0x52dce729;
        h2 ^= Long.rotateLeft(k2 * C2, 33) * C1;
        h2 = Long.rotateLeft(h2, 31) + h1;
        h2 = h2 * 5 + 0x38495ab5;
    }

    /** The last, partial block: its second half {@code k2} and first half {@code k1} (0 when absent). */
    private void tail(long k2, long k1) {
        if (k2 != 0) {
            h2 ^= Long.rotateLeft(k2 * C2, 33) * C1;
        }
        if (k1 != 0) {
            h1 ^= Long.rotateLeft(k1 * C1, 31) * C2;
        }
    }

    private void finish(long bytes) {
        long a = h1 ^ bytes;
        long b = h2 ^ bytes;
        a += b;
        b += a;
        a = mix(a);
        b = mix(b);
        a += b;
        b += a;
        h1 = a;
        h2 = b;
    }

    /** MurmurHash3's 64-bit finalizer: every bit of {@code k} moves about half of the result's. */
    static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}

package io.persession.engine;

import java.util.Arrays;

/**
 * Numbers distinct strings {@code 0, 1, 2, ...} in the order they are first added, in a few flat
 * arrays instead of one object per string: the per-number payload lives in the caller's parallel
 * arrays (see {@link ForgottenVisitors}, {@link VisitorCounts}).
 *
 * <p><b>Exactness.</b> Two strings get the same number if and only if they are {@link String#equals
 * equal}: a lookup compares the stored {@link String#hashCode()} first and then every char of the
 * stored copy, never the hash alone. Strings are stored char by char in a lossless variable-length
 * encoding (1 byte for U+0000..U+007F, 2 up to U+07FF, 3 above, each UTF-16 unit on its own, so
 * unpaired surrogates survive too), so {@link #key} gives back exactly the string added.
 *
 * <p><b>Memory</b>, per distinct string: 4 bytes of hash, 4 of address, 5.3 to 10.7 of slot table
 * (open addressing with linear probing, load factor between 3/8 and 3/4) and the encoded string: a
 * 1-byte length (up to 127 chars; more for longer ones) and then, for ASCII, one byte a char. A
 * 20-char ASCII id costs about 37 bytes all in. The strings live in 64 KiB byte chunks (at most
 * 2 GiB of them). Nothing is ever removed, except everything by {@link #clear()}.
 *
 * <p>Not thread-safe.
 */
final class StringIndex {
    private static final int CHUNK_BITS = 16;
    private static final int CHUNK_SIZE = 1 << CHUNK_BITS;
    private static final int CHUNK_MASK = CHUNK_SIZE - 1;
    private static final int INITIAL_CAPACITY = 16;

    /** The encoded strings, back to back; a string may run on into the next chunk. */
    private byte[][] chunks;
    /** Bytes used in {@link #chunks}: the address of the next string. */
    private int used;
    /** Per number: the string's {@link String#hashCode()}. */
    private int[] hashes;
    /** Per number: the address of its encoded string. */
    private int[] addresses;
    /** Slots: number + 1, or 0 when free. */
    private int[] table;
    private int shift;
    private int size;

    StringIndex() {
        clear();
    }

    /** Forgets every string; numbering starts again at 0. */
    void clear() {
        chunks = new byte[4][];
        used = 0;
        hashes = new int[INITIAL_CAPACITY];
        addresses = new int[INITIAL_CAPACITY];
        table = new int[2 * INITIAL_CAPACITY];
        shift = Integer.SIZE - Integer.numberOfTrailingZeros(table.length);
        size = 0;
    }

    /** How many distinct strings were added. */
    int size() {
        return size;
    }

    /** The number of {@code s}, or -1 when it was never added. */
    int find(String s) {
        int h = s.hashCode();
        int mask = table.length - 1;
        for (int i = slot(h); ; i = (i + 1) & mask) {
            int v = table[i];
            if (v == 0) {
                return -1;
            }
            int n = v - 1;
            if (hashes[n] == h && storedEquals(addresses[n], s)) {
                return n;
            }
        }
    }

    /** The number of {@code s}, adding it (with the next number) when it is new. */
    int add(String s) {
        int h = s.hashCode();
        int mask = table.length - 1;
        int i = slot(h);
        for (; ; i = (i + 1) & mask) {
            int v = table[i];
            if (v == 0) {
                break;
            }
            int n = v - 1;
            if (hashes[n] == h && storedEquals(addresses[n], s)) {
                return n;
            }
        }
        int n = size;
        if (n == hashes.length) {
            int grown = n + (n >> 1);
            hashes = Arrays.copyOf(hashes, grown);
            addresses = Arrays.copyOf(addresses, grown);
        }
        hashes[n] = h;
        addresses[n] = used;
        write(s);
        table[i] = n + 1;
        size = n + 1;
        if (size > (table.length >> 2) * 3) {
            rehash(table.length * 2);
        }
        return n;
    }

    /** The string numbered {@code n}, decoded (a new instance, equal to the one added). */
    String key(int n) {
        if (n < 0 || n >= size) {
            throw new IndexOutOfBoundsException("no string numbered " + n + " (" + size + " added)");
        }
        Cursor c = new Cursor(addresses[n]);
        int length = c.readLength();
        char[] out = new char[length];
        for (int k = 0; k < length; k++) {
            out[k] = c.readChar();
        }
        return new String(out);
    }

    /** Roughly the bytes this index holds in arrays (for measurements; excludes unused chunk tails). */
    long footprintBytes() {
        return 4L * hashes.length + 4L * addresses.length + 4L * table.length + used + 8L * chunks.length;
    }

    private int slot(int hash) {
        return (hash * 0x9E3779B9) >>> shift;
    }

    private void rehash(int capacity) {
        int[] t = new int[capacity];
        int mask = capacity - 1;
        shift = Integer.SIZE - Integer.numberOfTrailingZeros(capacity);
        for (int n = 0; n < size; n++) {
            int i = slot(hashes[n]);
            while (t[i] != 0) {
                i = (i + 1) & mask;
            }
            t[i] = n + 1;
        }
        table = t;
    }

    private boolean storedEquals(int address, String s) {
        Cursor c = new Cursor(address);
        int length = s.length();
        if (c.readLength() != length) {
            return false;
        }
        for (int k = 0; k < length; k++) {
            if (c.readChar() != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Appends {@code s}: its length in chars (7 bits a byte, low first), then each char. */
    private void write(String s) {
        int length = s.length();
        long bytes = 5L + 3L * length;
        if ((long) used + bytes > Integer.MAX_VALUE) {
            long exact = lengthBytes(length);
            for (int k = 0; k < length; k++) {
                exact += charBytes(s.charAt(k));
            }
            if ((long) used + exact > Integer.MAX_VALUE) {
                throw new IllegalStateException("more than 2 GiB of distinct strings");
            }
        }
        int rest = length;
        while (rest >= 0x80) {
            put((byte) (rest | 0x80));
            rest >>>= 7;
        }
        put((byte) rest);
        for (int k = 0; k < length; k++) {
            char ch = s.charAt(k);
            if (ch < 0x80) {
                put((byte) ch);
            } else if (ch < 0x800) {
                put((byte) (0xC0 | (ch >> 6)));
                put((byte) (0x80 | (ch & 0x3F)));
            } else {
                put((byte) (0xE0 | (ch >> 12)));
                put((byte) (0x80 | ((ch >> 6) & 0x3F)));
                put((byte) (0x80 | (ch & 0x3F)));
            }
        }
    }

    private static int lengthBytes(int length) {
        int n = 1;
        while (length >= 0x80) {
            length >>>= 7;
            n++;
        }
        return n;
    }

    private static int charBytes(char ch) {
        return ch < 0x80 ? 1 : ch < 0x800 ? 2 : 3;
    }

    private void put(byte b) {
        int chunk = used >>> CHUNK_BITS;
        if (chunk == chunks.length) {
            chunks = Arrays.copyOf(chunks, chunks.length * 2);
        }
        byte[] bytes = chunks[chunk];
        if (bytes == null) {
            bytes = new byte[CHUNK_SIZE];
            chunks[chunk] = bytes;
        }
        bytes[used & CHUNK_MASK] = b;
        used++;
    }

    /** Reads one stored string from its address on. */
    private final class Cursor {
        private int chunk;
        private int offset;
        private byte[] bytes;

        Cursor(int address) {
            chunk = address >>> CHUNK_BITS;
            offset = address & CHUNK_MASK;
            bytes = chunks[chunk];
        }

        int next() {
            if (offset == CHUNK_SIZE) {
                bytes = chunks[++chunk];
                offset = 0;
            }
            return bytes[offset++] & 0xFF;
        }

        int readLength() {
            int length = 0;
            int b;
            int bits = 0;
            do {
                b = next();
                length |= (b & 0x7F) << bits;
                bits += 7;
            } while (b >= 0x80);
            return length;
        }

        char readChar() {
            int b = next();
            if (b < 0x80) {
                return (char) b;
            }
            if (b < 0xE0) {
                return (char) (((b & 0x1F) << 6) | (next() & 0x3F));
            }
            int mid = next() & 0x3F;
            return (char) (((b & 0x0F) << 12) | (mid << 6) | (next() & 0x3F));
        }
    }
}

package io.persession.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A hash table from strings to a small fixed-size payload, with no object per entry: each entry is a
 * run of bytes in 64 KiB chunks (the payload, then the string), and the table is an {@code int[]} of
 * entry addresses. {@link ForgottenVisitors} and {@link VisitorCounts} keep a visitor's data this way.
 *
 * <p><b>Exactness.</b> Two strings have the same entry if and only if they are {@link String#equals
 * equal}: a lookup compares every char of the stored copy, never a hash alone. Strings are stored char
 * by char in a lossless variable-length encoding ({@link CharCodec}), so {@link #key} gives back exactly
 * the string added. An entry's address never changes; its payload starts as zeros and holds what the
 * caller stores in it.
 *
 * <p><b>Memory</b>, per entry: the payload, the string's length (1 byte up to 127 chars), the string (one
 * byte a char for ASCII) and 6.7 to 10 bytes of table (5 bytes a slot, open addressing with linear
 * probing, load factor between 1/2 and 3/4: the table grows by half, not twice over): a 15-char ASCII id
 * with a 4-byte payload takes about 30 bytes, with 12 about 38. Growing copies only the table (never the
 * entries). Entries are never removed, except all of them by {@link #clear()}; at most 2 GiB of them.
 *
 * <p>Not thread-safe.
 */
final class StringTable {
    private static final int CHUNK_BITS = 16;
    private static final int CHUNK_SIZE = 1 << CHUNK_BITS;
    private static final int CHUNK_MASK = CHUNK_SIZE - 1;
    private static final int INITIAL_SLOTS = 32;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final int payloadBytes;
    /**
     * The entries: a chunk holds whole entries only; an entry longer than a chunk gets a chunk of its
     * own, of its size (its address is that chunk at offset 0).
     */
    private byte[][] chunks;
    /** Where the entries of each chunk before {@link #chunk} end. */
    private int[] ends;
    /** The chunk entries are added to, and where the next one goes in it. */
    private int chunk;
    private int offset;
    /** Slots: entry address + 1, or 0 when free. */
    private int[] table;
    /**
     * Per slot, 8 bits of the string's hash (other bits than the slot's): a probe reads the entry only
     * when they match, so passing other entries costs no access to the chunks.
     */
    private byte[] prints;
    private int size;
    /** The bytes of the chunks allocated. */
    private long chunkBytes;

    /** @param payloadBytes the fixed size of each entry's payload */
    StringTable(int payloadBytes) {
        if (payloadBytes < 0 || payloadBytes > 1024) {
            throw new IllegalArgumentException("payload of " + payloadBytes + " bytes");
        }
        this.payloadBytes = payloadBytes;
        clear();
    }

    /** Drops every entry. */
    void clear() {
        chunks = new byte[4][]; // allocated as entries come: an empty table holds no chunk
        ends = new int[4];
        chunk = 0;
        offset = 0;
        table = new int[INITIAL_SLOTS];
        prints = new byte[INITIAL_SLOTS];
        size = 0;
        chunkBytes = 0;
    }

    /** Distinct strings added. */
    int size() {
        return size;
    }

    /** The address of {@code s}'s entry, or -1 when it was never added. */
    int find(String s) {
        int h = s.hashCode();
        byte print = print(h);
        int[] t = table;
        for (int i = slot(h, t.length); ; i = next(i, t.length)) {
            int v = t[i];
            if (v == 0) {
                return -1;
            }
            if (prints[i] == print && storedEquals(v - 1, s)) {
                return v - 1;
            }
        }
    }

    /** The address of {@code s}'s entry, added (with a zero payload) when {@code s} is new. */
    int add(String s) {
        int h = s.hashCode();
        byte print = print(h);
        int i = slot(h, table.length);
        for (; ; i = next(i, table.length)) {
            int v = table[i];
            if (v == 0) {
                break;
            }
            if (prints[i] == print && storedEquals(v - 1, s)) {
                return v - 1;
            }
        }
        int address = write(s);
        table[i] = address + 1;
        prints[i] = print;
        size++;
        if (size > table.length * 3L / 4) {
            rehash(table.length + table.length / 2); // by half
        }
        return address;
    }

    long getLong(int address, int at) {
        return (long) LONGS.get(chunks[address >>> CHUNK_BITS], (address & CHUNK_MASK) + check(at, 8));
    }

    void setLong(int address, int at, long value) {
        LONGS.set(chunks[address >>> CHUNK_BITS], (address & CHUNK_MASK) + check(at, 8), value);
    }

    int getInt(int address, int at) {
        return (int) INTS.get(chunks[address >>> CHUNK_BITS], (address & CHUNK_MASK) + check(at, 4));
    }

    void setInt(int address, int at, int value) {
        INTS.set(chunks[address >>> CHUNK_BITS], (address & CHUNK_MASK) + check(at, 4), value);
    }

    /** The string of the entry at {@code address} (a new instance, equal to the one added). */
    String key(int address) {
        return CharCodec.read(chunks[address >>> CHUNK_BITS], (address & CHUNK_MASK) + payloadBytes);
    }

    /** The bytes of the string of the entry at {@code address}, as {@link CharCodec} encodes it. */
    int keyBytes(int address) {
        byte[] bytes = chunks[address >>> CHUNK_BITS];
        int p = (address & CHUNK_MASK) + payloadBytes;
        return CharCodec.skip(bytes, p) - p;
    }

    /** Copies the {@link #keyBytes} of the entry at {@code address} to {@code dst} at {@code at}; returns where they end. */
    int copyKey(int address, byte[] dst, int at) {
        int n = keyBytes(address);
        System.arraycopy(chunks[address >>> CHUNK_BITS], (address & CHUNK_MASK) + payloadBytes, dst, at, n);
        return at + n;
    }

    /**
     * Hands the address of every entry to {@code action}, in the order they were added: the order of
     * their addresses, so that the walk reads the chunks from start to end.
     */
    void forEach(java.util.function.IntConsumer action) {
        for (int c = 0; c <= chunk && c < chunks.length; c++) {
            byte[] bytes = chunks[c];
            int end = c == chunk ? offset : ends[c];
            for (int p = 0; p < end; p = CharCodec.skip(bytes, p + payloadBytes)) {
                action.accept(c << CHUNK_BITS | p);
            }
        }
    }

    /** The table's slots (for tests). */
    int slots() {
        return table.length;
    }

    /** The bytes the table and the chunks hold now, in O(1) (each chunk counted in full from when it is allocated). */
    long usedBytes() {
        return 5L * table.length + chunkBytes;
    }

    /** Roughly the bytes this table holds in arrays (for measurements): {@link #usedBytes}, and per chunk its reference and end. */
    long footprintBytes() {
        return usedBytes() + 12L * chunks.length;
    }

    private int check(int at, int width) {
        if (at < 0 || at + width > payloadBytes) {
            throw new IndexOutOfBoundsException("payload bytes " + at + ".." + (at + width) + " of " + payloadBytes);
        }
        return at;
    }

    /** A multiplicative hash's 32 bits scaled to the slots (multiply and shift: any number of slots will do). */
    private static int slot(int hash, int slots) {
        return (int) (((hash * 0x9E3779B9) & 0xFFFFFFFFL) * slots >>> 32);
    }

    private static int next(int i, int slots) {
        return ++i == slots ? 0 : i;
    }

    /** The top 8 bits of another multiplicative hash: independent enough of {@link #slot}'s bits. */
    private static byte print(int hash) {
        return (byte) ((hash * 0x85EBCA6B) >>> 24);
    }

    private void rehash(int slots) {
        int[] t = new int[slots];
        byte[] p = new byte[slots];
        for (int j = 0; j < table.length; j++) {
            int v = table[j];
            if (v != 0) {
                int i = slot(storedHash(v - 1), slots);
                while (t[i] != 0) {
                    i = next(i, slots);
                }
                t[i] = v;
                p[i] = prints[j];
            }
        }
        table = t;
        prints = p;
    }

    /** {@link String#hashCode()} of the stored string, from its chars. */
    private int storedHash(int address) {
        return CharCodec.hashCode(chunks[address >>> CHUNK_BITS], (address & CHUNK_MASK) + payloadBytes);
    }

    private boolean storedEquals(int address, String s) {
        return CharCodec.equals(chunks[address >>> CHUNK_BITS], (address & CHUNK_MASK) + payloadBytes, s);
    }

    /** Appends an entry for {@code s}: the zero payload, then {@code s} ({@link CharCodec}). */
    private int write(String s) {
        long need = (long) payloadBytes + CharCodec.encodedLength(s);
        byte[] bytes;
        int address;
        if (need > CHUNK_SIZE) {
            // a chunk of its own; the entries after it start a new chunk
            int own = offset == 0 ? chunk : chunk + 1;
            end(chunk);
            bytes = newChunk(own, (int) need);
            address = own << CHUNK_BITS;
            ends[own] = (int) need;
            chunk = own + 1;
            offset = 0;
        } else {
            if (offset + need > CHUNK_SIZE) {
                end(chunk);
                chunk++;
                offset = 0;
            }
            bytes = chunk < chunks.length ? chunks[chunk] : null;
            if (bytes == null) {
                bytes = newChunk(chunk, CHUNK_SIZE);
            }
            address = (chunk << CHUNK_BITS) | offset;
            offset += (int) need;
        }
        CharCodec.write(s, bytes, (address & CHUNK_MASK) + payloadBytes);
        return address;
    }

    /** Records where the entries of chunk {@code c}, which the next entry leaves, end. */
    private void end(int c) {
        if (c >= ends.length) {
            ends = Arrays.copyOf(ends, Math.max(2 * ends.length, c + 1));
        }
        ends[c] = offset;
    }

    private byte[] newChunk(int index, int bytes) {
        // the last address (index << 16 | 0xFFFF) + 1 must stay a positive int: 32767 chunks at most
        if (index >= (1 << (Integer.SIZE - 1 - CHUNK_BITS)) - 1) {
            throw new IllegalStateException("more than 2 GiB of strings");
        }
        if (index >= chunks.length) {
            chunks = Arrays.copyOf(chunks, Math.max(chunks.length * 2, index + 1));
        }
        if (index >= ends.length) {
            ends = Arrays.copyOf(ends, chunks.length);
        }
        byte[] c = new byte[bytes];
        chunks[index] = c;
        chunkBytes += bytes;
        return c;
    }
}

package io.persession.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Every event id of a read, as a 128-bit fingerprint with its input position, kept outside the heap so
 * that memory stays flat however long the input: the check behind {@link Deduplicator}'s bounded window.
 *
 * <p>Records go to one of {@value #PARTITIONS} partitions by fingerprint (in memory up to a few MB, then
 * appended to temporary files), so that {@link #firstOccurrences} can look at one partition at a time:
 * a record whose fingerprint an earlier record of the same partition has is a repeat of that id. Ids are
 * told apart by MurmurHash3 (x64, 128 bits) of their text (its bytes when ASCII, else its UTF-16 code units):
 * two different ids collide with a probability of about n&sup2; / 2<sup>129</sup> (below 10<sup>-20</sup> for a billion ids), far below
 * the odds of a hardware error in the same run. The files are deleted by {@link #close()}.
 */
final class EventIdLog implements AutoCloseable {
    static final int PARTITIONS = 64;
    private static final int RECORD = 3;
    private static final int BUFFERED = 4096;

    private final long[][] buffers = new long[PARTITIONS][RECORD * BUFFERED];
    private final int[] filled = new int[PARTITIONS];
    private final FileChannel[] files = new FileChannel[PARTITIONS];
    private final long[] counts = new long[PARTITIONS];
    private final ByteBuffer io = ByteBuffer.allocate(RECORD * 8 * BUFFERED).order(ByteOrder.nativeOrder());
    private Path dir;
    private long hi;
    private long lo;

    /**
     * Logs the id read at {@code position} (positions strictly increase from call to call); its
     * fingerprint is then {@link #lastHi()} and {@link #lastLo()}.
     */
    void add(String id, long position) {
        fingerprint(id);
        int p = (int) (hi >>> 58);
        long[] b = buffers[p];
        int at = filled[p];
        b[at] = hi;
        b[at + 1] = lo;
        b[at + 2] = position;
        filled[p] = at + RECORD;
        counts[p]++;
        if (filled[p] == b.length) {
            flush(p);
        }
    }

    /** The high 64 bits of the fingerprint of the id last {@linkplain #add added}. */
    long lastHi() {
        return hi;
    }

    /** The low 64 bits of the fingerprint of the id last {@linkplain #add added}. */
    long lastLo() {
        return lo;
    }

    /** Callback of {@link #firstOccurrences}. */
    interface Repeats {
        /** The id at {@code position} was read before, at a smaller position. */
        void repeat(long position);
    }

    /**
     * Hands every position whose id was logged before at a smaller position to {@code repeats}, partition by
     * partition; a partition of more than {@code maxInMemory} records is taken in several rounds, each over the
     * records of some further fingerprint bits, so that memory stays bounded (about 28 bytes a record of a round)
     * however long the input.
     */
    void firstOccurrences(Repeats repeats) {
        firstOccurrences(repeats, 1 << 21);
    }

    void firstOccurrences(Repeats repeats, int maxInMemory) {
        for (int p = 0; p < PARTITIONS; p++) {
            long total = counts[p];
            int rounds = 1;
            while (total / rounds > maxInMemory && rounds < (1 << 20)) {
                rounds *= 2;
            }
            for (int round = 0; round < rounds; round++) {
                firstOccurrences(p, rounds, round, repeats);
            }
        }
    }

    /** One round over partition {@code p}: the records whose fingerprint bits 36..56 say {@code round} of {@code rounds}. */
    private void firstOccurrences(int p, int rounds, int round, Repeats repeats) {
        Round r = new Round(rounds, round, (int) Math.min(counts[p], Integer.MAX_VALUE - 8));
        readBack(p, r);
        long[] b = buffers[p];
        for (int at = 0; at < filled[p]; at += RECORD) {
            r.offer(b[at], b[at + 1], b[at + 2]);
        }
        int n = r.size;
        if (n == 0) {
            return;
        }
        long[] his = r.his;
        long[] los = r.los;
        int mask = Integer.highestOneBit(Math.max(2, n) * 2 - 1) * 2 - 1;
        int[] slots = new int[mask + 1];
        for (int i = 0; i < n; i++) {
            int s = (int) mix(los[i] ^ his[i]) & mask;
            while (true) {
                int j = slots[s] - 1;
                if (j < 0) {
                    slots[s] = i + 1;
                    break;
                }
                if (his[j] == his[i] && los[j] == los[i]) {
                    repeats.repeat(r.positions[i]);
                    break;
                }
                s = (s + 1) & mask;
            }
        }
    }

    /** The records of one round, in log order. */
    private static final class Round {
        final int rounds;
        final int round;
        long[] his;
        long[] los;
        long[] positions;
        int size;

        Round(int rounds, int round, int expected) {
            this.rounds = rounds;
            this.round = round;
            int capacity = Math.max(16, rounds == 1 ? expected : expected / rounds + expected / (4 * rounds) + 16);
            his = new long[capacity];
            los = new long[capacity];
            positions = new long[capacity];
        }

        void offer(long hi, long lo, long position) {
            if (rounds > 1 && (int) (hi >>> 36) % rounds != round) { // hi >>> 58 chose the partition
                return;
            }
            if (size == his.length) {
                int n = size + size / 2 + 16;
                his = java.util.Arrays.copyOf(his, n);
                los = java.util.Arrays.copyOf(los, n);
                positions = java.util.Arrays.copyOf(positions, n);
            }
            his[size] = hi;
            los[size] = lo;
            positions[size] = position;
            size++;
        }
    }

    private void readBack(int p, Round r) {
        if (files[p] == null) {
            return;
        }
        try {
            FileChannel f = files[p];
            f.position(0);
            long records = (f.size() / 8) / RECORD;
            long read = 0;
            while (read < records) {
                io.clear();
                int want = (int) Math.min(BUFFERED, records - read);
                io.limit(want * RECORD * 8);
                while (io.hasRemaining()) {
                    if (f.read(io) < 0) {
                        throw new IOException("unexpected end of " + dir);
                    }
                }
                io.flip();
                java.nio.LongBuffer longs = io.asLongBuffer();
                for (int i = 0; i < want; i++, read++) {
                    r.offer(longs.get(), longs.get(), longs.get());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back the event-id log in " + dir + ": " + e.getMessage(), e);
        }
    }

    private void flush(int p) {
        try {
            if (files[p] == null) {
                if (dir == null) {
                    dir = Files.createTempDirectory("persession-event-ids");
                }
                files[p] = FileChannel.open(dir.resolve(p + ".bin"), StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                        StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE);
            }
            io.clear();
            io.asLongBuffer().put(buffers[p], 0, filled[p]);
            io.limit(filled[p] * 8);
            while (io.hasRemaining()) {
                files[p].write(io);
            }
            filled[p] = 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the event-id log (" + (dir == null ? "temporary directory" : dir)
                    + "): " + e.getMessage() + "; free some space there or point java.io.tmpdir elsewhere"
                    + " (PERSESSION_OPTS=-Djava.io.tmpdir=DIR)", e);
        }
    }

    /** The directory of the partition files, or {@code null} while everything fits in memory. */
    Path directory() {
        return dir;
    }

    @Override
    public void close() {
        IOException failed = null;
        for (int p = 0; p < PARTITIONS; p++) {
            if (files[p] != null) {
                try {
                    files[p].close();
                } catch (IOException e) {
                    failed = e;
                }
                files[p] = null;
            }
        }
        try {
            if (dir != null) {
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            failed = e;
        }
        if (failed != null) {
            throw new UncheckedIOException("cannot remove the event-id log in " + dir, failed);
        }
    }

    // MurmurHash3 x64 128, seed 0: over the bytes of an ASCII id (the usual case: one bulk copy, eight bytes a
    // read), else over the id's UTF-16 code units. Each id always takes the same way, so equal ids give equal
    // fingerprints.
    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** The bytes of the last ASCII id fingerprinted (reused: no allocation per id). */
    private byte[] ascii = new byte[64];

    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): each char's low byte, exact for ASCII
    private void fingerprint(String s) {
        int len = s.length();
        for (int i = 0; i < len; i++) {
            if (s.charAt(i) >= 0x80) {
                fingerprintChars(s);
                return;
            }
        }
        if (ascii.length < len) {
            ascii = new byte[Math.max(len, 2 * ascii.length)];
        }
        s.getBytes(0, len, ascii, 0);
        fingerprintAscii(ascii, len);
    }

    private void fingerprintAscii(byte[] b, int len) {
        h1 = 0;
        h2 = 0;
        int i = 0;
        for (; i + 16 <= len; i += 16) {
            block((long) LONGS.get(b, i), (long) LONGS.get(b, i + 8));
        }
        int tail = len - i;
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

    private void fingerprintChars(String s) {
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

    // the running state of the fingerprint being computed
    private long h1;
    private long h2;

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
        hi = a;
        lo = b;
    }

    private static long chars(String s, int from, int n) {
        long k = 0;
        for (int j = 0; j < n; j++) {
            k |= (long) s.charAt(from + j) << (16 * j);
        }
        return k;
    }

    static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}

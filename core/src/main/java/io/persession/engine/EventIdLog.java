package io.persession.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 * told apart by their {@link IdFingerprint} (MurmurHash3, x64, 128 bits):
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

    /**
     * Logs the id read at {@code position}, by its {@link IdFingerprint} {@code hi}, {@code lo} (positions strictly
     * increase from call to call).
     */
    void add(long hi, long lo, long position) {
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
        Round r = new Round();
        for (int p = 0; p < PARTITIONS; p++) {
            long total = counts[p];
            int rounds = 1;
            while (total / rounds > maxInMemory && rounds < (1 << 20)) {
                rounds *= 2;
            }
            for (int round = 0; round < rounds; round++) {
                r.start(rounds, round, (int) Math.min(total, Integer.MAX_VALUE - 8));
                firstOccurrences(p, r, repeats);
            }
        }
    }

    /**
     * One round over partition {@code p}: the records whose fingerprint bits 36..56 say {@code r}'s round of its
     * rounds. The round's arrays and the table serve every round of every partition, so that the collector does not
     * have to clear one set a round (a set of some megabytes, made 64 times, filled the old generation at 50 M events).
     */
    private void firstOccurrences(int p, Round r, Repeats repeats) {
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
        int[] slots = r.slots(mask + 1);
        for (int i = 0; i < n; i++) {
            int s = (int) IdFingerprint.mix(los[i] ^ his[i]) & mask;
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
        int rounds;
        int round;
        long[] his = new long[16];
        long[] los = new long[16];
        long[] positions = new long[16];
        int size;
        private int[] slots = new int[0];

        /** Starts round {@code round} of {@code rounds} over a partition of {@code expected} records. */
        void start(int rounds, int round, int expected) {
            this.rounds = rounds;
            this.round = round;
            size = 0;
            int capacity = Math.max(16, rounds == 1 ? expected : expected / rounds + expected / (4 * rounds) + 16);
            if (his.length < capacity) {
                his = new long[capacity];
                los = new long[capacity];
                positions = new long[capacity];
            }
        }

        /** A table of {@code n} free slots (zeros). */
        int[] slots(int n) {
            if (slots.length < n) {
                slots = new int[n];
            } else {
                java.util.Arrays.fill(slots, 0, n, 0);
            }
            return slots;
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
}

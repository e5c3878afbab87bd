package io.persession.engine;

import io.persession.spi.Event;
import io.persession.spi.EventType;

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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The part of {@link ForgottenVisitors} kept on disk, so that its memory stays flat however many visitors
 * a log has: sorted runs of visitor records in temporary files, newest last, each with a Bloom filter and a
 * sparse index in memory (about 2.5 bytes a record together).
 *
 * <p><b>Records.</b> A record is a visitor's last event (its time, type, name and page: what {@link
 * SessionAccumulator#summary} keeps), or a <em>tombstone</em> saying that the visitor is not forgotten now.
 * The newest record of a visitor is the one that counts. A run holds at most one record a visitor, sorted
 * by the top 40 bits of the visitor id's 64-bit hash ({@link #hash}); visitors are told apart by their ids
 * themselves ({@link CharCodec}), never by the hash alone. Layout: record length (4 bytes), hash (8), time
 * (8), type ({@link EventType} ordinal, or -1 for a tombstone), id, name and page (each a presence byte
 * then {@link CharCodec}).
 *
 * <p><b>Cost.</b> A lookup checks the runs' Bloom filters (16 bits a record, 6 probes in one 512-bit
 * block: about 0.1% false positives a run), and for a run that may hold the visitor reads one block of
 * about 32 records with one positioned read. Runs are merged {@value #MERGE_FACTOR} at a time when that many
 * of the same generation exist (sequential reads and writes, no decoding), so a log of {@code n} spilled
 * records has at most {@code (MERGE_FACTOR - 1) * log(n)} runs and writes each record about
 * {@code log(n / spill size) / log(MERGE_FACTOR)} times. A merge that includes the oldest run drops
 * tombstones. Files go to {@code java.io.tmpdir}, and are deleted by {@link #close()}.
 *
 * <p>Not thread-safe.
 */
final class SpilledVisitors implements AutoCloseable {
    /** {@link #find}: no record of the visitor. */
    static final int ABSENT = 0;
    /** {@link #find}: the newest record is a tombstone. */
    static final int GONE = 1;
    /** {@link #find}: the newest record holds the visitor's last event, see {@link #summary}. */
    static final int LIVE = 2;

    static final int MERGE_FACTOR = 4;
    /** The hash bits runs are sorted by; the rest (24 bits) are free for a position in a sort. */
    static final long KEY_MASK = ~0xFFFFFFL;
    /** Records a run written at once may have at most. */
    static final int MAX_SPILL = 1 << 24;

    private static final byte TOMBSTONE = -1;
    private static final EventType[] TYPES = EventType.values();
    private static final int BLOCK_RECORDS = 32;
    private static final int BLOOM_BITS_PER_RECORD = 16;
    /** Where a record's hash, time and type are, from its start (its length is at 0); its id starts at {@link #HEADER}. */
    private static final int HASH_AT = 4;
    private static final int TIME_AT = 12;
    private static final int TYPE_AT = 20;
    private static final int HEADER = TYPE_AT + 1;
    /** FNV-1a, 64 bits: the offset basis and the prime. */
    private static final long FNV_BASIS = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final int IO_BUFFER = 1 << 16;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    /** Oldest first. */
    private final List<Run> runs = new ArrayList<>();
    /** The block last read by {@link #find}, and where the record found starts in it. */
    private byte[] block = new byte[4096];
    private int found = -1;
    private long runsWritten;
    /** {@link #memoryOf} the runs. */
    private long runBytes;

    /** The 64-bit hash of a visitor id that runs are sorted and filtered by (FNV-1a over its chars, then mixed). */
    static long hash(String id) {
        long h = FNV_BASIS ^ id.length();
        for (int i = 0, n = id.length(); i < n; i++) {
            h = (h ^ id.charAt(i)) * FNV_PRIME;
        }
        return IdFingerprint.mix(h);
    }

    /** {@link #hash(String)} of the id written at {@code p} ({@link CharCodec}), without decoding it. */
    static long hash(byte[] encoded, int p) {
        long lp = CharCodec.readLength(encoded, p);
        int length = (int) (lp >>> 32);
        p = (int) lp;
        long h = FNV_BASIS ^ length;
        for (int i = 0; i < length; i++) {
            long cp = CharCodec.readChar(encoded, p);
            h = (h ^ (cp >>> 32)) * FNV_PRIME;
            p = (int) cp;
        }
        return IdFingerprint.mix(h);
    }

    boolean isEmpty() {
        return runs.isEmpty();
    }

    /** Runs on disk now (for tests). */
    int runs() {
        return runs.size();
    }

    /** Runs written so far, merges included; not reset by {@link #close()} (for tests). */
    long runsWritten() {
        return runsWritten;
    }

    /**
     * The state of {@code id}'s newest record ({@link #ABSENT}, {@link #GONE} or {@link #LIVE}); {@code hash}
     * is {@link #hash hash(id)}. After {@link #LIVE}, {@link #summary} gives the event, until the next call.
     */
    int find(String id, long hash) {
        found = -1;
        for (int r = runs.size() - 1; r >= 0; r--) {
            Run run = runs.get(r);
            if (run.mightContain(hash) && run.find(this, id, hash)) {
                return block[found + TYPE_AT] == TOMBSTONE ? GONE : LIVE;
            }
        }
        return ABSENT;
    }

    /** The summary of the last event of the visitor {@link #find} found {@link #LIVE}. */
    Event summary(String id) {
        if (found < 0 || block[found + TYPE_AT] == TOMBSTONE) {
            throw new IllegalStateException("no live record found");
        }
        byte[] b = block;
        int p = CharCodec.skip(b, found + HEADER);
        String name = null;
        if (b[p++] != 0) {
            name = CharCodec.read(b, p);
            p = CharCodec.skip(b, p);
        }
        String page = b[p++] != 0 ? CharCodec.read(b, p) : null;
        return Event.builder((long) LONGS.get(b, found + TIME_AT), id).type(TYPES[b[found + TYPE_AT]]).name(name).page(page).build();
    }

    /** Writes a new run, the newest; {@link RunWriter#add} its records in {@link #KEY_MASK key} order. */
    RunWriter newRun(int records) {
        return new RunWriter(records, 0);
    }

    /** Deletes every run. */
    @Override
    public void close() {
        UncheckedIOException failed = null;
        for (Run r : runs) {
            try {
                r.close();
            } catch (UncheckedIOException e) {
                failed = e;
            }
        }
        runs.clear();
        runBytes = 0;
        found = -1;
        if (failed != null) {
            throw failed;
        }
    }

    /** Bytes held in memory for the runs: Bloom filters, sparse indexes and the read buffer, in O(1). */
    long footprintBytes() {
        return block.length + runBytes;
    }

    private static long memoryOf(Run r) {
        return 8L * r.bloom.length + 16L * r.blockKeys.length;
    }

    private static UncheckedIOException failure(String doing, Path file, IOException e) {
        return new UncheckedIOException("cannot " + doing + " the spilled visitor records (" + file + "): " + e.getMessage()
                + "; free some space there or point java.io.tmpdir elsewhere (PERSESSION_OPTS=-Djava.io.tmpdir=DIR)", e);
    }

    /**
     * The parts of records that many visitors share, each encoded once for a spill: a type, name and page
     * ({@link EventShapes}' triples). Each is the number of bytes a record has after its id (4 bytes), the
     * type, then those bytes: the name and the page, each a presence byte then {@link CharCodec}.
     */
    static final class Tails {
        /** Where the tail of a tombstone is. */
        static final int TOMBSTONE_AT = 0;

        private byte[] bytes = new byte[256];
        private int size;

        Tails() {
            add(null, null, null);
        }

        /** Encodes a record's tail; {@code type} {@code null} for a tombstone's. Returns where it is. */
        int add(EventType type, String name, String page) {
            if (type == null) {
                name = null;
                page = null;
            }
            int tailBytes = 2 + (name == null ? 0 : CharCodec.encodedLength(name)) + (page == null ? 0 : CharCodec.encodedLength(page));
            int at = size;
            if (bytes.length - at < 5 + tailBytes) {
                bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, at + 5 + tailBytes));
            }
            INTS.set(bytes, at, tailBytes);
            bytes[at + 4] = type == null ? TOMBSTONE : (byte) type.ordinal();
            writeOptional(page, bytes, writeOptional(name, bytes, at + 5));
            size = at + 5 + tailBytes;
            return at;
        }
    }

    /** Writes one run, record by record in key order, then adds it to the runs and merges as needed. */
    final class RunWriter {
        private final Path file;
        private final FileChannel channel;
        private final int generation;
        private final long[] bloom;
        private long[] blockKeys = new long[16];
        private long[] blockOffsets = new long[16];
        private int blocks;
        private int inBlock;
        private long lastKey;
        private long written;
        private long count;
        private byte[] buffer = new byte[IO_BUFFER];
        private int filled;

        private RunWriter(long records, int generation) {
            this.generation = generation;
            this.bloom = new long[bloomWords(records)];
            try {
                file = Files.createTempFile("persession-visitors-", ".run");
            } catch (IOException e) {
                throw failure("create a file for", Path.of(System.getProperty("java.io.tmpdir", ".")), e);
            }
            try {
                channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                        StandardOpenOption.DELETE_ON_CLOSE);
            } catch (IOException e) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException again) {
                    e.addSuppressed(again);
                }
                throw failure("open", file, e);
            }
        }

        /**
         * Adds a visitor's record: the key of the entry at {@code address} in {@code ids} is its id, {@code tail}
         * (at {@code at}, see {@link Tails#add}) its type, name and page, or {@link Tails#TOMBSTONE_AT}.
         */
        void add(long hash, StringTable ids, int address, long time, Tails tail, int at) {
            byte[] t = tail.bytes;
            int tailBytes = (int) INTS.get(t, at);
            int need = HEADER + ids.keyBytes(address) + tailBytes;
            byte[] b = room(need);
            int p = filled;
            INTS.set(b, p, need);
            LONGS.set(b, p + HASH_AT, hash);
            LONGS.set(b, p + TIME_AT, t[at + 4] == TOMBSTONE ? 0 : time);
            b[p + TYPE_AT] = t[at + 4];
            p = ids.copyKey(address, b, p + HEADER);
            System.arraycopy(t, at + 5, b, p, tailBytes);
            added(hash, need);
        }

        /** Adds a record as stored ({@code need} bytes at {@code from}), from a run being merged. */
        void copy(byte[] b, int from, int need) {
            System.arraycopy(b, from, room(need), filled, need);
            added((long) LONGS.get(b, from + HASH_AT), need);
        }

        private byte[] room(int need) {
            if (filled + need > buffer.length) {
                flush();
                if (need > buffer.length) {
                    buffer = new byte[need];
                }
            }
            return buffer;
        }

        private void added(long hash, int need) {
            long key = hash & KEY_MASK;
            if (count > 0 && key < lastKey) {
                throw new IllegalStateException("records out of key order");
            }
            if (count == 0 || inBlock >= BLOCK_RECORDS && key != lastKey) {
                if (blocks == blockKeys.length) {
                    blockKeys = Arrays.copyOf(blockKeys, 2 * blocks);
                    blockOffsets = Arrays.copyOf(blockOffsets, 2 * blocks);
                }
                blockKeys[blocks] = key;
                blockOffsets[blocks] = written;
                blocks++;
                inBlock = 0;
            }
            lastKey = key;
            inBlock++;
            count++;
            filled += need;
            written += need;
            bloomAdd(bloom, hash);
        }

        private void flush() {
            try {
                ByteBuffer out = ByteBuffer.wrap(buffer, 0, filled);
                while (out.hasRemaining()) {
                    channel.write(out);
                }
                filled = 0;
            } catch (IOException e) {
                throw failure("write", file, e);
            }
        }

        /** Drops the run being written (after a failure), with its file. */
        void abort() {
            try {
                closeAndDelete(channel, file);
            } catch (IOException e) {
                // the failure being handled is the one to report; the file was unlinked when opened (Linux)
            }
        }

        /** Ends the run: it becomes the newest, and runs are merged as needed. */
        void finish() {
            try {
                flush();
            } catch (RuntimeException | Error e) {
                abort();
                throw e;
            }
            runsWritten++;
            Run run = new Run(file, channel, generation, written, count, bloom, Arrays.copyOf(blockKeys, blocks),
                    Arrays.copyOf(blockOffsets, blocks));
            runs.add(run);
            runBytes += memoryOf(run);
            mergeAsNeeded();
        }
    }

    /** Closes a run's file and deletes it (on Linux it was unlinked when opened, and goes with its last handle). */
    private static void closeAndDelete(FileChannel channel, Path file) throws IOException {
        channel.close();
        Files.deleteIfExists(file);
    }

    private static int writeOptional(String s, byte[] b, int p) {
        if (s == null) {
            b[p++] = 0;
            return p;
        }
        b[p++] = 1;
        return CharCodec.write(s, b, p);
    }

    private void mergeAsNeeded() {
        while (runs.size() >= MERGE_FACTOR) {
            int n = runs.size();
            int generation = runs.get(n - 1).generation;
            for (int i = n - MERGE_FACTOR; i < n - 1; i++) {
                if (runs.get(i).generation != generation) {
                    return;
                }
            }
            merge(n - MERGE_FACTOR, generation + 1);
        }
    }

    /**
     * Merges the runs from {@code first} to the newest into one run of {@code generation}: per visitor, its
     * newest record, unless that is a tombstone and no older run remains.
     */
    private void merge(int first, int generation) {
        List<Run> inputs = new ArrayList<>(runs.subList(first, runs.size()));
        long records = 0;
        for (Run r : inputs) {
            records += r.count;
        }
        RunWriter out = new RunWriter(records, generation);
        try {
            mergeInto(out, inputs, first == 0);
        } catch (RuntimeException | Error e) {
            out.abort();
            throw e;
        }
        for (Run r : inputs) {
            r.close();
            runBytes -= memoryOf(r);
        }
        runs.subList(first, runs.size()).clear();
        out.finish();
    }

    private void mergeInto(RunWriter out, List<Run> inputs, boolean oldest) {
        int k = inputs.size();
        RunReader[] readers = new RunReader[k];
        for (int i = 0; i < k; i++) {
            readers[i] = new RunReader(inputs.get(i));
        }
        // one key at a time: the records of every input with that key (inputs newest last)
        byte[][] groupBytes = new byte[8][];
        int[] groupLengths = new int[8];
        while (true) {
            long key = Long.MAX_VALUE;
            boolean any = false;
            for (RunReader r : readers) {
                if (r.hasRecord() && (!any || r.key() < key)) {
                    key = r.key();
                    any = true;
                }
            }
            if (!any) {
                break;
            }
            int group = 0;
            for (int i = k - 1; i >= 0; i--) { // newest first
                RunReader r = readers[i];
                while (r.hasRecord() && r.key() == key) {
                    if (group == groupBytes.length) {
                        groupBytes = Arrays.copyOf(groupBytes, 2 * group);
                        groupLengths = Arrays.copyOf(groupLengths, 2 * group);
                    }
                    int length = r.length();
                    if (groupBytes[group] == null || groupBytes[group].length < length) {
                        groupBytes[group] = new byte[Math.max(length, 256)];
                    }
                    System.arraycopy(r.bytes(), r.at(), groupBytes[group], 0, length);
                    groupLengths[group] = length;
                    group++;
                    r.next();
                }
            }
            for (int g = 0; g < group; g++) {
                byte[] rec = groupBytes[g];
                if (oldest && rec[TYPE_AT] == TOMBSTONE || shadowed(groupBytes, g)) {
                    continue;
                }
                out.copy(rec, 0, groupLengths[g]);
            }
        }
    }

    /** Whether a record before {@code g} in the group (a newer one) is of the same visitor. */
    private static boolean shadowed(byte[][] group, int g) {
        byte[] rec = group[g];
        long hash = (long) LONGS.get(rec, HASH_AT);
        int idEnd = CharCodec.skip(rec, HEADER);
        for (int n = 0; n < g; n++) {
            byte[] newer = group[n];
            if ((long) LONGS.get(newer, HASH_AT) == hash && CharCodec.skip(newer, HEADER) == idEnd
                    && Arrays.equals(rec, HEADER, idEnd, newer, HEADER, idEnd)) {
                return true;
            }
        }
        return false;
    }

    /** Whole 512-bit blocks for {@code records}, at {@value #BLOOM_BITS_PER_RECORD} bits each (not rounded to a power of two). */
    static int bloomWords(long records) {
        long blocks = (Math.max(1, records) * BLOOM_BITS_PER_RECORD + 511) >>> 9;
        return (int) Math.min(blocks, 1 << 27) << 3;
    }

    static void bloomAdd(long[] bloom, long hash) {
        int base = bloomBlock(bloom, hash);
        long g = IdFingerprint.mix(hash ^ 0x5851f42d4c957f2dL);
        for (int i = 0; i < 6; i++, g >>>= 9) {
            int bit = (int) g & 511;
            bloom[base + (bit >>> 6)] |= 1L << bit;
        }
    }

    static boolean bloomMightContain(long[] bloom, long hash) {
        int base = bloomBlock(bloom, hash);
        long g = IdFingerprint.mix(hash ^ 0x5851f42d4c957f2dL);
        for (int i = 0; i < 6; i++, g >>>= 9) {
            int bit = (int) g & 511;
            if ((bloom[base + (bit >>> 6)] & 1L << bit) == 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The first word of the filter's 512-bit block for {@code hash}: its low 32 bits scaled to the blocks (multiply and
     * shift, so any number of blocks will do); they are not the bits runs are sorted by, so a run written in key order
     * sets its bits all over the filter. The probes within the block come from another mix of the hash.
     */
    private static int bloomBlock(long[] bloom, long hash) {
        return (int) (((hash & 0xFFFFFFFFL) * (bloom.length >>> 3)) >>> 32) << 3;
    }

    /** One run on disk, with what finds its records in memory. */
    private static final class Run {
        final Path file;
        final FileChannel channel;
        final int generation;
        final long size;
        final long[] bloom;
        final long[] blockKeys;
        final long[] blockOffsets;
        final long count;

        Run(Path file, FileChannel channel, int generation, long size, long count, long[] bloom, long[] blockKeys,
                long[] blockOffsets) {
            this.file = file;
            this.count = count;
            this.channel = channel;
            this.generation = generation;
            this.size = size;
            this.bloom = bloom;
            this.blockKeys = blockKeys;
            this.blockOffsets = blockOffsets;
        }

        boolean mightContain(long hash) {
            return bloomMightContain(bloom, hash);
        }

        /** Reads the block that would hold {@code id} into {@code s.block}; true with {@code s.found} set when it does. */
        boolean find(SpilledVisitors s, String id, long hash) {
            long key = hash & KEY_MASK;
            int b = Arrays.binarySearch(blockKeys, key);
            if (b < 0) {
                b = -b - 2;
                if (b < 0) {
                    return false;
                }
            } else {
                while (b > 0 && blockKeys[b - 1] == key) {
                    b--; // cannot happen (a block starts at a new key), but stay safe
                }
            }
            long from = blockOffsets[b];
            int length = (int) ((b + 1 < blockOffsets.length ? blockOffsets[b + 1] : size) - from);
            if (s.block.length < length) {
                s.block = new byte[Math.max(length, 2 * s.block.length)];
            }
            byte[] bytes = s.block;
            read(bytes, 0, length, from);
            for (int p = 0; p < length; p += (int) INTS.get(bytes, p)) {
                long h = (long) LONGS.get(bytes, p + HASH_AT);
                if ((h & KEY_MASK) > key) {
                    return false;
                }
                if (h == hash && CharCodec.equals(bytes, p + HEADER, id)) {
                    s.found = p;
                    return true;
                }
            }
            return false;
        }

        void read(byte[] into, int offset, int length, long position) {
            try {
                ByteBuffer in = ByteBuffer.wrap(into, offset, length);
                while (in.hasRemaining()) {
                    if (channel.read(in, position + in.position() - offset) < 0) {
                        throw new IOException("unexpected end of file");
                    }
                }
            } catch (IOException e) {
                throw failure("read", file, e);
            }
        }

        void close() {
            try {
                closeAndDelete(channel, file);
            } catch (IOException e) {
                throw failure("delete", file, e);
            }
        }
    }

    /** Reads a run's records in order, whole records at a time. */
    private static final class RunReader {
        final Run run;
        private byte[] buffer = new byte[IO_BUFFER];
        private int start;
        private int end;
        private long position;

        RunReader(Run run) {
            this.run = run;
            fill();
        }

        boolean hasRecord() {
            return start < end;
        }

        long key() {
            return (long) LONGS.get(buffer, start + HASH_AT) & KEY_MASK;
        }

        int length() {
            return (int) INTS.get(buffer, start);
        }

        byte[] bytes() {
            return buffer;
        }

        int at() {
            return start;
        }

        void next() {
            start += length();
            fill();
        }

        /** Makes sure the next record, if any, is whole in the buffer. */
        private void fill() {
            int have = end - start;
            if (have >= 4 && have >= (int) INTS.get(buffer, start)) {
                return;
            }
            long left = run.size - position;
            if (left == 0) {
                if (have != 0) {
                    throw new IllegalStateException("a partial record at the end of " + run.file);
                }
                return;
            }
            int need = have >= 4 ? (int) INTS.get(buffer, start) : 4;
            if (need > buffer.length) {
                buffer = Arrays.copyOfRange(buffer, start, start + Math.max(need, 2 * buffer.length));
            } else {
                System.arraycopy(buffer, start, buffer, 0, have);
            }
            start = 0;
            end = have;
            int want = (int) Math.min(buffer.length - end, left);
            run.read(buffer, end, want, position);
            position += want;
            end += want;
            fill();
        }
    }
}

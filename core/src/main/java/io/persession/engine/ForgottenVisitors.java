package io.persession.engine;

import io.persession.spi.Event;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;

/**
 * The visitors a {@link Sessionizer} forgot while idle, each with what {@link
 * io.persession.spi.Session#previousEvent()} needs of its last event: time, type, name and page.
 *
 * <p><b>Exactness.</b> {@link #remove} gives back an event equal, field by field, to {@link
 * SessionAccumulator#summary} of the event {@link #put} last for that visitor (visitors match by
 * {@link String#equals}, see {@link StringTable}), built the same way; or {@code null} when the visitor
 * is not forgotten now.
 *
 * <p><b>Memory is bounded</b> however many visitors a log has. Visitors are kept in memory up to a budget
 * of bytes (by default 40% of the heap's maximum, shared by the definitions of a run: see {@link
 * #defaultBudgetBytes}); past it, all of them go to disk, sorted, as a run of {@link SpilledVisitors},
 * which keeps about 2.5 bytes a visitor in memory (Bloom filters and sparse indexes). In memory, a visitor
 * is one {@link StringTable} entry holding the visitor id (one byte a char for ASCII, and a length byte),
 * the last event's time (8 bytes) and the number of its (type, name, page) in {@link EventShapes} (4
 * bytes; those triples are shared among visitors), and 6.7 to 10 bytes of table: at 3.5 million visitors
 * about 31 bytes a visitor for 9-char ids, 37 for 15-char ones (measured 34 and 40 when the table still
 * doubled as it grew; it now grows by half, and has 8.75 bytes a visitor there instead of 12; a {@code
 * HashMap} took 130). No object per visitor. A visitor that returns keeps its entry, marked absent, so
 * that a visitor forgotten again costs nothing more, and so that it hides what the disk may still have of
 * it. The budget counts the table, the triples with their name and page strings (as if unshared: pages
 * that differ from visitor to visitor fill it too) and the runs' Bloom filters and indexes; a spill takes 12 bytes an entry more for a
 * moment, to sort them, and the triples' names and pages encoded once each (fewer bytes than the budget counts
 * for them). So the budget also bounds how many visitors a run can have in all: about budget / 2.5
 * bytes (55 million at the default heap); as the filters fill it, fewer visitors stay in memory, and more
 * returns read the disk.
 *
 * <p><b>Cost</b>, once visitors are on disk: a visitor not in memory costs a look at the runs' Bloom
 * filters when it is forgotten and when it returns; a returning one (or one of the about 0.1% a run's
 * filter lets through) one positioned read of a block of about 32 records, from the page cache (a return
 * from disk took 3.7 microseconds in all here, most of it the read's system time); each spill writes the
 * visitors in memory once, and merges rewrite them a few times.
 * A spill reads the entries once in the order they sit in memory, to sort them by key, then in key order, a
 * batch at a time: each batch first reads what its entries need, so that their waits for memory overlap.
 *
 * <p>Not thread-safe.
 */
final class ForgottenVisitors implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ForgottenVisitors.class);
    /** Payload: the time at 0, the triple's number + 1 at 8 (0: not forgotten now). */
    private static final int TIME = 0;
    private static final int TRIPLE = 8;
    /** Entries a spill reads ahead of writing them. */
    private static final int TOUCH_AHEAD = 64;

    /** The 64-bit hash runs sort and filter visitors by: of an id, and (the same value) of its {@link CharCodec} bytes. */
    interface IdHash {
        long of(String id);

        long of(byte[] encoded, int at);

        /** {@link SpilledVisitors#hash}. */
        IdHash DEFAULT = new IdHash() {
            @Override
            public long of(String id) {
                return SpilledVisitors.hash(id);
            }

            @Override
            public long of(byte[] encoded, int at) {
                return SpilledVisitors.hash(encoded, at);
            }
        };
    }

    private final long budgetBytes;
    private final IdHash idHash;
    private final StringTable visitors = new StringTable(12);
    private EventShapes shapes = new EventShapes();
    private final SpilledVisitors spilled = new SpilledVisitors();
    /** Scratch for an id's bytes while spilling. */
    private byte[] id = new byte[64];
    private long size;

    /**
     * The memory visitors may take by default, for {@code sessionizers} running at once: 40% of the heap's maximum,
     * shared (the rest holds the open sessions, the rows waiting for the watermark, the caches, and a spill's sort).
     */
    static long defaultBudgetBytes(int sessionizers) {
        return Runtime.getRuntime().maxMemory() / 5 * 2 / Math.max(1, sessionizers);
    }

    ForgottenVisitors() {
        this(defaultBudgetBytes(1));
    }

    /**
     * @param budgetBytes the bytes visitors may take in memory before they go to disk: the table ({@link
     *     StringTable#usedBytes}), the triples ({@link EventShapes#usedBytes}) and the runs' filters and indexes
     */
    ForgottenVisitors(long budgetBytes) {
        this(budgetBytes, IdHash.DEFAULT);
    }

    /** For tests: a weaker hash makes visitors share keys and Bloom bits, so that ids alone tell them apart. */
    ForgottenVisitors(long budgetBytes, IdHash idHash) {
        if (budgetBytes < 1) {
            throw new IllegalArgumentException("budget of " + budgetBytes + " bytes");
        }
        this.budgetBytes = budgetBytes;
        this.idHash = idHash;
    }

    /** Forgets {@code last}'s visitor, keeping what a summary of {@code last} needs. */
    void put(Event last) {
        String visitor = last.visitorId();
        int before = visitors.size();
        int entry = visitors.add(visitor);
        int old = visitors.getInt(entry, TRIPLE);
        if (old != 0) {
            shapes.release(old - 1); // forgotten again: the later event replaces the earlier one
        } else if (visitors.size() == before || spilled.isEmpty()
                || spilled.find(visitor, idHash.of(visitor)) != SpilledVisitors.LIVE) {
            size++;
        }
        visitors.setInt(entry, TRIPLE, shapes.acquire(last.type(), last.name(), last.page()) + 1);
        visitors.setLong(entry, TIME, last.timestampMillis());
        spillIfFull();
    }

    /**
     * The summary of the forgotten visitor's last event ({@link SessionAccumulator#summary}), no longer
     * kept; {@code null} when {@code visitor} is not forgotten.
     */
    Event remove(String visitor) {
        if (size == 0) {
            return null;
        }
        int entry = visitors.find(visitor);
        if (entry >= 0) {
            int triple = visitors.getInt(entry, TRIPLE) - 1;
            if (triple < 0) {
                return null;
            }
            visitors.setInt(entry, TRIPLE, 0);
            size--;
            Event summary = Event.builder(visitors.getLong(entry, TIME), visitor).type(shapes.type(triple))
                    .name(shapes.name(triple)).page(shapes.page(triple)).build();
            shapes.release(triple);
            return summary;
        }
        if (spilled.isEmpty()) {
            return null;
        }
        if (spilled.find(visitor, idHash.of(visitor)) != SpilledVisitors.LIVE) {
            return null;
        }
        Event summary = spilled.summary(visitor);
        visitors.add(visitor); // marked absent: it hides the record on disk
        size--;
        spillIfFull();
        return summary;
    }

    /** Visitors forgotten now. */
    long size() {
        return size;
    }

    /** Runs on disk now (for tests). */
    int runsOnDisk() {
        return spilled.runs();
    }

    /** Runs written to disk so far, merges included (for tests). */
    long runsWritten() {
        return spilled.runsWritten();
    }

    /** Forgets every visitor, gives the memory back and deletes what went to disk. */
    void clear() {
        visitors.clear();
        shapes = new EventShapes();
        spilled.close();
        size = 0;
    }

    @Override
    public void close() {
        clear();
    }

    /** What the budget counts: the table, the triples with their strings, and the runs' filters and indexes. */
    long memoryBytes() {
        return visitors.usedBytes() + shapes.usedBytes() + spilled.footprintBytes();
    }

    /** Visitors in memory now, forgotten or marked absent (for tests). */
    int entriesInMemory() {
        return visitors.size();
    }

    /** Roughly the bytes held in arrays, for measurements (the name and page strings excluded). */
    long footprintBytes() {
        return visitors.footprintBytes() + spilled.footprintBytes();
    }

    /** {@link SpilledVisitors#hash} of the id of the entry at {@code address}. */
    private long hash(int address) {
        int bytes = visitors.keyBytes(address);
        if (id.length < bytes) {
            id = new byte[Math.max(bytes, 2 * id.length)];
        }
        visitors.copyKey(address, id, 0);
        return idHash.of(id, 0);
    }

    /** When visitors fill the budget: all of them to disk as a new run, sorted by key. */
    private void spillIfFull() {
        int n = visitors.size();
        // the table, the triples' arrays and strings, and the runs' filters and indexes (a spill then takes 12 bytes
        // an entry more, for a moment)
        if (memoryBytes() <= budgetBytes && n < SpilledVisitors.MAX_SPILL) {
            return;
        }
        if (n > SpilledVisitors.MAX_SPILL) {
            throw new IllegalStateException(n + " visitors in memory, more than a run takes: an earlier spill failed");
        }
        if (spilled.runsWritten() == 0) {
            LOG.info("more visitors than fit in {} MB of memory: keeping the earlier ones in {} (about 2.5 bytes a visitor"
                    + " stay in memory); a larger heap (PERSESSION_OPTS=-Xmx...) keeps more in memory", budgetBytes >> 20,
                    System.getProperty("java.io.tmpdir"));
        }
        // 12 bytes an entry besides the table: its address (in the order of addresses, which reads the entries from
        // start to end), and its key with its place in the addresses
        int[] addresses = new int[n];
        long[] order = new long[n];
        int[] i = {0};
        visitors.forEach(address -> {
            int at = i[0]++;
            addresses[at] = address;
            order[at] = (hash(address) & SpilledVisitors.KEY_MASK) | at;
        });
        Arrays.sort(order);
        // each triple's part of the records, encoded once (no more bytes than the budget counts for the triples)
        SpilledVisitors.Tails tails = new SpilledVisitors.Tails();
        int[] tailOf = new int[shapes.numbers()];
        for (int t = 0; t < tailOf.length; t++) {
            if (shapes.inUse(t)) {
                tailOf[t] = tails.add(shapes.type(t), shapes.name(t), shapes.page(t));
            }
        }
        SpilledVisitors.RunWriter run = spilled.newRun(n);
        try {
            // in key order the entries are all over memory: a batch first reads what each will need, so that the
            // waits for memory overlap, then writes them
            int[] batchAddresses = new int[TOUCH_AHEAD];
            int[] batchTails = new int[TOUCH_AHEAD];
            for (int from = 0; from < n; from += TOUCH_AHEAD) {
                int batch = Math.min(TOUCH_AHEAD, n - from);
                for (int k = 0; k < batch; k++) {
                    int address = addresses[(int) (order[from + k] & ~SpilledVisitors.KEY_MASK)];
                    int triple = visitors.getInt(address, TRIPLE) - 1;
                    batchAddresses[k] = address;
                    batchTails[k] = triple < 0 ? SpilledVisitors.Tails.TOMBSTONE_AT : tailOf[triple];
                }
                for (int k = 0; k < batch; k++) {
                    int address = batchAddresses[k];
                    run.add(hash(address), visitors, address, visitors.getLong(address, TIME), tails, batchTails[k]);
                }
            }
        } catch (RuntimeException | Error e) {
            run.abort();
            throw e;
        }
        run.finish();
        visitors.clear();
        shapes = new EventShapes();
    }
}

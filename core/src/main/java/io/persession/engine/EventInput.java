package io.persession.engine;

import java.io.IOException;

/**
 * The engine's input: every accepted event, in input order, from files, a generator or a test.
 *
 * <p>The engine reads it once, and a second time only when some visitor's events arrived later than
 * the lateness window allows (see {@link Sessionizer}); the second read must give the same events in
 * the same order, and must not report rejected rows again.
 */
public interface EventInput {
    /**
     * Sends every accepted event to {@code sink} in input order.
     *
     * @param firstPass true on the first read; false on a re-read, which must report nothing
     */
    void read(EventSink sink, boolean firstPass) throws IOException;

    /** Rows (records) read on the first pass, header excluded. */
    long rowsRead();

    /** Rows rejected on the first pass (each written to the rejects output with its position and reason). */
    long rowsRejected();

    /** Names of the inputs, for the result ("events.csv", "2 files", ...). */
    java.util.List<String> names();
}

package io.persession.input;

/** Where {@link EventFileReader} sends each rejected row: the {@link RejectWriter} file, or a host's own output. */
public interface RejectSink {
    /**
     * Records one rejected row.
     *
     * @param file     the input file as shown to the user
     * @param line     the 1-based line where the record starts (its record number for a binary format)
     * @param category the reason category ({@link RejectCategory})
     * @param message  the one-line human message
     * @param row      the raw text of the record (may be {@code null})
     */
    void reject(String file, long line, String category, String message, String row);

    /** Writes out what is buffered; called at the end of each first read. Default: nothing. */
    default void flush() {
    }
}

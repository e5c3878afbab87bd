package io.persession.input;

import io.persession.spi.RecordSink;

import java.util.List;

/**
 * The canonical columns for a format that reads its records' fields itself (a columnar file such as Parquet): the
 * header checks and the row parsing of the {@code csv} format, so such a format accepts and rejects exactly as
 * the CSV reader would for the same values. Not thread-safe: one per file.
 */
public final class CanonicalRows {
    private final CanonicalReader reader;
    private final int[] index;

    /**
     * @param options the reading options (column map, zone, extra columns)
     * @param name    the file as shown in messages
     * @param columns the file's column names, in the order {@link #row} gets their values
     * @param sink    where each record goes
     * @throws InputException for a required column missing, or a column named twice
     */
    public CanonicalRows(InputOptions options, String name, List<String> columns, RecordSink sink) {
        this.reader = new CanonicalReader(options, null, name, sink);
        this.index = reader.header(columns, 0, "the file's schema");
    }

    /**
     * One record: its values in the order of the columns (null when absent, numbers and times as their text), reported
     * to the sink as an event or a reject. The reject's text is the values as one CSV line.
     *
     * @param position the record's 1-based number in the file
     */
    public void row(long position, List<String> values) {
        reader.row(position, index, values);
    }
}

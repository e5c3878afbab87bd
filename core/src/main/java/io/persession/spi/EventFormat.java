package io.persession.spi;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * An input format: turns the records of one file (CSV rows, JSON lines, access log lines, Parquet rows, ...)
 * into {@link Event}s. Found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.persession.spi.EventFormat}) and selected by {@link #id()} ({@code --input-format
 * ID}), or detected per file with {@link #recognise(String, byte[])}.
 *
 * <p>The host owns the guarantees, whatever the format: it opens the file (and gunzips it), counts every record
 * the format reports, writes each rejected record to the rejects file with its position and reason, checks that
 * rows read = accepted + rejected + duplicates, applies {@code --max-rejects}, converts currencies, and reads the
 * file a second time when the engine asks (the format is simply called again and must report the same records
 * in the same order). A format only reports: every record either as an event or as a reject, through the
 * {@link RecordSink}; a record is never dropped silently.
 *
 * <p>Implementations need a public no-argument constructor that does no work; they must be thread-safe (one
 * instance reads many files; keep per-file state in {@link #read}).
 */
public interface EventFormat {
    /** Confidence of {@link #recognise}: not this format. */
    int NO = 0;
    /** Confidence of {@link #recognise}: the content could be this format (a generic shape such as CSV). */
    int MAYBE = 10;
    /** Confidence of {@link #recognise}: the name or content says so (a {@code .csv} name, a JSON object). */
    int LIKELY = 50;
    /** Confidence of {@link #recognise}: a signature only this format has (a magic number, a known header). */
    int CERTAIN = 100;

    /** The id users select it by: lower-case {@code [a-z0-9-]+}, unique among installed plugins. */
    String id();

    /** One sentence: what it reads. */
    String description();

    /**
     * The SPI version this plugin was compiled against: implement it as {@code return SpiVersion.CURRENT;} so that
     * the constant is compiled into the plugin (see {@link SpiVersion}).
     */
    String spiVersion();

    /** In words, how {@link #recognise} knows a file of this format ({@code ".csv name, or text that is not JSON"}). */
    String recognisedBy();

    /**
     * How sure this format is that the file is its own, from the file's name ({@code .gz} already removed) and its
     * first bytes (up to 4 KiB, decompressed; fewer for a short file): {@link #NO} (0) to {@link #CERTAIN} (100).
     * With {@code --input-format auto} the host picks the highest; ties go to the lower id. Must not throw.
     */
    int recognise(String fileName, byte[] head);

    /** The format options ({@code --input-option ID.NAME=VALUE}) it accepts, in the order to show them. Default: none. */
    default List<OptionSpec> options() {
        return List.of();
    }

    /**
     * True when the format needs the file itself ({@link FormatContext#path()}) because it reads it out of order
     * (Parquet's footer): the host then passes no decompressed stream and refuses gzip. Default: false.
     */
    default boolean needsPath() {
        return false;
    }

    /**
     * Reads one file: reports every record, in order, to {@code sink} as an event or a reject, each with its
     * position (the 1-based line where the record starts, or its record number for a binary format).
     *
     * @param in      the file's content, decompressed, a UTF-8 byte-order mark skipped; the host closes it
     * @param context the file's name, path, options, zone and the extra columns asked for
     * @param sink    where records go
     * @throws EventFormatException when the file as a whole cannot be read as this format (a missing header column,
     *                              a wrong signature, an extra column the file lacks): the run fails (exit code 3)
     * @throws InvalidOptionException for a bad format option value (exit code 2)
     * @throws IOException          for an I/O error of {@code in}
     */
    void read(InputStream in, FormatContext context, RecordSink sink) throws IOException;
}

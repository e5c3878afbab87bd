package io.persession.input;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The rejects output: a CSV with the header {@code file,line,reason,row}, one record per rejected input row,
 * written with FastCSV (fields quoted where needed, {@code \n} line ends), and the count of rejects per
 * reason category.
 *
 * <ul>
 *   <li>{@code file}: the input path as given; {@code line}: the 1-based line where the rejected record
 *       starts;</li>
 *   <li>{@code reason}: {@code category: message}, one line, such as
 *       {@code bad-timestamp: '2017-13-01' is not an ISO-8601 timestamp or epoch milliseconds}; the
 *       categories are the constants of {@link RejectCategory};</li>
 *   <li>{@code row}: the rejected record as text: for CSV its fields re-encoded as one CSV line (a quoted
 *       field may hold line breaks), for JSON Lines the line itself.</li>
 * </ul>
 *
 * <p>{@link #countingOnly()} writes nothing and only counts. An I/O error while writing is an
 * {@link UncheckedIOException} naming the rejects file. Not thread-safe.
 */
public final class RejectWriter implements RejectSink, AutoCloseable {
    /** The header of the rejects file. */
    public static final List<String> HEADER = List.of("file", "line", "reason", "row");

    private final CsvWriter csv;
    private final String target;
    private final Map<String, Long> counts = new TreeMap<>();
    private long total;
    private boolean closed;

    private RejectWriter(CsvWriter csv, String target) {
        this.csv = csv;
        this.target = target;
        if (csv != null) {
            try {
                csv.writeRecord(HEADER);
            } catch (UncheckedIOException e) {
                throw failure(e);
            }
        }
    }

    /** Writes to {@code file} (UTF-8, created or truncated). */
    public RejectWriter(Path file) throws IOException {
        this(CsvWriter.builder().lineDelimiter(LineDelimiter.LF)
                .build(Files.newBufferedWriter(file, StandardCharsets.UTF_8)), file.toString());
    }

    /** Writes to {@code writer}; {@link #close()} closes it. */
    public RejectWriter(Writer writer) {
        this(CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(Objects.requireNonNull(writer, "writer is null")), "the rejects output");
    }

    /** A writer that writes nothing and only counts. */
    public static RejectWriter countingOnly() {
        return new RejectWriter(null, "nothing");
    }

    @Override
    public void reject(String file, long line, String category, String message, String row) {
        total++;
        counts.merge(category, 1L, Long::sum);
        if (csv != null) {
            if (closed) {
                throw new IllegalStateException("the rejects writer is closed");
            }
            try {
                csv.writeRecord(file, Long.toString(line), InputException.oneLine(category + ": " + message), row == null ? "" : row);
            } catch (UncheckedIOException e) {
                throw failure(e);
            }
        }
    }

    /** Rejects per reason category, sorted by category (unmodifiable snapshot). */
    public Map<String, Long> countsByReason() {
        return Collections.unmodifiableMap(new TreeMap<>(counts));
    }

    /** All rejects recorded. */
    public long count() {
        return total;
    }

    /** True when this writer writes a file (not {@link #countingOnly()}). */
    public boolean writes() {
        return csv != null;
    }

    @Override
    public void flush() {
        if (csv != null && !closed) {
            try {
                csv.flush();
            } catch (IOException e) {
                throw failure(e);
            }
        }
    }

    @Override
    public void close() {
        if (csv != null && !closed) {
            closed = true;
            try {
                csv.close();
            } catch (IOException e) {
                throw failure(e);
            }
        }
    }

    /** {@code fields} as one CSV line (no line end), quoted where needed. */
    static String csvLine(List<String> fields) {
        StringWriter out = new StringWriter();
        CsvWriter w = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out);
        w.writeRecord(fields);
        try {
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String s = out.toString();
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }

    private UncheckedIOException failure(Exception e) {
        IOException io = e instanceof IOException ? (IOException) e
                : e.getCause() instanceof IOException ? (IOException) e.getCause() : new IOException(e);
        return new UncheckedIOException("cannot write the rejects file " + target + ": " + io.getMessage(), io);
    }
}

package io.persession.input;

import io.persession.engine.EventInput;
import io.persession.engine.EventSink;
import io.persession.engine.PluginException;
import io.persession.engine.PluginRegistry;
import io.persession.spi.Event;
import io.persession.spi.EventFormat;
import io.persession.spi.EventFormatException;
import io.persession.spi.FormatContext;
import io.persession.spi.InvalidOptionException;
import io.persession.spi.OptionSpec;
import io.persession.spi.RecordSink;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads event files into {@link Event}s through the installed {@link EventFormat}s (the built-in {@code csv} and
 * {@code jsonl}, and plugins such as {@code ga4-export}, {@code access-log}, {@code snowplow}); this class is the
 * host and keeps the guarantees whatever the format.
 *
 * <p>Files are read in the order given. Gzip is recognised by the gzip magic bytes ({@code 1f 8b}); a file
 * named {@code .gz} that does not start with them is an error. A UTF-8 byte-order mark is skipped. The
 * format is {@link InputOptions#formatId()}, or with {@code auto} per file the installed format whose
 * {@link EventFormat#recognise} is most sure of the file name ({@code .gz} removed) and its first 4 KiB
 * (decompressed); ties go to the lower id; when none recognises it, {@code csv} (which explains what the file is).
 *
 * <p>Every record a format reports counts as a row read and is either sent to the sink or rejected with its
 * position and reason (see {@link RejectCategory}, {@link RejectWriter}); a bad row never throws. With an analysis
 * currency ({@link InputOptions#currency()}) the host converts each event's revenue (micro-units times the rate,
 * rounded half-even) and rejects revenue in a currency without a rate ({@link RejectCategory#NO_RATE}). The whole
 * input fails with an {@link InputException} (one line, naming file and line) for: a missing, unreadable or empty
 * file, what a format refuses as a whole ({@link EventFormatException}: a header without a required column, ...),
 * broken CSV quoting, a JSON array instead of JSON Lines, truncated or corrupt gzip, and I/O errors. Events read
 * before such an error have already been sent to the sink.
 *
 * <p>A second pass ({@code firstPass == false}) sends the same events in the same order, writes no rejects
 * and leaves the counts unchanged; when a file reads differently the second time (it changed during the
 * run), it fails with an {@link InputException}. Not thread-safe.
 */
public final class EventFileReader implements EventInput {
    private static final int BUFFER = 1 << 16;
    private static final int HEAD = 4096;

    private final List<InputSource> files;
    private final InputOptions options;
    private final RejectSink rejects;
    private final PluginRegistry<EventFormat> formats;
    private final Map<String, Long> rejectsByReason = new TreeMap<>();
    private final Map<String, String> formatUsed = new LinkedHashMap<>();
    private final long[] fileRows;
    private final long[] fileRejected;
    private boolean firstPassDone;
    private long rowsRead;
    private long rowsRejected;
    /** Bytes read from the files (compressed bytes for gzip) in the current pass; read by the progress display's thread. */
    private volatile long bytesRead;

    /**
     * Reads with the formats on this class's class path (the built-in ones and any others there).
     *
     * @param files   the files, read in this order (at least one)
     * @param options format, zone and column map
     * @param rejects where rejected rows go; {@code null} to only count them
     */
    public EventFileReader(List<Path> files, InputOptions options, RejectWriter rejects) {
        this(files, options, rejects, classPathFormats());
    }

    /** As {@link #EventFileReader(List, InputOptions, RejectWriter)}, choosing among {@code formats}. */
    public EventFileReader(List<Path> files, InputOptions options, RejectWriter rejects, PluginRegistry<EventFormat> formats) {
        this(options, rejects, formats, sources(files));
    }

    /** As {@link #EventFileReader(List, InputOptions, RejectWriter, PluginRegistry)}, over any sources (not only local files). */
    public EventFileReader(InputOptions options, RejectSink rejects, PluginRegistry<EventFormat> formats, List<InputSource> files) {
        if (files == null || files.isEmpty()) {
            throw new IllegalArgumentException("no input files");
        }
        this.files = List.copyOf(files);
        this.options = options == null ? InputOptions.defaults() : options;
        this.rejects = rejects;
        this.formats = java.util.Objects.requireNonNull(formats, "formats is null");
        this.fileRows = new long[this.files.size()];
        this.fileRejected = new long[this.files.size()];
    }

    private static List<InputSource> sources(List<Path> files) {
        if (files == null || files.isEmpty()) {
            throw new IllegalArgumentException("no input files");
        }
        List<InputSource> out = new ArrayList<>();
        for (Path f : files) {
            out.add(InputSource.of(f));
        }
        return List.copyOf(out);
    }

    /** The event formats on this class's class path, found with {@link java.util.ServiceLoader}. */
    public static PluginRegistry<EventFormat> classPathFormats() {
        return PluginRegistry.load("input format", EventFormat.class, EventFormat::id, EventFormat::spiVersion,
                EventFileReader.class.getClassLoader(), Map.of());
    }

    /**
     * Checks that every file exists, is a regular file and is readable, before any is read.
     *
     * @throws InputException naming the first file that is not
     */
    public void checkFiles() {
        for (InputSource source : files) {
            if (source.path().isEmpty()) {
                continue;
            }
            Path f = source.path().get();
            if (!Files.exists(f)) {
                throw new InputException("file not found: " + f + " (check the path" + (f.isAbsolute() ? "" : "; relative to " + Path.of("").toAbsolutePath()) + ")", f, 0, null);
            }
            if (Files.isDirectory(f)) {
                throw new InputException(f + " is a directory, not a file; give the event files inside it", f, 0, null);
            }
            if (!Files.isReadable(f)) {
                throw new InputException("cannot read " + f + ": permission denied; check the file's permissions", f, 0, null);
            }
        }
    }

    @Override
    public void read(EventSink sink, boolean firstPass) throws IOException {
        checkFiles();
        bytesRead = 0;
        boolean record = firstPass || !firstPassDone;
        if (record) {
            rowsRead = 0;
            rowsRejected = 0;
            rejectsByReason.clear();
        }
        for (int i = 0; i < files.size(); i++) {
            FileRead f = new FileRead(files.get(i), sink, record);
            f.read();
            if (record) {
                fileRows[i] = f.rows;
                fileRejected[i] = f.rejected;
            } else if (f.rows != fileRows[i] || f.rejected != fileRejected[i]) {
                throw new InputException(f.name + " changed while it was being read: the second read found " + f.rows
                        + " rows (" + f.rejected + " rejected), the first " + fileRows[i] + " (" + fileRejected[i]
                        + "); do not modify input files during a run", f.file, 0, null);
            }
        }
        if (record) {
            firstPassDone = true;
        }
        if (rejects != null && record) {
            rejects.flush();
        }
    }

    /**
     * Bytes read from the files so far in the current pass (as stored: compressed for gzip); safe to call
     * from another thread, for progress.
     */
    public long bytesRead() {
        return bytesRead;
    }

    /** The size of all the files in bytes (as stored), for progress; 0 for a file whose size cannot be read. */
    public long bytesTotal() {
        long total = 0;
        for (InputSource f : files) {
            try {
                total += f.size();
            } catch (IOException e) {
                // unknown: the reading reports it
            }
        }
        return total;
    }

    /** Counts the bytes read through it into {@link #bytesRead}. */
    private final class CountingInputStream extends java.io.FilterInputStream {
        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                bytesRead++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                bytesRead += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long k = super.skip(n);
            bytesRead += Math.max(0, k);
            return k;
        }
    }

    @Override
    public long rowsRead() {
        return rowsRead;
    }

    @Override
    public long rowsRejected() {
        return rowsRejected;
    }

    /** Rows sent to the sink on the first pass: {@link #rowsRead()} minus {@link #rowsRejected()}. */
    public long rowsAccepted() {
        return rowsRead - rowsRejected;
    }

    /** Rejects of the first pass per reason category (unmodifiable snapshot, sorted by category). */
    public Map<String, Long> rejectsByReason() {
        return Collections.unmodifiableMap(new TreeMap<>(rejectsByReason));
    }

    /** The format each file was read with, by file, in order (after a read). */
    public Map<String, String> formatsUsed() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(formatUsed));
    }

    /** The file names (without directories), in order. */
    @Override
    public List<String> names() {
        List<String> names = new ArrayList<>(files.size());
        for (InputSource f : files) {
            names.add(f.shortName());
        }
        return Collections.unmodifiableList(names);
    }

    /** The format a file name implies ({@code .gz} ignored), or {@code null} when it implies none. */
    static InputOptions.Format formatByName(String fileName) {
        String n = withoutGz(fileName.toLowerCase(Locale.ROOT));
        if (n.endsWith(".csv")) {
            return InputOptions.Format.CSV;
        }
        if (n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".json") || n.endsWith(".jsonlines")) {
            return InputOptions.Format.JSONL;
        }
        return null;
    }

    private static String withoutGz(String n) {
        String l = n.toLowerCase(Locale.ROOT);
        if (l.endsWith(".gz")) {
            return n.substring(0, n.length() - 3);
        }
        if (l.endsWith(".gzip")) {
            return n.substring(0, n.length() - 5);
        }
        return n;
    }

    /**
     * The format for a file: the one named by the options, or the installed format most sure of the name and head
     * (ties: the lower id; none: {@code csv}).
     */
    EventFormat choose(String fileName, byte[] head) {
        String id = options.formatId();
        if (!"auto".equals(id)) {
            try {
                return formats.get(id);
            } catch (PluginException e) {
                throw new InputException(e.getMessage() + " (--input-format; see persession formats)", e);
            }
        }
        EventFormat best = null;
        int bestScore = 0;
        for (PluginRegistry.Entry<EventFormat> e : formats.entries()) {
            int score;
            try {
                score = e.instance().recognise(fileName, head);
            } catch (RuntimeException ex) {
                score = 0;
            }
            if (score > bestScore) {
                best = e.instance();
                bestScore = score;
            }
        }
        if (best == null) {
            try {
                return formats.get("csv");
            } catch (PluginException e) {
                throw new InputException(fileName + ": no installed input format recognises it; name one with --input-format (see persession formats)", e);
            }
        }
        return best;
    }

    /** One read of one file. */
    private final class FileRead implements RecordSink {
        final InputSource source;
        final Path file;
        final String name;
        final EventSink sink;
        final boolean record;
        final String analysisCurrency = options.currency();
        boolean gzip;
        long lastLine;
        long rows;
        long rejected;

        FileRead(InputSource source, EventSink sink, boolean record) {
            this.source = source;
            this.file = source.path().orElse(null);
            this.name = source.name();
            this.sink = sink;
            this.record = record;
        }

        void read() {
            try {
                if (source.size() == 0) {
                    throw empty();
                }
                try (InputStream raw = new CountingInputStream(source.open())) {
                    BufferedInputStream in = new BufferedInputStream(raw, BUFFER);
                    BufferedInputStream data = in;
                    in.mark(2);
                    int b0 = in.read();
                    int b1 = in.read();
                    in.reset();
                    gzip = b0 == 0x1f && b1 == 0x8b;
                    String lower = name.toLowerCase(Locale.ROOT);
                    if (!gzip && (lower.endsWith(".gz") || lower.endsWith(".gzip"))) {
                        throw new InputException(name + " is named .gz but is not gzip data (it does not start with the gzip bytes 1f 8b); rename it or compress it with gzip", file, 0, null);
                    }
                    if (gzip) {
                        data = new BufferedInputStream(new GZIPInputStream(in, BUFFER), BUFFER);
                    }
                    skipBom(data);
                    data.mark(HEAD);
                    byte[] head = data.readNBytes(HEAD);
                    data.reset();
                    EventFormat format = choose(withoutGz(source.shortName()), head);
                    formatUsed.put(name, format.id());
                    if (format.needsPath() && gzip) {
                        throw new InputException(name + " is gzip-compressed, but the format " + format.id()
                                + " reads files out of order; decompress it first (gunzip " + name + ")", file, 0, null);
                    }
                    if (format.needsPath() && file == null) {
                        throw new InputException(name + ": the format " + format.id()
                                + " reads files out of order and needs a local file; copy it to a local disk first", null, 0, null);
                    }
                    format.read(data, new Context(format), this);
                }
            } catch (InputException e) {
                throw e;
            } catch (EventFormatException e) {
                long at = e.position();
                throw new InputException(name + (at > 0 ? " line " + at : "") + ": " + e.getMessage(), file, at, e);
            } catch (InvalidOptionException e) {
                throw e; // a bad --input-option value: a usage error (exit code 2)
            } catch (UncheckedIOException e) {
                throw ioFailure(e.getCause());
            } catch (IOException e) {
                throw ioFailure(e);
            }
        }

        @Override
        public void accept(long position, Event event, Supplier<String> raw) {
            rows++;
            lastLine = position;
            if (record) {
                rowsRead++;
            }
            Event e = event;
            if (analysisCurrency != null && e.currency() != null && !e.currency().equals(analysisCurrency)) {
                BigDecimal rate = options.rates().get(e.currency());
                long micros = e.revenueMicros();
                if (rate != null) {
                    BigDecimal converted = BigDecimal.valueOf(micros).multiply(rate).setScale(0, RoundingMode.HALF_EVEN);
                    if (converted.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
                        reject(position, RejectCategory.BAD_REVENUE, "revenue of " + micros + " micro-units " + e.currency()
                                + " is too large after conversion to " + analysisCurrency, raw.get(), false);
                        return;
                    }
                    micros = converted.longValue();
                } else if (micros != 0) {
                    reject(position, RejectCategory.NO_RATE, "revenue in " + e.currency() + ", but the analysis currency is "
                            + analysisCurrency + " and there is no rate for " + e.currency() + "; add --fx " + e.currency() + "=RATE", raw.get(), false);
                    return;
                }
                e = e.toBuilder().revenueMicros(micros).currency(analysisCurrency).build();
            }
            sink.accept(e);
        }

        @Override
        public void reject(long position, String category, String message, String raw) {
            reject(position, category, message, raw, true);
        }

        private void reject(long position, String category, String message, String raw, boolean count) {
            if (count) {
                rows++;
                lastLine = position;
                if (record) {
                    rowsRead++;
                }
            }
            rejected++;
            if (!record) {
                return;
            }
            rowsRejected++;
            rejectsByReason.merge(category, 1L, Long::sum);
            if (rejects != null) {
                rejects.reject(name, position, category, message, raw);
            }
        }

        private InputException ioFailure(IOException e) {
            if (e instanceof NoSuchFileException) {
                return new InputException("file not found: " + name, file, 0, e);
            }
            if (e instanceof AccessDeniedException) {
                return new InputException("cannot read " + name + ": permission denied; check the file's permissions", file, 0, e);
            }
            String where = lastLine == 0 ? "before the first line" : "after line " + lastLine;
            if (gzip && (e instanceof EOFException || e instanceof ZipException)) {
                return new InputException(name + ": the gzip data is truncated or corrupt (" + message(e) + ") " + where
                        + "; re-create or re-download the file (gzip -t " + name + " checks it)", file, lastLine, e);
            }
            return new InputException("error reading " + name + " " + where + ": " + message(e), file, lastLine, e);
        }

        private InputException empty() {
            return new InputException(name + " is empty: expected a CSV header row (such as timestamp,visitor_id,event) or JSON Lines", file, 0, null);
        }

        /** What the format is told about this file. */
        private final class Context implements FormatContext {
            private final Map<String, String> formatOptions;

            Context(EventFormat format) {
                Map<String, String> given = options.formatOptions().getOrDefault(format.id(), Map.of());
                for (String key : given.keySet()) {
                    if (format.options().stream().noneMatch(o -> o.name().equals(key))) {
                        List<String> names = new ArrayList<>();
                        for (OptionSpec o : format.options()) {
                            names.add(o.name());
                        }
                        throw new InputException("the input format " + format.id() + " has no option '" + key + "'; its options: "
                                + (names.isEmpty() ? "none" : String.join(", ", names)));
                    }
                }
                this.formatOptions = given;
            }

            @Override
            public String fileName() {
                return name;
            }

            @Override
            public Optional<Path> path() {
                return gzip ? Optional.empty() : Optional.ofNullable(file);
            }

            @Override
            public ZoneId inputZone() {
                return options.inputZone();
            }

            @Override
            public Map<String, String> options() {
                return formatOptions;
            }

            @Override
            public Map<String, String> columnMap() {
                Map<String, String> m = new LinkedHashMap<>();
                options.columnMap().forEach((k, v) -> m.put(k.columnName(), v));
                return m;
            }

            @Override
            public Map<String, String> extraColumns() {
                return options.extraColumns();
            }
        }
    }

    private static String message(IOException e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : InputException.oneLine(m);
    }

    private static void skipBom(InputStream in) throws IOException {
        in.mark(3);
        if (!(in.read() == 0xEF && in.read() == 0xBB && in.read() == 0xBF)) {
            in.reset();
        }
    }
}

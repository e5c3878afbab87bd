package io.persession.cli.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import io.persession.engine.EventInput;
import io.persession.engine.EventSink;
import io.persession.spi.Event;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads event files (CSV with a header row, or JSON Lines; gzip-compressed or not) into {@link Event}s.
 *
 * <p>Files are read in the order given. Gzip is recognised by the gzip magic bytes ({@code 1f 8b}); a file
 * named {@code .gz} that does not start with them is an error. A UTF-8 byte-order mark is skipped. The
 * format is {@link InputOptions#format()}, or with {@code auto} the file name's, else sniffed (see
 * {@link InputOptions}).
 *
 * <p>CSV: the first non-blank record is the header; canonical columns are found by their (mapped) name,
 * exactly or else case-insensitively; unknown columns are ignored; only timestamp, visitor_id and event are
 * required. A record's position is the line where it starts (right after quoted multi-line fields). JSON
 * Lines: one object per line, keys as the CSV columns, values strings or numbers (numbers are read by their
 * exact text; {@code null} is absent); unknown keys, whatever their values, are ignored. The first object of
 * a file must have the required keys (else the whole file is refused, as a CSV header would be); a later
 * object without one is a rejected row.
 *
 * <p>Blank lines are skipped and not counted. Every other record counts as a row read and is either sent to
 * the sink or rejected with a reason (see {@link RejectCategory}, {@link RejectWriter}); a bad row never
 * throws. The whole input fails with an {@link InputException} (one line, naming file and line) for: a
 * missing, unreadable or empty file, a header without a required column or with a duplicate column, broken
 * CSV quoting, a JSON array instead of JSON Lines, truncated or corrupt gzip, and I/O errors. Events read
 * before such an error have already been sent to the sink.
 *
 * <p>A second pass ({@code firstPass == false}) sends the same events in the same order, writes no rejects
 * and leaves the counts unchanged; when a file reads differently the second time (it changed during the
 * run), it fails with an {@link InputException}. Not thread-safe.
 */
public final class EventFileReader implements EventInput {
    private static final int BUFFER = 1 << 16;
    private static final InputColumn[] NO_COLUMNS = new InputColumn[0];
    private static final InputColumn[] COLUMNS = InputColumn.values();
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final List<Path> files;
    private final InputOptions options;
    private final RejectWriter rejects;
    private final RowParser parser;
    /** The extra columns' names, in order (values after the canonical ones). */
    private final String[] extras;
    private final Map<String, Long> rejectsByReason = new TreeMap<>();
    private final long[] fileRows;
    private final long[] fileRejected;
    private boolean firstPassDone;
    private long rowsRead;
    private long rowsRejected;

    /**
     * @param files   the files, read in this order (at least one)
     * @param options format, zone and column map
     * @param rejects where rejected rows go; {@code null} to only count them
     */
    public EventFileReader(List<Path> files, InputOptions options, RejectWriter rejects) {
        if (files == null || files.isEmpty()) {
            throw new IllegalArgumentException("no input files");
        }
        this.files = List.copyOf(files);
        this.options = options == null ? InputOptions.defaults() : options;
        this.rejects = rejects;
        this.parser = new RowParser(this.options);
        this.extras = this.options.extraColumns().keySet().toArray(new String[0]);
        this.fileRows = new long[this.files.size()];
        this.fileRejected = new long[this.files.size()];
    }

    /**
     * Checks that every file exists, is a regular file and is readable, before any is read.
     *
     * @throws InputException naming the first file that is not
     */
    public void checkFiles() {
        for (Path f : files) {
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

    /** The file names (without directories), in order. */
    @Override
    public List<String> names() {
        List<String> names = new ArrayList<>(files.size());
        for (Path f : files) {
            Path n = f.getFileName();
            names.add(n == null ? f.toString() : n.toString());
        }
        return Collections.unmodifiableList(names);
    }

    /** The files, in order. */
    public List<Path> files() {
        return files;
    }

    /** The format a file name implies ({@code .gz} ignored), or {@code null} when it implies none. */
    static InputOptions.Format formatByName(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(".gz")) {
            n = n.substring(0, n.length() - 3);
        } else if (n.endsWith(".gzip")) {
            n = n.substring(0, n.length() - 5);
        }
        if (n.endsWith(".csv")) {
            return InputOptions.Format.CSV;
        }
        if (n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".json") || n.endsWith(".jsonlines")) {
            return InputOptions.Format.JSONL;
        }
        return null;
    }

    /** One read of one file. */
    private final class FileRead {
        final Path file;
        final String name;
        final EventSink sink;
        final boolean record;
        final String[] values = new String[parser.width()];
        /** Per extra column, whether some object of this (JSON Lines) file had its key. */
        final boolean[] extraSeen = new boolean[extras.length];
        boolean gzip;
        long lastLine;
        long rows;
        long rejected;

        FileRead(Path file, EventSink sink, boolean record) {
            this.file = file;
            this.name = file.toString();
            this.sink = sink;
            this.record = record;
        }

        void read() {
            try {
                if (Files.size(file) == 0) {
                    throw empty(null);
                }
                try (InputStream raw = Files.newInputStream(file)) {
                    BufferedInputStream in = new BufferedInputStream(raw, BUFFER);
                    InputStream data = in;
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
                    String binary = binaryKind(data);
                    if (binary != null) {
                        throw new InputException(name + " is not a text file (" + binary + "); persession reads CSV or JSON Lines in UTF-8, gzip allowed", file, 0, null);
                    }
                    int first = firstNonBlank(data);
                    if (first == -1) {
                        throw empty(null);
                    }
                    InputOptions.Format format = options.format();
                    if (format == InputOptions.Format.AUTO) {
                        Path fileName = file.getFileName();
                        format = formatByName(fileName == null ? name : fileName.toString());
                        if (format == null) {
                            format = first == '{' ? InputOptions.Format.JSONL : InputOptions.Format.CSV;
                        }
                    }
                    Reader reader = new InputStreamReader(data, StandardCharsets.UTF_8);
                    if (format == InputOptions.Format.JSONL) {
                        if (first == '[') {
                            throw new InputException(name + " holds a JSON array, not JSON Lines; write one JSON object per line (jq -c '.[]' converts it)", file, 1, null);
                        }
                        readJsonLines(reader);
                    } else {
                        readCsv(reader);
                    }
                }
            } catch (InputException e) {
                throw e;
            } catch (CsvParseException e) {
                if (e.getCause() instanceof IOException) {
                    throw ioFailure((IOException) e.getCause());
                }
                long line = lineIn(e.getMessage(), lastLine + 1);
                throw new InputException(name + " line " + line + ": broken CSV: " + e.getMessage()
                        + "; a quote inside a quoted field must be doubled (\"\") and every quoted field closed", file, line, e);
            } catch (UncheckedIOException e) {
                throw ioFailure(e.getCause());
            } catch (IOException e) {
                throw ioFailure(e);
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

        private InputException empty(Throwable cause) {
            return new InputException(name + " is empty: expected a CSV header row (such as timestamp,visitor_id,event) or JSON Lines", file, 0, cause);
        }

        // ---------------------------------------------------------------- CSV

        private void readCsv(Reader reader) throws IOException {
            int[] index = null;
            int headerSize = 0;
            try (CsvReader<CsvRecord> csv = CsvReader.builder()
                    .skipEmptyLines(true)
                    .allowUnclosedQuote(false)
                    .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                    .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                    .ofCsvRecord(reader)) {
                for (CsvRecord rec : csv) {
                    long line = rec.getStartingLineNumber();
                    lastLine = line;
                    int count = rec.getFieldCount();
                    if (count == 1 && rec.getField(0).isBlank()) {
                        continue; // a blank (whitespace-only) line
                    }
                    if (index == null) {
                        index = header(rec);
                        headerSize = count;
                        continue;
                    }
                    countRow();
                    if (count != headerSize) {
                        reject(line, new RowRejected(RejectCategory.FIELD_COUNT, "row has " + count + " fields, header has " + headerSize), rec);
                        continue;
                    }
                    for (int c = 0; c < index.length; c++) {
                        int i = index[c];
                        values[c] = i < 0 ? null : rec.getField(i);
                    }
                    Event event;
                    try {
                        event = parser.parse(values);
                    } catch (RowRejected r) {
                        reject(line, r, rec);
                        continue;
                    }
                    sink.accept(event);
                }
            }
            if (index == null) {
                throw empty(null);
            }
        }

        /** For each canonical column, its index in the header, or -1. */
        private int[] header(CsvRecord rec) {
            List<String> names = new ArrayList<>(rec.getFieldCount());
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < rec.getFieldCount(); i++) {
                String n = rec.getField(i).trim();
                names.add(n);
                if (!n.isEmpty()) {
                    Integer before = seen.putIfAbsent(n, i);
                    if (before != null) {
                        throw new InputException(name + " line " + rec.getStartingLineNumber() + ": the header has the column '" + n
                                + "' twice (columns " + (before + 1) + " and " + (i + 1) + "); rename or remove one", file, rec.getStartingLineNumber(), null);
                    }
                }
            }
            int[] index = new int[COLUMNS.length];
            for (InputColumn c : COLUMNS) {
                String want = options.inputColumn(c);
                int found = names.indexOf(want);
                if (found < 0) {
                    for (int i = 0; i < names.size(); i++) {
                        if (names.get(i).equalsIgnoreCase(want)) {
                            if (found >= 0) {
                                throw new InputException(name + " line " + rec.getStartingLineNumber() + ": the header has both '" + names.get(found)
                                        + "' and '" + names.get(i) + "' for the column " + want + "; rename or remove one", file, rec.getStartingLineNumber(), null);
                            }
                            found = i;
                        }
                    }
                }
                index[c.ordinal()] = found;
                if (found < 0 && c.required()) {
                    throw missingColumn(c, "the header (line " + rec.getStartingLineNumber() + ") has the columns: " + listed(names),
                            rec.getStartingLineNumber());
                }
            }
            int[] all = Arrays.copyOf(index, index.length + extras.length);
            for (int x = 0; x < extras.length; x++) {
                int found = names.indexOf(extras[x]);
                if (found < 0) {
                    for (int i = 0; i < names.size(); i++) {
                        if (names.get(i).equalsIgnoreCase(extras[x])) {
                            found = i;
                            break;
                        }
                    }
                }
                if (found < 0) {
                    throw missingExtra(x, "the header (line " + rec.getStartingLineNumber() + ") has the columns: " + listed(names),
                            rec.getStartingLineNumber());
                }
                all[COLUMNS.length + x] = found;
            }
            return all;
        }

        private InputException missingColumn(InputColumn c, String has, long line) {
            String want = options.inputColumn(c);
            String what = options.isMapped(c)
                    ? "no column '" + want + "' (read as " + c + " by --map " + c + "=" + want + ")"
                    : "no required column '" + c + "'";
            String hint = options.isMapped(c)
                    ? "fix --map " + c + "=your_column"
                    : "rename the column or use --map " + c + "=your_column";
            return new InputException(name + " has " + what + "; " + has + "; " + hint, file, line, null);
        }

        private InputException missingExtra(int x, String has, long line) {
            String column = extras[x];
            return new InputException(name + " has no column '" + column + "', which " + options.extraColumns().get(column)
                    + " reads; " + has + "; name the column that holds it, or add it", file, line, null);
        }

        private void reject(long line, RowRejected r, CsvRecord rec) {
            rejected++;
            if (!record) {
                return;
            }
            countReject(r);
            if (rejects != null) {
                rejects.reject(name, line, r.category(), r.getMessage(), RejectWriter.csvLine(rec.getFields()));
            }
        }

        // ---------------------------------------------------------------- JSON Lines

        private void readJsonLines(Reader reader) throws IOException {
            Map<String, InputColumn[]> keys = new HashMap<>();
            Map<String, List<InputColumn>> lowerKeys = new HashMap<>();
            for (InputColumn c : COLUMNS) {
                String k = options.inputColumn(c);
                keys.merge(k, new InputColumn[] {c}, EventFileReader::concat);
                lowerKeys.computeIfAbsent(k.toLowerCase(Locale.ROOT), x -> new ArrayList<>()).add(c);
            }
            Map<String, InputColumn[]> keyCache = new HashMap<>(keys);
            Map<String, Integer> extraKeys = new HashMap<>();
            for (int x = 0; x < extras.length; x++) {
                extraKeys.putIfAbsent(extras[x], x);
            }
            for (int x = 0; x < extras.length; x++) {
                extraKeys.putIfAbsent(extras[x].toLowerCase(Locale.ROOT), x);
            }
            boolean firstObject = true;
            BufferedReader lines = new BufferedReader(reader, BUFFER);
            long lineNo = 0;
            String line;
            while ((line = lines.readLine()) != null) {
                lineNo++;
                lastLine = lineNo;
                if (line.isBlank()) {
                    continue;
                }
                countRow();
                Arrays.fill(values, null);
                int present;
                try {
                    present = parseObject(line, keyCache, lowerKeys, extraKeys);
                } catch (RowRejected r) {
                    rejectLine(lineNo, r, line);
                    continue;
                }
                if (firstObject) {
                    firstObject = false;
                    for (InputColumn c : COLUMNS) {
                        if (c.required() && (present & (1 << c.ordinal())) == 0) {
                            throw missingColumn(c, "the first object (line " + lineNo + ") has the keys: " + listed(keysOf(line)), lineNo);
                        }
                    }
                }
                Event event;
                try {
                    event = parser.parse(values);
                } catch (RowRejected r) {
                    rejectLine(lineNo, r, line);
                    continue;
                }
                sink.accept(event);
            }
            if (!firstObject) {
                for (int x = 0; x < extras.length; x++) {
                    if (!extraSeen[x]) {
                        throw missingExtra(x, "no object of the file has the key '" + extras[x] + "'", lastLine);
                    }
                }
            }
        }

        /**
         * Fills {@link #values} from one JSON object; returns the bit set of canonical columns whose key is
         * present. Extra columns' keys are matched exactly, else in any letter case.
         */
        private int parseObject(String line, Map<String, InputColumn[]> keyCache, Map<String, List<InputColumn>> lowerKeys,
                                Map<String, Integer> extraKeys) throws RowRejected, IOException {
            int present = 0;
            long extraPresent = 0;
            try (JsonParser p = JSON.createParser(line)) {
                JsonToken t = p.nextToken();
                if (t != JsonToken.START_OBJECT) {
                    throw new RowRejected(RejectCategory.BAD_JSON, "the line is " + kind(t) + ", not a JSON object");
                }
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    InputColumn[] cols = keyCache.get(key);
                    if (cols == null) {
                        List<InputColumn> l = lowerKeys.get(key.toLowerCase(Locale.ROOT));
                        cols = l == null ? NO_COLUMNS : l.toArray(NO_COLUMNS);
                        if (keyCache.size() < 10_000) {
                            keyCache.put(key, cols);
                        }
                    }
                    JsonToken v = p.nextToken();
                    Integer extra = extraKeys.isEmpty() ? null : extraKeys.get(key);
                    if (extra == null && !extraKeys.isEmpty()) {
                        extra = extraKeys.get(key.toLowerCase(Locale.ROOT));
                    }
                    if (cols.length == 0 && extra == null) {
                        p.skipChildren();
                        continue;
                    }
                    String text;
                    switch (v) {
                        case VALUE_STRING:
                        case VALUE_NUMBER_INT:
                        case VALUE_NUMBER_FLOAT:
                            text = p.getText(); // numbers: their exact text, never through double
                            break;
                        case VALUE_NULL:
                            text = null;
                            break;
                        default:
                            throw new RowRejected(RejectCategory.BAD_JSON, "the key " + RowRejected.quote(key) + " holds " + kind(v)
                                    + "; expected a string or a number");
                    }
                    if (extra != null) {
                        long bit = 1L << Math.min(extra, 63);
                        if ((extraPresent & bit) != 0 && extra < 63) {
                            throw new RowRejected(RejectCategory.BAD_JSON, "the object has the key " + RowRejected.quote(key) + " twice"
                                    + (key.equals(extras[extra]) ? "" : " (or in another letter case)"));
                        }
                        extraPresent |= bit;
                        extraSeen[extra] = true;
                        values[COLUMNS.length + extra] = text;
                    }
                    for (InputColumn c : cols) {
                        int bit = 1 << c.ordinal();
                        if ((present & bit) != 0) {
                            throw new RowRejected(RejectCategory.BAD_JSON, "the object has the key " + RowRejected.quote(key) + " twice"
                                    + (key.equals(options.inputColumn(c)) ? "" : " (or in another letter case)"));
                        }
                        present |= bit;
                        values[c.ordinal()] = text;
                    }
                }
                if (t != JsonToken.END_OBJECT) {
                    throw new RowRejected(RejectCategory.BAD_JSON, "the line is not a complete JSON object");
                }
                if (p.nextToken() != null) {
                    throw new RowRejected(RejectCategory.BAD_JSON, "more content after the JSON object; write one object per line");
                }
            } catch (JsonProcessingException e) {
                throw new RowRejected(RejectCategory.BAD_JSON, shortMessage(e));
            }
            return present;
        }

        private List<String> keysOf(String line) {
            List<String> keys = new ArrayList<>();
            try (JsonParser p = JSON.createParser(line)) {
                p.nextToken();
                JsonToken t;
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    keys.add(p.currentName());
                    p.nextToken();
                    p.skipChildren();
                }
            } catch (IOException e) {
                // parsed once already
            }
            return keys;
        }

        private void rejectLine(long line, RowRejected r, String text) {
            rejected++;
            if (!record) {
                return;
            }
            countReject(r);
            if (rejects != null) {
                rejects.reject(name, line, r.category(), r.getMessage(), text);
            }
        }

        private void countRow() {
            rows++;
            if (record) {
                rowsRead++;
            }
        }

        private void countReject(RowRejected r) {
            rowsRejected++;
            rejectsByReason.merge(r.category(), 1L, Long::sum);
        }

    }

    /** Names for a message: at most 30, each on one line and at most 40 characters; "(none)" when empty. */
    private static String listed(List<String> names) {
        if (names.isEmpty()) {
            return "(none)";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < names.size() && i < 30; i++) {
            String q = RowRejected.quote(names.get(i).length() > 40 ? names.get(i).substring(0, 40) + "..." : names.get(i));
            b.append(i == 0 ? "" : ", ").append(q, 1, q.length() - 1);
        }
        if (names.size() > 30) {
            b.append(", ... (").append(names.size()).append(" in all)");
        }
        return b.toString();
    }

    private static InputColumn[] concat(InputColumn[] a, InputColumn[] b) {
        InputColumn[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private static String kind(JsonToken t) {
        if (t == null) {
            return "empty";
        }
        switch (t) {
            case START_ARRAY:
                return "an array";
            case START_OBJECT:
                return "an object";
            case VALUE_STRING:
                return "a string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "a number";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "a boolean";
            case VALUE_NULL:
                return "null";
            default:
                return t.asString() == null ? t.name().toLowerCase(Locale.ROOT) : t.asString();
        }
    }

    /** Jackson's message without the location, first line only, at most 200 characters. */
    private static String shortMessage(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        if (m == null) {
            m = e.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        if (nl >= 0) {
            m = m.substring(0, nl);
        }
        int source = m.indexOf("[Source:");
        if (source >= 0) {
            int marker = m.lastIndexOf(" (", source);
            m = m.substring(0, marker >= 0 ? marker : source).trim();
        }
        m = m.replace('\r', ' ').trim();
        return "malformed JSON: " + (m.length() > 200 ? m.substring(0, 200) + "..." : m);
    }

    /** The number after "line " in a FastCSV message, else {@code otherwise}. */
    private static long lineIn(String message, long otherwise) {
        if (message == null) {
            return otherwise;
        }
        int at = message.lastIndexOf("line ");
        if (at < 0) {
            return otherwise;
        }
        long n = 0;
        int i = at + 5;
        int start = i;
        while (i < message.length() && Character.isDigit(message.charAt(i)) && i - start < 18) {
            n = n * 10 + (message.charAt(i) - '0');
            i++;
        }
        return i == start ? otherwise : n;
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

    /** {@code null} for text; else what the data looks like: a NUL byte in the first 4 KiB is not UTF-8 text. */
    private static String binaryKind(InputStream in) throws IOException {
        in.mark(4096);
        try {
            byte[] head = in.readNBytes(4096);
            for (byte b : head) {
                if (b == 0) {
                    if (head.length >= 4 && head[0] == 'P' && head[1] == 'A' && head[2] == 'R' && head[3] == '1') {
                        return "it is a Parquet file";
                    }
                    if (head.length >= 2 && (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE || head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)) {
                        return "it is UTF-16; convert it to UTF-8";
                    }
                    return "it has NUL bytes: binary data, or UTF-16 text to convert to UTF-8";
                }
            }
            return null;
        } finally {
            in.reset();
        }
    }

    /** The first byte that is not a space, tab, CR or LF (the stream is reset); -1 when there is none; -2 when too far. */
    private static int firstNonBlank(InputStream in) throws IOException {
        in.mark(BUFFER);
        try {
            for (int i = 0; i < BUFFER - 1; i++) {
                int b = in.read();
                if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                    return b;
                }
            }
            return -2;
        } finally {
            in.reset();
        }
    }
}

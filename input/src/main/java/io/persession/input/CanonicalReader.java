package io.persession.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import io.persession.spi.Event;
import io.persession.spi.RecordSink;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one file in persession's canonical schema, CSV with a header row or JSON Lines, for the built-in
 * {@code csv} and {@code jsonl} {@link io.persession.spi.EventFormat formats} (the code that was
 * {@link EventFileReader}'s before formats became plugins).
 *
 * <p>CSV: the first non-blank record is the header; canonical columns are found by their (mapped) name,
 * exactly or else case-insensitively; unknown columns are ignored; only timestamp, visitor_id and event are
 * required. A record's position is the line where it starts (right after quoted multi-line fields). JSON
 * Lines: one object per line, keys as the CSV columns, values strings or numbers (numbers are read by their
 * exact text; {@code null} is absent); unknown keys, whatever their values, are ignored. The first object of
 * a file must have the required keys (else the whole file is refused, as a CSV header would be); a later
 * object without one is a rejected row. Blank lines are skipped and not reported. A NUL byte in the first
 * 4 KiB means binary data: the whole file is refused.
 *
 * <p>CSV is read at the byte level ({@link CsvRecordSplitter}, {@link CsvRowValues}) with exactly the result FastCSV
 * over an {@code InputStreamReader} gives (the way it was read before, still used for the rest of a file where the
 * byte level is not certain, with extra columns, with an analysis currency, and kept for comparison): the same
 * events, rejects, positions, raw texts and whole-file errors. One reading per instance at a time; not thread-safe.
 */
final class CanonicalReader {
    private static final int BUFFER = 1 << 16;
    /** The byte level CSV reading's buffer: small enough for the processor's cache (it grows for long records). */
    private static final int BUFFER_BYTES = 1 << 17;
    private static final InputColumn[] NO_COLUMNS = new InputColumn[0];
    private static final InputColumn[] COLUMNS = InputColumn.values();
    private static final JsonFactory JSON = JsonFactory.builder().build();
    /** A line number in a FastCSV message. */
    private static final java.util.regex.Pattern FASTCSV_LINE = java.util.regex.Pattern.compile("(starting at line |started in line )(\\d+)");

    private final InputOptions options;
    private final RowParser parser;
    private final String[] extras;
    private final Path file;
    private final String name;
    private final RecordSink sink;
    private final String[] values;
    /** Per extra column, whether some object of this (JSON Lines) file had its key. */
    private final boolean[] extraSeen;
    private long lastLine;
    /** CSV: for each canonical and extra column, its field in a record, once the header is read; the header's size. */
    private int[] csvIndex;
    private int csvHeaderSize;
    private int csvBufferBytes = BUFFER_BYTES;
    private int csvMaxRecord = CsvRecordSplitter.MAX_RECORD;

    CanonicalReader(InputOptions options, Path file, String name, RecordSink sink) {
        this.options = options;
        this.parser = new RowParser(options);
        this.extras = options.extraColumns().keySet().toArray(new String[0]);
        this.file = file;
        this.name = name;
        this.sink = sink;
        this.values = new String[parser.width()];
        this.extraSeen = new boolean[extras.length];
    }

    /** For tests of the byte level CSV reading's buffer edges: its buffer size and longest record, in bytes. */
    void csvBuffer(int bufferBytes, int maxRecord) {
        this.csvBufferBytes = bufferBytes;
        this.csvMaxRecord = maxRecord;
    }

    /** Reads {@code in} (mark/reset supported) as CSV ({@code jsonl == false}) or JSON Lines. */
    void read(InputStream in, boolean jsonl) throws IOException {
        read(in, jsonl, true);
    }

    /**
     * As {@link #read(InputStream, boolean)}; {@code fastCsv == false} reads CSV the way it was read before the byte
     * level reading ({@link #readCsvBytes}), all through FastCSV, which gives the same result (kept to compare).
     */
    void read(InputStream in, boolean jsonl, boolean fastCsv) throws IOException {
        csvIndex = null;
        csvHeaderSize = 0;
        String binary = binaryKind(in);
        if (binary != null) {
            throw new InputException(name + " is not a text file (" + binary + "); persession reads CSV or JSON Lines in UTF-8, gzip allowed", file, 0, null);
        }
        int first = firstNonBlank(in);
        if (first == -1) {
            throw empty(null);
        }
        try {
            if (jsonl) {
                if (first == '[') {
                    throw new InputException(name + " holds a JSON array, not JSON Lines; write one JSON object per line (jq -c '.[]' converts it)", file, 1, null);
                }
                readJsonLines(new InputStreamReader(in, StandardCharsets.UTF_8));
            } else if (fastCsv && extras.length == 0 && options.currency() == null) {
                readCsvBytes(in);
            } else {
                readCsv(new InputStreamReader(in, StandardCharsets.UTF_8), 0);
            }
        } catch (CsvParseException e) {
            if (e.getCause() instanceof IOException) {
                throw (IOException) e.getCause();
            }
            long line = lineIn(e.getMessage(), lastLine + 1);
            throw new InputException(name + " line " + line + ": broken CSV: " + e.getMessage()
                    + "; a quote inside a quoted field must be doubled (\"\") and every quoted field closed", file, line, e);
        }
    }

    private InputException empty(Throwable cause) {
        return new InputException(name + " is empty: expected a CSV header row (such as timestamp,visitor_id,event) or JSON Lines", file, 0, cause);
    }

    // ---------------------------------------------------------------- CSV

    /**
     * Reads CSV at the byte level ({@link CsvRecordSplitter}, {@link CsvRowValues}), with exactly the result of
     * {@link #readCsv}: the same records at the same lines, each field the same text, blank lines, the header and the
     * field count checked the same way, and each row through the same {@link RowParser} (only the timestamp of the
     * common UTC form is parsed from its bytes, to the same value). Where the splitter is not certain (broken
     * quoting, an overlong record), the rest of the input is read by {@link #readCsv}, from that record on.
     */
    private void readCsvBytes(InputStream in) throws IOException {
        CsvRecordSplitter split = new CsvRecordSplitter(in, csvBufferBytes, csvMaxRecord);
        RecordText text = new RecordText(split);
        CsvRowValues rowValues = null;
        int r;
        while ((r = split.next()) == CsvRecordSplitter.RECORD) {
            long line = split.line();
            lastLine = line;
            int count = split.fieldCount();
            if (count == 1 && split.text(0).isBlank()) {
                continue; // a blank (whitespace-only) line
            }
            if (csvIndex == null) {
                csvIndex = header(split.fields(), line, "the header (line " + line + ")");
                csvHeaderSize = count;
                rowValues = new CsvRowValues(csvIndex, split);
                continue;
            }
            if (count != csvHeaderSize) {
                reject(line, new RowRejected(RejectCategory.FIELD_COUNT, "row has " + count + " fields, header has " + csvHeaderSize), split.fields());
                continue;
            }
            long ts = rowValues.fill(values);
            Event event;
            try {
                event = ts == Timestamps.FAILED ? parser.parse(values) : parser.parsePrepared(ts, values);
            } catch (RowRejected e) {
                reject(line, e, split.fields());
                continue;
            }
            text.open = true;
            try {
                sink.accept(line, event, text);
            } finally {
                text.open = false;
            }
        }
        if (r == CsvRecordSplitter.HAND_OVER) {
            readCsv(new InputStreamReader(split.rest(), StandardCharsets.UTF_8), split.line() - 1);
        } else if (csvIndex == null) {
            throw empty(null);
        }
    }

    /**
     * A record's text for the rejects file, made from the splitter's bytes when the host asks for it (while the sink
     * has the record: the host asks at once or never).
     */
    private static final class RecordText implements java.util.function.Supplier<String> {
        private final CsvRecordSplitter split;
        /** True while the sink handles a record: one object serves every record, none is made per record. */
        boolean open;

        RecordText(CsvRecordSplitter split) {
            this.split = split;
        }

        @Override
        public String get() {
            if (!open) {
                throw new IllegalStateException("a CSV record's text is only available while the sink handles the record");
            }
            return RejectWriter.csvLine(split.fields());
        }
    }

    /**
     * Reads CSV records through FastCSV (how all CSV was read before {@link #readCsvBytes}).
     *
     * @param lineOffset added to FastCSV's line numbers: the line before the first record of {@code reader}
     */
    private void readCsv(Reader reader, long lineOffset) throws IOException {
        try (CsvReader<CsvRecord> csv = CsvReader.builder()
                .skipEmptyLines(true)
                .allowUnclosedQuote(false)
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .ofCsvRecord(reader)) {
            for (CsvRecord rec : csv) {
                long line = rec.getStartingLineNumber() + lineOffset;
                lastLine = line;
                int count = rec.getFieldCount();
                if (count == 1 && rec.getField(0).isBlank()) {
                    continue; // a blank (whitespace-only) line
                }
                if (csvIndex == null) {
                    csvIndex = header(rec.getFields(), line, "the header (line " + line + ")");
                    csvHeaderSize = count;
                    continue;
                }
                if (count != csvHeaderSize) {
                    reject(line, new RowRejected(RejectCategory.FIELD_COUNT, "row has " + count + " fields, header has " + csvHeaderSize), rec.getFields());
                    continue;
                }
                row(line, csvIndex, rec.getFields());
            }
        } catch (CsvParseException e) {
            throw lineOffset == 0 ? e : new CsvParseException(shiftLines(e.getMessage(), lineOffset), e.getCause());
        }
        if (csvIndex == null) {
            throw empty(null);
        }
    }

    /** A FastCSV message about a reader whose lines started after {@code offset}, with the lines of the whole file. */
    static String shiftLines(String message, long offset) {
        if (message == null) {
            return null;
        }
        if (message.equals("Exception when reading first record")) {
            return "Exception when reading record that started in line " + (1 + offset);
        }
        java.util.regex.Matcher m = FASTCSV_LINE.matcher(message);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, m.group(1) + (Long.parseLong(m.group(2)) + offset));
        }
        return m.appendTail(b).toString();
    }

    /** One record of a header's columns ({@code index} from {@link #header(List, long, String)}): an event or a reject. */
    void row(long line, int[] index, List<String> fields) {
        for (int c = 0; c < index.length; c++) {
            int i = index[c];
            values[c] = i < 0 ? null : fields.get(i);
        }
        Event event;
        try {
            event = parser.parse(values);
        } catch (RowRejected r) {
            sink.reject(line, r.category(), r.getMessage(), RejectWriter.csvLine(fields));
            return;
        }
        sink.accept(line, event, () -> RejectWriter.csvLine(fields));
    }

    /**
     * For each canonical and extra column, its index in {@code header}, or -1.
     *
     * @param line  where the header is, for messages
     * @param where what the header is, for messages ("the header (line 1)", "the schema")
     * @throws InputException for a column named twice or a required column missing
     */
    int[] header(List<String> header, long line, String where) {
        List<String> names = new ArrayList<>(header.size());
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String n = header.get(i).trim();
            names.add(n);
            if (!n.isEmpty()) {
                Integer before = seen.putIfAbsent(n, i);
                if (before != null) {
                    throw new InputException(name + (line > 0 ? " line " + line : "") + ": the header has the column '" + n
                            + "' twice (columns " + (before + 1) + " and " + (i + 1) + "); rename or remove one", file, line, null);
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
                            throw new InputException(name + (line > 0 ? " line " + line : "") + ": the header has both '" + names.get(found)
                                    + "' and '" + names.get(i) + "' for the column " + want + "; rename or remove one", file, line, null);
                        }
                        found = i;
                    }
                }
            }
            index[c.ordinal()] = found;
            if (found < 0 && c.required()) {
                throw missingColumn(c, where + " has the columns: " + listed(names), line);
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
                throw missingExtra(x, where + " has the columns: " + listed(names), line);
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

    private void reject(long line, RowRejected r, List<String> fields) {
        sink.reject(line, r.category(), r.getMessage(), RejectWriter.csvLine(fields));
    }

    // ---------------------------------------------------------------- JSON Lines

    private void readJsonLines(Reader reader) throws IOException {
        Map<String, InputColumn[]> keys = new HashMap<>();
        Map<String, List<InputColumn>> lowerKeys = new HashMap<>();
        for (InputColumn c : COLUMNS) {
            String k = options.inputColumn(c);
            keys.merge(k, new InputColumn[] {c}, CanonicalReader::concat);
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
            String text = line;
            sink.accept(lineNo, event, () -> text);
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
        sink.reject(line, r.category(), r.getMessage(), text);
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

package io.persession.input;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits UTF-8 CSV bytes into records and fields without decoding them, exactly as the FastCSV 4 reader that
 * {@link CanonicalReader} used before does with its settings ({@code ,} and {@code "}, no comments,
 * {@code skipEmptyLines(true)}, {@code allowUnclosedQuote(false)}, extra and missing fields ignored) over an
 * {@code InputStreamReader} in UTF-8.
 *
 * <p>The exactness contract: for every record it returns, {@link #line()} is FastCSV's
 * {@code getStartingLineNumber()}, {@link #fieldCount()} its field count and {@link #text(int)} its field (equal
 * strings); empty lines are skipped as FastCSV skips them. This holds because every byte FastCSV treats specially
 * ({@code ,}, {@code "}, CR, LF) is ASCII, which UTF-8 never uses inside a multi-byte sequence, so the decoded
 * characters split where the bytes split, and a field's bytes, decoded on their own with malformed input replaced
 * as {@code InputStreamReader} does, give the characters the stream gives for them (an ASCII byte after the
 * field ends any sequence just as the end of input does; doubled quotes are undone on the characters, as FastCSV
 * does). Where the splitter would not be certain, it does not guess: on a character after a closing quote, a
 * quoted field still open at the end of the input, a record that does not fit its buffer (more than
 * {@value #MAX_RECORD} bytes unless told less) or with more than {@value #MAX_FIELDS} fields (FastCSV's own limits
 * are far higher), {@link #next()} returns {@link #HAND_OVER} and {@link #rest()} gives the input from that record
 * on, for FastCSV to read (and to fail on) as before.
 *
 * <p>A read failure is thrown once the records complete before it have been returned (FastCSV loses up to a few
 * KiB before it: the records a reading ends with before such an error may differ; the error is the same).
 *
 * <p>A record's fields are valid until the next call of {@link #next()}. Not thread-safe.
 */
final class CsvRecordSplitter {
    /** {@link #next()}: a record is ready. */
    static final int RECORD = 1;
    /** {@link #next()}: the input has no more records. */
    static final int END = 0;
    /** {@link #next()}: the rest of the input, from the record at {@link #line()}, is for FastCSV ({@link #rest()}). */
    static final int HAND_OVER = -1;

    /** The longest record (bytes, by default) and the most fields the splitter takes itself. */
    static final int MAX_RECORD = 1 << 20;
    static final int MAX_FIELDS = 4096;

    /** Bytes asked for per read: a failing read loses what it read, so not more than FastCSV's reader would. */
    private static final int READ_SIZE = 1 << 16;
    private static final int NEED_MORE = -2;
    private static final int EMPTY = 2;
    private static final byte QUOTE = '"';
    private static final byte COMMA = ',';
    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long QUOTES = 0x2222222222222222L;
    /** {@code -} (0x2D) and 0x0E in every byte: {@code ,} CR and LF are below the one, CR and LF below the other. */
    private static final long MINUS = 0x2D2D2D2D2D2D2D2DL;
    private static final long LINE_ENDS = 0x0E0E0E0E0E0E0E0EL;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private final InputStream in;
    private final int maxRecord;
    private byte[] buf;
    private int limit;
    private int pos;
    private boolean eof;
    /** A read failure held back until the records before it are handed out. */
    private IOException failure;

    /** The starting line of the next record, and whether the last record ended with CR (a following LF is its line end). */
    private long nextLine = 1;
    private boolean afterCr;

    private long line;
    private int recordBegin;
    private int count;
    /**
     * Per field: {@code start << 32 | end << 2 | kind}: the field's bytes are {@code [start, end)} of {@link #buf};
     * its kind is 0 plain, 1 quoted, 2 quoted with doubled quotes inside.
     */
    private long[] fields = new long[32];
    /** The OR of (at least) every byte of the current record's fields: without a high bit, they are all ASCII. */
    private long seen;

    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);

    /** Reads {@code in} with a buffer of {@code bufferSize} bytes at first (grown for long records). */
    CsvRecordSplitter(InputStream in, int bufferSize) {
        this(in, bufferSize, MAX_RECORD);
    }

    /** As {@link #CsvRecordSplitter(InputStream, int)}; a smaller {@code maxRecord} is for tests of the buffer's edges. */
    CsvRecordSplitter(InputStream in, int bufferSize, int maxRecord) {
        this.in = in;
        this.maxRecord = maxRecord;
        this.buf = new byte[Math.max(bufferSize, 64)];
    }

    /** The next record ({@link #RECORD}), {@link #END} or {@link #HAND_OVER}. */
    int next() throws IOException {
        while (true) {
            int r = parse();
            if (r == NEED_MORE) {
                if (!fill()) {
                    return HAND_OVER; // a record longer than maxRecord
                }
                continue;
            }
            if (r == EMPTY) {
                continue;
            }
            return r;
        }
    }

    /** The 1-based line where the current record starts. */
    long line() {
        return line;
    }

    int fieldCount() {
        return count;
    }

    byte[] buffer() {
        return buf;
    }

    int start(int field) {
        return (int) (fields[field] >>> 32);
    }

    int end(int field) {
        return (int) fields[field] >>> 2;
    }

    /** True when field {@code field} has doubled quotes to undo (its bytes are not its text). */
    boolean escaped(int field) {
        return ((int) fields[field] & 3) == 2;
    }

    /** Field {@code field} as FastCSV gives it. */
    String text(int field) {
        String s = decode(buf, start(field), end(field));
        return escaped(field) ? s.replace("\"\"", "\"") : s;
    }

    /** All fields of the current record as FastCSV gives them. */
    List<String> fields() {
        List<String> fields = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            fields.add(text(i));
        }
        return fields;
    }

    /** After {@link #HAND_OVER}: the input from the start of the record at {@link #line()} on. */
    InputStream rest() {
        IOException held = failure;
        InputStream tail = held == null ? in : new InputStream() {
            @Override
            public int read() throws IOException {
                throw held;
            }
        };
        return new SequenceInputStream(new ByteArrayInputStream(Arrays.copyOfRange(buf, recordBegin, limit)), tail);
    }

    /**
     * {@code b[from, to)}, a part of the current record, decoded from UTF-8, malformed input replaced by U+FFFD as
     * {@code InputStreamReader} does.
     */
    String decode(byte[] b, int from, int to) {
        if ((seen & HIGH_BITS) == 0) {
            return new String(b, from, to - from, StandardCharsets.ISO_8859_1); // ASCII: each byte is its character
        }
        for (int i = from; i < to; i++) {
            if (b[i] < 0) {
                try {
                    return utf8.decode(ByteBuffer.wrap(b, from, to - from)).toString();
                } catch (CharacterCodingException e) {
                    throw new IllegalStateException("cannot happen: malformed input is replaced", e);
                }
            }
        }
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /**
     * Parses one record from {@link #pos}: {@link #RECORD}, {@link #EMPTY} (an empty line, skipped), {@link #END},
     * {@link #HAND_OVER} or {@link #NEED_MORE} (nothing consumed; fill and parse again). Mirrors FastCSV's
     * StrictCsvParser: a record's starting line is the previous one's plus one plus the line ends inside its
     * quoted fields (CR, LF and CRLF each one line); an LF right after a record that ended with CR belongs to it.
     */
    private int parse() {
        final byte[] b = buf;
        final int lim = limit;
        int p = pos;
        if (afterCr) {
            if (p >= lim) {
                return eof ? END : NEED_MORE;
            }
            if (b[p] == LF) {
                p++;
            }
        }
        recordBegin = p;
        line = nextLine;
        if (p >= lim) {
            return eof ? END : NEED_MORE;
        }
        long lines = 1;
        int n = 0;
        seen = 0;
        while (true) {
            if (p - recordBegin > maxRecord || n >= MAX_FIELDS) {
                return HAND_OVER;
            }
            int fieldStart = p;
            if (p < lim && b[p] == QUOTE) {
                // a quoted field: runs of text between quotes; "" is a quote inside
                byte kind = 1;
                int q = p + 1;
                while (true) {
                    int runStart = q;
                    while ((q = scanQuoted(b, q, lim)) < lim) {
                        byte c = b[q];
                        if (c == QUOTE) {
                            break;
                        }
                        if (c == CR || !(q > runStart && b[q - 1] == CR)) {
                            lines++; // CR, LF, and CRLF once
                        }
                        q++;
                    }
                    if (q >= lim) {
                        if (!eof) {
                            return NEED_MORE;
                        }
                        return HAND_OVER; // unclosed quoted field: FastCSV reports it
                    }
                    q++; // past the closing quote
                    if (q < lim && b[q] == QUOTE) {
                        kind = 2;
                        q++;
                        continue;
                    }
                    break;
                }
                n = add(n, fieldStart + 1, q - 1, kind);
                if (q >= lim) {
                    if (!eof) {
                        return NEED_MORE;
                    }
                    return finish(lim, lines, false, n);
                }
                byte c = b[q];
                if (c == COMMA) {
                    p = q + 1;
                    if (p >= lim && eof) {
                        n = add(n, p, p, (byte) 0);
                        return finish(p, lines, false, n);
                    }
                    continue;
                }
                if (c == CR || c == LF) {
                    return finish(q + 1, lines, c == CR, n);
                }
                return HAND_OVER; // a character after the closing quote: FastCSV reports it
            }
            int q = p < lim && b[p] == COMMA ? p : scanPlain(b, p, lim); // an empty field costs no scan
            if (q >= lim) {
                if (!eof) {
                    return NEED_MORE;
                }
                n = add(n, fieldStart, q, (byte) 0);
                return finish(q, lines, false, n);
            }
            byte c = b[q];
            if (c == COMMA) {
                n = add(n, fieldStart, q, (byte) 0);
                p = q + 1;
                if (p >= lim && eof) {
                    n = add(n, p, p, (byte) 0);
                    return finish(p, lines, false, n);
                }
                continue;
            }
            if (n == 0 && q == fieldStart) {
                finish(q + 1, lines, c == CR, 0);
                return EMPTY;
            }
            n = add(n, fieldStart, q, (byte) 0);
            return finish(q + 1, lines, c == CR, n);
        }
    }

    /** The first {@code ,}, CR or LF in {@code b[from, lim)}, else {@code lim}; notes the bytes passed in {@link #seen}. */
    private int scanPlain(byte[] b, int from, int lim) {
        long acc = 0;
        int q = from;
        while (q + 8 <= lim) {
            long x = (long) LONGS.get(b, q);
            acc |= x;
            // the three are below '-', as few other bytes of a plain field are: one test a word, and a look at each such byte
            long m = below(x, MINUS);
            if (m != 0) {
                int at = q + (Long.numberOfTrailingZeros(m) >>> 3);
                byte c = b[at];
                if (c == COMMA || c == CR || c == LF) {
                    seen |= acc;
                    return at;
                }
                q = at + 1; // a space, a quote, ...: no stop
                continue;
            }
            q += 8;
        }
        return scanTail(b, q, lim, COMMA, acc);
    }

    /** The first {@code "}, CR or LF in {@code b[from, lim)}, else {@code lim}; notes the bytes passed in {@link #seen}. */
    private int scanQuoted(byte[] b, int from, int lim) {
        long acc = 0;
        int q = from;
        while (q + 8 <= lim) {
            long x = (long) LONGS.get(b, q);
            acc |= x;
            // quotes, and the bytes below 0x0E: CR, LF and a few rare control characters
            long m = zeroBytes(x ^ QUOTES) | below(x, LINE_ENDS);
            if (m != 0) {
                int at = q + (Long.numberOfTrailingZeros(m) >>> 3);
                byte c = b[at];
                if (c == QUOTE || c == CR || c == LF) {
                    seen |= acc;
                    return at;
                }
                q = at + 1; // a tab, ...: no stop
                continue;
            }
            q += 8;
        }
        return scanTail(b, q, lim, QUOTE, acc);
    }

    /** The first {@code stop}, CR or LF in {@code b[q, lim)} (fewer than eight bytes), else {@code lim}; notes the bytes. */
    private int scanTail(byte[] b, int q, int lim, byte stop, long acc) {
        for (; q < lim; q++) {
            byte c = b[q];
            if (c == stop || c == CR || c == LF) {
                break;
            }
            acc |= c;
        }
        seen |= acc;
        return q;
    }

    /**
     * The high bit set in the lowest byte of {@code x} that is below the byte {@code bounds} repeats (a bound up to
     * 0x80; bytes with the high bit set are not below it); bits above it may be set too, so only the lowest set bit
     * is meaningful.
     */
    private static long below(long x, long bounds) {
        return (x - bounds) & ~x & HIGH_BITS;
    }

    /**
     * The high bit set in the lowest zero byte of {@code y} (little-endian: the first in memory); bits above it may be
     * set too, so only the lowest set bit is meaningful.
     */
    private static long zeroBytes(long y) {
        return below(y, 0x0101010101010101L); // a zero byte is the one below 1
    }

    private int finish(int next, long lines, boolean endedWithCr, int n) {
        pos = next;
        nextLine = line + lines;
        afterCr = endedWithCr;
        count = n;
        return RECORD;
    }

    private int add(int n, int from, int to, byte kind) {
        long[] f = fields;
        if (n == f.length) {
            f = fields = Arrays.copyOf(f, n * 2);
        }
        f[n] = (long) from << 32 | to << 2 | kind;
        return n + 1;
    }

    /**
     * Moves the unparsed bytes to the front and reads more; false when a record does not fit. A read failure is
     * thrown once the complete records read before it have been handed out.
     */
    private boolean fill() throws IOException {
        if (failure != null) {
            throw failure;
        }
        int keep = limit - pos;
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, keep);
            pos = 0;
            limit = keep;
        }
        if (limit - pos > maxRecord + 2) {
            recordBegin = pos + (afterCr && buf[pos] == LF ? 1 : 0);
            line = nextLine;
            return false;
        }
        if (limit > buf.length / 2 && buf.length < 2 * maxRecord + 16) {
            // a long record: room for it (the buffer stays small, in the processor's cache, for the usual ones)
            buf = Arrays.copyOf(buf, Math.min(buf.length * 2, 2 * maxRecord + 16));
        }
        int before = limit;
        while (limit < buf.length) {
            int r;
            try {
                r = in.read(buf, limit, Math.min(buf.length - limit, READ_SIZE));
            } catch (IOException e) {
                if (limit == before) {
                    throw e;
                }
                failure = e;
                return true;
            }
            if (r < 0) {
                eof = true;
                return true;
            }
            limit += r;
        }
        return true;
    }
}

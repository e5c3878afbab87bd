package io.persession.input;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A CSV record's values for {@link RowParser}, taken from {@link CsvRecordSplitter}'s bytes: each value equals
 * {@link RowParser#clean} of the field FastCSV would give ({@link CsvRecordSplitter#text(int)}), but the values of
 * the columns that repeat (event, currency, the traffic source fields, referrer, page, user agent) come from a
 * {@link ByteStringCache}, one shared instance each, and a timestamp of the common UTC form is parsed from its
 * bytes ({@link Timestamps#parseUtcIso}, to the value {@link Timestamps#parse} gives) instead of becoming a string.
 * Not thread-safe.
 */
final class CsvRowValues {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int TIMESTAMP = InputColumn.TIMESTAMP.ordinal();

    private final int[] index;
    private final CsvRecordSplitter split;
    private final ByteStringCache.Decoder decoder;
    /** Per canonical column, its cache, or {@code null} for values decoded afresh (ids, which rarely repeat). */
    private final ByteStringCache[] caches = new ByteStringCache[RowParser.COLUMNS];
    /** The first 16 bytes ({@code yyyy-MM-ddTHH:mm}) of the last common-form timestamp; that minute in epoch ms. */
    private long minute0;
    private long minute1;
    private long minuteMillis = Timestamps.FAILED;

    /**
     * @param index per canonical column, its field in a record, or -1 ({@link CanonicalReader#header})
     * @param split where the records come from
     */
    CsvRowValues(int[] index, CsvRecordSplitter split) {
        this.index = index;
        this.split = split;
        this.decoder = (bytes, from, to) -> bytes[from] > ' ' && bytes[to - 1] > ' '
                ? split.decode(bytes, from, to) // nothing to trim (a byte above space is no whitespace, nor part of a character)
                : RowParser.clean(split.decode(bytes, from, to));
        ByteStringCache sources = new ByteStringCache();
        for (InputColumn c : InputColumn.values()) {
            switch (c) {
                case SOURCE:
                case MEDIUM:
                case CAMPAIGN:
                case TERM:
                case CONTENT:
                    caches[c.ordinal()] = sources;
                    break;
                case EVENT:
                case CURRENCY:
                case REFERRER:
                case PAGE:
                case USER_AGENT:
                    caches[c.ordinal()] = new ByteStringCache();
                    break;
                default:
                    break;
            }
        }
    }

    /**
     * {@link Timestamps#parseUtcIso}, with the minute ({@code yyyy-MM-ddTHH:mm}, checked once) of the last such
     * timestamp remembered: in a file in time order most timestamps only differ from the last in their seconds.
     */
    private long timestamp(byte[] b, int from, int to) {
        int n = to - from;
        if (minuteMillis != Timestamps.FAILED && (n == 20 || n == 24) && (long) LONGS.get(b, from) == minute0
                && (long) LONGS.get(b, from + 8) == minute1 && b[from + 16] == ':') {
            int inMinute = Timestamps.utcMillisInMinute(b, from, to);
            return inMinute < 0 ? Timestamps.FAILED : minuteMillis + inMinute;
        }
        long ts = Timestamps.parseUtcIso(b, from, to);
        if (ts != Timestamps.FAILED) {
            minute0 = (long) LONGS.get(b, from);
            minute1 = (long) LONGS.get(b, from + 8);
            minuteMillis = ts - Timestamps.utcMillisInMinute(b, from, to);
        }
        return ts;
    }

    /**
     * Sets {@code values[c]} for each canonical column {@code c} of the current record of the splitter to the field's
     * text as {@link RowParser#clean} makes it (trimmed; {@code null} when blank, or when the header has no such
     * column), repeated values as shared instances: values for {@link RowParser#parsePrepared}, or (all the same) for
     * {@link RowParser#parse(String[])}. Returns the timestamp in epoch milliseconds when it has the common UTC form
     * (and then leaves {@code values[TIMESTAMP]} {@code null}), else {@link Timestamps#FAILED}.
     */
    long fill(String[] values) {
        byte[] b = split.buffer();
        long ts = Timestamps.FAILED;
        for (int c = 0; c < RowParser.COLUMNS; c++) {
            int i = index[c];
            if (i < 0) {
                values[c] = null;
                continue;
            }
            int from = split.start(i);
            int to = split.end(i);
            if (split.escaped(i)) {
                values[c] = RowParser.clean(split.text(i));
            } else if (from == to) {
                values[c] = null;
            } else if (c == TIMESTAMP && (ts = timestamp(b, from, to)) != Timestamps.FAILED) {
                values[c] = null;
            } else {
                ByteStringCache cache = caches[c];
                values[c] = cache == null ? decoder.decode(b, from, to) : cache.get(b, from, to, decoder);
            }
        }
        return ts;
    }
}

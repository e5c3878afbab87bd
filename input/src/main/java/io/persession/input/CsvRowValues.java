package io.persession.input;

/**
 * A CSV record's values for {@link RowParser}, taken from {@link CsvRecordSplitter}'s bytes: each value equals the
 * field FastCSV would give ({@link CsvRecordSplitter#text(int)}), but repeated values of the columns that repeat
 * (event, currency, the traffic source fields, referrer, page, user agent) come from a {@link ByteStringCache}, one
 * shared instance each, and a timestamp of the common UTC form is parsed from its bytes
 * ({@link Timestamps#parseUtcIso}) instead of becoming a string. Not thread-safe.
 */
final class CsvRowValues {
    private static final int TIMESTAMP = InputColumn.TIMESTAMP.ordinal();

    private final int[] index;
    private final CsvRecordSplitter split;
    private final ByteStringCache.Decoder decoder;
    /** Per canonical column, its cache, or {@code null} for values decoded afresh (ids, which rarely repeat). */
    private final ByteStringCache[] caches = new ByteStringCache[RowParser.COLUMNS];

    /**
     * @param index per canonical column, its field in a record, or -1 ({@link CanonicalReader#header})
     * @param split where the records come from
     */
    CsvRowValues(int[] index, CsvRecordSplitter split) {
        this.index = index;
        this.split = split;
        this.decoder = split::decode;
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
     * Sets {@code values[c]} for each canonical column {@code c} of the current record of the splitter
     * ({@code null} for a column the header does not have). Returns the timestamp in epoch milliseconds when it has
     * the common UTC form (and then leaves {@code values[TIMESTAMP]} {@code null}), else {@link Timestamps#FAILED}.
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
                values[c] = split.text(i);
            } else if (from == to) {
                values[c] = "";
            } else if (c == TIMESTAMP && (ts = Timestamps.parseUtcIso(b, from, to)) != Timestamps.FAILED) {
                values[c] = null;
            } else {
                ByteStringCache cache = caches[c];
                values[c] = cache == null ? split.decode(b, from, to) : cache.get(b, from, to, decoder);
            }
        }
        return ts;
    }
}

package io.persession.engine;

/**
 * A count per visitor that goes up and down (sessions handed on and taken back), and how many visitors
 * have a count other than zero: what {@link Aggregator} needs to count distinct visitors.
 *
 * <p><b>Exactness.</b> Behaves as a {@code Map<String, Integer>} whose entry is removed when its count
 * comes back to 0: {@link #nonZero()} is that map's size. Visitors match by {@link String#equals} (see
 * {@link StringTable}); counts are {@code int}s added with plain {@code int} arithmetic.
 *
 * <p><b>Memory</b>, per visitor ever counted: one {@link StringTable} entry holding the visitor id (one
 * byte a char for ASCII, and a length byte) and a 4-byte count, and 6.7 to 10 bytes of table: at 3.5
 * million visitors about 23 bytes a visitor for 9-char ids, 29 for 15-char ones (measured 26 and 32 when the
 * table still doubled as it grew; a {@code HashMap} took 122). A visitor back at 0 keeps its entry, so a
 * count that goes to zero and back costs nothing more. No object per visitor.
 *
 * <p>Not thread-safe.
 */
final class VisitorCounts {
    private final StringTable visitors = new StringTable(4);
    private long nonZero;

    /** Adds {@code delta} to {@code visitor}'s count. */
    void add(String visitor, int delta) {
        int entry = visitors.add(visitor);
        int before = visitors.getInt(entry, 0);
        int after = before + delta;
        visitors.setInt(entry, 0, after);
        if (before == 0 && after != 0) {
            nonZero++;
        } else if (before != 0 && after == 0) {
            nonZero--;
        }
    }

    /** {@code visitor}'s count; 0 for a visitor never counted. */
    int count(String visitor) {
        int entry = visitors.find(visitor);
        return entry < 0 ? 0 : visitors.getInt(entry, 0);
    }

    /** Visitors whose count is not 0. */
    long nonZero() {
        return nonZero;
    }

    /** Roughly the bytes held in arrays, for measurements. */
    long footprintBytes() {
        return visitors.footprintBytes();
    }
}

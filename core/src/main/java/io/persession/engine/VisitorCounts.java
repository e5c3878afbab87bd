package io.persession.engine;

import java.util.Arrays;

/**
 * A count per visitor that goes up and down (sessions handed on and taken back), and how many visitors
 * have a count other than zero: what {@link Aggregator} needs to count distinct visitors.
 *
 * <p><b>Exactness.</b> Behaves as a {@code Map<String, Integer>} whose entry is removed when its count
 * comes back to 0: {@link #nonZero()} is that map's size. Visitors match by {@link String#equals} (see
 * {@link StringIndex}); counts are {@code int}s added with plain {@code int} arithmetic.
 *
 * <p><b>Memory</b>, per visitor ever counted: its id in a {@link StringIndex} (about 17 bytes plus one
 * byte a char for an ASCII id) and a 4-byte count: about 41 bytes for a 20-char id. A visitor back at 0
 * keeps its number, so a count that goes to zero and back costs nothing more. No object per visitor.
 *
 * <p>Not thread-safe.
 */
final class VisitorCounts {
    private final StringIndex visitors = new StringIndex();
    private int[] counts = new int[16];
    private long nonZero;

    /** Adds {@code delta} to {@code visitor}'s count. */
    void add(String visitor, int delta) {
        int n = visitors.add(visitor);
        if (n == counts.length) {
            counts = Arrays.copyOf(counts, n + (n >> 1));
        }
        int before = counts[n];
        int after = before + delta;
        counts[n] = after;
        if (before == 0 && after != 0) {
            nonZero++;
        } else if (before != 0 && after == 0) {
            nonZero--;
        }
    }

    /** {@code visitor}'s count; 0 for a visitor never counted. */
    int count(String visitor) {
        int n = visitors.find(visitor);
        return n < 0 ? 0 : counts[n];
    }

    /** Visitors whose count is not 0. */
    long nonZero() {
        return nonZero;
    }

    /** Roughly the bytes held in arrays, for measurements. */
    long footprintBytes() {
        return visitors.footprintBytes() + 4L * counts.length;
    }
}

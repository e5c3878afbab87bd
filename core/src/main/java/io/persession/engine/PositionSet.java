package io.persession.engine;

import java.util.Arrays;

/**
 * A set of input positions (row numbers from 1): one bit a position up to the highest one set, so a
 * whole input's worth of flags costs 1 bit a row (6 MB for 50 million rows). Not thread-safe.
 */
final class PositionSet {
    private long[] words = new long[16];
    private long size;

    /** Adds {@code position}; true when it was not there. */
    boolean add(long position) {
        int w = word(position);
        if (w >= words.length) {
            words = Arrays.copyOf(words, Math.max(w + 1, words.length * 2));
        }
        long bit = 1L << position;
        if ((words[w] & bit) != 0) {
            return false;
        }
        words[w] |= bit;
        size++;
        return true;
    }

    boolean contains(long position) {
        int w = word(position);
        return w < words.length && (words[w] & (1L << position)) != 0;
    }

    long size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    private static int word(long position) {
        if (position < 0 || position >>> 6 > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("position out of range: " + position);
        }
        return (int) (position >>> 6);
    }
}

package io.persession.definitions;

import io.persession.spi.Options;

import java.time.Duration;

/** Duration arithmetic on whole milliseconds, the resolution of event timestamps. */
final class Durations {
    private Durations() {
    }

    /** {@code d} rounded down to whole milliseconds; {@link Long#MAX_VALUE} when that does not fit in a long. */
    static long floorMillis(Duration d) {
        try {
            return d.toMillis();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    static boolean isWholeMillis(Duration d) {
        return d.getNano() % 1_000_000 == 0;
    }

    /** The short form ({@code 30m}) for whole milliseconds, else ISO-8601. */
    static String format(Duration d) {
        return isWholeMillis(d) && !d.isNegative() && !d.isZero() ? Options.format(d) : d.toString();
    }
}

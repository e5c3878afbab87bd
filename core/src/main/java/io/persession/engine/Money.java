package io.persession.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Exact money: micro-units (long) to decimals. */
public final class Money {
    /** Scale of every computed value: six decimal places, as exact as the micro-units it comes from. */
    public static final int SCALE = 6;

    private Money() {
    }

    /** {@code 12_340_000} micros as {@code 12.34}: exact, at least two decimal places. */
    public static BigDecimal toDecimal(long micros) {
        BigDecimal d = BigDecimal.valueOf(micros, SCALE).stripTrailingZeros();
        return d.scale() < 2 ? d.setScale(2, RoundingMode.UNNECESSARY) : d;
    }

    /** The amount as a plain string with at least two decimals: {@code 12.34}, {@code 0.0015}, {@code -3.50}. */
    public static String format(long micros) {
        return toDecimal(micros).toPlainString();
    }

    /** {@code a / b}, rounded half-even to {@link #SCALE} places. */
    public static BigDecimal divide(BigDecimal a, long b) {
        return a.divide(BigDecimal.valueOf(b), SCALE, RoundingMode.HALF_EVEN);
    }
}

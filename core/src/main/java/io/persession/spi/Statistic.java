package io.persession.spi;

import java.util.Locale;

/** Which statistic of a distribution a benchmark figure is. */
public enum Statistic {
    P25, P50, P75, P80, P90, MEAN;

    /** {@code p25}, {@code p50}, ..., {@code mean}: the name in pack files and output. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The statistic for a code ({@code p50}, {@code median} too), case-insensitive. */
    public static Statistic fromCode(String code) {
        String c = code.trim().toLowerCase(Locale.ROOT);
        if (c.equals("median")) {
            return P50;
        }
        for (Statistic s : values()) {
            if (s.code().equals(c)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown statistic '" + code + "'; known: p25, p50 (median), p75, p80, p90, mean");
    }
}

package io.persession.input;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** {@code --max-rejects}: more rejected rows than this is an error; a count ({@code 100}) or a share of rows read ({@code 1%}). */
public final class RejectLimit {
    private RejectLimit() {
    }

    /**
     * The most rows that may be rejected out of {@code rows} read.
     *
     * @throws IllegalArgumentException when {@code spec} is not a count or a percentage (a one-line message naming the flag)
     */
    public static long of(String spec, long rows) {
        String v = spec.trim();
        try {
            if (v.endsWith("%")) {
                BigDecimal pct = new BigDecimal(v.substring(0, v.length() - 1).trim());
                if (pct.signum() < 0 || pct.compareTo(BigDecimal.valueOf(100)) > 0) {
                    throw new NumberFormatException();
                }
                return pct.multiply(BigDecimal.valueOf(rows)).divide(BigDecimal.valueOf(100), 0, RoundingMode.FLOOR).longValueExact();
            }
            long n = Long.parseLong(v);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("--max-rejects '" + spec + "' is not a count or a percentage; use e.g. --max-rejects 100 or --max-rejects 0.5%");
        }
    }
}

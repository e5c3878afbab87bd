package io.persession.input;

import io.persession.spi.Event;

/**
 * Parses revenue amounts exactly into micro-units, without floating point or {@code BigDecimal}: a plain
 * decimal ({@code 12}, {@code 12.5}, {@code .99}, {@code 1234567.89}, an optional leading {@code +}).
 * Rejected: scientific notation, thousands separators or a decimal comma, a negative amount (refunds are
 * positive amounts on a refund event; {@code -0} is zero), a non-zero digit after the sixth decimal place
 * (trailing zeros beyond it are exact and allowed), and amounts above {@link Long#MAX_VALUE} micro-units.
 */
final class Revenue {
    private static final long MAX_UNITS = Long.MAX_VALUE / Event.MICROS_PER_UNIT;

    private Revenue() {
    }

    /** Micro-units of {@code s} (trimmed by the caller, not empty). */
    static long parseMicros(String s) throws RowRejected {
        int n = s.length();
        int i = 0;
        boolean negative = false;
        char first = s.charAt(0);
        if (first == '-') {
            negative = true;
            i++;
        } else if (first == '+') {
            i++;
        }
        long units = 0;
        boolean tooLarge = false;
        int intDigits = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                break;
            }
            if (!tooLarge) {
                units = units * 10 + (c - '0');
                if (units > MAX_UNITS) {
                    tooLarge = true;
                }
            }
            intDigits++;
            i++;
        }
        long fraction = 0;
        int fractionDigits = 0;
        boolean tooPrecise = false;
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') {
                    break;
                }
                if (fractionDigits < 6) {
                    fraction = fraction * 10 + (c - '0');
                } else if (c != '0') {
                    tooPrecise = true;
                }
                fractionDigits++;
                i++;
            }
        }
        if (i != n || intDigits + fractionDigits == 0) {
            throw syntax(s);
        }
        for (int k = fractionDigits; k < 6; k++) {
            fraction *= 10;
        }
        boolean zero = units == 0 && fraction == 0 && !tooLarge && !tooPrecise;
        if (negative && !zero) {
            throw new RowRejected(RejectCategory.BAD_REVENUE,
                    "negative revenue " + RowRejected.quote(s) + "; refunds are positive amounts on a refund event");
        }
        if (tooPrecise) {
            throw new RowRejected(RejectCategory.BAD_REVENUE, "revenue " + RowRejected.quote(s) + " has more than 6 decimal places");
        }
        if (tooLarge || units * Event.MICROS_PER_UNIT > Long.MAX_VALUE - fraction) {
            throw new RowRejected(RejectCategory.BAD_REVENUE,
                    "revenue " + RowRejected.quote(s) + " is too large (at most 9223372036854.775807)");
        }
        return units * Event.MICROS_PER_UNIT + fraction;
    }

    private static RowRejected syntax(String s) {
        boolean exponent = false;
        boolean comma = false;
        boolean digit = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 'e' || c == 'E') {
                exponent = true;
            } else if (c == ',') {
                comma = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            }
        }
        String q = RowRejected.quote(s);
        if (digit && exponent && looksScientific(s)) {
            return new RowRejected(RejectCategory.BAD_REVENUE, "revenue " + q + " is in scientific notation; write a plain decimal such as 1000 or 12.50");
        }
        if (digit && comma) {
            return new RowRejected(RejectCategory.BAD_REVENUE,
                    "revenue " + q + " has a comma; write a plain decimal with '.' and no thousands separators, such as 1234.50");
        }
        return new RowRejected(RejectCategory.BAD_REVENUE, "revenue " + q + " is not a number");
    }

    private static boolean looksScientific(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' || c == '+' || c == '-' || c == 'e' || c == 'E')) {
                return false;
            }
        }
        return true;
    }
}

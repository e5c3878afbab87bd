package io.persession.formats;

import io.persession.spi.Event;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Shared value helpers of the built-in formats. */
public final class Values {
    private static final Set<String> CURRENCIES = new HashSet<>();

    static {
        for (Currency c : Currency.getAvailableCurrencies()) {
            CURRENCIES.add(c.getCurrencyCode());
        }
    }

    private Values() {
    }

    /** A bad value in a record: the reject category and a one-line message. */
    public static final class BadValue extends Exception {
        private static final long serialVersionUID = 1L;
        private final String category;

        public BadValue(String category, String message) {
            super(message, null, false, false);
            this.category = category;
        }

        public String category() {
            return category;
        }
    }

    /** {@code s} trimmed, or {@code null} when absent, blank, or one of GA's placeholders: (direct), (none), (not set), (not provided). */
    public static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim();
        if (t.isEmpty() || t.equals("(direct)") || t.equals("(none)") || t.equals("(not set)") || t.equals("(not provided)")) {
            return null;
        }
        return t;
    }

    /**
     * An exact decimal amount in micro-units, rounded half-even to a micro-unit (a Parquet double is first made
     * a decimal with {@link BigDecimal#valueOf(double)}, its shortest exact-looking text, so 12.34 stays 12.34).
     */
    public static long micros(BigDecimal amount, String what) throws BadValue {
        if (amount.signum() < 0) {
            throw new BadValue("bad-revenue", what + " " + amount.toPlainString() + " is negative");
        }
        BigDecimal m = amount.movePointRight(6).setScale(0, RoundingMode.HALF_EVEN);
        if (m.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new BadValue("bad-revenue", what + " " + amount.toPlainString() + " is too large");
        }
        return m.longValueExact();
    }

    /** Decimal text (never through a double) in micro-units. */
    public static long micros(String text, String what) throws BadValue {
        BigDecimal d;
        try {
            d = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new BadValue("bad-revenue", what + " " + quote(text) + " is not a decimal number");
        }
        return micros(d, what);
    }

    /** An ISO 4217 code, upper case, or {@code null} for none. */
    public static String currency(String raw) throws BadValue {
        String c = clean(raw);
        if (c == null) {
            return null;
        }
        String u = c.toUpperCase(Locale.ROOT);
        if (!CURRENCIES.contains(u)) {
            throw new BadValue("unknown-currency", "unknown currency code " + quote(c) + "; expected a 3-letter ISO 4217 code");
        }
        return u;
    }

    /** {@code s} quoted for a message: one line, at most 80 characters. */
    public static String quote(String s) {
        String t = s.length() > 80 ? s.substring(0, 80) + "..." : s;
        return "'" + t.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ') + "'";
    }

    /** The event type's revenue rule, as the canonical reader's: only purchase, refund and ad events carry revenue. */
    static boolean carriesRevenue(io.persession.spi.EventType type) {
        return type == io.persession.spi.EventType.PURCHASE || type == io.persession.spi.EventType.REFUND
                || type == io.persession.spi.EventType.AD_REQUEST || type == io.persession.spi.EventType.AD_IMPRESSION;
    }

}

package io.persession.spi;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A number computed from {@link Totals}. Thread-safe and pure.
 */
public interface Metric {
    /** What the number is measured in. */
    enum Unit {
        /** An amount of money in the totals' currency. */
        MONEY,
        /** A share between 0 and 1 (shown as a percentage). */
        RATIO,
        /** A plain number (per session, per visitor, ...). */
        NUMBER
    }

    /** Lower-case id, also the JSON key: {@code revenue_per_session}, {@code session_rpm}, ... */
    String id();

    /** A short label for people: "Revenue per session". */
    String label();

    Unit unit();

    /**
     * The value, exact to at least 6 decimal places; empty when undefined (no sessions, no pageviews,
     * ...), never NaN or a division by zero.
     */
    Optional<BigDecimal> compute(Totals totals);
}

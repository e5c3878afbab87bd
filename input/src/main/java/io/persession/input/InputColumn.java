package io.persession.input;

import java.util.Locale;
import java.util.Optional;

/**
 * The canonical input columns (CSV header names, JSON Lines keys), in the documented order. Only
 * {@link #TIMESTAMP}, {@link #VISITOR_ID} and {@link #EVENT} are required.
 */
public enum InputColumn {
    TIMESTAMP("timestamp", true),
    VISITOR_ID("visitor_id", true),
    EVENT("event", true),
    REVENUE("revenue", false),
    CURRENCY("currency", false),
    SOURCE("source", false),
    MEDIUM("medium", false),
    CAMPAIGN("campaign", false),
    TERM("term", false),
    CONTENT("content", false),
    CLICK_ID("click_id", false),
    REFERRER("referrer", false),
    PAGE("page", false),
    USER_AGENT("user_agent", false),
    EVENT_ID("event_id", false),
    ORDER_ID("order_id", false);

    private static final InputColumn[] VALUES = values();

    private final String columnName;
    private final boolean required;

    InputColumn(String columnName, boolean required) {
        this.columnName = columnName;
        this.required = required;
    }

    /** The canonical name: {@code timestamp}, {@code visitor_id}, ... */
    public String columnName() {
        return columnName;
    }

    /** True for timestamp, visitor_id and event. */
    public boolean required() {
        return required;
    }

    /** The column with this canonical name (case-insensitive, trimmed), if any. */
    public static Optional<InputColumn> byName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (InputColumn c : VALUES) {
            if (c.columnName.equals(n)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** All canonical names, comma-separated, in order. */
    public static String allNames() {
        StringBuilder b = new StringBuilder();
        for (InputColumn c : VALUES) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(c.columnName);
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return columnName;
    }
}

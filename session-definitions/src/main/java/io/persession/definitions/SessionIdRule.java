package io.persession.definitions;

import io.persession.spi.Event;
import io.persession.spi.OpenSession;
import io.persession.spi.SessionRule;

import java.util.Objects;

/**
 * Session id, reason {@code session-id}: a new session when the next event's value of the column
 * {@link #column()} differs from the session's ({@link OpenSession#attribute}: the value of its latest
 * event that had one). An event without a value never splits; a session without a value yet takes the
 * next event's.
 *
 * <p>Immutable, pure and thread-safe.
 */
public final class SessionIdRule implements SessionRule {
    /** The reason code of the sessions this rule starts. */
    public static final String REASON = "session-id";

    private final String column;

    public SessionIdRule(String column) {
        this.column = Objects.requireNonNull(column, "column is null");
    }

    /** The input column holding the session id. */
    public String column() {
        return column;
    }

    @Override
    public String reason() {
        return REASON;
    }

    @Override
    public boolean startsNewSession(OpenSession session, Event next) {
        String id = next.attribute(column);
        if (id == null) {
            return false;
        }
        String current = session.attribute(column);
        return current != null && !current.equals(id);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SessionIdRule && ((SessionIdRule) o).column.equals(column);
    }

    @Override
    public int hashCode() {
        return column.hashCode();
    }

    @Override
    public String toString() {
        return "session-id(" + column + ")";
    }
}

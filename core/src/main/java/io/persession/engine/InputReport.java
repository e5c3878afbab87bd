package io.persession.engine;

import java.util.List;

/**
 * What was read: rows read = accepted + rejected + duplicates, always (the engine checks it).
 */
public final class InputReport {
    private final List<String> names;
    private final long rows;
    private final long accepted;
    private final long rejected;
    private final long duplicateEvents;
    private final long duplicateOrders;
    private final long regroupedVisitors;

    InputReport(List<String> names, long rows, long accepted, long rejected, long duplicateEvents, long duplicateOrders, long regroupedVisitors) {
        this.names = List.copyOf(names);
        this.rows = rows;
        this.accepted = accepted;
        this.rejected = rejected;
        this.duplicateEvents = duplicateEvents;
        this.duplicateOrders = duplicateOrders;
        this.regroupedVisitors = regroupedVisitors;
        if (rows != accepted + rejected + duplicates()) {
            throw new IllegalStateException("rows read (" + rows + ") != accepted (" + accepted + ") + rejected (" + rejected
                    + ") + duplicates (" + duplicates() + "): this is a bug in persession's reader, please report it");
        }
    }

    public List<String> names() {
        return names;
    }

    public long rows() {
        return rows;
    }

    public long accepted() {
        return accepted;
    }

    public long rejected() {
        return rejected;
    }

    /** Duplicate event ids plus duplicate purchase order ids. */
    public long duplicates() {
        return duplicateEvents + duplicateOrders;
    }

    public long duplicateEvents() {
        return duplicateEvents;
    }

    public long duplicateOrders() {
        return duplicateOrders;
    }

    /**
     * Visitors regrouped in a second read: those with rows further out of time order than the lateness
     * window (a row repeating an event id first read more than the de-duplication window earlier can be one),
     * and those whose duplicate decisions changed once every event id was compared (see the engine).
     */
    public long regroupedVisitors() {
        return regroupedVisitors;
    }
}

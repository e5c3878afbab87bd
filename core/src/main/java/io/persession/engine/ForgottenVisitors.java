package io.persession.engine;

import io.persession.spi.Event;

/**
 * The visitors a {@link Sessionizer} forgot while idle, each with what {@link
 * io.persession.spi.Session#previousEvent()} needs of its last event: time, type, name and page.
 *
 * <p><b>Exactness.</b> {@link #remove} gives back an event equal, field by field, to {@link
 * SessionAccumulator#summary} of the event {@link #put} last for that visitor (visitors match by
 * {@link String#equals}, see {@link StringTable}), built the same way; or {@code null} when the visitor
 * is not forgotten now.
 *
 * <p><b>Memory</b>, per visitor ever forgotten: one {@link StringTable} entry holding the visitor id
 * (one byte a char for ASCII, and a length byte), the last event's time (8 bytes) and the number of its
 * (type, name, page) in {@link EventShapes} (4 bytes; those triples are shared among visitors), and
 * 6.7 to 13.3 bytes of table: measured at 3.5 million visitors, 34 bytes a visitor for 9-char ids, 40
 * for 15-char ones (a {@code HashMap} took 130). A visitor that returns keeps its entry
 * (marked absent), so a visitor forgotten again costs nothing more. No object per visitor.
 *
 * <p>Not thread-safe.
 */
final class ForgottenVisitors {
    /** Payload: the time at 0, the triple's number + 1 at 8 (0: not forgotten now). */
    private static final int TIME = 0;
    private static final int TRIPLE = 8;

    private final StringTable visitors = new StringTable(12);
    private EventShapes shapes = new EventShapes();
    private int size;

    /** Forgets {@code last}'s visitor, keeping what a summary of {@code last} needs. */
    void put(Event last) {
        int entry = visitors.add(last.visitorId());
        int triple = shapes.acquire(last.type(), last.name(), last.page());
        int old = visitors.getInt(entry, TRIPLE);
        if (old == 0) {
            size++;
        } else {
            shapes.release(old - 1);
        }
        visitors.setInt(entry, TRIPLE, triple + 1);
        visitors.setLong(entry, TIME, last.timestampMillis());
    }

    /**
     * The summary of the forgotten visitor's last event ({@link SessionAccumulator#summary}), no longer
     * kept; {@code null} when {@code visitor} is not forgotten.
     */
    Event remove(String visitor) {
        if (size == 0) {
            return null;
        }
        int entry = visitors.find(visitor);
        if (entry < 0) {
            return null;
        }
        int triple = visitors.getInt(entry, TRIPLE) - 1;
        if (triple < 0) {
            return null;
        }
        visitors.setInt(entry, TRIPLE, 0);
        size--;
        Event summary = Event.builder(visitors.getLong(entry, TIME), visitor).type(shapes.type(triple))
                .name(shapes.name(triple)).page(shapes.page(triple)).build();
        shapes.release(triple);
        return summary;
    }

    /** Visitors forgotten now. */
    int size() {
        return size;
    }

    /** Forgets every visitor and gives the memory back. */
    void clear() {
        visitors.clear();
        shapes = new EventShapes();
        size = 0;
    }

    /** Roughly the bytes held in arrays, for measurements (the name and page strings excluded). */
    long footprintBytes() {
        return visitors.footprintBytes();
    }
}

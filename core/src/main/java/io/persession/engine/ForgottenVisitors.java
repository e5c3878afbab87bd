package io.persession.engine;

import io.persession.spi.Event;

import java.util.Arrays;

/**
 * The visitors a {@link Sessionizer} forgot while idle, each with what {@link
 * io.persession.spi.Session#previousEvent()} needs of its last event: time, type, name and page.
 *
 * <p><b>Exactness.</b> {@link #remove} gives back an event equal, field by field, to {@link
 * SessionAccumulator#summary} of the event {@link #put} last for that visitor (visitors match by
 * {@link String#equals}, see {@link StringIndex}), built the same way; or {@code null} when the visitor
 * is not forgotten now.
 *
 * <p><b>Memory</b>, per visitor ever forgotten: its id in a {@link StringIndex} (about 17 bytes plus
 * one byte a char for an ASCII id), 8 bytes of time and 4 of (type, name, page) number in
 * {@link EventShapes}, whose triples are shared among visitors: about 50 bytes for a 20-char id. A
 * visitor that returns keeps its number (its entry is marked absent), so a visitor forgotten again
 * costs nothing more. No object per visitor.
 *
 * <p>Not thread-safe.
 */
final class ForgottenVisitors {
    private final StringIndex visitors = new StringIndex();
    private EventShapes shapes = new EventShapes();
    /** Per visitor number: the last event's time. */
    private long[] times = new long[16];
    /** Per visitor number: the last event's triple number + 1, or 0 when not forgotten now. */
    private int[] triples = new int[16];
    private int size;

    /** Forgets {@code last}'s visitor, keeping what a summary of {@code last} needs. */
    void put(Event last) {
        int n = visitors.add(last.visitorId());
        if (n == times.length) {
            int grown = n + (n >> 1);
            times = Arrays.copyOf(times, grown);
            triples = Arrays.copyOf(triples, grown);
        }
        int triple = shapes.acquire(last.type(), last.name(), last.page());
        int old = triples[n];
        if (old == 0) {
            size++;
        } else {
            shapes.release(old - 1);
        }
        triples[n] = triple + 1;
        times[n] = last.timestampMillis();
    }

    /**
     * The summary of the forgotten visitor's last event ({@link SessionAccumulator#summary}), no longer
     * kept; {@code null} when {@code visitor} is not forgotten.
     */
    Event remove(String visitor) {
        if (size == 0) {
            return null;
        }
        int n = visitors.find(visitor);
        if (n < 0 || triples[n] == 0) {
            return null;
        }
        int triple = triples[n] - 1;
        triples[n] = 0;
        size--;
        Event summary = Event.builder(times[n], visitor).type(shapes.type(triple)).name(shapes.name(triple))
                .page(shapes.page(triple)).build();
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
        times = new long[16];
        triples = new int[16];
        size = 0;
    }

    /** Roughly the bytes held in arrays, for measurements (strings of names and pages excluded). */
    long footprintBytes() {
        return visitors.footprintBytes() + 12L * times.length;
    }
}

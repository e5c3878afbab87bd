package io.persession.engine;

import io.persession.spi.Event;

import java.util.ArrayList;
import java.util.List;

/** An {@link EventInput} over a list: every read sends the list in order. */
final class ListInput implements EventInput {
    private final List<Event> events;
    private final long rowsRead;
    private final long rowsRejected;
    /** The firstPass flag of every read, in order. */
    final List<Boolean> passes = new ArrayList<>();

    ListInput(List<Event> events) {
        this(events, events.size(), 0);
    }

    ListInput(List<Event> events, long rowsRead, long rowsRejected) {
        this.events = List.copyOf(events);
        this.rowsRead = rowsRead;
        this.rowsRejected = rowsRejected;
    }

    @Override
    public void read(EventSink sink, boolean firstPass) {
        passes.add(firstPass);
        for (Event e : events) {
            sink.accept(e);
        }
    }

    @Override
    public long rowsRead() {
        return rowsRead;
    }

    @Override
    public long rowsRejected() {
        return rowsRejected;
    }

    @Override
    public List<String> names() {
        return List.of("test");
    }
}

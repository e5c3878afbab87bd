package io.persession.engine;

import io.persession.spi.Event;

/** Receives accepted events in input order. */
@FunctionalInterface
public interface EventSink {
    void accept(Event event);
}

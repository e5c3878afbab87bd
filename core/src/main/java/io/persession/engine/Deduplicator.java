package io.persession.engine;

import io.persession.spi.Event;
import io.persession.spi.EventType;

import java.util.HashMap;
import java.util.Map;

/**
 * Finds duplicates: an event whose event id was already read, and a purchase whose order id was
 * already read on a purchase. The first row read wins; the later ones are counted as duplicates and
 * kept out of the analysis. Remembers where each id was first read, so that a second read of the same
 * input keeps exactly the same rows.
 */
final class Deduplicator {
    private final Map<String, Long> eventIds = new HashMap<>();
    private final Map<String, Long> orderIds = new HashMap<>();
    private long duplicateEvents;
    private long duplicateOrders;

    /** First pass: true when {@code e}, at input position {@code seq}, is a duplicate (and counts it). */
    boolean isDuplicate(Event e, long seq) {
        if (e.eventId() != null && eventIds.putIfAbsent(e.eventId(), seq) != null) {
            duplicateEvents++;
            return true;
        }
        if (e.type() == EventType.PURCHASE && e.orderId() != null && orderIds.putIfAbsent(e.orderId(), seq) != null) {
            duplicateOrders++;
            return true;
        }
        return false;
    }

    /** A later pass over the same input: true when the first pass kept the event at {@code seq}. */
    boolean wasKept(Event e, long seq) {
        if (e.eventId() != null && eventIds.get(e.eventId()) != seq) {
            return false;
        }
        return e.type() != EventType.PURCHASE || e.orderId() == null || orderIds.get(e.orderId()) == seq;
    }

    long duplicateEvents() {
        return duplicateEvents;
    }

    long duplicateOrders() {
        return duplicateOrders;
    }
}

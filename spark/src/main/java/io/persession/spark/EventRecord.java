package io.persession.spark;

import io.persession.spi.Event;
import io.persession.spi.EventType;
import io.persession.spi.TrafficSource;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of the input as it travels between Spark stages: an accepted {@link Event}'s values, or a rejected row's
 * reason and text, with its position in the input: {@code file}, the index in the job's file order, and {@code line},
 * the 1-based line of a rejected row or the 1-based number of an accepted event in its file (the order the CLI hands
 * events on in). Plain values only: an {@link Event} is rebuilt from them on the executor that sessionizes it. Input
 * order is (file, line), which decides every tie: the first row of a duplicate id wins, and events at the same time
 * sort by it.
 */
public final class EventRecord implements Serializable {
    private static final long serialVersionUID = 1L;

    final int file;
    final long line;
    // a rejected row: category, message and its raw text; null for an event
    final String rejectCategory;
    final String rejectMessage;
    final String raw;
    // an event
    final long timestampMillis;
    final String visitorId;
    final String type;
    final String name;
    final long revenueMicros;
    final String currency;
    final String source;
    final String medium;
    final String campaign;
    final String term;
    final String content;
    final String clickId;
    final String referrer;
    final String page;
    final String userAgent;
    final String eventId;
    final String orderId;
    final LinkedHashMap<String, String> attributes;

    private EventRecord(int file, long line, String rejectCategory, String rejectMessage, String raw, Event e) {
        this.file = file;
        this.line = line;
        this.rejectCategory = rejectCategory;
        this.rejectMessage = rejectMessage;
        this.raw = raw;
        if (e == null) {
            timestampMillis = 0;
            visitorId = type = name = currency = source = medium = campaign = term = content = clickId = referrer = page = userAgent = null;
            eventId = orderId = null;
            revenueMicros = 0;
            attributes = null;
            return;
        }
        timestampMillis = e.timestampMillis();
        visitorId = e.visitorId();
        type = e.type().name();
        name = e.name();
        revenueMicros = e.revenueMicros();
        currency = e.currency();
        TrafficSource t = e.trafficSource();
        source = t.source();
        medium = t.medium();
        campaign = t.campaign();
        term = t.term();
        content = t.content();
        clickId = t.clickId();
        referrer = e.referrer();
        page = e.page();
        userAgent = e.userAgent();
        eventId = e.eventId();
        orderId = e.orderId();
        attributes = e.attributes().isEmpty() ? null : new LinkedHashMap<>(e.attributes());
    }

    /** An accepted event at (file, line). */
    static EventRecord event(int file, long line, Event e) {
        return new EventRecord(file, line, null, null, null, e);
    }

    /** A rejected row at (file, line). */
    static EventRecord reject(int file, long line, String category, String message, String raw) {
        return new EventRecord(file, line, category, message, raw, null);
    }

    boolean isReject() {
        return rejectCategory != null;
    }

    /** True for a purchase with an order id: subject to de-duplication by order id. */
    boolean hasOrder() {
        return orderId != null && EventType.PURCHASE.name().equals(type);
    }

    /** Input order: file, then line. */
    static int compareInputOrder(EventRecord a, EventRecord b) {
        int c = Integer.compare(a.file, b.file);
        return c != 0 ? c : Long.compare(a.line, b.line);
    }

    /** The first of two rows in input order. */
    static EventRecord first(EventRecord a, EventRecord b) {
        return compareInputOrder(a, b) <= 0 ? a : b;
    }

    /** The event again. */
    Event toEvent() {
        Event.Builder b = Event.builder(timestampMillis, visitorId).type(EventType.valueOf(type)).name(name)
                .revenueMicros(revenueMicros).currency(currency)
                .trafficSource(TrafficSource.of(source, medium, campaign, term, content, clickId))
                .referrer(referrer).page(page).userAgent(userAgent).eventId(eventId).orderId(orderId);
        if (attributes != null) {
            for (Map.Entry<String, String> a : attributes.entrySet()) {
                b.attribute(a.getKey(), a.getValue());
            }
        }
        return b.build();
    }
}

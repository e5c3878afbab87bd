package io.persession.testkit;

import io.persession.spi.Event;
import io.persession.spi.OpenSession;
import io.persession.spi.TrafficSource;

import java.util.HashMap;
import java.util.Map;

/**
 * The contract's own {@link OpenSession}, built as the SPI documents it, so that rules can be
 * called directly and shown to depend on nothing but the interface. Mutable; test use only.
 */
final class ContractSession implements OpenSession {
    private final Event first;
    private final String startReason;
    private Event last;
    private int count;
    private TrafficSource source = TrafficSource.DIRECT;
    private final Map<String, String> attributes = new HashMap<>();

    ContractSession(Event first, String startReason) {
        this.first = first;
        this.startReason = startReason;
        add(first);
    }

    void add(Event e) {
        last = e;
        count++;
        if (!e.trafficSource().isDirect()) {
            source = e.trafficSource();
        }
        attributes.putAll(e.attributes());
    }

    /** As the SPI documents it: the value on the latest event that has one. */
    @Override
    public String attribute(String name) {
        return attributes.get(name);
    }

    String startReason() {
        return startReason;
    }

    @Override
    public String visitorId() {
        return first.visitorId();
    }

    @Override
    public long startMillis() {
        return first.timestampMillis();
    }

    @Override
    public long lastEventMillis() {
        return last.timestampMillis();
    }

    @Override
    public int eventCount() {
        return count;
    }

    @Override
    public Event firstEvent() {
        return first;
    }

    @Override
    public Event lastEvent() {
        return last;
    }

    @Override
    public TrafficSource trafficSource() {
        return source;
    }

    @Override
    public String toString() {
        return "session of " + visitorId() + " from " + first.timestamp() + " to " + last.timestamp() + ", " + count
                + " events, started by '" + startReason + "'";
    }
}

package io.persession.engine;

import io.persession.spi.Event;
import io.persession.spi.OpenSession;
import io.persession.spi.Session;
import io.persession.spi.TrafficSource;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A session being built: the {@link OpenSession} rules see while it is open, and the {@link Session}
 * handed on once it is closed (after which it is never changed).
 *
 * <p>Besides the sums it keeps every event's time (4 bytes an event while the session is open, for
 * {@link #maxEventsWithin}), the latest value of each event attribute (for {@link #attribute}), and a
 * summary of the visitor's event before it ({@link #previousEvent()}).
 */
final class SessionAccumulator implements OpenSession, Session {
    private final String visitorId;
    private final String startReason;
    private final Event firstEvent;
    private final Event previousEvent;
    private Event lastEvent;
    /** The last event's time, kept here too: the sessionizer reads it for every idle check. */
    private long lastMillis;
    /**
     * Every event's time, as milliseconds after the first event's (4 bytes an event); {@code wideTimes}, the
     * times themselves, instead, once one is more than about 24 days from the first.
     */
    private int[] times = new int[4];
    private long[] wideTimes;
    private Map<String, String> attributes;
    private TrafficSource trafficSource;
    private int eventCount;
    private int pageviews;
    private int purchases;
    private int refunds;
    private int adRequests;
    private int adImpressions;
    private long purchaseRevenueMicros;
    private long adRevenueMicros;
    private long refundMicros;

    /**
     * @param previous the summary of the visitor's event before {@code first} ({@link #summary}), or
     *                 {@code null} for the visitor's first session
     */
    SessionAccumulator(Event first, String startReason, Event previous) {
        this.visitorId = first.visitorId();
        this.startReason = startReason;
        this.firstEvent = first;
        this.previousEvent = previous;
        this.trafficSource = TrafficSource.DIRECT;
        add(first);
    }

    /** What {@link Session#previousEvent()} keeps of an event: timestamp, visitor, type, name and page. */
    static Event summary(Event e) {
        return Event.builder(e.timestampMillis(), e.visitorId()).type(e.type()).name(e.name()).page(e.page()).build();
    }

    void add(Event e) {
        lastEvent = e;
        lastMillis = e.timestampMillis();
        addTime(lastMillis);
        eventCount++;
        if (!e.attributes().isEmpty()) {
            if (attributes == null) {
                attributes = new HashMap<>(4);
            }
            attributes.putAll(e.attributes());
        }
        if (!e.trafficSource().isDirect()) {
            trafficSource = e.trafficSource();
        }
        switch (e.type()) {
            case PAGEVIEW:
                pageviews++;
                break;
            case PURCHASE:
                purchases++;
                purchaseRevenueMicros = Math.addExact(purchaseRevenueMicros, e.revenueMicros());
                break;
            case REFUND:
                refunds++;
                refundMicros = Math.addExact(refundMicros, e.revenueMicros());
                break;
            case AD_REQUEST:
                adRequests++;
                adRevenueMicros = Math.addExact(adRevenueMicros, e.revenueMicros());
                break;
            case AD_IMPRESSION:
                adImpressions++;
                adRevenueMicros = Math.addExact(adRevenueMicros, e.revenueMicros());
                break;
            default:
                break;
        }
    }

    @Override
    public String visitorId() {
        return visitorId;
    }

    @Override
    public long startMillis() {
        return firstEvent.timestampMillis();
    }

    @Override
    public long lastEventMillis() {
        return lastMillis;
    }

    @Override
    public long endMillis() {
        return lastMillis;
    }

    @Override
    public int eventCount() {
        return eventCount;
    }

    @Override
    public Event firstEvent() {
        return firstEvent;
    }

    @Override
    public Event lastEvent() {
        return lastEvent;
    }

    @Override
    public Optional<Event> previousEvent() {
        return Optional.ofNullable(previousEvent);
    }

    @Override
    public String attribute(String name) {
        return attributes == null ? null : attributes.get(name);
    }

    /** Exact, from every event's time (they are added in time order): a sliding window, O(events). */
    @Override
    public int maxEventsWithin(Duration window) {
        long w;
        try {
            w = window.toMillis();
        } catch (ArithmeticException e) {
            w = Long.MAX_VALUE;
        }
        if (w <= 0) {
            return 0;
        }
        int best = 0;
        int from = 0;
        for (int to = 0; to < eventCount; to++) {
            while (time(to) - time(from) >= w) {
                from++;
            }
            best = Math.max(best, to - from + 1);
        }
        return best;
    }

    private void addTime(long t) {
        if (wideTimes == null) {
            long offset = eventCount == 0 ? 0 : t - firstEvent.timestampMillis();
            if (offset == (int) offset) {
                if (eventCount == times.length) {
                    times = Arrays.copyOf(times, times.length * 2);
                }
                times[eventCount] = (int) offset;
                return;
            }
            wideTimes = new long[Math.max(4, times.length * 2)];
            for (int i = 0; i < eventCount; i++) {
                wideTimes[i] = firstEvent.timestampMillis() + times[i];
            }
            times = null;
        }
        if (eventCount == wideTimes.length) {
            wideTimes = Arrays.copyOf(wideTimes, wideTimes.length * 2);
        }
        wideTimes[eventCount] = t;
    }

    /** The time of the {@code i}-th event added (from 0), or of an offset from the first: differences are exact. */
    private long time(int i) {
        return wideTimes != null ? wideTimes[i] : times[i];
    }

    @Override
    public TrafficSource trafficSource() {
        return trafficSource;
    }

    @Override
    public String startReason() {
        return startReason;
    }

    @Override
    public int pageviews() {
        return pageviews;
    }

    @Override
    public int purchases() {
        return purchases;
    }

    @Override
    public int refunds() {
        return refunds;
    }

    @Override
    public int adRequests() {
        return adRequests;
    }

    @Override
    public int adImpressions() {
        return adImpressions;
    }

    @Override
    public long purchaseRevenueMicros() {
        return purchaseRevenueMicros;
    }

    @Override
    public long adRevenueMicros() {
        return adRevenueMicros;
    }

    @Override
    public long refundMicros() {
        return refundMicros;
    }


    @Override
    public String toString() {
        return "Session[" + visitorId + " " + firstEvent.timestamp() + ".." + lastEvent.timestamp() + " " + startReason
                + " events=" + eventCount + "]";
    }
}

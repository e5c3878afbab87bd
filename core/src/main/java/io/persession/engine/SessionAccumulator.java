package io.persession.engine;

import io.persession.spi.Event;
import io.persession.spi.OpenSession;
import io.persession.spi.Session;
import io.persession.spi.TrafficSource;

/**
 * A session being built: the {@link OpenSession} rules see while it is open, and the {@link Session}
 * handed on once it is closed (after which it is never changed).
 */
final class SessionAccumulator implements OpenSession, Session {
    private final String visitorId;
    private final String startReason;
    private final Event firstEvent;
    private Event lastEvent;
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

    SessionAccumulator(Event first, String startReason) {
        this.visitorId = first.visitorId();
        this.startReason = startReason;
        this.firstEvent = first;
        this.trafficSource = TrafficSource.DIRECT;
        add(first);
    }

    void add(Event e) {
        lastEvent = e;
        eventCount++;
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
        return lastEvent.timestampMillis();
    }

    @Override
    public long endMillis() {
        return lastEvent.timestampMillis();
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

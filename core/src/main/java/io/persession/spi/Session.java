package io.persession.spi;

/**
 * A finished session: one visitor's events from one start to the next, as the host built it under a
 * {@link SessionDefinition}. Immutable; implemented by the host.
 */
public interface Session {
    String visitorId();

    /** Epoch millis of the first event. */
    long startMillis();

    /** Epoch millis of the last event. */
    long endMillis();

    /** {@link SessionDefinition#FIRST} or the reason code of the rule that started it. */
    String startReason();

    int eventCount();

    int pageviews();

    /** Purchase events (orders), after de-duplication by order id. */
    int purchases();

    int refunds();

    int adRequests();

    int adImpressions();

    long purchaseRevenueMicros();

    long adRevenueMicros();

    long refundMicros();

    /** Net revenue: purchases + ad revenue - refunds, in micro-units; may be negative. */
    default long revenueMicros() {
        return purchaseRevenueMicros() + adRevenueMicros() - refundMicros();
    }

    /** The session's traffic source (see {@link OpenSession#trafficSource()}). */
    TrafficSource trafficSource();

    /** The first event. */
    Event firstEvent();

    /** The last event. */
    Event lastEvent();
}

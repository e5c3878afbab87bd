package io.persession.engine;

import io.persession.spi.Session;
import io.persession.spi.TrafficSource;

import java.util.Comparator;

/** Everything a {@link Session} exposes, as a value: two sessions are the same when their signatures are equal. */
record SessionSig(String visitor, long start, long end, String reason, int events, int pageviews, int purchases,
                  int refunds, int adRequests, int adImpressions, long purchaseMicros, long adMicros, long refundMicros,
                  String firstEventId, String lastEventId, TrafficSource source) {

    static final Comparator<SessionSig> ORDER = Comparator.comparing(SessionSig::visitor)
            .thenComparingLong(SessionSig::start).thenComparingLong(SessionSig::end)
            .thenComparing(SessionSig::reason).thenComparing(s -> String.valueOf(s.firstEventId()));

    static SessionSig of(Session s) {
        return new SessionSig(s.visitorId(), s.startMillis(), s.endMillis(), s.startReason(), s.eventCount(), s.pageviews(),
                s.purchases(), s.refunds(), s.adRequests(), s.adImpressions(), s.purchaseRevenueMicros(),
                s.adRevenueMicros(), s.refundMicros(), s.firstEvent().eventId(), s.lastEvent().eventId(), s.trafficSource());
    }
}

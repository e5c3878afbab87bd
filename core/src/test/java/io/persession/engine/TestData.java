package io.persession.engine;

import io.persession.spi.Event;
import io.persession.spi.EventType;
import io.persession.spi.Totals;
import io.persession.spi.TrafficSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static io.persession.engine.TestRules.HOUR;
import static io.persession.engine.TestRules.MINUTE;
import static io.persession.engine.TestRules.SECOND;

/** Deterministic synthetic event logs and reorderings for the property tests. */
final class TestData {
    /** Saturday 2024-03-30 00:00 UTC: the generated days span the Paris DST change (2024-03-31). */
    static final long BASE = Instant.parse("2024-03-30T00:00:00Z").toEpochMilli();

    private TestData() {
    }

    static Event pv(long ts, String visitor, String id) {
        return Event.builder(ts, visitor).type(EventType.PAGEVIEW).eventId(id).build();
    }

    static Event named(long ts, String visitor, String name, String id) {
        return Event.builder(ts, visitor).named(name).eventId(id).build();
    }

    static Event purchase(long ts, String visitor, long micros, String orderId, String id) {
        return Event.builder(ts, visitor).type(EventType.PURCHASE).revenueMicros(micros).currency("EUR")
                .orderId(orderId).eventId(id).build();
    }

    /**
     * A log of {@code visitors} visitors over about three days, sorted by time (ties in generation order).
     *
     * @param ties when false, every timestamp is unique in the whole log; when true, some events of a
     *             visitor share a timestamp (and their order matters for the login rule)
     */
    static List<Event> generate(long seed, int visitors, boolean ties) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Event> out = new ArrayList<>();
        Set<Long> used = new HashSet<>();
        int eventNo = 0;
        int orderNo = 0;
        for (int v = 0; v < visitors; v++) {
            String visitor = "v" + v;
            String ua = v % 7 == 3 ? "Mozilla/5.0 (compatible; Googlebot/2.1)" : "Mozilla/5.0 (X11; Linux x86_64)";
            long t = BASE + r.nextLong(2 * 24 * HOUR);
            int visits = 1 + r.nextInt(7);
            for (int visit = 0; visit < visits; visit++) {
                if (visit > 0) {
                    int k = r.nextInt(10);
                    t += k < 2 ? 30 * MINUTE + 1 : k < 4 ? 20 * MINUTE + r.nextLong(20 * MINUTE) : 31 * MINUTE + r.nextLong(12 * HOUR);
                }
                TrafficSource source = r.nextInt(3) == 0
                        ? TrafficSource.of(r.nextBoolean() ? "google" : "newsletter", "cpc", "c" + r.nextInt(3), null, null, null)
                        : TrafficSource.DIRECT;
                int n = 1 + r.nextInt(22);
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        int k = r.nextInt(20);
                        long step;
                        if (k < 13) {
                            step = SECOND + r.nextLong(5 * MINUTE);
                        } else if (k < 16) {
                            step = 5 * MINUTE + r.nextLong(24 * MINUTE);
                        } else if (k < 17) {
                            step = 30 * MINUTE; // exactly the timeout: continues
                        } else if (k < 18) {
                            step = 30 * MINUTE + 1; // one millisecond more: splits
                        } else {
                            step = ties ? 0 : SECOND;
                        }
                        t += step;
                    }
                    if (!ties) {
                        while (!used.add(t)) {
                            t++;
                        }
                    }
                    String id = "e" + (eventNo++);
                    Event.Builder b = Event.builder(t, visitor).userAgent(ua).eventId(id)
                            .trafficSource(i == 0 ? source : TrafficSource.DIRECT);
                    int k = r.nextInt(100);
                    if (k < 55) {
                        b.type(EventType.PAGEVIEW);
                    } else if (k < 63) {
                        b.type(EventType.AD_REQUEST).revenueMicros(r.nextLong(2_000)).currency("EUR");
                    } else if (k < 73) {
                        b.type(EventType.AD_IMPRESSION).revenueMicros(r.nextLong(50_000)).currency("EUR");
                    } else if (k < 80) {
                        b.type(EventType.PURCHASE).revenueMicros((1 + r.nextLong(20_000)) * 10_000).currency("EUR")
                                .orderId("o" + (orderNo++));
                    } else if (k < 83) {
                        b.type(EventType.REFUND).revenueMicros((1 + r.nextLong(5_000)) * 10_000).currency("EUR");
                    } else if (k < 91) {
                        b.named("login");
                    } else {
                        b.named("scroll");
                    }
                    out.add(b.build());
                }
            }
        }
        List<Event> sorted = new ArrayList<>(out);
        sorted.sort(Comparator.comparingLong(Event::timestampMillis)); // stable: ties keep generation order
        return sorted;
    }

    /** Each row moved later by up to {@code maxShiftMillis} (so no row is more than that out of time order). */
    static List<Event> localShuffle(List<Event> events, long maxShiftMillis, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<long[]> keys = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            keys.add(new long[] {events.get(i).timestampMillis() + r.nextLong(maxShiftMillis + 1), i});
        }
        keys.sort(Comparator.comparingLong((long[] k) -> k[0]).thenComparingLong(k -> k[1]));
        List<Event> out = new ArrayList<>();
        for (long[] k : keys) {
            out.add(events.get((int) k[1]));
        }
        return out;
    }

    /** A uniformly random permutation. */
    static List<Event> globalShuffle(List<Event> events, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Event> out = new ArrayList<>(events);
        for (int i = out.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            Event t = out.get(i);
            out.set(i, out.get(j));
            out.set(j, t);
        }
        return out;
    }

    /** Every field of the totals, for equality checks with a readable diff. */
    static Map<String, Object> map(Totals t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sessions", t.sessions());
        m.put("visitors", t.visitors());
        m.put("events", t.events());
        m.put("pageviews", t.pageviews());
        m.put("purchases", t.purchases());
        m.put("convertingSessions", t.convertingSessions());
        m.put("refunds", t.refunds());
        m.put("adRequests", t.adRequests());
        m.put("adImpressions", t.adImpressions());
        m.put("purchaseRevenueMicros", t.purchaseRevenueMicros());
        m.put("adRevenueMicros", t.adRevenueMicros());
        m.put("refundMicros", t.refundMicros());
        m.put("revenueMicros", t.revenueMicros());
        m.put("currency", t.currency());
        return m;
    }

    /** Bot exclusions as comparable values: reason -> [sessions, events, revenue micros]. */
    static Map<String, List<Long>> map(Map<String, Aggregator.BotExclusion> bots) {
        Map<String, List<Long>> m = new LinkedHashMap<>();
        bots.forEach((k, b) -> m.put(k, List.of(b.sessions(), b.events(), b.revenueMicros())));
        return m;
    }
}

package io.persession.engine;

import io.persession.spi.Event;
import io.persession.spi.EventType;
import io.persession.spi.Session;
import io.persession.spi.TrafficSource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import static io.persession.engine.TestRules.HOUR;
import static io.persession.engine.TestRules.MINUTE;
import static io.persession.engine.TestRules.SECOND;

/**
 * Random event streams for the differential tests: a week of many visitors who come back after long
 * gaps (so a sessionizer forgets and recalls them), bots, ties, shared and unique pages, visitor ids
 * that are non-ASCII, long, or share a hash code, and rows moved out of time order within and beyond
 * the lateness.
 */
final class RandomStreams {
    private static final String[] NAMES = {"pageview", "login", "scroll", "add_to_cart", "ad_request", "purchase", "refund"};
    private static final String[] PAGES = {"/", "/home", "/products", "/cart", "/thanks", "/ü/straße", "/深圳", null};

    private RandomStreams() {
    }

    /** A visitor id: mostly short ASCII, some non-ASCII, long, or colliding with other ids' hash codes. */
    static String visitorId(SplittableRandom r, int v) {
        switch (r.nextInt(12)) {
            case 0:
                return "ü-" + v;
            case 1:
                return "訪問者" + v + "\uD83D\uDE00"; // CJK and a surrogate pair
            case 2:
                return "x\uD800" + v; // an unpaired surrogate
            case 3:
                return "long-" + "abcdefghij".repeat(20 + r.nextInt(20)) + v;
            case 4:
                return colliding(v);
            default:
                return "v" + v;
        }
    }

    /** "Aa" and "BB" have the same hash code, so every id of these blocks of the same count collides. */
    static String colliding(int v) {
        StringBuilder b = new StringBuilder("c");
        for (int bit = 0; bit < 12; bit++) {
            b.append((v >> bit & 1) == 0 ? "Aa" : "BB");
        }
        return b.toString();
    }

    /**
     * A week of events, sorted by time (ties in generation order), each with a unique event id.
     *
     * @param gapMillis the typical gap between visits (visitors come back after up to several of them)
     */
    static List<Event> week(long seed, int visitors, long gapMillis) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Event> out = new ArrayList<>();
        long base = TestData.BASE;
        int eventNo = 0;
        for (int v = 0; v < visitors; v++) {
            String visitor = visitorId(r, v);
            boolean bot = r.nextInt(9) == 0;
            String ua = bot ? "Googlebot/2.1" : "Mozilla/5.0";
            long t = base + r.nextLong(7 * 24 * HOUR);
            int visits = 1 + r.nextInt(6);
            for (int visit = 0; visit < visits; visit++) {
                if (visit > 0) {
                    t += r.nextInt(4) == 0 ? 1 + r.nextLong(40 * MINUTE) : gapMillis / 2 + r.nextLong(3 * gapMillis);
                }
                int n = 1 + r.nextInt(bot ? 30 : 12);
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        int k = r.nextInt(10);
                        t += k == 0 ? 0 : k < 8 ? SECOND + r.nextLong(3 * MINUTE) : r.nextLong(35 * MINUTE);
                    }
                    out.add(event(r, t, visitor, ua, "e" + eventNo++));
                }
            }
        }
        out.sort(Comparator.comparingLong(Event::timestampMillis));
        return out;
    }

    private static Event event(SplittableRandom r, long t, String visitor, String ua, String id) {
        String name = NAMES[r.nextInt(NAMES.length)];
        String page;
        int p = r.nextInt(10);
        if (p < 6) {
            page = PAGES[r.nextInt(PAGES.length)]; // the reader's shared instances
        } else if (p < 8) {
            String shared = PAGES[r.nextInt(PAGES.length)];
            page = shared == null ? null : new String(shared); // equal, not the same instance
        } else {
            page = "/item/" + r.nextInt(1_000_000) + "?q=" + id; // unique
        }
        Event.Builder b = Event.builder(t, visitor).named(name).page(page).userAgent(ua).eventId(id);
        if (r.nextInt(5) == 0) {
            b.trafficSource(TrafficSource.of("google", "cpc", "c" + r.nextInt(3), null, null, null));
        }
        EventType type = EventType.fromName(name);
        if (type == EventType.PURCHASE || type == EventType.REFUND || type == EventType.AD_REQUEST) {
            b.revenueMicros(r.nextLong(50_000_000)).currency("EUR");
        }
        return b.build();
    }

    /**
     * The rows reordered: most moved later by up to {@code withinMillis}, a share {@code lateShare} of
     * them (and at least a few) by up to {@code beyondMillis}.
     */
    static List<Event> reorder(List<Event> sorted, long withinMillis, long beyondMillis, double lateShare, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<long[]> keys = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            long shift = r.nextDouble() < lateShare ? r.nextLong(beyondMillis + 1) : r.nextLong(withinMillis + 1);
            keys.add(new long[] {sorted.get(i).timestampMillis() + shift, i});
        }
        keys.sort(Comparator.comparingLong((long[] k) -> k[0]).thenComparingLong(k -> k[1]));
        List<Event> out = new ArrayList<>();
        for (long[] k : keys) {
            out.add(sorted.get((int) k[1]));
        }
        return out;
    }

    /** What a listener was told about one session: closed or retracted, all it exposes, its previous event. */
    record Call(boolean closed, SessionSig session, String previous) {
        static Call of(boolean closed, Session s) {
            return new Call(closed, SessionSig.of(s), s.previousEvent().map(RandomStreams::summary).orElse(null));
        }
    }

    /** Every field of a previous-event summary. */
    static String summary(Event e) {
        return e.timestampMillis() + "|" + e.visitorId() + "|" + e.type() + "|" + e.name() + "|" + e.page() + "|"
                + e.revenueMicros() + "|" + e.currency() + "|" + e.trafficSource() + "|" + e.referrer() + "|"
                + e.userAgent() + "|" + e.eventId() + "|" + e.orderId() + "|" + e.attributes();
    }

    /** Records every call, in order. */
    static final class Recorder implements SessionListener {
        final List<Call> calls = new ArrayList<>();

        @Override
        public void sessionClosed(Session session) {
            calls.add(Call.of(true, session));
        }

        @Override
        public void sessionRetracted(Session session) {
            calls.add(Call.of(false, session));
        }
    }
}

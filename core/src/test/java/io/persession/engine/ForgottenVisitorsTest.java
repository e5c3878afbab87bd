package io.persession.engine;

import io.persession.spi.Event;
import io.persession.spi.EventType;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ForgottenVisitorsTest {

    private static Event event(long ts, String visitor, EventType type, String name, String page) {
        return Event.builder(ts, visitor).type(type).name(name).page(page).revenueMicros(5).currency("EUR")
                .userAgent("ua").eventId("id" + ts).build();
    }

    @Test
    void givesBackTheSummaryOfTheLastEventOnce() {
        ForgottenVisitors f = new ForgottenVisitors();
        assertNull(f.remove("a"));
        Event last = event(1_000, "a", EventType.PURCHASE, "buy", "/thanks");
        f.put(last);
        assertEquals(1, f.size());
        assertNull(f.remove("b"));
        Event back = f.remove(new String("a"));
        assertEquals(RandomStreams.summary(SessionAccumulator.summary(last)), RandomStreams.summary(back));
        assertEquals(0, f.size());
        assertNull(f.remove("a"), "not forgotten any more");
        f.put(event(2_000, "a", EventType.PAGEVIEW, "pageview", null));
        f.put(event(3_000, "a", EventType.OTHER, "scroll", "/x"));
        assertEquals(1, f.size(), "forgotten again: the later event replaces the earlier one");
        assertEquals(RandomStreams.summary(SessionAccumulator.summary(event(3_000, "a", EventType.OTHER, "scroll", "/x"))),
                RandomStreams.summary(f.remove("a")));
        f.put(last);
        f.clear();
        assertEquals(0, f.size());
        assertNull(f.remove("a"));
    }

    @Test
    void randomUseAgreesWithAMapOfSummaries() {
        SplittableRandom r = new SplittableRandom(23);
        ForgottenVisitors f = new ForgottenVisitors();
        Map<String, Event> ref = new HashMap<>();
        EventType[] types = EventType.values();
        for (int i = 0; i < 150_000; i++) {
            int id = r.nextInt(20_000);
            String visitor = RandomStreams.visitorId(new SplittableRandom(id), id);
            if (r.nextBoolean()) {
                int p = r.nextInt(200);
                String page = p == 0 ? null : p < 150 ? "/p" + p : "/unique/" + i;
                Event e = event(r.nextLong(1L << 42), visitor, types[r.nextInt(types.length)], "n" + r.nextInt(5), page);
                f.put(e);
                ref.put(visitor, SessionAccumulator.summary(e));
            } else {
                Event want = ref.remove(visitor);
                Event got = f.remove(visitor);
                assertEquals(want == null ? null : RandomStreams.summary(want), got == null ? null : RandomStreams.summary(got));
            }
            assertEquals(ref.size(), f.size());
        }
        for (Map.Entry<String, Event> e : ref.entrySet()) {
            assertEquals(RandomStreams.summary(e.getValue()), RandomStreams.summary(f.remove(e.getKey())));
        }
        assertEquals(0, f.size());
    }
}

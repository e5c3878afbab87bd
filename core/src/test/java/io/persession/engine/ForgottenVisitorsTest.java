package io.persession.engine;

import io.persession.spi.Event;
import io.persession.spi.EventType;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ForgottenVisitorsTest {

    @Test
    void theHashOfAnIdIsTheHashOfItsBytes() {
        SplittableRandom r = new SplittableRandom(5);
        byte[] b = new byte[4096];
        for (int i = 0; i < 2_000; i++) {
            char[] chars = new char[r.nextInt(300)];
            for (int k = 0; k < chars.length; k++) {
                chars[k] = (char) (r.nextBoolean() ? 'a' + r.nextInt(26) : r.nextInt(0x10000));
            }
            String s = new String(chars);
            int end = CharCodec.write(s, b, 7);
            assertEquals(CharCodec.encodedLength(s), end - 7);
            assertEquals(SpilledVisitors.hash(s), SpilledVisitors.hash(b, 7), s);
            assertEquals(s, CharCodec.read(b, 7));
        }
    }

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
        ForgottenVisitors f = randomUseAgreesWithAMapOfSummaries(1L << 40);
        assertEquals(0, f.runsWritten(), "all in memory");
    }

    /** With a small budget: most visitors go to disk, through many runs and merges (1 byte: one visitor a run). */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(longs = {1, 300_000, 600_000})
    void visitorsOnDiskAgreeWithAMapOfSummaries(long budgetBytes) {
        ForgottenVisitors f = randomUseAgreesWithAMapOfSummaries(budgetBytes);
        assertTrue(f.runsWritten() > 10, "runs written: " + f.runsWritten());
        f.clear();
        assertEquals(0, f.runsOnDisk());
        assertNull(f.remove(RandomStreams.visitorId(new SplittableRandom(1), 1)));
    }

    @Test
    void oddIdsNamesAndPagesSurviveTheDisk() {
        ForgottenVisitors f = new ForgottenVisitors(100);
        String[] ids = {"b", "a", "\u00e9t\u00e9", "\ud83d\ude00", "\ud800", "x".repeat(70_000), "a,b\"c\n", "\u0000"};
        Map<String, Event> ref = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            String page = i % 3 == 0 ? null : ids[(i + 1) % ids.length];
            String name = i % 4 == 1 ? null : "n\u00fc" + ids[(i + 2) % ids.length];
            Event e = event(-5_000L + i * 1_000_000_007L, ids[i], EventType.values()[i % EventType.values().length], name, page);
            f.put(e);
            ref.put(ids[i], SessionAccumulator.summary(e));
        }
        assertTrue(f.runsOnDisk() > 0);
        for (String id : ids) {
            assertEquals(RandomStreams.summary(ref.get(id)), RandomStreams.summary(f.remove(new String(id))), id.length() > 20 ? "long id" : id);
            assertNull(f.remove(id));
        }
        assertEquals(0, f.size());
    }

    /**
     * With hashes that collide: ids then share sort keys (blocks longer than their 32 records), Bloom bits and whole
     * hashes, and only the ids tell visitors apart on disk and in merges.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"constant, 1", "constant, 70000", "length, 1", "length, 70000",
            "sameKey, 1", "sameKey, 70000"})
    void collidingHashesChangeNothing(String kind, long budgetBytes) {
        java.util.function.LongUnaryOperator weaken;
        switch (kind) {
            case "constant":
                weaken = h -> 42;
                break;
            case "length":
                weaken = h -> h & 7; // 8 values
                break;
            default:
                weaken = h -> (h & ~SpilledVisitors.KEY_MASK) | (0x5L << 40); // one key, many hashes
                break;
        }
        ForgottenVisitors.IdHash hash = new ForgottenVisitors.IdHash() {
            @Override
            public long of(String id) {
                return weaken.applyAsLong(SpilledVisitors.hash(id));
            }

            @Override
            public long of(byte[] encoded, int at) {
                return weaken.applyAsLong(SpilledVisitors.hash(encoded, at));
            }
        };
        ForgottenVisitors f = randomUseAgreesWithAMapOfSummaries(budgetBytes, hash, 8_000, 1_500);
        assertTrue(f.runsWritten() > 5, "runs written: " + f.runsWritten());
    }

    /** After every call, what the budget counts is within it, unless the runs' filters alone fill it (memory then empty). */
    @Test
    void memoryStaysWithinTheBudget() {
        long budget = 200_000;
        ForgottenVisitors f = new ForgottenVisitors(budget);
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 40_000; i++) {
            String visitor = "visitor-" + r.nextInt(30_000);
            if (r.nextInt(4) == 0) {
                f.remove(visitor);
            } else {
                f.put(event(i, visitor, EventType.PAGEVIEW, "pageview", "/p/" + r.nextInt(500)));
            }
            assertTrue(f.memoryBytes() <= budget || f.entriesInMemory() == 0, "after " + i + ": " + f.memoryBytes());
        }
        assertTrue(f.runsWritten() > 5, "runs written: " + f.runsWritten());
    }

    /** The budget counts the triples' strings: unique long pages fill it. */
    @Test
    void pagesCountInTheBudget() {
        ForgottenVisitors f = new ForgottenVisitors(1 << 20);
        for (int i = 0; i < 2_000; i++) {
            f.put(event(i, "v" + i, EventType.PAGEVIEW, "pageview", "/p/" + "x".repeat(1_000) + i));
        }
        assertTrue(f.runsWritten() > 0, "2,000 pages of 1,000 chars do not fit in 1 MB");
        for (int i = 0; i < 2_000; i++) {
            assertEquals("/p/" + "x".repeat(1_000) + i, f.remove("v" + i).page());
        }
    }

    private static ForgottenVisitors randomUseAgreesWithAMapOfSummaries(long budgetBytes) {
        boolean small = budgetBytes < 5_000;
        return randomUseAgreesWithAMapOfSummaries(budgetBytes, ForgottenVisitors.IdHash.DEFAULT, small ? 20_000 : 150_000,
                small ? 2_000 : 20_000);
    }

    private static ForgottenVisitors randomUseAgreesWithAMapOfSummaries(long budgetBytes, ForgottenVisitors.IdHash hash, int ops,
            int visitors) {
        SplittableRandom r = new SplittableRandom(23 + budgetBytes);
        ForgottenVisitors f = new ForgottenVisitors(budgetBytes, hash);
        Map<String, Event> ref = new HashMap<>();
        EventType[] types = EventType.values();
        for (int i = 0; i < ops; i++) {
            int id = r.nextInt(visitors);
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
        return f;
    }
}

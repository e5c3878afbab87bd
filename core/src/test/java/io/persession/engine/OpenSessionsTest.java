package io.persession.engine;

import io.persession.spi.Event;
import io.persession.spi.SessionDefinition;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link OpenSessions} against what it replaces: a {@code LinkedHashMap} in access order. */
class OpenSessionsTest {

    private static SessionAccumulator session(String visitor, long ts) {
        return new SessionAccumulator(Event.builder(ts, visitor).build(), SessionDefinition.FIRST, null);
    }

    /** Ids made of "Aa" and "BB" blocks all share one {@code hashCode}: only the ids tell them apart. */
    private static String collidingId(int n) {
        StringBuilder b = new StringBuilder();
        for (int bit = 0; bit < 12; bit++) {
            b.append((n >>> bit & 1) == 0 ? "Aa" : "BB");
        }
        return b.toString();
    }

    @Test
    void behavesLikeAnAccessOrderedMap() {
        randomUse(new SplittableRandom(1), 5_000, 200_000, false);
    }

    @Test
    void behavesLikeAnAccessOrderedMapWithCollidingHashes() {
        randomUse(new SplittableRandom(2), 300, 40_000, true);
    }

    @Test
    void manyTouchesOfFewSessionsKeepTheQueueSmall() {
        OpenSessions open = new OpenSessions();
        SessionAccumulator only = session("v", 0);
        open.insert(open.find("v"), only);
        for (int i = 0; i < 1_000_000; i++) {
            open.touched(only);
        }
        assertSame(only, open.oldest());
        List<SessionAccumulator> all = new ArrayList<>();
        open.forEach(all::add);
        assertEquals(List.of(only), all);
        assertTrue(open.queuedForTests() <= 2 * 4096 + 2, "entries queued: " + open.queuedForTests());
    }

    private static void randomUse(SplittableRandom random, int visitors, int steps, boolean colliding) {
        OpenSessions open = new OpenSessions();
        Map<String, SessionAccumulator> expected = new LinkedHashMap<>(16, 0.75f, true);
        for (int step = 0; step < steps; step++) {
            int n = random.nextInt(visitors);
            // a fresh string each time, as the reader makes them: equal ids are not the same instance
            String visitor = colliding ? collidingId(n) : new String("v" + n);
            int op = random.nextInt(100);
            if (op < 70) {
                int slot = open.find(visitor);
                SessionAccumulator reference = expected.get(visitor);
                if (reference == null) {
                    assertTrue(slot < 0, visitor);
                    SessionAccumulator s = session(visitor, step);
                    open.insert(slot, s);
                    expected.put(visitor, s);
                } else {
                    assertSame(reference, open.at(slot));
                    if (random.nextBoolean()) {
                        open.touched(reference);
                    } else {
                        SessionAccumulator s = session(visitor, step);
                        open.replace(slot, s);
                        expected.put(visitor, s);
                    }
                }
            } else if (op < 85) {
                open.remove(visitor);
                expected.remove(visitor);
            } else if (op < 95) {
                SessionAccumulator oldest = open.oldest();
                if (expected.isEmpty()) {
                    assertNull(oldest);
                } else {
                    Map.Entry<String, SessionAccumulator> first = expected.entrySet().iterator().next();
                    assertSame(first.getValue(), oldest);
                    open.removeOldest();
                    expected.remove(first.getKey());
                }
            } else {
                List<SessionAccumulator> order = new ArrayList<>();
                open.forEach(order::add);
                assertEquals(new ArrayList<>(expected.values()), order);
            }
            assertEquals(expected.size(), open.size());
        }
        List<SessionAccumulator> order = new ArrayList<>();
        open.forEach(order::add);
        assertEquals(new ArrayList<>(expected.values()), order);
        for (SessionAccumulator s : order) {
            assertSame(s, open.at(open.find(new String(s.visitorId()))));
        }
    }
}

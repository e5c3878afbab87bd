package io.persession.engine;

import io.persession.spi.Event;
import io.persession.spi.Session;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On a sessionizer's stream (each visitor's first session before its others; a visitor's sessions taken back
 * all together), the count equals VisitorCounts' whenever a visitor's sessions are all handed on or all taken back.
 */
class FirstSessionVisitorsTest {
    @Test
    void countsAsAMapOfEveryVisitorDoes() {
        for (long seed = 1; seed <= 20; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            List<Event> events = TestData.generate(seed, 80, false);
            Map<String, List<Session>> byVisitor = new LinkedHashMap<>();
            for (Session s : Sessionizer.sessionize(TestRules.withLimit(), events)) {
                byVisitor.computeIfAbsent(s.visitorId(), k -> new ArrayList<>()).add(s);
            }
            FirstSessionVisitors first = new FirstSessionVisitors();
            VisitorCounts map = new VisitorCounts();
            Map<Session, Boolean> counted = new java.util.IdentityHashMap<>();
            int checked = 0;
            for (int round = 0; round < 3; round++) {
                // hand on every visitor's sessions (visitors interleaved, each visitor's in order), a share of them kept out
                List<List<Session>> queues = new ArrayList<>();
                for (List<Session> l : byVisitor.values()) {
                    queues.add(new ArrayList<>(l));
                }
                while (!queues.isEmpty()) {
                    int q = r.nextInt(queues.size());
                    Session s = queues.get(q).remove(0);
                    if (queues.get(q).isEmpty()) {
                        queues.remove(q);
                    }
                    boolean in = r.nextInt(4) != 0;
                    counted.put(s, in);
                    first.add(s, in, 1);
                    if (in) {
                        map.add(s.visitorId(), 1);
                    }
                    assertEquals(map.nonZero(), first.visitors(), "seed " + seed);
                    checked++;
                }
                // take back some visitors' sessions, in order (a regroup), and count them anew in the next round
                for (List<Session> l : byVisitor.values()) {
                    for (Session s : l) {
                        boolean in = counted.get(s);
                        first.add(s, in, -1);
                        if (in) {
                            map.add(s.visitorId(), -1);
                        }
                    }
                    // (between a visitor's first and last take-back the two may differ: the engine reads no count there)
                    assertEquals(map.nonZero(), first.visitors(), "seed " + seed + ", once a visitor's sessions are taken back");
                }
                assertEquals(0, first.visitors());
            }
            assertTrue(checked > 500, "sessions: " + checked);
        }
    }
}

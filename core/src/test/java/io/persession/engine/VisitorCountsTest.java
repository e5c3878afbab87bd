package io.persession.engine;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VisitorCountsTest {

    @Test
    void countsToZeroAndBack() {
        VisitorCounts c = new VisitorCounts();
        c.add("a", 1);
        c.add("a", 1);
        c.add("b", 1);
        assertEquals(2, c.nonZero());
        c.add("a", -1);
        assertEquals(2, c.nonZero());
        c.add("a", -1);
        assertEquals(1, c.nonZero(), "a is back at 0");
        assertEquals(0, c.count("a"));
        c.add("a", 1);
        assertEquals(2, c.nonZero(), "and counted again");
        c.add("c", -1);
        assertEquals(3, c.nonZero(), "a negative count is not 0, as in a map that drops entries at 0");
        c.add("c", 1);
        assertEquals(2, c.nonZero());
        assertEquals(0, c.count("never"));
    }

    @Test
    void randomUpsAndDownsAgreeWithAMapThatDropsZeros() {
        SplittableRandom r = new SplittableRandom(17);
        VisitorCounts c = new VisitorCounts();
        Map<String, int[]> ref = new HashMap<>();
        for (int i = 0; i < 400_000; i++) {
            int id = r.nextInt(30_000);
            String v = RandomStreams.visitorId(new SplittableRandom(id), id); // the same id for the same number
            int sign = r.nextInt(3) == 0 ? -1 : 1;
            c.add(v, sign);
            int[] n = ref.computeIfAbsent(v, k -> new int[1]);
            n[0] += sign;
            if (n[0] == 0) {
                ref.remove(v);
            }
            if (i % 1000 == 0) {
                assertEquals(ref.size(), c.nonZero());
                assertEquals(ref.containsKey(v) ? ref.get(v)[0] : 0, c.count(v));
            }
        }
        assertEquals(ref.size(), c.nonZero());
        ref.forEach((v, n) -> assertEquals(n[0], c.count(v), v));
    }
}

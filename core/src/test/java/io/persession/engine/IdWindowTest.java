package io.persession.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdWindowTest {
    /** The window's rules on plain collections: ids leave in arrival order, when too old or too many. */
    private static final class Reference {
        final long horizon;
        final int capacity;
        final Set<String> in = new HashSet<>();
        final ArrayDeque<Object[]> ring = new ArrayDeque<>();
        long latest = Long.MIN_VALUE;

        Reference(long horizon, int capacity) {
            this.horizon = horizon;
            this.capacity = capacity;
        }

        boolean addIfAbsent(String id, long time) {
            if (in.contains(id)) {
                return true;
            }
            in.add(id);
            latest = Math.max(latest, time);
            ring.add(new Object[] {id, time});
            while (ring.size() > capacity || (!ring.isEmpty() && (long) ring.peek()[1] < latest - horizon)) {
                in.remove((String) ring.poll()[0]);
            }
            return false;
        }
    }

    @Test
    void behavesAsTheReference() {
        for (long seed = 1; seed <= 6; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            long horizon = r.nextInt(4) * 1000L;
            int capacity = 1 + r.nextInt(5000);
            IdWindow w = new IdWindow(horizon, capacity);
            Reference ref = new Reference(horizon, capacity);
            long time = 0;
            for (int i = 0; i < 200_000; i++) {
                time += r.nextInt(3) - (r.nextInt(50) == 0 ? 500 : 0); // mostly forward, sometimes back
                String id = "id-" + r.nextInt(20_000);
                // a tenth of the ids share one fingerprint: only the exact comparison tells them apart; another tenth
                // share its high long but not the rest; the others have fingerprints of their own
                int h = id.hashCode();
                long hi = h % 10 == 0 || h % 10 == 1 ? 42 : h * 31L;
                long lo = h % 10 == 0 ? 7 : (long) h << 32 | id.length();
                assertEquals(ref.addIfAbsent(id, time), w.addIfAbsent(id, hi, lo, time), "seed " + seed + ", step " + i + ", " + id);
                assertEquals(ref.ring.size(), w.size());
            }
        }
    }

    @Test
    void aFullWindowForgetsTheOldest() {
        IdWindow w = new IdWindow(Long.MAX_VALUE / 4, 2);
        assertFalse(w.addIfAbsent("a", 1, 1, 0));
        assertFalse(w.addIfAbsent("b", 2, 2, 0));
        assertTrue(w.addIfAbsent("a", 1, 1, 0));
        assertFalse(w.addIfAbsent("c", 3, 3, 0));
        assertFalse(w.addIfAbsent("a", 1, 1, 0), "a left when c came");
    }
}

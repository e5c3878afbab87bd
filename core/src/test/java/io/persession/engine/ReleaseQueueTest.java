package io.persession.engine;

import io.persession.spi.Event;

import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReleaseQueueTest {
    private record Held(Event event, long seq) {
    }

    private static final Comparator<Held> ORDER =
            Comparator.comparingLong((Held h) -> h.event.timestampMillis()).thenComparingLong(Held::seq);

    @Test
    void releasesInTheOrderOfOnePriorityQueue() {
        for (int jitter : new int[] {0, 1, 5, 1_000}) {
            SplittableRandom r = new SplittableRandom(jitter + 1);
            ReleaseQueue q = new ReleaseQueue();
            PriorityQueue<Held> ref = new PriorityQueue<>(ORDER);
            long t = 0;
            long seq = 0;
            for (int i = 0; i < 200_000; i++) {
                if (r.nextInt(100) < 55) {
                    t += r.nextInt(3); // ties often
                    long ts = r.nextInt(10) == 0 ? t - r.nextInt(jitter + 1) : t; // some out of order
                    Event e = Event.builder(ts, "v").build();
                    seq++;
                    q.add(e, seq);
                    ref.add(new Held(e, seq));
                } else if (!ref.isEmpty()) {
                    assertEquals(ref.peek().event.timestampMillis(), q.peekMillis());
                    assertSame(ref.poll().event, q.poll());
                }
                assertEquals(ref.size(), q.size());
                assertEquals(ref.isEmpty(), q.isEmpty());
            }
            while (!ref.isEmpty()) {
                assertSame(ref.poll().event, q.poll());
            }
            assertTrue(q.isEmpty());
        }
    }

    @Test
    void ringGrowsAcrossItsWrapPoint() {
        ReleaseQueue q = new ReleaseQueue();
        long seq = 0;
        long next = 0;
        for (int round = 0; round < 10; round++) {
            for (int i = 0; i < 50 + round * 40; i++) {
                q.add(Event.builder(seq, "v").build(), ++seq);
            }
            for (int i = 0; i < 45; i++) {
                assertEquals(next++, q.poll().timestampMillis());
            }
        }
        while (!q.isEmpty()) {
            assertEquals(next++, q.poll().timestampMillis());
        }
        assertEquals(seq, next);
    }
}

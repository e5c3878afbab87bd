package io.persession.spark;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The read stage's hand-over from the reading thread to the task's iterator. */
class HandoffTest {
    @Test
    void everyItemInOrderAcrossBatches() {
        List<Integer> got = new ArrayList<>();
        try (Handoff<Integer> h = Handoff.start("test-producer", out -> {
            for (int i = 0; i < 10_000; i++) {
                out.accept(i);
            }
        })) {
            h.forEachRemaining(got::add);
        }
        assertEquals(10_000, got.size());
        for (int i = 0; i < got.size(); i++) {
            assertEquals(i, got.get(i));
        }
    }

    @Test
    void aFailureComesAfterTheItemsBeforeIt() {
        IOException broken = new IOException("broken file");
        List<Integer> got = new ArrayList<>();
        Handoff.Failure f;
        try (Handoff<Integer> h = Handoff.start("test-producer", out -> {
            for (int i = 0; i < 5_000; i++) {
                out.accept(i);
            }
            throw broken;
        })) {
            f = assertThrows(Handoff.Failure.class, () -> h.forEachRemaining(got::add));
        }
        assertSame(broken, f.getCause());
        assertEquals(5_000, got.size(), "every item produced before the failure");
    }

    @Test
    void closingStopsTheProducer() throws InterruptedException {
        Thread[] producer = new Thread[1];
        try (Handoff<Integer> h = Handoff.start("test-endless", out -> {
            producer[0] = Thread.currentThread();
            for (int i = 0; ; i++) {
                out.accept(i);
            }
        })) {
            assertTrue(h.hasNext());
            assertEquals(0, h.next());
        }
        producer[0].join(2_000);
        assertFalse(producer[0].isAlive(), "the producer ended when the consumer closed");
    }
}

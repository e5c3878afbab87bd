package io.persession.engine;

import io.persession.spi.EventType;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EventShapesTest {

    @Test
    void equalTriplesShareANumberWhileInUse() {
        EventShapes shapes = new EventShapes();
        String page = "/home";
        int a = shapes.acquire(EventType.PAGEVIEW, "pageview", page);
        assertEquals(a, shapes.acquire(EventType.PAGEVIEW, new String("pageview"), new String(page)));
        assertNotEquals(a, shapes.acquire(EventType.OTHER, "pageview", page), "another type");
        assertNotEquals(a, shapes.acquire(EventType.PAGEVIEW, "pageview", null), "no page");
        assertNotEquals(a, shapes.acquire(EventType.PAGEVIEW, "view", page), "another name");
        assertEquals(4, shapes.size());
        assertSame(page, shapes.page(a), "the first instance is kept");
        assertEquals(EventType.PAGEVIEW, shapes.type(a));
        assertEquals("pageview", shapes.name(a));
        shapes.release(a);
        assertEquals(4, shapes.size(), "one use left");
        shapes.release(a);
        assertEquals(3, shapes.size());
        assertNull(shapes.page(a), "dropped");
        assertThrows(IllegalStateException.class, () -> shapes.release(a));
        int again = shapes.acquire(EventType.REFUND, "refund", "/x");
        assertEquals(a, again, "the freed number is reused");
    }

    @Test
    void randomUseAgreesWithACountedMapAndStaysSmall() {
        SplittableRandom r = new SplittableRandom(5);
        EventShapes shapes = new EventShapes();
        Map<List<Object>, Integer> uses = new HashMap<>();
        Map<List<Object>, Integer> numbers = new HashMap<>();
        Map<Integer, List<Object>> byNumber = new HashMap<>();
        List<List<Object>> held = new ArrayList<>();
        List<Integer> heldNumbers = new ArrayList<>();
        EventType[] types = EventType.values();
        for (int i = 0; i < 300_000; i++) {
            if (held.isEmpty() || r.nextInt(100) < 52 && held.size() < 5_000) {
                EventType t = types[r.nextInt(types.length)];
                String name = "n" + r.nextInt(4);
                int p = r.nextInt(3_000);
                // colliding pages ("Aa"/"BB" blocks) and unique ones
                String page = p == 0 ? null : p < 100 ? RandomStreams.colliding(p) : "/p" + (p < 500 ? p : i);
                List<Object> key = java.util.Arrays.asList(t, name, page);
                int n = shapes.acquire(t, name, page);
                Integer known = numbers.get(key);
                if (known != null) {
                    assertEquals(known, n, key.toString());
                } else {
                    assertNull(byNumber.put(n, key), "a number in use for another triple");
                    numbers.put(key, n);
                }
                uses.merge(key, 1, Integer::sum);
                held.add(key);
                heldNumbers.add(n);
            } else {
                int k = r.nextInt(held.size());
                List<Object> key = held.get(k);
                int n = heldNumbers.get(k);
                held.set(k, held.get(held.size() - 1));
                heldNumbers.set(k, heldNumbers.get(heldNumbers.size() - 1));
                held.remove(held.size() - 1);
                heldNumbers.remove(heldNumbers.size() - 1);
                assertEquals(key.get(0), shapes.type(n));
                assertEquals(key.get(1), shapes.name(n));
                assertEquals(key.get(2), shapes.page(n));
                shapes.release(n);
                if (uses.merge(key, -1, Integer::sum) == 0) {
                    uses.remove(key);
                    byNumber.remove(numbers.remove(key));
                }
            }
            assertEquals(uses.size(), shapes.size());
        }
        for (int k = 0; k < held.size(); k++) {
            shapes.release(heldNumbers.get(k));
        }
        assertEquals(0, shapes.size());
    }
}

package io.persession.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StringTableTest {

    @Test
    void findsWhatWasAddedAndNothingElse() {
        StringTable t = new StringTable(4);
        assertEquals(-1, t.find("a"));
        int a = t.add("a");
        int b = t.add("b");
        assertNotEquals(a, b);
        assertEquals(a, t.add(new String("a")), "equal, not the same instance");
        assertEquals(2, t.size());
        assertEquals(b, t.find("b"));
        assertEquals(-1, t.find("c"));
        assertEquals(-1, t.find("ab"));
        assertEquals(-1, t.find(""));
        int empty = t.add("");
        assertEquals(empty, t.find(""));
        assertEquals(3, t.size());
        assertEquals("a", t.key(a));
        assertEquals("", t.key(empty));
    }

    @Test
    void payloadsStartAtZeroAndKeepWhatIsStored() {
        StringTable t = new StringTable(12);
        int a = t.add("a");
        int b = t.add("bb");
        assertEquals(0L, t.getLong(a, 0));
        assertEquals(0, t.getInt(a, 8));
        t.setLong(a, 0, Long.MIN_VALUE + 7);
        t.setInt(a, 8, -3);
        t.setLong(b, 0, -1L);
        t.setInt(b, 8, Integer.MAX_VALUE);
        for (int i = 0; i < 10_000; i++) {
            t.add("grow-" + i); // rehashes: addresses and payloads stay
        }
        assertEquals(a, t.find("a"));
        assertEquals(Long.MIN_VALUE + 7, t.getLong(a, 0));
        assertEquals(-3, t.getInt(a, 8));
        assertEquals(-1L, t.getLong(b, 0));
        assertEquals(Integer.MAX_VALUE, t.getInt(b, 8));
        assertEquals("bb", t.key(b), "the payload does not touch the key");
        assertThrows(IndexOutOfBoundsException.class, () -> t.getInt(a, 9));
        assertThrows(IndexOutOfBoundsException.class, () -> t.setLong(a, 5, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> t.getInt(a, -1));
    }

    @Test
    void growsThroughManyRehashesAndKeepsEveryEntry() {
        StringTable t = new StringTable(4);
        int n = 300_000;
        int[] addresses = new int[n];
        for (int i = 0; i < n; i++) {
            addresses[i] = t.add("visitor-" + i);
            t.setInt(addresses[i], 0, i);
        }
        assertEquals(n, t.size());
        for (int i = 0; i < n; i++) {
            assertEquals(addresses[i], t.find("visitor-" + i));
            assertEquals(addresses[i], t.add("visitor-" + i));
            assertEquals(i, t.getInt(addresses[i], 0));
        }
        for (int i = 0; i < 1000; i++) {
            assertEquals(-1, t.find("visitor-" + (n + i)));
            assertEquals(-1, t.find("Visitor-" + i));
        }
        assertEquals("visitor-123456", t.key(addresses[123_456]));
        assertEquals(n, t.size());
    }

    /** The table grows by half, not twice over: past its first growths, between half and three quarters of its slots are used. */
    @Test
    void theTableGrowsByHalfAndStaysHalfToThreeQuartersFull() {
        StringTable t = new StringTable(4);
        int growths = 0;
        int slots = t.slots();
        for (int i = 0; i < 200_000; i++) {
            t.add("v" + i);
            double load = (double) t.size() / t.slots();
            assertTrue(load <= 0.75, "load " + load + " at " + t.size());
            if (t.slots() != slots) {
                assertEquals(slots + slots / 2, t.slots(), "grown by half at " + t.size());
                slots = t.slots();
                growths++;
            }
            if (t.size() > 100) {
                assertTrue(load > 0.5, "load " + load + " at " + t.size());
            }
        }
        assertTrue(growths > 20, growths + " growths");
    }

    @Test
    void keepsAnyStringExactly() {
        List<String> keys = List.of("ü", "straße", "深圳", "\uD83D\uDE00", "\uD800", "\uDC00", "a\uD800b", "\uDBFF\uDFFF",
                "\u007F", "\u0080", "\u07FF", "\u0800", "\uFFFF", "\u0000", "\u0000\u0000", "x".repeat(127), "x".repeat(128),
                "x".repeat(16_383), "x".repeat(16_384), "é".repeat(70_000), "\uD800".repeat(5), "?", "??");
        StringTable t = new StringTable(8);
        List<Integer> addresses = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            int address = t.add(keys.get(i));
            t.setLong(address, 0, i);
            addresses.add(address);
        }
        assertEquals(keys.size(), new HashSet<>(addresses).size());
        for (int i = 0; i < keys.size(); i++) {
            int address = t.find(new String(keys.get(i).toCharArray()));
            assertEquals(addresses.get(i), address, keys.get(i));
            assertEquals(keys.get(i), t.key(address));
            assertEquals(i, t.getLong(address, 0));
        }
        // a lone surrogate is not '?' (as String.getBytes(UTF_8) would make it)
        assertNotEquals(t.find("\uD800"), t.find("?"));
    }

    @Test
    void longStringsAndChunkEnds() {
        StringTable t = new StringTable(12);
        SplittableRandom r = new SplittableRandom(3);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            StringBuilder b = new StringBuilder();
            // around a chunk (64 KiB) and smaller, so entries end at and run up to chunk ends
            int length = i % 10 == 0 ? 21_800 + r.nextInt(200) : i % 10 == 1 ? 65_530 + r.nextInt(12) : r.nextInt(3_000);
            for (int k = 0; k < length; k++) {
                b.append((char) (i % 10 == 0 ? r.nextInt(0x800, 0x10000) : r.nextBoolean() ? 'a' + r.nextInt(26) : r.nextInt(0x10000)));
            }
            keys.add(b.toString());
        }
        Map<String, Integer> expected = new HashMap<>();
        List<Integer> added = new ArrayList<>();
        for (String k : keys) {
            int address = t.add(k);
            added.add(address);
            t.setLong(address, 4, k.hashCode() * 7L);
            Integer before = expected.putIfAbsent(k, address);
            assertEquals(before == null ? address : before, address);
        }
        for (String k : keys) {
            int address = t.find(k);
            assertEquals(expected.get(k), address);
            assertEquals(k, t.key(address));
            assertEquals(k.hashCode() * 7L, t.getLong(address, 4));
            String other = k + "z"; // one char more at the very end: another string
            assertEquals(expected.getOrDefault(other, -1), t.find(other));
        }
        assertEquals(expected.size(), t.size());
        assertWalksInTheOrderAdded(t, new ArrayList<>(new java.util.LinkedHashSet<>(added)));
    }

    @Test
    void stringsLongerThanAChunkFirstInARowAndBetweenShortOnes() {
        StringTable t = new StringTable(8);
        List<String> keys = List.of("y".repeat(70_000), "z".repeat(65_536), "a", "é".repeat(30_000), "b",
                "x".repeat(65_536 - 8 - 3), "x".repeat(65_536 - 8 - 3 + 1), "c");
        List<Integer> addresses = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            int address = t.add(keys.get(i));
            t.setLong(address, 0, -i);
            addresses.add(address);
        }
        assertEquals(keys.size(), new HashSet<>(addresses).size());
        for (int i = 0; i < keys.size(); i++) {
            assertEquals(addresses.get(i), t.find(keys.get(i)));
            assertEquals(keys.get(i), t.key(addresses.get(i)));
            assertEquals(-i, t.getLong(addresses.get(i), 0));
        }
        assertWalksInTheOrderAdded(t, addresses);
    }

    @Test
    void stringsWithTheSameHashCodeStayApart() {
        StringTable t = new StringTable(4);
        int n = 4096; // 4096 strings of 12 "Aa"/"BB" blocks: one hash code
        int hash = RandomStreams.colliding(0).hashCode();
        for (int i = 0; i < n; i++) {
            String s = RandomStreams.colliding(i);
            assertEquals(hash, s.hashCode());
            t.setInt(t.add(s), 0, i);
        }
        assertEquals(n, t.size());
        for (int i = 0; i < n; i++) {
            int address = t.find(RandomStreams.colliding(i));
            assertEquals(i, t.getInt(address, 0));
            assertEquals(RandomStreams.colliding(i), t.key(address));
        }
        assertEquals(-1, t.find("c" + "Aa".repeat(11) + "Ab"));
        assertEquals(-1, t.find("c" + "Aa".repeat(13)));
    }

    @Test
    void clearStartsAgain() {
        StringTable t = new StringTable(4);
        for (int i = 0; i < 1000; i++) {
            t.setInt(t.add("k" + i), 0, 5);
        }
        t.clear();
        assertEquals(0, t.size());
        assertEquals(-1, t.find("k1"));
        int address = t.add("k999");
        assertEquals("k999", t.key(address));
        assertEquals(0, t.getInt(address, 0), "a fresh payload");
        assertWalksInTheOrderAdded(t, List.of(address));
        t.clear();
        assertWalksInTheOrderAdded(t, List.of());
    }

    /** {@link StringTable#forEach} hands over each entry once, in the order added, which is the order of addresses. */
    private static void assertWalksInTheOrderAdded(StringTable t, List<Integer> added) {
        List<Integer> walked = new ArrayList<>();
        t.forEach(walked::add);
        assertEquals(added, walked);
        for (int i = 1; i < walked.size(); i++) {
            assertTrue(walked.get(i - 1) < walked.get(i), "addresses grow");
        }
    }

    @Test
    void randomOperationsAgreeWithAHashMap() {
        SplittableRandom r = new SplittableRandom(11);
        StringTable t = new StringTable(4);
        Map<String, Integer> ref = new HashMap<>();
        for (int i = 0; i < 200_000; i++) {
            int id = r.nextInt(50_000);
            String s = RandomStreams.visitorId(new SplittableRandom(id), id);
            if (r.nextBoolean()) {
                int address = t.add(s);
                t.setInt(address, 0, t.getInt(address, 0) + 1);
                ref.merge(s, 1, Integer::sum);
            } else {
                int address = t.find(s);
                assertEquals(ref.containsKey(s), address >= 0, s);
                if (address >= 0) {
                    assertEquals(ref.get(s), t.getInt(address, 0));
                }
            }
        }
        assertEquals(ref.size(), t.size());
        assertTrue(t.size() > 10_000);
    }
}

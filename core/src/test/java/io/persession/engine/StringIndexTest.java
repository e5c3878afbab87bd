package io.persession.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StringIndexTest {

    @Test
    void numbersDistinctStringsInOrderAndFindsThemAgain() {
        StringIndex index = new StringIndex();
        assertEquals(-1, index.find("a"));
        assertEquals(0, index.add("a"));
        assertEquals(1, index.add("b"));
        assertEquals(0, index.add(new String("a")), "equal, not the same instance");
        assertEquals(2, index.size());
        assertEquals(1, index.find("b"));
        assertEquals(-1, index.find("c"));
        assertEquals(-1, index.find("ab"));
        assertEquals(-1, index.find(""));
        assertEquals(2, index.add(""));
        assertEquals(2, index.find(""));
        assertEquals("a", index.key(0));
        assertEquals("", index.key(2));
        assertThrows(IndexOutOfBoundsException.class, () -> index.key(3));
    }

    @Test
    void growsThroughManyRehashesAndKeepsEveryNumber() {
        StringIndex index = new StringIndex();
        int n = 300_000;
        for (int i = 0; i < n; i++) {
            assertEquals(i, index.add("visitor-" + i));
        }
        assertEquals(n, index.size());
        for (int i = 0; i < n; i++) {
            assertEquals(i, index.find("visitor-" + i));
            assertEquals(i, index.add("visitor-" + i));
        }
        for (int i = 0; i < 1000; i++) {
            assertEquals(-1, index.find("visitor-" + (n + i)));
            assertEquals(-1, index.find("Visitor-" + i));
        }
        assertEquals("visitor-123456", index.key(123_456));
        assertEquals(n, index.size());
    }

    @Test
    void keepsAnyStringExactly() {
        List<String> keys = List.of("ü", "straße", "深圳", "\uD83D\uDE00", "\uD800", "\uDC00", "a\uD800b", "\uDBFF\uDFFF",
                "\u007F", "\u0080", "\u07FF", "\u0800", "\uFFFF", "\u0000", "\u0000\u0000", "x".repeat(127), "x".repeat(128),
                "é".repeat(70_000), "\uD800".repeat(5), "?", "??");
        StringIndex index = new StringIndex();
        for (int i = 0; i < keys.size(); i++) {
            assertEquals(i, index.add(keys.get(i)), keys.get(i));
        }
        for (int i = 0; i < keys.size(); i++) {
            assertEquals(i, index.find(new String(keys.get(i).toCharArray())));
            assertEquals(keys.get(i), index.key(i));
        }
        // a lone surrogate is not '?' (as String.getBytes(UTF_8) would make it)
        assertNotEquals(index.find("\uD800"), index.find("?"));
    }

    @Test
    void longStringsRunAcrossChunks() {
        StringIndex index = new StringIndex();
        SplittableRandom r = new SplittableRandom(3);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            StringBuilder b = new StringBuilder();
            int length = r.nextInt(40_000);
            for (int k = 0; k < length; k++) {
                b.append((char) (r.nextBoolean() ? 'a' + r.nextInt(26) : r.nextInt(0x10000)));
            }
            keys.add(b.toString());
        }
        Map<String, Integer> expected = new HashMap<>();
        for (String k : keys) {
            expected.putIfAbsent(k, expected.size());
            assertEquals(expected.get(k), index.add(k));
        }
        for (String k : keys) {
            int n = index.find(k);
            assertEquals(expected.get(k), n);
            assertEquals(k, index.key(n));
            // one char off at the very end: another string
            String other = k + "z";
            assertEquals(expected.containsKey(other) ? expected.get(other) : -1, index.find(other));
        }
    }

    @Test
    void stringsWithTheSameHashCodeStayApart() {
        StringIndex index = new StringIndex();
        int n = 4096; // 4096 strings of 12 "Aa"/"BB" blocks: one hash code
        int hash = RandomStreams.colliding(0).hashCode();
        for (int i = 0; i < n; i++) {
            String s = RandomStreams.colliding(i);
            assertEquals(hash, s.hashCode());
            assertEquals(i, index.add(s));
        }
        for (int i = 0; i < n; i++) {
            assertEquals(i, index.find(RandomStreams.colliding(i)));
            assertEquals(RandomStreams.colliding(i), index.key(i));
        }
        assertEquals(-1, index.find("c" + "Aa".repeat(11) + "Ab"));
        assertEquals(n, index.size());
    }

    @Test
    void clearStartsAgain() {
        StringIndex index = new StringIndex();
        for (int i = 0; i < 1000; i++) {
            index.add("k" + i);
        }
        index.clear();
        assertEquals(0, index.size());
        assertEquals(-1, index.find("k1"));
        assertEquals(0, index.add("k999"));
        assertEquals("k999", index.key(0));
    }

    @Test
    void randomOperationsAgreeWithAHashMap() {
        SplittableRandom r = new SplittableRandom(11);
        StringIndex index = new StringIndex();
        Map<String, Integer> ref = new HashMap<>();
        for (int i = 0; i < 200_000; i++) {
            String s = RandomStreams.visitorId(r, r.nextInt(50_000));
            if (r.nextBoolean()) {
                Integer want = ref.putIfAbsent(s, ref.size());
                assertEquals(want == null ? ref.size() - 1 : want, index.add(s));
            } else {
                assertEquals(ref.getOrDefault(s, -1), index.find(s));
            }
        }
        assertEquals(ref.size(), index.size());
    }
}

package io.persession.engine;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventIdLogTest {
    @Test
    void findsEveryRepeatAcrossMemoryAndFiles() throws Exception {
        SplittableRandom r = new SplittableRandom(5);
        List<String> ids = new ArrayList<>();
        TreeSet<Long> expected = new TreeSet<>();
        Map<String, Long> first = new HashMap<>();
        Path dir;
        try (EventIdLog log = new EventIdLog()) {
            for (long position = 1; position <= 400_000; position++) {
                String id;
                if (!ids.isEmpty() && r.nextInt(50) == 0) {
                    id = ids.get(r.nextInt(ids.size())); // a repeat, near or far
                } else {
                    // short, long, non-ASCII and near-identical ids
                    id = switch (r.nextInt(4)) {
                        case 0 -> Long.toString(position);
                        case 1 -> "évènement-" + position + "-" + "x".repeat(r.nextInt(40));
                        case 2 -> "id" + position + "\u0000";
                        default -> java.util.UUID.nameUUIDFromBytes(Long.toString(position).getBytes()).toString();
                    };
                    ids.add(id);
                }
                if (first.putIfAbsent(id, position) != null) {
                    expected.add(position);
                }
                add(log, id, position);
            }
            dir = log.directory();
            assertNotNull(dir, "400,000 ids do not all stay in memory");
            assertTrue(Files.isDirectory(dir));
            TreeSet<Long> got = new TreeSet<>();
            log.firstOccurrences(p -> assertTrue(got.add(p), "each repeat once: " + p));
            assertTrue(expected.size() > 5_000, "repeats: " + expected.size());
            assertEquals(expected, got);
        }
        assertFalse(Files.exists(dir), "close removes the files");
    }

    @Test
    void smallLogsStayInMemory() {
        try (EventIdLog log = new EventIdLog()) {
            add(log, "a", 1);
            add(log, "b", 2);
            add(log, "a", 3);
            add(log, "", 4);
            add(log, "", 5);
            List<Long> got = new ArrayList<>();
            log.firstOccurrences(got::add);
            got.sort(null);
            assertEquals(List.of(3L, 5L), got);
            assertNull(log.directory());
        }
    }

    @Test
    void aPartitionTooLargeForMemoryIsTakenInRounds() {
        SplittableRandom r = new SplittableRandom(9);
        TreeSet<Long> expected = new TreeSet<>();
        Map<String, Long> first = new HashMap<>();
        try (EventIdLog log = new EventIdLog()) {
            for (long position = 1; position <= 300_000; position++) {
                String id = "e" + r.nextInt(250_000);
                if (first.putIfAbsent(id, position) != null) {
                    expected.add(position);
                }
                add(log, id, position);
            }
            for (int max : new int[] {1 << 21, 3000, 500, 1}) {
                TreeSet<Long> got = new TreeSet<>();
                log.firstOccurrences(p -> assertTrue(got.add(p), "each repeat once: " + p), max);
                assertEquals(expected, got, "at most " + max + " records in memory");
            }
        }
    }

    /** Logs {@code id} by its fingerprint, as the de-duplication does. */
    private static void add(EventIdLog log, String id, long position) {
        IdFingerprint f = new IdFingerprint();
        f.of(id);
        log.add(f.hi(), f.lo(), position);
    }
}

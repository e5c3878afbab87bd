package io.persession.definitions;

import io.persession.spi.Event;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link MidnightRule}'s remembered day boundaries give exactly the local dates of plain java.time
 * ({@link ZonedDateTime#ofInstant}), for random instants and pairs of instants and for the instants
 * around every offset transition and every local midnight, in zones with daylight saving, odd
 * offsets, date-line changes and days that do not start at 00:00.
 */
@DisplayName("MidnightRule: the same dates as java.time")
class MidnightRuleExactTest {
    private static final long DAY = 86_400_000L;
    private static final long Y1900 = Instant.parse("1900-01-01T00:00:00Z").toEpochMilli();
    private static final long Y2100 = Instant.parse("2100-01-01T00:00:00Z").toEpochMilli();
    private static final String[] ZONES = {"Europe/Berlin", "America/Los_Angeles", "Europe/Paris", "America/New_York",
        "Asia/Kolkata", "Asia/Kathmandu", "Australia/Lord_Howe", "Australia/Adelaide", "Pacific/Chatham", "Pacific/Apia",
        "Pacific/Kiritimati", "Pacific/Tongatapu", "America/Havana", "America/Sao_Paulo", "America/Santiago",
        "America/St_Johns", "Asia/Tehran", "Asia/Gaza", "Africa/Casablanca", "Europe/Dublin", "Antarctica/Troll",
        "Europe/Amsterdam", "Asia/Beirut", "America/Asuncion", "UTC", "Etc/GMT+12", "Etc/GMT-14", "+05:30", "-09:30"};

    static String[] zones() {
        return ZONES.clone();
    }

    /** The local date of {@code millis} in {@code zone}, as java.time computes it. */
    private static long plainLocalDay(long millis, ZoneId zone) {
        return ZonedDateTime.ofInstant(Instant.ofEpochMilli(millis), zone).toLocalDate().toEpochDay();
    }

    private static boolean plainDecision(long last, long next, ZoneId zone) {
        return plainLocalDay(last, zone) != plainLocalDay(next, zone);
    }

    private static boolean ruleDecision(MidnightRule rule, long last, long next) {
        return rule.startsNewSession(new ReferralRuleCacheTest.Open(pv(last), pv(last)), pv(next));
    }

    private static Event pv(long t) {
        return Event.builder(t, "v").build();
    }

    /**
     * Instants worth checking in {@code zone} between 1900 and 2100: every offset transition and
     * every local midnight near one, each with its neighbours (one millisecond and one second off).
     */
    private static List<Long> critical(ZoneId zone) {
        ZoneRules rules = zone.getRules();
        TreeSet<Long> points = new TreeSet<>();
        ZoneOffsetTransition tr = rules.nextTransition(Instant.ofEpochMilli(Y1900));
        while (tr != null && tr.toEpochSecond() * 1000 < Y2100) {
            long t = tr.toEpochSecond() * 1000;
            points.add(t);
            LocalDate date = tr.getDateTimeBefore().toLocalDate();
            for (LocalDate d = date.minusDays(1); !d.isAfter(date.plusDays(2)); d = d.plusDays(1)) {
                points.add(d.atStartOfDay(zone).toInstant().toEpochMilli());
            }
            tr = rules.nextTransition(tr.getInstant());
        }
        List<Long> out = new ArrayList<>();
        for (long p : points) {
            for (long delta : new long[] {-1000, -1, 0, 1, 999, 1000}) {
                out.add(p + delta);
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("zones")
    @DisplayName("100,000 random pairs, sequences through 2026 and every transition and midnight near one, 1900-2100")
    void sameAsJavaTime(String id) {
        ZoneId zone = ZoneId.of(id);
        MidnightRule rule = new MidnightRule(zone);
        Random r = new Random(id.hashCode());
        int splits = 0;
        // random pairs: any instant, the next one up to two days later
        for (int i = 0; i < 100_000; i++) {
            long last = Y1900 + (long) (r.nextDouble() * (Y2100 - Y1900));
            long next = last + (r.nextBoolean() ? r.nextInt(3_600_000) : (long) (r.nextDouble() * 2 * DAY));
            boolean expected = plainDecision(last, next, zone);
            assertEquals(expected, ruleDecision(rule, last, next), () -> zone + " " + Instant.ofEpochMilli(last) + " "
                    + Instant.ofEpochMilli(next));
            splits += expected ? 1 : 0;
        }
        assertTrue(splits > 10_000, "splits " + splits);
        // in time order, as the engine calls it: events minutes apart through 2025-2027
        long t = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();
        long end = Instant.parse("2027-06-01T00:00:00Z").toEpochMilli();
        while (t < end) {
            long next = t + 1 + r.nextInt(40 * 60_000);
            assertEquals(plainDecision(t, next, zone), ruleDecision(rule, t, next), zone + " " + Instant.ofEpochMilli(t));
            t = next;
        }
        // every instant near a transition or a midnight near one, and pairs of them
        List<Long> points = critical(zone);
        long previous = points.isEmpty() ? 0 : points.get(0);
        for (long p : points) {
            assertEquals(plainLocalDay(p, zone), rule.localEpochDay(p), () -> zone + " " + Instant.ofEpochMilli(p));
            if (p >= previous) {
                assertEquals(plainDecision(previous, p, zone), ruleDecision(rule, previous, p), zone + " " + p);
            }
            previous = p;
        }
    }

    @Test
    @DisplayName("every zone of the JDK: random instants and the instants around each transition, 1900-2100")
    void everyZone() {
        Random r = new Random(2026);
        int checked = 0;
        for (String id : new TreeSet<>(ZoneId.getAvailableZoneIds())) {
            ZoneId zone = ZoneId.of(id);
            MidnightRule rule = new MidnightRule(zone);
            for (int i = 0; i < 1_000; i++) {
                long t = Y1900 + (long) (r.nextDouble() * (Y2100 - Y1900));
                assertEquals(plainLocalDay(t, zone), rule.localEpochDay(t), () -> id + " " + Instant.ofEpochMilli(t));
            }
            for (long p : critical(zone)) {
                assertEquals(plainLocalDay(p, zone), rule.localEpochDay(p), () -> id + " " + Instant.ofEpochMilli(p));
                checked++;
            }
        }
        assertTrue(checked > 100_000, "checked " + checked);
    }

    @Test
    @DisplayName("days that start at 01:00 (Havana, Sao Paulo), the skipped day of Apia: dates as java.time, no extra midnight")
    void knownOddDays() {
        for (String[] c : new String[][] {{"America/Havana", "2026-03-08"}, {"America/Sao_Paulo", "2018-11-04"},
            {"Pacific/Apia", "2011-12-31"}, {"Asia/Beirut", "2026-03-29"}, {"America/Santiago", "2026-09-06"}}) {
            ZoneId zone = ZoneId.of(c[0]);
            MidnightRule rule = new MidnightRule(zone);
            long start = LocalDate.parse(c[1]).atStartOfDay(zone).toInstant().toEpochMilli();
            for (long t = start - DAY; t < start + DAY; t += 60_000) {
                assertEquals(plainLocalDay(t, zone), rule.localEpochDay(t), c[0] + " " + Instant.ofEpochMilli(t));
                assertEquals(plainDecision(start - 1, t, zone), ruleDecision(rule, start - 1, t));
            }
        }
        // Apia skipped 2011-12-30: the last minute of the 29th and the first of the 31st are one day apart
        ZoneId apia = ZoneId.of("Pacific/Apia");
        long midnight = LocalDate.parse("2011-12-31").atStartOfDay(apia).toInstant().toEpochMilli();
        assertEquals(LocalDate.parse("2011-12-29").toEpochDay(), new MidnightRule(apia).localEpochDay(midnight - 1));
        assertEquals(LocalDate.parse("2011-12-31").toEpochDay(), new MidnightRule(apia).localEpochDay(midnight));
    }

    @Test
    @DisplayName("instants far from today, up to Long.MIN_VALUE and Long.MAX_VALUE, as the uncached computation")
    void extremes() {
        for (String id : ZONES) {
            MidnightRule rule = new MidnightRule(ZoneId.of(id));
            for (long t : new long[] {Long.MIN_VALUE, Long.MIN_VALUE + 1, -(1L << 50) - 1, -(1L << 50), -(1L << 50) + 1,
                (1L << 50) - 1, 1L << 50, (1L << 50) + 1, Long.MAX_VALUE - 1, Long.MAX_VALUE, -1, 0, 1}) {
                assertEquals(rule.localEpochDayUncached(t), rule.localEpochDay(t), id + " " + t);
            }
            Random r = new Random(id.hashCode());
            for (int i = 0; i < 10_000; i++) {
                long t = r.nextLong() >> r.nextInt(64);
                assertEquals(rule.localEpochDayUncached(t), rule.localEpochDay(t), id + " " + t);
            }
        }
    }

    @Test
    @DisplayName("several threads on one rule, crossing many UTC days, get the single-threaded answers")
    void concurrent() throws Exception {
        ZoneId zone = ZoneId.of("Europe/Berlin");
        MidnightRule rule = new MidnightRule(zone);
        int n = 200_000;
        long[] last = new long[n];
        long[] next = new long[n];
        boolean[] expected = new boolean[n];
        Random r = new Random(11);
        long from = Instant.parse("2020-01-01T00:00:00Z").toEpochMilli();
        for (int i = 0; i < n; i++) {
            // about 3,600 UTC days: more than the rule's table holds, so slots are replaced while read
            last[i] = from + (long) (r.nextDouble() * 3_600 * DAY);
            next[i] = last[i] + r.nextInt((int) DAY);
            expected[i] = plainDecision(last[i], next[i], zone);
        }
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<boolean[]>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t * (n / threads);
                results.add(pool.submit(() -> {
                    boolean[] got = new boolean[n];
                    for (int k = 0; k < n; k++) {
                        int i = (k + offset) % n;
                        got[i] = ruleDecision(rule, last[i], next[i]);
                    }
                    return got;
                }));
            }
            for (Future<boolean[]> f : results) {
                assertArrayEquals(expected, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

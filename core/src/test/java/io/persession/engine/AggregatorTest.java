package io.persession.engine;

import io.persession.spi.BotClassifier;
import io.persession.spi.Event;
import io.persession.spi.EventType;
import io.persession.spi.Session;
import io.persession.spi.SessionDefinition;
import io.persession.spi.Totals;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import static io.persession.engine.TestData.BASE;
import static io.persession.engine.TestData.purchase;
import static io.persession.engine.TestData.pv;
import static io.persession.engine.TestRules.HOUR;
import static io.persession.engine.TestRules.MINUTE;
import static io.persession.engine.TestRules.def;
import static io.persession.engine.TestRules.login;
import static io.persession.engine.TestRules.timeout30;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AggregatorTest {
    private static final SessionDefinition T30 = def("t", login(), timeout30());
    private static final String BOT_UA = "Mozilla/5.0 (compatible; bingbot/2.0)";

    private static Event ev(long ts, String visitor, EventType type, long micros, String ua) {
        return Event.builder(ts, visitor).type(type).revenueMicros(micros).userAgent(ua).build();
    }

    /** Sessions of a small shop: two humans, two bot sessions. */
    private static List<Session> shop() {
        List<Event> events = List.of(
                ev(BASE, "h1", EventType.PAGEVIEW, 0, "Firefox"),
                ev(BASE + MINUTE, "h1", EventType.PAGEVIEW, 0, "Firefox"),
                ev(BASE + 2 * MINUTE, "h1", EventType.PURCHASE, 10_000_000, "Firefox"),
                ev(BASE + 3 * HOUR, "h1", EventType.PAGEVIEW, 0, "Firefox"),            // h1's 2nd session
                ev(BASE + 3 * HOUR + MINUTE, "h1", EventType.REFUND, 2_000_000, "Firefox"),
                ev(BASE + 10 * MINUTE, "h2", EventType.PAGEVIEW, 0, "Safari"),
                ev(BASE + 11 * MINUTE, "h2", EventType.AD_REQUEST, 100_000, "Safari"),
                ev(BASE + 11 * MINUTE, "h2", EventType.AD_IMPRESSION, 400_000, "Safari"),
                ev(BASE, "b1", EventType.PAGEVIEW, 0, BOT_UA),
                ev(BASE + 1, "b1", EventType.PAGEVIEW, 0, BOT_UA),
                ev(BASE + 2, "b1", EventType.AD_IMPRESSION, 500_000, BOT_UA),
                ev(BASE + 5 * HOUR, "b1", EventType.PURCHASE, 5_000_000, "Chrome"),       // b1's 2nd session: human UA
                ev(BASE + 7 * HOUR, "b2", EventType.PURCHASE, 3_000_000, "GoogleBot"),
                ev(BASE + 7 * HOUR + 1, "b2", EventType.PAGEVIEW, 0, "Chrome"));          // first event decides
        return Sessionizer.sessionize(T30, events);
    }

    private static Aggregator aggregate(List<BotClassifier> classifiers, boolean includeBots, List<Session> sessions) {
        Aggregator a = new Aggregator(classifiers, includeBots);
        sessions.forEach(a::sessionClosed);
        return a;
    }

    @Test
    void sumsCountsAndMoneyOfSessions() {
        Totals t = aggregate(List.of(), false, shop()).totals("EUR");
        assertEquals(6, t.sessions());
        assertEquals(4, t.visitors());
        assertEquals(14, t.events());
        assertEquals(7, t.pageviews());
        assertEquals(3, t.purchases());
        assertEquals(3, t.convertingSessions());
        assertEquals(1, t.refunds());
        assertEquals(1, t.adRequests());
        assertEquals(2, t.adImpressions());
        assertEquals(18_000_000, t.purchaseRevenueMicros());
        assertEquals(1_000_000, t.adRevenueMicros());
        assertEquals(2_000_000, t.refundMicros());
        assertEquals(17_000_000, t.revenueMicros(), "net: purchases + ads - refunds");
        assertEquals("EUR", t.currency());
    }

    @Test
    void moneyIsExact() {
        List<Event> events = new ArrayList<>();
        long[] cents = {10, 20, 30};
        for (int i = 0; i < 3; i++) {
            events.add(purchase(BASE + i * HOUR, "a", cents[i] * 10_000, "o" + i, "e" + i));
        }
        Totals t = aggregate(List.of(), false, Sessionizer.sessionize(T30, events)).totals("EUR");
        assertEquals(600_000, t.revenueMicros());
        assertEquals("0.60", Money.format(t.revenueMicros()));
        assertNotEquals(0.6, 0.1 + 0.2 + 0.3, "doubles would not be exact");
        assertEquals(new BigDecimal("0.200000"), StandardMetrics.REVENUE_PER_SESSION.compute(t).orElseThrow());
    }

    @Test
    void tenOverThreeSessionsIsRoundedHalfEvenToSixPlaces() {
        List<Event> events = List.of(purchase(BASE, "a", 10_000_000, "o1", "1"), pv(BASE + HOUR, "a", "2"), pv(BASE + 3 * HOUR, "b", "3"));
        Totals t = aggregate(List.of(), false, Sessionizer.sessionize(T30, events)).totals(null);
        assertEquals(3, t.sessions());
        assertEquals(new BigDecimal("3.333333"), StandardMetrics.REVENUE_PER_SESSION.compute(t).orElseThrow());
        assertEquals(new BigDecimal("3333.333333"), StandardMetrics.SESSION_RPM.compute(t).orElseThrow());
    }

    @Test
    void convertingSessionsCountSessionsWithAPurchaseOnce() {
        List<Event> events = List.of(
                purchase(BASE, "a", 1_000_000, "o1", "1"),
                purchase(BASE + MINUTE, "a", 1_000_000, "o2", "2"),   // same session: 2 orders, 1 converting session
                pv(BASE + 2 * HOUR, "a", "3"),                        // not converting
                purchase(BASE + 5 * HOUR, "b", 4_000_000, "o3", "4"));
        Totals t = aggregate(List.of(), false, Sessionizer.sessionize(T30, events)).totals(null);
        assertEquals(3, t.sessions());
        assertEquals(2, t.convertingSessions());
        assertEquals(3, t.purchases());
        assertEquals(new BigDecimal("1.500000"), StandardMetrics.ORDERS_PER_CONVERTING_SESSION.compute(t).orElseThrow());
        assertEquals(new BigDecimal("0.666667"), StandardMetrics.CONVERSION_RATE.compute(t).orElseThrow());
    }

    @Test
    void visitorsAreDistinct() {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            events.add(pv(BASE + i * HOUR, "a", "a" + i)); // 3 sessions of a
        }
        events.add(pv(BASE, "b", "b0"));
        Totals t = aggregate(List.of(), false, Sessionizer.sessionize(T30, events)).totals(null);
        assertEquals(4, t.sessions());
        assertEquals(2, t.visitors());
        assertEquals(new BigDecimal("2.000000"), StandardMetrics.SESSIONS_PER_VISITOR.compute(t).orElseThrow());
    }

    @Test
    void sessionStartsByReason() {
        Aggregator a = aggregate(List.of(), false, shop());
        assertEquals(Map.of("first", 4L, "timeout", 2L), a.sessionStarts());
        assertEquals(List.of("first", "timeout"), List.copyOf(a.sessionStarts().keySet()), "sorted by reason");
    }

    @Test
    void botSessionsAreExcludedAndReported() {
        List<Session> sessions = shop();
        Totals in = aggregate(List.of(), false, sessions).totals("EUR");
        Aggregator a = aggregate(List.of(new UserAgentBotClassifier()), false, sessions);
        Totals out = a.totals("EUR");
        Map<String, Aggregator.BotExclusion> bots = a.botSessions();
        assertEquals(List.of("ua-test:user-agent"), List.copyOf(bots.keySet()));
        Aggregator.BotExclusion b = bots.get("ua-test:user-agent");
        assertEquals(2, b.sessions());
        assertEquals(5, b.events());
        assertEquals(3_500_000, b.revenueMicros());

        assertEquals(in.sessions(), out.sessions() + b.sessions());
        assertEquals(in.events(), out.events() + b.events());
        assertEquals(in.revenueMicros(), out.revenueMicros() + b.revenueMicros());
        assertEquals(4, out.sessions());
        assertEquals(3, out.visitors(), "b1 still has a human session; b2 has none");
        assertEquals(Map.of("first", 2L, "timeout", 2L), a.sessionStarts(), "b1's first session was a bot, its second a human");
        assertFalse(a.includesBots());
    }

    @Test
    void withIncludeBotsTheyAreCountedAndStillReported() {
        List<Session> sessions = shop();
        Totals in = aggregate(List.of(), false, sessions).totals("EUR");
        Aggregator a = aggregate(List.of(new UserAgentBotClassifier()), true, sessions);
        assertEquals(TestData.map(in), TestData.map(a.totals("EUR")));
        assertEquals(2, a.botSessions().get("ua-test:user-agent").sessions());
        assertEquals(3_500_000, a.botSessions().get("ua-test:user-agent").revenueMicros());
        assertTrue(a.includesBots());
    }

    @Test
    void theFirstClassifierThatFlagsNamesTheReason() {
        BotClassifier everything = new BotClassifier() {
            @Override
            public String id() {
                return "all";
            }

            @Override
            public String description() {
                return "every session";
            }

            @Override
            public Optional<String> classify(Session session) {
                return Optional.of("everything");
            }
        };
        Aggregator a = aggregate(List.of(new UserAgentBotClassifier(), everything), false, shop());
        assertEquals(2, a.botSessions().get("ua-test:user-agent").sessions());
        assertEquals(4, a.botSessions().get("all:everything").sessions());
        assertEquals(0, a.totals(null).sessions());
        assertEquals(0, a.totals(null).visitors());
        assertTrue(a.sessionStarts().isEmpty());
    }

    @Test
    void engineReportsBotExclusionsInItsResult() {
        List<Event> events = List.of(
                Event.builder(BASE, "h").type(EventType.PURCHASE).revenueMicros(2_000_000).userAgent("Firefox").build(),
                Event.builder(BASE + 1, "b").type(EventType.PURCHASE).revenueMicros(1_000_000).userAgent("AhrefsBot").build());
        DefinitionResult excluded = new Engine(Duration.ofMinutes(10), List.of(new UserAgentBotClassifier()), false)
                .run(new ListInput(events), List.of(T30)).first();
        assertEquals(1, excluded.totals().sessions());
        assertEquals(2_000_000, excluded.totals().revenueMicros());
        assertEquals(1, excluded.botSessionsExcluded());
        assertFalse(excluded.botsIncluded());

        DefinitionResult included = new Engine(Duration.ofMinutes(10), List.of(new UserAgentBotClassifier()), true)
                .run(new ListInput(events), List.of(T30)).first();
        assertEquals(2, included.totals().sessions());
        assertEquals(3_000_000, included.totals().revenueMicros());
        assertEquals(0, included.botSessionsExcluded());
        assertEquals(1, included.botSessions().get("ua-test:user-agent").sessions());
        assertTrue(included.botsIncluded());
    }

    @Test
    void retractionRestoresTotalsExactly() {
        List<Event> base = TestData.generate(3, 20, false);
        List<Event> extra = new ArrayList<>();
        for (Event e : TestData.generate(4, 20, false)) {
            extra.add(e.toBuilder().build()); // other visitors' ids collide on purpose: v0.. in both
        }
        extra.add(Event.builder(BASE, "only-extra").named("login").userAgent("crawlerbot").build());
        List<Session> baseSessions = Sessionizer.sessionize(T30, base);
        List<Session> extraSessions = Sessionizer.sessionize(def("x", login(), TestRules.gap("idle", Duration.ofMinutes(3))), extra);

        for (boolean includeBots : new boolean[] {false, true}) {
            Aggregator a = aggregate(List.of(new UserAgentBotClassifier()), includeBots, baseSessions);
            Map<String, Object> before = TestData.map(a.totals("EUR"));
            Map<String, Long> startsBefore = a.sessionStarts();
            Map<String, List<Long>> botsBefore = TestData.map(a.botSessions());

            extraSessions.forEach(a::sessionClosed);
            assertNotEquals(before, TestData.map(a.totals("EUR")));
            assertTrue(a.sessionStarts().containsKey("idle"));
            List<Session> shuffled = new ArrayList<>(extraSessions);
            Collections.shuffle(shuffled, new java.util.Random(1));
            shuffled.forEach(a::sessionRetracted);

            assertEquals(before, TestData.map(a.totals("EUR")));
            assertEquals(startsBefore, a.sessionStarts(), "no reason left with a zero count");
            assertEquals(botsBefore, TestData.map(a.botSessions()), "no bot reason left with zero sessions");
        }
    }

    @Test
    void retractingEverythingLeavesNothing() {
        List<Session> sessions = shop();
        Aggregator a = aggregate(List.of(new UserAgentBotClassifier()), false, sessions);
        sessions.forEach(a::sessionRetracted);
        Map<String, Object> zero = TestData.map(new Aggregator(List.of(), false).totals(null));
        assertEquals(zero, TestData.map(a.totals(null)));
        assertTrue(a.sessionStarts().isEmpty());
        assertTrue(a.botSessions().isEmpty());
    }

    @Test
    void overflowIsDetected() {
        Aggregator a = new Aggregator(List.of(), false);
        List<Event> big = List.of(
                Event.builder(BASE, "a").type(EventType.PURCHASE).revenueMicros(Long.MAX_VALUE - 1).build(),
                Event.builder(BASE, "b").type(EventType.PURCHASE).revenueMicros(Long.MAX_VALUE - 1).build());
        List<Session> sessions = Sessionizer.sessionize(T30, big);
        a.sessionClosed(sessions.get(0));
        assertThrows(ArithmeticException.class, () -> a.sessionClosed(sessions.get(1)));
    }

    @Test
    void randomSessionsAddUpInAnyOrder() {
        List<Session> sessions = Sessionizer.sessionize(T30, TestData.generate(12, 30, false));
        Aggregator a = aggregate(List.of(new UserAgentBotClassifier()), false, sessions);
        List<Session> shuffled = new ArrayList<>(sessions);
        Collections.shuffle(shuffled, new java.util.Random(new SplittableRandom(3).nextLong()));
        Aggregator b = aggregate(List.of(new UserAgentBotClassifier()), false, shuffled);
        assertEquals(TestData.map(a.totals("EUR")), TestData.map(b.totals("EUR")));
        assertEquals(a.sessionStarts(), b.sessionStarts());
        assertEquals(TestData.map(a.botSessions()), TestData.map(b.botSessions()));
    }

    /**
     * Sessions by local day around the two daylight-saving changes of Europe/Berlin (days of 23 and 25 hours),
     * in an order that jumps between days, each added, some retracted, then all (every day emptied) and added again: every
     * day's count and revenue are those of grouping the sessions by their start's local date directly.
     */
    @Test
    void sessionsByLocalDayAcrossDaylightSavingChanges() {
        java.time.ZoneId berlin = java.time.ZoneId.of("Europe/Berlin");
        SplittableRandom r = new SplittableRandom(11);
        List<Event> events = new ArrayList<>();
        for (String around : List.of("2026-03-29T00:00:00Z", "2026-10-25T00:00:00Z")) {
            long mid = java.time.Instant.parse(around).toEpochMilli();
            for (int i = 0; i < 400; i++) {
                long ts = mid + (r.nextLong(4 * HOUR * 24) - 2 * HOUR * 24);
                events.add(i % 5 == 0 ? purchase(ts, "v" + i, 1_000_000L + i, "o" + around + i, "e" + around + i)
                        : pv(ts, "v" + i, "e" + around + i));
            }
        }
        List<Session> sessions = new ArrayList<>(Sessionizer.sessionize(T30, events));
        Collections.shuffle(sessions, new java.util.Random(5));
        Aggregator a = new Aggregator(List.of(), false, berlin);
        java.util.TreeMap<java.time.LocalDate, long[]> expected = new java.util.TreeMap<>();
        for (Session s : sessions) {
            a.sessionClosed(s);
            long[] d = expected.computeIfAbsent(java.time.Instant.ofEpochMilli(s.startMillis()).atZone(berlin).toLocalDate(),
                    k -> new long[2]);
            d[0]++;
            d[1] += s.revenueMicros();
        }
        for (Session s : sessions.subList(0, 300)) {
            a.sessionRetracted(s);
        }
        for (Session s : sessions.subList(0, 300)) {
            a.sessionClosed(s);
        }
        for (Session s : sessions) { // every day emptied (and left out), then filled again
            a.sessionRetracted(s);
        }
        assertEquals(Map.of(), a.byDay());
        List<Session> again = new ArrayList<>(sessions);
        Collections.reverse(again); // starting with the day emptied last
        for (Session s : again) {
            a.sessionClosed(s);
        }
        Map<java.time.LocalDate, Aggregator.Day> byDay = a.byDay();
        assertEquals(expected.keySet(), byDay.keySet());
        expected.forEach((day, d) -> {
            assertEquals(d[0], byDay.get(day).sessions(), day.toString());
            assertEquals(d[1], byDay.get(day).revenueMicros(), day.toString());
        });
        assertTrue(byDay.containsKey(java.time.LocalDate.of(2026, 3, 29)) && byDay.containsKey(java.time.LocalDate.of(2026, 10, 25)));
    }
}

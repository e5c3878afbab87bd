package io.persession.engine;

import io.persession.spi.Event;
import io.persession.spi.EventType;
import io.persession.spi.Session;
import io.persession.spi.SessionDefinition;
import io.persession.spi.TrafficSource;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import static io.persession.engine.TestData.BASE;
import static io.persession.engine.TestData.named;
import static io.persession.engine.TestData.purchase;
import static io.persession.engine.TestData.pv;
import static io.persession.engine.TestRules.MINUTE;
import static io.persession.engine.TestRules.HOUR;
import static io.persession.engine.TestRules.def;
import static io.persession.engine.TestRules.gap;
import static io.persession.engine.TestRules.login;
import static io.persession.engine.TestRules.maxEvents;
import static io.persession.engine.TestRules.midnight;
import static io.persession.engine.TestRules.timeout30;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reference semantics: {@link Sessionizer#sessionize(SessionDefinition, List)}. */
class SessionizerBatchTest {

    private static List<String> reasons(List<Session> sessions) {
        List<String> out = new ArrayList<>();
        for (Session s : sessions) {
            out.add(s.startReason());
        }
        return out;
    }

    private static List<Integer> sizes(List<Session> sessions) {
        List<Integer> out = new ArrayList<>();
        for (Session s : sessions) {
            out.add(s.eventCount());
        }
        return out;
    }

    @Test
    void firstSessionOfEveryVisitorHasReasonFirst() {
        List<Event> events = List.of(pv(BASE, "a", "1"), pv(BASE + MINUTE, "b", "2"), pv(BASE + 2 * MINUTE, "a", "3"));
        List<Session> sessions = Sessionizer.sessionize(def("t", timeout30()), events);
        assertEquals(2, sessions.size());
        assertEquals(List.of("first", "first"), reasons(sessions));
        assertEquals("a", sessions.get(0).visitorId());
        assertEquals(2, sessions.get(0).eventCount());
        assertEquals("b", sessions.get(1).visitorId());
    }

    @Test
    void noEventsNoSessions() {
        assertTrue(Sessionizer.sessionize(def("t", timeout30()), List.of()).isEmpty());
    }

    @Test
    void gapOfExactlyTheTimeoutContinuesAndOneMillisecondMoreSplits() {
        List<Event> events = List.of(
                pv(BASE, "a", "1"),
                pv(BASE + 30 * MINUTE, "a", "2"),          // exactly 30m: continues
                pv(BASE + 60 * MINUTE + 1, "a", "3"),      // 30m + 1ms: splits
                pv(BASE + 60 * MINUTE + 2, "a", "4"));
        List<Session> sessions = Sessionizer.sessionize(def("t", timeout30()), events);
        assertEquals(List.of("first", "timeout"), reasons(sessions));
        assertEquals(List.of(2, 2), sizes(sessions));
        assertEquals(BASE, sessions.get(0).startMillis());
        assertEquals(BASE + 30 * MINUTE, sessions.get(0).endMillis());
        assertEquals(BASE + 60 * MINUTE + 1, sessions.get(1).startMillis());
    }

    @Test
    void splitsCarryTheReasonOfTheRuleThatFired() {
        SessionDefinition d = def("t", login(), timeout30());
        List<Event> events = List.of(
                pv(BASE, "a", "1"),
                named(BASE + 5 * MINUTE, "a", "login", "2"),
                pv(BASE + 6 * MINUTE, "a", "3"),
                pv(BASE + 2 * HOUR, "a", "4"));
        List<Session> sessions = Sessionizer.sessionize(d, events);
        assertEquals(List.of("first", "login", "timeout"), reasons(sessions));
        assertEquals(List.of(1, 2, 1), sizes(sessions));
        assertEquals("2", sessions.get(1).firstEvent().eventId());
        assertEquals("3", sessions.get(1).lastEvent().eventId());
    }

    @Test
    void inactivityRuleWinsWhenTheGapExceedsItEvenIfAnotherRuleIsListedFirst() {
        // login is listed first and fires, but the gap is over the 30m limit: the reason is the limit's
        SessionDefinition d = def("t", login(), timeout30());
        List<Event> events = List.of(pv(BASE, "a", "1"), named(BASE + 31 * MINUTE, "a", "login", "2"));
        assertEquals(List.of("first", "timeout"), reasons(Sessionizer.sessionize(d, events)));

        // within the limit, the first rule that fires names the reason
        List<Event> close = List.of(pv(BASE, "a", "1"), named(BASE + 29 * MINUTE, "a", "login", "2"));
        assertEquals(List.of("first", "login"), reasons(Sessionizer.sessionize(d, close)));
    }

    @Test
    void inactivityRuleWinsEvenWhenItsOwnPredicateWouldNotFire() {
        // the host trusts the promise: a rule whose limit is 30m but whose predicate never fires
        io.persession.spi.SessionRule lazy = new io.persession.spi.SessionRule() {
            @Override
            public String reason() {
                return "idle";
            }

            @Override
            public boolean startsNewSession(io.persession.spi.OpenSession session, Event next) {
                return false;
            }

            @Override
            public java.util.Optional<Duration> inactivityLimit() {
                return java.util.Optional.of(Duration.ofMinutes(30));
            }
        };
        SessionDefinition d = def("t", login(), lazy);
        List<Event> events = List.of(pv(BASE, "a", "1"), pv(BASE + 40 * MINUTE, "a", "2"));
        assertEquals(List.of("first", "idle"), reasons(Sessionizer.sessionize(d, events)));
    }

    @Test
    void theSmallestInactivityLimitNamesTheReason() {
        SessionDefinition d = def("t", gap("long-idle", Duration.ofHours(2)), midnight(ZoneId.of("UTC")),
                gap("timeout", Duration.ofMinutes(30)));
        assertEquals("timeout", d.inactivityRule().orElseThrow().reason());
        List<Event> events = List.of(pv(BASE + 10 * HOUR, "a", "1"), pv(BASE + 13 * HOUR, "a", "2"),
                pv(BASE + 23 * HOUR + 50 * MINUTE, "a", "3"), pv(BASE + 24 * HOUR + 5 * MINUTE, "a", "4"));
        // 3h gap: both limits exceeded, the smallest (timeout) wins although long-idle is listed first;
        // 10h50m gap: again timeout, although midnight is not crossed; 15m gap across midnight: midnight
        assertEquals(List.of("first", "timeout", "timeout", "midnight"), reasons(Sessionizer.sessionize(d, events)));
    }

    @Test
    void withinTheLimitTheFirstListedRuleThatFiresNamesTheReason() {
        long beforeMidnight = BASE + 23 * HOUR + 55 * MINUTE;
        long afterMidnight = BASE + 24 * HOUR + 5 * MINUTE;
        List<Event> events = List.of(pv(beforeMidnight, "a", "1"), named(afterMidnight, "a", "login", "2"));
        assertEquals(List.of("first", "login"),
                reasons(Sessionizer.sessionize(def("t", login(), midnight(ZoneId.of("UTC")), timeout30()), events)));
        assertEquals(List.of("first", "midnight"),
                reasons(Sessionizer.sessionize(def("t", midnight(ZoneId.of("UTC")), login(), timeout30()), events)));
    }

    @Test
    void midnightInAZoneSplitsAtLocalMidnightAndMidnightBelongsToTheNewDay() {
        ZoneId ny = ZoneId.of("America/New_York");
        long midnight = ZonedDateTime.of(2024, 6, 3, 0, 0, 0, 0, ny).toInstant().toEpochMilli();
        SessionDefinition d = def("t", midnight(ny), timeout30());
        // 23:59:59.999 then 00:00:00.000 local: a new day
        List<Session> s1 = Sessionizer.sessionize(d, List.of(pv(midnight - 1, "a", "1"), pv(midnight, "a", "2")));
        assertEquals(List.of("first", "midnight"), reasons(s1));
        // 00:00:00.000 then 00:10: same day
        List<Session> s2 = Sessionizer.sessionize(d, List.of(pv(midnight, "a", "1"), pv(midnight + 10 * MINUTE, "a", "2")));
        assertEquals(List.of("first"), reasons(s2));
        // UTC midnight is 20:00 in New York (EDT): no split there
        long utcMidnight = Instant.parse("2024-06-03T00:00:00Z").toEpochMilli();
        List<Session> s3 = Sessionizer.sessionize(d, List.of(pv(utcMidnight - MINUTE, "a", "1"), pv(utcMidnight + MINUTE, "a", "2")));
        assertEquals(List.of("first"), reasons(s3));
    }

    @Test
    void eventsAreTakenInTimeOrderWhateverTheInputOrder() {
        SessionDefinition d = def("t", login(), timeout30());
        List<Event> shuffled = List.of(
                pv(BASE + 3 * HOUR, "a", "4"),
                named(BASE + 10 * MINUTE, "a", "login", "2"),
                pv(BASE, "a", "1"),
                pv(BASE + 20 * MINUTE, "a", "3"));
        List<Session> sessions = Sessionizer.sessionize(d, shuffled);
        assertEquals(List.of("first", "login", "timeout"), reasons(sessions));
        assertEquals(List.of("1", "2", "4"), sessions.stream().map(s -> s.firstEvent().eventId()).toList());
        assertEquals(List.of("1", "3", "4"), sessions.stream().map(s -> s.lastEvent().eventId()).toList());
    }

    @Test
    void tiesKeepInputOrder() {
        SessionDefinition d = def("t", login(), timeout30());
        long t1 = BASE + 5 * MINUTE;
        // login before the pageview of the same millisecond: the pageview joins the login session
        List<Session> loginFirst = Sessionizer.sessionize(d, List.of(pv(BASE, "a", "1"),
                named(t1, "a", "login", "2"), pv(t1, "a", "3")));
        assertEquals(List.of(1, 2), sizes(loginFirst));
        assertEquals("2", loginFirst.get(1).firstEvent().eventId());
        assertEquals("3", loginFirst.get(1).lastEvent().eventId());

        // the pageview first: it stays in the first session, the login starts the second alone
        List<Session> pageviewFirst = Sessionizer.sessionize(d, List.of(pv(BASE, "a", "1"),
                pv(t1, "a", "3"), named(t1, "a", "login", "2")));
        assertEquals(List.of(2, 1), sizes(pageviewFirst));
        assertEquals("3", pageviewFirst.get(0).lastEvent().eventId());
        assertEquals("2", pageviewFirst.get(1).firstEvent().eventId());

        // tie order survives an earlier event given last
        List<Session> mixed = Sessionizer.sessionize(d, List.of(named(t1, "a", "login", "2"), pv(t1, "a", "3"), pv(BASE, "a", "1")));
        assertEquals(List.of(1, 2), sizes(mixed));
        assertEquals("1", mixed.get(0).firstEvent().eventId());
    }

    @Test
    void sessionsComeOutByVisitorInFirstSeenOrderEachInTimeOrder() {
        SessionDefinition d = def("t", timeout30());
        List<Event> events = List.of(
                pv(BASE + 5 * HOUR, "b", "b2"),
                pv(BASE + 2 * HOUR, "a", "a2"),
                pv(BASE, "b", "b1"),
                pv(BASE + HOUR, "a", "a1"),
                pv(BASE + 10 * HOUR, "c", "c1"));
        List<Session> sessions = Sessionizer.sessionize(d, events);
        assertEquals(List.of("b", "b", "a", "a", "c"), sessions.stream().map(Session::visitorId).toList());
        assertEquals(List.of("b1", "b2", "a1", "a2", "c1"), sessions.stream().map(s -> s.firstEvent().eventId()).toList());
        assertEquals(List.of("first", "timeout", "first", "timeout", "first"), reasons(sessions));
    }

    @Test
    void aRuleWithoutLimitSeesTheOpenSession() {
        SessionDefinition d = def("t", maxEvents(3));
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            events.add(pv(BASE + i * 10 * HOUR, "a", "e" + i)); // huge gaps, but no rule promises a limit
        }
        List<Session> sessions = Sessionizer.sessionize(d, events);
        assertEquals(List.of(3, 3, 1), sizes(sessions));
        assertEquals(List.of("first", "max-events", "max-events"), reasons(sessions));
    }

    @Test
    void sessionSumsCountsRevenueAndTrafficSource() {
        TrafficSource google = TrafficSource.of("google", "cpc", "spring", null, null, null);
        TrafficSource mail = TrafficSource.of("newsletter", "email", null, null, null, null);
        List<Event> events = List.of(
                Event.builder(BASE, "a").type(EventType.PAGEVIEW).trafficSource(google).eventId("1").build(),
                Event.builder(BASE + MINUTE, "a").type(EventType.AD_REQUEST).revenueMicros(1_000).eventId("2").build(),
                Event.builder(BASE + 2 * MINUTE, "a").type(EventType.AD_IMPRESSION).revenueMicros(20_000).eventId("3").build(),
                Event.builder(BASE + 3 * MINUTE, "a").type(EventType.PAGEVIEW).trafficSource(mail).eventId("4").build(),
                purchase(BASE + 4 * MINUTE, "a", 12_340_000, "o1", "5"),
                purchase(BASE + 5 * MINUTE, "a", 660_000, "o2", "6"),
                Event.builder(BASE + 6 * MINUTE, "a").type(EventType.REFUND).revenueMicros(1_000_000).eventId("7").build(),
                Event.builder(BASE + 7 * MINUTE, "a").named("scroll").eventId("8").build());
        List<Session> sessions = Sessionizer.sessionize(def("t", timeout30()), events);
        assertEquals(1, sessions.size());
        Session s = sessions.get(0);
        assertEquals("a", s.visitorId());
        assertEquals("first", s.startReason());
        assertEquals(BASE, s.startMillis());
        assertEquals(BASE + 7 * MINUTE, s.endMillis());
        assertEquals(8, s.eventCount());
        assertEquals(2, s.pageviews());
        assertEquals(2, s.purchases());
        assertEquals(1, s.refunds());
        assertEquals(1, s.adRequests());
        assertEquals(1, s.adImpressions());
        assertEquals(13_000_000, s.purchaseRevenueMicros());
        assertEquals(21_000, s.adRevenueMicros());
        assertEquals(1_000_000, s.refundMicros());
        assertEquals(13_000_000 + 21_000 - 1_000_000, s.revenueMicros());
        assertEquals(mail, s.trafficSource(), "the latest non-direct source");
        assertEquals("1", s.firstEvent().eventId());
        assertEquals("8", s.lastEvent().eventId());
        assertSame(events.get(0), s.firstEvent());
    }

    @Test
    void sessionizeWithAListenerHandsOnTheSameSessions() {
        SessionDefinition d = def("t", login(), timeout30());
        List<Event> events = TestData.generate(11, 10, true);
        SessionCollector c = new SessionCollector();
        Sessionizer.sessionize(d, events, c);
        assertEquals(SessionCollector.of(Sessionizer.sessionize(d, events)).sessions(), c.sessions());
        assertEquals(0, c.retracted);
    }

    @Test
    void negativeLatenessIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new Sessionizer(def("t", timeout30()), Duration.ofMinutes(-1), new SessionCollector()));
    }
}

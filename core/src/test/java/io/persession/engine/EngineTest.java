package io.persession.engine;

import io.persession.spi.Event;
import io.persession.spi.EventType;
import io.persession.spi.SessionDefinition;
import io.persession.spi.Totals;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.persession.engine.TestData.BASE;
import static io.persession.engine.TestData.purchase;
import static io.persession.engine.TestData.pv;
import static io.persession.engine.TestRules.HOUR;
import static io.persession.engine.TestRules.MINUTE;
import static io.persession.engine.TestRules.def;
import static io.persession.engine.TestRules.gap;
import static io.persession.engine.TestRules.timeout30;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EngineTest {
    private static final SessionDefinition T30 = def("t", timeout30());

    private static Event refund(long ts, String visitor, long micros, String orderId, String id) {
        return Event.builder(ts, visitor).type(EventType.REFUND).revenueMicros(micros).currency("EUR").orderId(orderId)
                .eventId(id).build();
    }

    private static Engine engine(Duration lateness) {
        return new Engine(lateness, List.of(), false);
    }

    @Test
    void duplicateEventIdsFirstRowWins() {
        List<Event> rows = List.of(
                purchase(BASE, "a", 10_000_000, "o1", "e1"),
                pv(BASE + MINUTE, "a", "e2"),
                purchase(BASE + 2 * MINUTE, "a", 99_000_000, "o9", "e1"),   // same event id: duplicate, dropped
                pv(BASE + 3 * MINUTE, "b", "e2"),                          // same event id, other visitor: dropped
                pv(BASE + 4 * MINUTE, "b", "e3"),
                pv(BASE + 5 * MINUTE, "b", null),                          // no id: never a duplicate
                pv(BASE + 5 * MINUTE, "b", null));
        ListInput in = new ListInput(rows, rows.size() + 2, 2); // two more rows were rejected by the reader
        Engine.Result result = engine(Duration.ofMinutes(10)).run(in, List.of(T30));
        InputReport report = result.input();
        assertEquals(9, report.rows());
        assertEquals(5, report.accepted());
        assertEquals(2, report.rejected());
        assertEquals(2, report.duplicateEvents());
        assertEquals(0, report.duplicateOrders());
        assertEquals(2, report.duplicates());
        assertEquals(report.rows(), report.accepted() + report.rejected() + report.duplicates());
        assertEquals(List.of("test"), report.names());

        Totals t = result.first().totals();
        assertEquals(5, t.events());
        assertEquals(10_000_000, t.revenueMicros(), "the first row of e1 wins");
        assertEquals(1, t.purchases());
        assertEquals(4, t.pageviews());
        assertEquals(2, t.sessions());
    }

    @Test
    void repeatedOrderIdIsOnePurchaseButARefundWithThatOrderIdIsNotADuplicate() {
        List<Event> rows = List.of(
                purchase(BASE, "a", 10_000_000, "o1", "e1"),
                purchase(BASE + MINUTE, "a", 10_000_000, "o1", "e2"),     // same order: duplicate
                purchase(BASE + 2 * MINUTE, "b", 7_000_000, "o1", "e3"),  // same order, other visitor: duplicate
                refund(BASE + 3 * MINUTE, "a", 4_000_000, "o1", "e4"),    // a refund of o1: kept
                refund(BASE + 4 * MINUTE, "a", 1_000_000, "o1", "e5"),    // another refund of o1: kept
                purchase(BASE + 5 * MINUTE, "a", 2_500_000, "o2", "e6"),
                purchase(BASE + 6 * MINUTE, "a", 500_000, null, "e7"),    // no order id: never a duplicate
                purchase(BASE + 7 * MINUTE, "a", 500_000, null, "e8"));
        Engine.Result result = engine(Duration.ofMinutes(10)).run(new ListInput(rows), List.of(T30));
        InputReport report = result.input();
        assertEquals(2, report.duplicateOrders());
        assertEquals(0, report.duplicateEvents());
        assertEquals(6, report.accepted());
        assertEquals(8, report.rows());

        Totals t = result.first().totals();
        assertEquals(4, t.purchases());
        assertEquals(2, t.refunds());
        assertEquals(10_000_000 + 2_500_000 + 1_000_000, t.purchaseRevenueMicros());
        assertEquals(5_000_000, t.refundMicros());
        assertEquals(8_500_000, t.revenueMicros());
        assertEquals(1, t.sessions(), "b's only row was a duplicate: b has no session");
        assertEquals(1, t.visitors());
    }

    @Test
    void dedupIsStillRightWhenTheRegroupPassRuns() {
        List<Event> rows = List.of(
                pv(BASE, "a", "a1"),
                purchase(BASE + 5 * MINUTE, "a", 10_000_000, "o1", "a2"),
                pv(BASE + HOUR, "b", "b1"),
                pv(BASE + 10 * MINUTE, "a", "a3"),                             // late: a is regrouped
                purchase(BASE + 5 * MINUTE, "a", 10_000_000, "o1", "a2"),      // late duplicate row (event id)
                purchase(BASE + 7 * MINUTE, "a", 20_000_000, "o1", "a4"),      // late duplicate order
                pv(BASE + 10 * MINUTE, "a", "a1"),                             // duplicate event id, other content
                pv(BASE + HOUR + MINUTE, "b", "b1"),                           // on-time duplicate
                purchase(BASE + HOUR + 2 * MINUTE, "b", 3_000_000, "o1", "b2"), // on-time duplicate order
                purchase(BASE + HOUR + 3 * MINUTE, "b", 3_000_000, "o2", "b3"));
        SessionCollector sessions = new SessionCollector();
        ListInput in = new ListInput(rows);
        // a window that holds every id (the default one, 15 minutes, would find the late repeat 55 minutes behind
        // only after the read, which costs a read more: DedupWindowTest)
        Engine.Result result = engine(Duration.ofMinutes(1)).dedupWindow(2 * HOUR, 1000).run(in, List.of(T30), d -> sessions);
        InputReport report = result.input();
        assertEquals(List.of(true, false), in.passes, "the regroup pass ran");
        assertEquals(1, report.regroupedVisitors());
        assertEquals(3, report.duplicateEvents());
        assertEquals(2, report.duplicateOrders());
        assertEquals(5, report.accepted());

        Totals t = result.first().totals();
        assertEquals(5, t.events());
        assertEquals(2, t.purchases());
        assertEquals(13_000_000, t.revenueMicros());
        assertEquals(2, t.sessions());
        List<SessionSig> a = sessions.sessions().get("a");
        assertEquals(1, a.size());
        assertEquals(3, a.get(0).events());
        assertEquals("a1", a.get(0).firstEventId());
        assertEquals(BASE, a.get(0).start(), "the first row of a1 wins, also in the regroup pass");
        assertEquals("a3", a.get(0).lastEventId());
        assertEquals(10_000_000, a.get(0).purchaseMicros());
    }

    @Test
    void dedupInTheRegroupPassKeepsTheFirstRowEvenWhenItWasTheLateOne() {
        List<Event> rows = List.of(
                pv(BASE, "a", "a1"),
                pv(BASE + HOUR, "x", "x1"),
                purchase(BASE + 5 * MINUTE, "a", 10_000_000, "o1", "a2"),        // late, first of its order
                purchase(BASE + HOUR + MINUTE, "a", 20_000_000, "o1", "a3"));    // on time, duplicate order
        SessionCollector sessions = new SessionCollector();
        Engine.Result result = engine(Duration.ofMinutes(1)).run(new ListInput(rows), List.of(T30), d -> sessions);
        assertEquals(1, result.input().duplicateOrders());
        assertEquals(10_000_000, result.first().totals().revenueMicros());
        assertEquals(1, sessions.sessions().get("a").size());
        assertEquals(2, sessions.sessions().get("a").get(0).events());
        assertEquals(2, result.first().totals().sessions());
    }

    @Test
    void retractsWhatWasHandedOnBeforeAVisitorTurnedLate() {
        List<Event> rows = new ArrayList<>();
        rows.add(pv(BASE, "a", "a1"));
        rows.add(pv(BASE + 5 * MINUTE, "a", "a2"));
        for (int i = 0; i < 10; i++) {
            rows.add(pv(BASE + 10 * MINUTE + i * 10 * MINUTE, "x", "x" + i)); // a is evicted, its session handed on
        }
        rows.add(pv(BASE + 20 * MINUTE, "a", "a3")); // late
        SessionCollector sessions = new SessionCollector();
        Engine.Result result = engine(Duration.ofMinutes(1)).run(new ListInput(rows), List.of(T30), d -> sessions);
        assertEquals(1, sessions.retracted, "a's evicted session was taken back");
        assertEquals(1, sessions.sessions().get("a").size());
        assertEquals(3, sessions.sessions().get("a").get(0).events());
        assertEquals(2, result.first().totals().sessions());
        assertEquals(Map.of("first", 2L), result.first().sessionStarts());
    }

    @Test
    void mixedCurrenciesFailNamingBoth() {
        List<Event> rows = List.of(
                purchase(BASE, "a", 10_000_000, "o1", "e1"),
                Event.builder(BASE + MINUTE, "b").type(EventType.PURCHASE).revenueMicros(5_000_000).currency("USD")
                        .eventId("e2").build());
        AnalysisException e = assertThrows(AnalysisException.class,
                () -> engine(Duration.ofMinutes(10)).run(new ListInput(rows), List.of(T30)));
        assertTrue(e.getMessage().contains("EUR"), e.getMessage());
        assertTrue(e.getMessage().contains("USD"), e.getMessage());
        assertTrue(e.getMessage().contains("'b'"), "names the visitor: " + e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
    }

    @Test
    void refundsAndAdsAreMoneyToo() {
        List<Event> refundRows = List.of(purchase(BASE, "a", 1_000_000, "o1", "e1"),
                Event.builder(BASE + 1, "a").type(EventType.REFUND).revenueMicros(1).currency("GBP").eventId("e2").build());
        AnalysisException e1 = assertThrows(AnalysisException.class,
                () -> engine(Duration.ofMinutes(10)).run(new ListInput(refundRows), List.of(T30)));
        assertTrue(e1.getMessage().contains("GBP") && e1.getMessage().contains("EUR"), e1.getMessage());

        List<Event> adRows = List.of(
                Event.builder(BASE, "a").type(EventType.AD_IMPRESSION).revenueMicros(10).currency("USD").eventId("e1").build(),
                purchase(BASE + 1, "a", 1_000_000, "o1", "e2"));
        AnalysisException e2 = assertThrows(AnalysisException.class,
                () -> engine(Duration.ofMinutes(10)).run(new ListInput(adRows), List.of(T30)));
        assertTrue(e2.getMessage().contains("USD") && e2.getMessage().contains("EUR"), e2.getMessage());
    }

    @Test
    void aCurrencyOnANonMoneyEventOrOnADuplicateIsNotAMix() {
        List<Event> rows = List.of(
                purchase(BASE, "a", 10_000_000, "o1", "e1"),
                Event.builder(BASE + MINUTE, "a").type(EventType.PAGEVIEW).currency("USD").eventId("e2").build(),
                Event.builder(BASE + 2 * MINUTE, "a").type(EventType.PURCHASE).revenueMicros(1).currency("USD")
                        .eventId("e1").build()); // duplicate event id: dropped before the check
        Engine.Result r = engine(Duration.ofMinutes(10)).run(new ListInput(rows), List.of(T30));
        assertEquals("EUR", r.first().totals().currency());
        assertEquals(10_000_000, r.first().totals().revenueMicros());
    }

    @Test
    void noCurrencyAtAllGivesNullCurrency() {
        List<Event> rows = List.of(pv(BASE, "a", "1"),
                Event.builder(BASE + 1, "a").type(EventType.PURCHASE).revenueMicros(1_000_000).eventId("2").build());
        Engine.Result r = engine(Duration.ofMinutes(10)).run(new ListInput(rows), List.of(T30));
        assertNull(r.first().totals().currency());
        assertEquals(1_000_000, r.first().totals().revenueMicros());
    }

    @Test
    void currencyOfTheInputIsReportedInTheTotals() {
        Engine.Result r = engine(Duration.ofMinutes(10)).run(new ListInput(List.of(pv(BASE, "a", "1"),
                purchase(BASE + 1, "a", 1, "o", "2"))), List.of(T30, def("u", TestRules.login())));
        assertEquals("EUR", r.definitions().get(0).totals().currency());
        assertEquals("EUR", r.definitions().get(1).totals().currency());
    }

    @Test
    void severalDefinitionsInOneRunGiveTheSameResultsAsSeparateRuns() {
        List<SessionDefinition> defs = List.of(TestRules.withLimit(), TestRules.withoutLimit(),
                def("short", gap("timeout", Duration.ofMinutes(5))));
        List<Event> sorted = TestData.generate(21, 40, false);
        List<Event> rows = new ArrayList<>(TestData.globalShuffle(sorted, 5));
        rows.add(rows.get(17)); // a duplicate, for the report
        Engine engine = new Engine(Duration.ofMinutes(1), List.of(new UserAgentBotClassifier()), false);

        Map<SessionDefinition, SessionCollector> together = new HashMap<>();
        Engine.Result all = engine.run(new ListInput(rows), defs, d -> together.computeIfAbsent(d, k -> new SessionCollector()));
        assertEquals(defs.size(), all.definitions().size());
        for (int i = 0; i < defs.size(); i++) {
            SessionDefinition d = defs.get(i);
            SessionCollector alone = new SessionCollector();
            Engine.Result one = engine.run(new ListInput(rows), List.of(d), x -> alone);
            DefinitionResult a = all.definitions().get(i);
            DefinitionResult b = one.first();
            assertEquals(d, a.definition(), "results come in the order given");
            assertEquals(TestData.map(b.totals()), TestData.map(a.totals()), d.id());
            assertEquals(b.sessionStarts(), a.sessionStarts(), d.id());
            assertEquals(b.metrics(), a.metrics(), d.id());
            assertEquals(TestData.map(b.botSessions()), TestData.map(a.botSessions()), d.id());
            assertEquals(alone.sessions(), together.get(d).sessions(), d.id());
            assertEquals(one.input().accepted(), all.input().accepted());
            assertEquals(1, all.input().duplicateEvents());
            assertEquals(one.input().regroupedVisitors(), all.input().regroupedVisitors());
        }
        // the definitions do differ
        assertTrue(all.definitions().get(0).totals().sessions() != all.definitions().get(1).totals().sessions());
        assertTrue(all.definitions().get(2).totals().sessions() > all.definitions().get(0).totals().sessions());
    }

    @Test
    void inputReportChecksItsInvariant() {
        InputReport ok = new InputReport(List.of("a.csv"), 10, 6, 2, 1, 1, 3);
        assertEquals(2, ok.duplicates());
        assertEquals(3, ok.regroupedVisitors());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new InputReport(List.of("a.csv"), 10, 6, 2, 1, 0, 0));
        assertTrue(e.getMessage().contains("10") && e.getMessage().contains("6") && e.getMessage().contains("2"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> new InputReport(List.of(), 0, 1, 0, 0, 0, 0));
    }

    @Test
    void engineRejectsAnInputWhoseCountsDoNotAddUp() {
        List<Event> rows = List.of(pv(BASE, "a", "1"), pv(BASE + 1, "a", "1"));
        // the input claims 2 rows and 1 rejected, but only 1 is accepted and 1 is a duplicate
        ListInput lying = new ListInput(rows, 2, 1);
        assertThrows(IllegalStateException.class, () -> engine(Duration.ofMinutes(10)).run(lying, List.of(T30)));
    }

    @Test
    void noDefinitionIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> new Engine().run(new ListInput(List.of()), List.of()));
    }

    @Test
    void emptyInputGivesZeroTotalsAndNoMetric() {
        Engine.Result r = new Engine().run(new ListInput(List.of()), List.of(T30));
        assertEquals(0, r.first().totals().sessions());
        assertEquals(0, r.input().rows());
        assertTrue(r.first().metrics().values().stream().allMatch(java.util.Optional::isEmpty), r.first().metrics().toString());
        assertTrue(r.first().sessionStarts().isEmpty());
    }

    @Test
    void unreadableInputIsAnUncheckedIOException() {
        EventInput broken = new EventInput() {
            @Override
            public void read(EventSink sink, boolean firstPass) throws IOException {
                throw new IOException("disk on fire");
            }

            @Override
            public long rowsRead() {
                return 0;
            }

            @Override
            public long rowsRejected() {
                return 0;
            }

            @Override
            public List<String> names() {
                return List.of("broken");
            }
        };
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> new Engine().run(broken, List.of(T30)));
        assertEquals("disk on fire", e.getCause().getMessage());
    }

    @Test
    void defaultEngineHasTenMinutesLatenessAndNoBots() {
        assertEquals(Duration.ofMinutes(10), Engine.DEFAULT_LATENESS);
        List<Event> rows = List.of(
                Event.builder(BASE, "bot").userAgent("SomeBot/1.0").type(EventType.PAGEVIEW).build(),
                pv(BASE + 20 * MINUTE, "x", "x1"),
                pv(BASE + 9 * MINUTE, "y", "y1")); // 11 minutes out of order: late for 10m
        Engine.Result r = new Engine().run(new ListInput(rows), List.of(T30));
        assertEquals(3, r.first().totals().sessions(), "no classifier: the bot counts");
        assertEquals(1, r.input().regroupedVisitors());
        assertEquals(0, r.first().botSessionsExcluded());
    }
}

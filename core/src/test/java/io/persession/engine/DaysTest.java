package io.persession.engine;

import io.persession.spi.Event;
import io.persession.spi.Session;
import io.persession.spi.SessionDefinition;
import io.persession.spi.Totals;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.persession.engine.TestData.BASE;
import static io.persession.engine.TestData.purchase;
import static io.persession.engine.TestData.pv;
import static io.persession.engine.TestRules.HOUR;
import static io.persession.engine.TestRules.MINUTE;
import static io.persession.engine.TestRules.def;
import static io.persession.engine.TestRules.timeout30;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sessions and revenue by day ({@link Aggregator#byDay()}, {@link DefinitionResult#byDay()}). */
class DaysTest {
    private static final SessionDefinition T30 = def("t", timeout30());
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York"); // UTC-4 on 2024-03-30

    /** BASE is 2024-03-30T00:00Z: 20:00 on the 29th in New York. */
    private static List<Session> sessions() {
        List<Event> events = List.of(
                pv(BASE, "a", "e1"),
                purchase(BASE + MINUTE, "a", 10_000_000, "o1", "e2"),
                pv(BASE + 3 * HOUR, "a", "e3"),                 // 23:00 New York, the 29th
                pv(BASE + 5 * HOUR, "b", "e4"),                 // 01:00 New York, the 30th
                purchase(BASE + 5 * HOUR + MINUTE, "b", 4_500_000, "o2", "e5"),
                pv(BASE + 30 * HOUR, "c", "e6"));               // the 31st everywhere
        return Sessionizer.sessionize(T30, events);
    }

    private static Aggregator aggregate(ZoneId zone, List<Session> sessions) {
        Aggregator a = new Aggregator(List.of(), false, zone);
        sessions.forEach(a::sessionClosed);
        return a;
    }

    @Test
    void countsEachSessionOnTheLocalDateOfItsStart() {
        Map<LocalDate, Aggregator.Day> utc = aggregate(ZoneOffset.UTC, sessions()).byDay();
        assertEquals(List.of(LocalDate.parse("2024-03-30"), LocalDate.parse("2024-03-31")), new ArrayList<>(utc.keySet()));
        assertEquals(3, utc.get(LocalDate.parse("2024-03-30")).sessions());
        assertEquals(14_500_000, utc.get(LocalDate.parse("2024-03-30")).revenueMicros());

        Map<LocalDate, Aggregator.Day> ny = aggregate(NEW_YORK, sessions()).byDay();
        assertEquals(List.of(LocalDate.parse("2024-03-29"), LocalDate.parse("2024-03-30"), LocalDate.parse("2024-03-31")),
                new ArrayList<>(ny.keySet()));
        assertEquals(2, ny.get(LocalDate.parse("2024-03-29")).sessions());
        assertEquals(10_000_000, ny.get(LocalDate.parse("2024-03-29")).revenueMicros());
        assertEquals(1, ny.get(LocalDate.parse("2024-03-30")).sessions());
        assertEquals(4_500_000, ny.get(LocalDate.parse("2024-03-30")).revenueMicros());
    }

    @Test
    void daysAddUpToTheTotals() {
        Aggregator a = aggregate(NEW_YORK, sessions());
        Totals t = a.totals("USD");
        assertEquals(t.sessions(), a.byDay().values().stream().mapToLong(Aggregator.Day::sessions).sum());
        assertEquals(t.revenueMicros(), a.byDay().values().stream().mapToLong(Aggregator.Day::revenueMicros).sum());
    }

    @Test
    void retractionSubtractsFromTheDay() {
        List<Session> all = sessions();
        Aggregator a = aggregate(NEW_YORK, all);
        Session first = all.stream().filter(s -> s.visitorId().equals("b")).findFirst().orElseThrow();
        a.sessionRetracted(first);
        List<Session> rest = new ArrayList<>(all);
        rest.remove(first);
        assertEquals(days(aggregate(NEW_YORK, rest)), days(a));
        all.forEach(s -> {
            if (s != first) {
                a.sessionRetracted(s);
            }
        });
        assertTrue(a.byDay().isEmpty(), "every session taken back leaves no day: " + days(a));
    }

    @Test
    void theDefinitionsZoneWinsOverTheEnginesAndRegroupingKeepsTheDays() {
        List<Event> events = TestData.generate(7, 300, false);
        SessionDefinition zoned = SessionDefinition.of("zoned", "t30 in New York", Map.of("zone", "America/New_York"), List.of(timeout30()));
        Engine engine = new Engine(Duration.ofMinutes(10), List.of(), false, ZoneId.of("Asia/Tokyo"));
        Engine.Result sorted = engine.run(new ListInput(events), List.of(zoned, T30));
        assertEquals(NEW_YORK, sorted.definitions().get(0).dayZone());
        assertEquals(ZoneId.of("Asia/Tokyo"), sorted.definitions().get(1).dayZone());
        // out of order input: regrouped (retractions), same days
        Engine.Result shuffled = engine.run(new ListInput(TestData.globalShuffle(events, 3)), List.of(zoned, T30));
        assertTrue(shuffled.input().regroupedVisitors() > 0, "the shuffle needs a regroup");
        for (int i = 0; i < 2; i++) {
            assertEquals(days(sorted.definitions().get(i).byDay()), days(shuffled.definitions().get(i).byDay()));
            DefinitionResult r = shuffled.definitions().get(i);
            assertEquals(r.totals().sessions(), r.byDay().values().stream().mapToLong(Aggregator.Day::sessions).sum());
            assertEquals(r.totals().revenueMicros(), r.byDay().values().stream().mapToLong(Aggregator.Day::revenueMicros).sum());
        }
    }

    private static String days(Aggregator a) {
        return days(a.byDay());
    }

    private static String days(Map<LocalDate, Aggregator.Day> byDay) {
        StringBuilder b = new StringBuilder();
        byDay.forEach((d, x) -> b.append(d).append('=').append(x.sessions()).append('/').append(x.revenueMicros()).append(' '));
        return b.toString();
    }
}

package io.persession.engine;

import io.persession.spi.Event;
import io.persession.spi.SessionDefinition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import static io.persession.engine.TestRules.def;
import static io.persession.engine.TestRules.gap;
import static io.persession.engine.TestRules.login;
import static io.persession.engine.TestRules.maxEvents;
import static io.persession.engine.TestRules.midnight;
import static io.persession.engine.TestRules.timeout30;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code compare}'s promise: several definitions over one read of the input, each with the result it has alone. */
@DisplayName("several definitions, one read of the input")
class OneReadTest {
    private static final List<SessionDefinition> FIVE = List.of(
            def("timeout", timeout30()),
            def("hour", gap("timeout", Duration.ofHours(1))),
            def("midnight", midnight(ZoneId.of("Europe/Paris")), timeout30()),
            def("login", login(), timeout30()),
            def("capped", timeout30(), maxEvents(5)));

    @Test
    @DisplayName("time-ordered input is read once for five definitions, and each gets what it gets alone")
    void oneReadForFive() {
        List<Event> events = TestData.generate(11, 80, false);
        ListInput input = new ListInput(events);
        Engine.Result together = new Engine().run(input, FIVE);
        assertEquals(List.of(true), input.passes, "one read, not one per definition");
        assertEquals(FIVE.size(), together.definitions().size());
        for (int i = 0; i < FIVE.size(); i++) {
            ListInput alone = new ListInput(events);
            DefinitionResult a = new Engine().run(alone, List.of(FIVE.get(i))).first();
            DefinitionResult t = together.definitions().get(i);
            assertEquals(FIVE.get(i), t.definition(), "results in the order given");
            assertEquals(a.metrics(), t.metrics(), FIVE.get(i).id());
            assertEquals(a.sessionStarts(), t.sessionStarts(), FIVE.get(i).id());
            assertEquals(a.totals().sessions(), t.totals().sessions(), FIVE.get(i).id());
        }
        assertEquals(events.size(), together.input().rows());
    }

    @Test
    @DisplayName("rows too late make one more read for the late visitors, however many definitions there are")
    void lateRowsOneMoreRead() {
        List<Event> shuffled = TestData.globalShuffle(TestData.generate(12, 40, false), 5);
        ListInput one = new ListInput(shuffled);
        new Engine(Duration.ofMinutes(1), List.of(), false).run(one, FIVE.subList(0, 1));
        ListInput five = new ListInput(shuffled);
        Engine.Result r = new Engine(Duration.ofMinutes(1), List.of(), false).run(five, FIVE);
        assertEquals(List.of(true, false), one.passes);
        assertEquals(List.of(true, false), five.passes, "two reads for five definitions, as for one");
        assertEquals(r.first().totals().sessions(),
                new Engine().run(new ListInput(TestData.generate(12, 40, false)), FIVE.subList(0, 1)).first().totals().sessions());
        assertEquals(0L, r.definitions().stream().filter(d -> d.totals().sessions() == 0).count());
    }
}

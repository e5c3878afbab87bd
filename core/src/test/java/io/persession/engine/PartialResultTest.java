package io.persession.engine;

import io.persession.spi.Event;
import io.persession.spi.SessionDefinition;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs over visitor-disjoint shares of the input, merged, equal one run over the whole input (the Spark job's premise). */
class PartialResultTest {
    private final Engine engine = new Engine(Duration.ofMinutes(10), List.of(new UserAgentBotClassifier()), false,
            ZoneId.of("Europe/Berlin"));
    private final List<SessionDefinition> definitions = List.of(TestRules.withLimit(), TestRules.withoutLimit());

    @Test
    void mergedPartsEqualOneRun() throws Exception {
        List<Event> events = TestData.globalShuffle(TestData.generate(7, 60, false), 3);
        Engine.Result whole = engine.run(new ListInput(events), definitions);

        int partitions = 3;
        PartialResult merged = null;
        for (int p = 0; p < partitions; p++) {
            List<Event> share = new ArrayList<>();
            for (Event e : events) {
                if (Math.floorMod(e.visitorId().hashCode(), partitions) == p) {
                    share.add(e);
                }
            }
            PartialResult part = roundTrip(PartialResult.of(engine.run(new ListInput(share), definitions)));
            merged = merged == null ? part : merged.merge(part);
        }
        Engine.Result result = merged.toResult(engine, definitions, List.of("test"), events.size(), 0, 0, 0);

        assertEquals(events.size(), result.input().accepted());
        for (int i = 0; i < definitions.size(); i++) {
            DefinitionResult want = whole.definitions().get(i);
            DefinitionResult got = result.definitions().get(i);
            assertEquals(TestData.map(want.totals()), TestData.map(got.totals()));
            assertTrue(got.totals().visitors() > 10, "visitors add up across parts: " + got.totals().visitors());
            assertEquals(want.metrics(), got.metrics());
            assertEquals(want.sessionStarts(), got.sessionStarts());
            assertEquals(TestData.map(want.botSessions()), TestData.map(got.botSessions()));
            assertTrue(got.botSessionsExcluded() > 0, "bots are part of the test");
            assertEquals(want.botFlags(), got.botFlags());
            assertEquals(days(want), days(got));
            assertEquals(want.missingValues(), got.missingValues());
            assertEquals(want.dayZone(), got.dayZone());
        }
    }

    @Test
    void rowsMustReconcile() {
        List<Event> events = TestData.generate(8, 5, false);
        PartialResult part = PartialResult.of(engine.run(new ListInput(events), definitions));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> part.toResult(engine, definitions, List.of("test"), events.size() + 1, 0, 0, 0));
        assertTrue(e.getMessage().contains("rows read"), e.getMessage());
        assertEquals(events.size() + 1,
                part.toResult(engine, definitions, List.of("test"), events.size() + 1, 1, 0, 0).input().rows());
    }

    @Test
    void partsOfOtherDefinitionsDoNotMerge() {
        List<Event> events = TestData.generate(9, 5, false);
        PartialResult a = PartialResult.of(engine.run(new ListInput(events), definitions));
        PartialResult b = PartialResult.of(engine.run(new ListInput(events), List.of(TestRules.withLimit())));
        assertThrows(IllegalArgumentException.class, () -> a.merge(b));
        assertThrows(IllegalArgumentException.class,
                () -> a.toResult(engine, List.of(TestRules.withLimit()), List.of("test"), events.size(), 0, 0, 0));
    }

    private static List<String> days(DefinitionResult r) {
        List<String> out = new ArrayList<>();
        r.byDay().values().forEach(d -> out.add(d.date() + "=" + d.sessions() + "/" + d.revenueMicros()));
        return out;
    }

    private static PartialResult roundTrip(PartialResult p) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(p);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (PartialResult) in.readObject();
        }
    }
}

package io.persession.input;

import io.persession.spi.Event;
import io.persession.spi.EventType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The third-party logs of ../../shared/data (relative to the cli module, Maven's working directory); skipped where absent. */
class RealDataTest {
    private static final Path DATA = Path.of("../../shared/data");

    private static List<Event> read(Path file, long rows, long rejected, StringWriter rejectsOut) throws IOException {
        assumeTrue(Files.isRegularFile(file), file + " is absent");
        RejectWriter rejects = new RejectWriter(rejectsOut);
        EventFileReader reader = new EventFileReader(List.of(file), InputOptions.defaults(), rejects);
        List<Event> events = new ArrayList<>();
        reader.read(events::add, true);
        rejects.close();
        assertEquals(rows, reader.rowsRead(), "rows read");
        assertEquals(rejected, reader.rowsRejected(), "rows rejected: " + rejectsOut);
        assertEquals(rows, events.size() + reader.rowsRejected());
        return events;
    }

    @Test
    void ga360MerchStore() throws IOException {
        List<Event> events = read(DATA.resolve("ga360-merch-store-2017-08-01/events.csv"), 13_278, 0, new StringWriter());
        assertEquals(10_939, events.stream().filter(e -> e.type() == EventType.PAGEVIEW).count());
        List<Event> purchases = events.stream().filter(e -> e.type() == EventType.PURCHASE).collect(java.util.stream.Collectors.toList());
        assertEquals(45, purchases.size());
        assertEquals(43, purchases.stream().map(Event::orderId).distinct().count());
        assertEquals(2_293, events.stream().map(Event::visitorId).distinct().count());
        assertEquals(17_960_000L, purchases.get(0).revenueMicros());
        purchases.forEach(p -> assertEquals("USD", p.currency()));
        // GA's placeholders (direct) / (none) / (not set) are no traffic source
        assertEquals(true, events.get(0).trafficSource().isDirect());
    }

    @Test
    void snowplowEcommerce() throws IOException {
        List<Event> events = read(DATA.resolve("snowplow-ecommerce-test-events/events.csv"), 833, 0, new StringWriter());
        assertEquals(15, events.stream().filter(e -> e.type() == EventType.PURCHASE).count());
        assertEquals(1, events.stream().filter(e -> e.type() == EventType.REFUND).count());
        assertEquals(1_234_567_890_000L, events.stream().mapToLong(Event::revenueMicros).max().orElseThrow());
    }
}

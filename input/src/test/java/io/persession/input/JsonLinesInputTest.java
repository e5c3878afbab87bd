package io.persession.input;

import io.persession.input.InputFiles.Read;
import io.persession.spi.Event;
import io.persession.spi.EventType;
import io.persession.spi.TrafficSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import static io.persession.input.InputFiles.read;
import static io.persession.input.InputFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonLinesInputTest {
    @TempDir
    Path dir;

    @Test
    void readsStringsAndNumbers() {
        Path f = write(dir, "events.jsonl",
                "{\"timestamp\":\"2017-08-01T07:00:40Z\",\"visitor_id\":\"v1\",\"event\":\"pageview\",\"page\":\"/home\",\"source\":\"google\",\"medium\":\"cpc\",\"extra\":{\"nested\":[1,2,{\"a\":true}]},\"flag\":true}\n"
                + "{\"timestamp\":1501570900000,\"visitor_id\":187975600071346667,\"event\":\"purchase\",\"revenue\":12.50,\"currency\":\"eur\",\"order_id\":42,\"event_id\":null}\n"
                + "{\"timestamp\":\"2017-08-01T07:02:00Z\",\"visitor_id\":\"v2\",\"event\":\"purchase\",\"revenue\":0.1}\n"
                + "{\"timestamp\":\"2017-08-01T07:02:00Z\",\"visitor_id\":\"v2\",\"event\":\"purchase\",\"revenue\":\"0.2\"}\n"
                + "{\"timestamp\":\"2017-08-01T07:02:00Z\",\"visitor_id\":\"v2\",\"event\":\"purchase\",\"revenue\":1234567.89}\n"
                + "{\"timestamp\":\"2017-08-01T07:02:00Z\",\"visitor_id\":\"v2\",\"event\":\"purchase\",\"revenue\":0.30000000000000004}\n");
        Read r = read(f).assertCounts(6, 1);
        Event a = r.events.get(0);
        assertEquals(Instant.parse("2017-08-01T07:00:40Z").toEpochMilli(), a.timestampMillis());
        assertEquals("/home", a.page());
        assertEquals(TrafficSource.of("google", "cpc", null, null, null, null), a.trafficSource());
        Event b = r.events.get(1);
        assertEquals(1501570900000L, b.timestampMillis());
        assertEquals("187975600071346667", b.visitorId());
        assertEquals(EventType.PURCHASE, b.type());
        assertEquals(12_500_000L, b.revenueMicros());
        assertEquals("EUR", b.currency());
        assertEquals("42", b.orderId());
        assertNull(b.eventId());
        assertEquals(100_000L + 200_000L, r.events.get(2).revenueMicros() + r.events.get(3).revenueMicros());
        assertEquals(1_234_567_890_000L, r.events.get(4).revenueMicros());
        // a double's artefact is not silently rounded: it is rejected, by its exact text
        assertEquals("bad-revenue: revenue '0.30000000000000004' has more than 6 decimal places", r.reject(6).reason());
    }

    @Test
    void everyKindOfBadLineIsRejectedWithItsLineAndReason() {
        String ok = "{\"timestamp\":\"2017-08-01T07:00:00Z\",\"visitor_id\":\"v1\",\"event\":\"pageview\"}";
        Path f = write(dir, "bad.ndjson", ok + "\n"                                                     // 1 ok
                + "{\"timestamp\":\"2017-08-01T07:00:00Z\",\"visitor_id\":\"v1\",\"event\":\"pageview\"\n" // 2 truncated
                + "[1,2,3]\n"                                                                           // 3 array
                + "42\n"                                                                                // 4 number
                + "\n"                                                                                  // 5 blank
                + "{\"timestamp\":\"2017-08-01T07:00:00Z\",\"visitor_id\":\"v1\",\"event\":\"purchase\",\"revenue\":{\"amount\":1}}\n" // 6
                + "{\"timestamp\":\"2017-08-01T07:00:00Z\",\"visitor_id\":\"v1\",\"event\":\"pageview\",\"event\":\"purchase\"}\n"   // 7
                + ok + " " + ok + "\n"                                                                  // 8 two objects
                + "{\"timestamp\":\"2017-08-01T07:00:00Z\",\"visitor_id\":true,\"event\":\"pageview\"}\n" // 9 boolean
                + "{\"visitor_id\":\"v1\",\"event\":\"pageview\"}\n"                                    // 10 no timestamp
                + "{\"timestamp\":\"2017-08-01T07:00:00Z\",\"visitor_id\":\"\",\"event\":\"pageview\"}\n" // 11
                + "{\"timestamp\":\"2017-08-01T07:00:00Z\",\"visitor_id\":\"v1\",\"event\":null}\n"      // 12
                + "{\"timestamp\":\"2017-08-01T07:00:00Z\",\"visitor_id\":\"v1\",\"event\":\"purchase\",\"revenue\":1e3}\n" // 13
                + "{\"timestamp\":\"2017-08-01T07:00:00Z\",\"visitor_id\":\"v1\",\"event\":\"purchase\",\"revenue\":-1}\n"  // 14
                + "{\"timestamp\":\"2017-08-01T07:00:00Z\",\"visitor_id\":\"v1\",\"event\":\"pageview\",\"revenue\":1}\n"  // 15
                + "{\"timestamp\":\"2017-08-01T07:00:00Z\",\"visitor_id\":\"v1\",\"event\":\"purchase\",\"revenue\":1,\"currency\":\"EURO\"}\n" // 16
                + "{'timestamp':1}\n"                                                                   // 17
                + "   \t \n"                                                                            // 18 blank
                + ok + "\n");                                                                           // 19 ok
        Read r = read(f).assertCounts(17, 15);
        assertTrue(r.reject(2).reason().startsWith("bad-json: malformed JSON: Unexpected end-of-input"), r.reject(2).reason());
        assertEquals("bad-json: the line is an array, not a JSON object", r.reject(3).reason());
        assertEquals("bad-json: the line is a number, not a JSON object", r.reject(4).reason());
        assertEquals("bad-json: the key 'revenue' holds an object; expected a string or a number", r.reject(6).reason());
        assertEquals("bad-json: the object has the key 'event' twice", r.reject(7).reason());
        assertEquals("bad-json: more content after the JSON object; write one object per line", r.reject(8).reason());
        assertEquals("bad-json: the key 'visitor_id' holds a boolean; expected a string or a number", r.reject(9).reason());
        assertEquals("bad-timestamp: empty timestamp", r.reject(10).reason());
        assertEquals("empty-visitor: empty visitor_id", r.reject(11).reason());
        assertEquals("missing-event: empty event", r.reject(12).reason());
        assertTrue(r.reject(13).reason().startsWith("bad-revenue: revenue '1e3' is in scientific notation"), r.reject(13).reason());
        assertTrue(r.reject(14).reason().startsWith("bad-revenue: negative revenue '-1'"), r.reject(14).reason());
        assertTrue(r.reject(15).reason().startsWith("revenue-on-non-money-event: revenue on a 'pageview' event"), r.reject(15).reason());
        assertTrue(r.reject(16).reason().startsWith("unknown-currency: unknown currency code 'EURO'"), r.reject(16).reason());
        assertTrue(r.reject(17).reason().startsWith("bad-json: malformed JSON: Unexpected character ('''"), r.reject(17).reason());
        assertEquals("[1,2,3]", r.reject(3).row());
        for (InputFiles.Reject j : r.rejects) {
            assertTrue(!j.reason().contains("\n") && !j.reason().contains("[Source"), j.reason());
        }
        assertEquals(2, r.events.size());
    }

    @Test
    void columnMapRenamesKeys() {
        Path f = write(dir, "mapped.json",
                "{\"ts\":\"2017-08-01T07:00:00Z\",\"uid\":\"u1\",\"event_name\":\"refund\",\"amount\":\"3\",\"event\":\"ignored\"}\n");
        InputOptions o = InputOptions.builder().map(List.of("timestamp=ts", "visitor_id=uid", "event=event_name", "revenue=amount")).build();
        Read r = read(o, f).assertCounts(1, 0);
        assertEquals(EventType.REFUND, r.events.get(0).type());
        assertEquals(3_000_000L, r.events.get(0).revenueMicros());
    }

    @Test
    void keysMatchCaseInsensitively() {
        Path f = write(dir, "case.jsonl", "{\"Timestamp\":\"2017-08-01T07:00:00Z\",\"VISITOR_ID\":\"u1\",\"Event\":\"pageview\"}\n");
        read(f).assertCounts(1, 0);
    }

    @Test
    void timestampsWithAnInputZone() {
        Path f = write(dir, "zone.jsonl",
                "{\"timestamp\":\"2017-08-01T03:00:40\",\"visitor_id\":\"u1\",\"event\":\"pageview\"}\n"
                + "{\"timestamp\":\"2017-08-01 07:00:40.5+00:00\",\"visitor_id\":\"u1\",\"event\":\"pageview\"}\n");
        Read r = read(InputOptions.builder().inputZone("America/New_York").build(), f).assertCounts(2, 0);
        long t = Instant.parse("2017-08-01T07:00:40Z").toEpochMilli();
        assertEquals(List.of(t, t + 500), r.events.stream().map(Event::timestampMillis).collect(Collectors.toList()));
    }
}

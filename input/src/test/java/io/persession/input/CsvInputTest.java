package io.persession.input;

import io.persession.input.InputFiles.Read;
import io.persession.input.InputFiles.Reject;
import io.persession.spi.Event;
import io.persession.spi.EventType;
import io.persession.spi.TrafficSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static io.persession.input.InputFiles.HEADER;
import static io.persession.input.InputFiles.read;
import static io.persession.input.InputFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvInputTest {
    @TempDir
    Path dir;

    private static long utc(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    @Test
    void readsEveryColumn() {
        Path f = write(dir, "events.csv", HEADER + "\n"
                + "2017-08-01T07:00:40.123Z, v1 ,pageview,,,google,cpc,summer,shoes,ad1,gclid123,https://www.google.com/,https://shop.example/home,Mozilla/5.0,e1,\n"
                + "2017-08-01T07:05:00Z,v1,Purchase,17.96,usd,(direct),(none),(not set),,,,,https://shop.example/thanks,\"Mozilla/5.0 (X11, Linux)\",e2,o1\n"
                + "2017-08-01T07:06:00Z,v2,add_to_cart,,,,,,,,,,,,,\n");
        Read r = read(f).assertCounts(3, 0);
        Event a = r.events.get(0);
        assertEquals(utc("2017-08-01T07:00:40.123Z"), a.timestampMillis());
        assertEquals("v1", a.visitorId());
        assertEquals(EventType.PAGEVIEW, a.type());
        assertEquals(TrafficSource.of("google", "cpc", "summer", "shoes", "ad1", "gclid123"), a.trafficSource());
        assertEquals("https://www.google.com/", a.referrer());
        assertEquals("https://shop.example/home", a.page());
        assertEquals("Mozilla/5.0", a.userAgent());
        assertEquals("e1", a.eventId());
        assertNull(a.orderId());
        assertEquals(0, a.revenueMicros());
        Event b = r.events.get(1);
        assertEquals(EventType.PURCHASE, b.type());
        assertEquals("Purchase", b.name());
        assertEquals(17_960_000L, b.revenueMicros());
        assertEquals("USD", b.currency());
        assertSame(TrafficSource.DIRECT, b.trafficSource());
        assertEquals("Mozilla/5.0 (X11, Linux)", b.userAgent());
        assertEquals("o1", b.orderId());
        Event c = r.events.get(2);
        assertEquals(EventType.OTHER, c.type());
        assertEquals("add_to_cart", c.name());
        assertNull(c.page());
        assertEquals(List.of("events.csv"), r.reader.names());
    }

    @Test
    void onlyTheRequiredColumnsAreNeededAndUnknownColumnsAreIgnored() {
        Path f = write(dir, "min.csv", "extra,event,visitor_id,timestamp,whatever\nx,pageview,v1,1501570840000,y\n");
        Read r = read(f).assertCounts(1, 0);
        assertEquals(1501570840000L, r.events.get(0).timestampMillis());
        assertEquals("pageview", r.events.get(0).name());
    }

    @Test
    void everyKindOfBadRowIsRejectedWithItsLineAndReason() {
        Path f = write(dir, "bad.csv", "timestamp,visitor_id,event,revenue,currency,page\n"   // 1
                + "2017-08-01T07:00:00Z,v1,pageview,,,/a\n"                                      // 2 ok
                + "2017-13-01,v1,pageview,,,/a\n"                                                // 3
                + "2017-08-01T07:00:00Z,  ,pageview,,,/a\n"                                      // 4
                + "2017-08-01T07:00:00Z,v1,,,,/a\n"                                              // 5
                + "2017-08-01T07:00:00Z,v1,purchase,abc,USD,/a\n"                                // 6
                + "2017-08-01T07:00:00Z,v1,purchase,0.1234567,USD,/a\n"                          // 7
                + "2017-08-01T07:00:00Z,v1,purchase,-5.00,USD,/a\n"                              // 8
                + "2017-08-01T07:00:00Z,v1,purchase,99999999999999,USD,/a\n"                     // 9
                + "2017-08-01T07:00:00Z,v1,purchase,1E3,USD,/a\n"                                // 10
                + "2017-08-01T07:00:00Z,v1,pageview,5,USD,/a\n"                                  // 11
                + "2017-08-01T07:00:00Z,v1,purchase,5,XX,/a\n"                                   // 12
                + "2017-08-01T07:00:00Z,v1,pageview,/a\n"                                        // 13
                + "\n"                                                                           // 14 blank
                + "2017-08-01T07:00:00Z,v1,purchase,5,eur,/a,extra\n"                            // 15
                + "   \n"                                                                        // 16 blank
                + "1501570840,v1,pageview,,,/a\n"                                                // 17
                + "2017-08-01T07:00:00Z,v1,purchase,5,eur,/a\n");                                // 18 ok
        Read r = read(f).assertCounts(15, 13);
        assertEquals("bad-timestamp: '2017-13-01' is not an ISO-8601 timestamp or epoch milliseconds", r.reject(3).reason());
        assertEquals("empty-visitor: empty visitor_id", r.reject(4).reason());
        assertEquals("missing-event: empty event", r.reject(5).reason());
        assertEquals("bad-revenue: revenue 'abc' is not a number", r.reject(6).reason());
        assertEquals("bad-revenue: revenue '0.1234567' has more than 6 decimal places", r.reject(7).reason());
        assertEquals("bad-revenue: negative revenue '-5.00'; refunds are positive amounts on a refund event", r.reject(8).reason());
        assertEquals("bad-revenue: revenue '99999999999999' is too large (at most 9223372036854.775807)", r.reject(9).reason());
        assertEquals("bad-revenue: revenue '1E3' is in scientific notation; write a plain decimal such as 1000 or 12.50", r.reject(10).reason());
        assertEquals("revenue-on-non-money-event: revenue on a 'pageview' event; only purchase, refund and ad events carry revenue", r.reject(11).reason());
        assertEquals("unknown-currency: unknown currency code 'XX'; use a 3-letter ISO 4217 code such as USD or EUR", r.reject(12).reason());
        assertEquals("field-count: row has 4 fields, header has 6", r.reject(13).reason());
        assertEquals("field-count: row has 7 fields, header has 6", r.reject(15).reason());
        assertTrue(r.reject(17).reason().startsWith("bad-timestamp: '1501570840' is a 10-digit number; plain integers are epoch milliseconds"));
        for (Reject j : r.rejects) {
            assertEquals(f.toString(), j.file());
        }
        assertEquals("2017-08-01T07:00:00Z,v1,pageview,/a", r.reject(13).row());
        assertEquals("2017-08-01T07:00:00Z,  ,pageview,,,/a", r.reject(4).row());
        assertEquals(2, r.events.size());
        assertEquals("EUR", r.events.get(1).currency());
        Map<String, Long> expected = Map.of("bad-timestamp", 2L, "empty-visitor", 1L, "missing-event", 1L, "bad-revenue", 5L,
                "revenue-on-non-money-event", 1L, "unknown-currency", 1L, "field-count", 2L);
        assertEquals(expected, r.writer.countsByReason());
        assertEquals(expected, r.reader.rejectsByReason());
    }

    @Test
    void revenueOnMoneyEventsAndZeroRevenueAnywhere() {
        Path f = write(dir, "money.csv", "timestamp,visitor_id,event,revenue\n"
                + "2017-08-01T07:00:00Z,v1,refund,3.50\n"
                + "2017-08-01T07:00:00Z,v1,ad_impression,0.0025\n"
                + "2017-08-01T07:00:00Z,v1,AD_REQUEST,0.000001\n"
                + "2017-08-01T07:00:00Z,v1,pageview,0.00\n"
                + "2017-08-01T07:00:00Z,v1,add_to_cart,12\n");
        Read r = read(f).assertCounts(5, 1);
        assertEquals(List.of(3_500_000L, 2_500L, 1L, 0L), r.events.stream().map(Event::revenueMicros).collect(java.util.stream.Collectors.toList()));
        assertEquals("revenue-on-non-money-event: revenue on a 'add_to_cart' event; only purchase, refund and ad events carry revenue", r.reject(6).reason());
    }

    @Test
    void revenueIsExact() {
        StringBuilder csv = new StringBuilder("timestamp,visitor_id,event,revenue\n");
        for (int i = 0; i < 10; i++) {
            csv.append("2017-08-01T07:00:00Z,v1,purchase,0.1\n").append("2017-08-01T07:00:00Z,v1,purchase,0.2\n");
        }
        csv.append("2017-08-01T07:00:00Z,v1,purchase,1234567.89\n");
        Read r = read(write(dir, "exact.csv", csv.toString())).assertCounts(21, 0);
        long sum = r.events.stream().mapToLong(Event::revenueMicros).sum();
        assertEquals(3_000_000L + 1_234_567_890_000L, sum);
        assertEquals(1_234_567_890_000L, r.events.get(20).revenueMicros());
        assertEquals(new BigDecimal("1234570.89"), BigDecimal.valueOf(sum, 6).stripTrailingZeros());
    }

    @Test
    void quotedMultiLineFieldsKeepLineNumbersRight() {
        Path f = write(dir, "multi.csv", "timestamp,visitor_id,event,page\r\n"     // 1
                + "2017-08-01T07:00:00Z,v1,pageview,\"line one\r\nline two\nline three\"\r\n" // 2-4
                + "bad,v1,pageview,/x\r\n"                                         // 5
                + "2017-08-01T07:00:00Z,v1,pageview,\"a \"\"quoted\"\", field\"\n"   // 6
                + "2017-08-01T07:00:00Z,,pageview,\"two\nlines\"\n"                 // 7-8
                + "nope,v2,pageview,/y\n");                                         // 9
        Read r = read(f).assertCounts(5, 3);
        assertEquals("line one\r\nline two\nline three", r.events.get(0).page());
        assertEquals("a \"quoted\", field", r.events.get(1).page());
        assertEquals(List.of(5L, 7L, 9L), r.rejects.stream().map(Reject::line).collect(java.util.stream.Collectors.toList()));
        assertEquals("2017-08-01T07:00:00Z,,pageview,\"two\nlines\"", r.reject(7).row());
    }

    @Test
    void columnMap() {
        Path f = write(dir, "mapped.csv", "ts,uid,event_name,amount,event\n"
                + "2017-08-01 07:00:00,u1,purchase,9.99,ignored\n");
        InputOptions o = InputOptions.builder().map(List.of("timestamp=ts", "visitor_id=uid", "event=event_name", "revenue=amount")).build();
        Read r = read(o, f).assertCounts(1, 0);
        Event e = r.events.get(0);
        assertEquals(utc("2017-08-01T07:00:00Z"), e.timestampMillis());
        assertEquals("u1", e.visitorId());
        assertEquals(EventType.PURCHASE, e.type());
        assertEquals(9_990_000L, e.revenueMicros());
    }

    @Test
    void headerNamesMatchCaseInsensitivelyAndTrimmed() {
        Path f = write(dir, "case.csv", " Timestamp ,Visitor_ID,EVENT\n2017-08-01T07:00:00Z,v1,pageview\n");
        read(f).assertCounts(1, 0);
    }

    @Test
    void timestampFormsWithAnInputZone() {
        Path f = write(dir, "zones.csv", "timestamp,visitor_id,event\n"
                + "2017-08-01T07:00:40Z,v,pageview\n"
                + "2017-08-01T09:00:40+02:00,v,pageview\n"
                + "2017-08-01T09:00:40+0200,v,pageview\n"
                + "2017-08-01 03:00:40,v,pageview\n"
                + "2017-08-01T03:00:40.0000000,v,pageview\n"
                + "1501570840000,v,pageview\n"
                + "2017-08-01 07:00:40.123456789Z,v,pageview\n");
        Read r = read(InputOptions.builder().inputZone("America/New_York").build(), f).assertCounts(7, 0);
        long t = utc("2017-08-01T07:00:40Z");
        assertEquals(List.of(t, t, t, t, t, t, t + 123), r.events.stream().map(Event::timestampMillis).collect(java.util.stream.Collectors.toList()));
    }

    @Test
    void byteOrderMarkIsSkipped() {
        Path f = write(dir, "bom.csv", "\uFEFFtimestamp,visitor_id,event\n2017-08-01T07:00:00Z,v1,pageview\n");
        read(f).assertCounts(1, 0);
    }

    @Test
    void blankLinesBeforeTheHeaderAreSkipped() {
        Path f = write(dir, "blank.csv", "\n\n  \ntimestamp,visitor_id,event\n\n2017-08-01T07:00:00Z,v1,pageview\nx,v1,pageview\n");
        Read r = read(f).assertCounts(2, 1);
        assertEquals(7, r.rejects.get(0).line());
    }

    @Test
    void headerOnlyIsZeroRows() {
        read(write(dir, "header.csv", HEADER + "\n")).assertCounts(0, 0);
    }

    @Test
    void currencyConversion() {
        Path f = write(dir, "fx.csv", "timestamp,visitor_id,event,revenue,currency\n"
                + "2017-08-01T07:00:00Z,v1,purchase,10,USD\n"
                + "2017-08-01T07:00:00Z,v1,purchase,10,EUR\n"
                + "2017-08-01T07:00:00Z,v1,purchase,10,GBP\n"
                + "2017-08-01T07:00:00Z,v1,purchase,10,\n"
                + "2017-08-01T07:00:00Z,v1,pageview,,GBP\n"
                + "2017-08-01T07:00:00Z,v1,purchase,0.000001,USD\n");
        InputOptions o = InputOptions.builder().currency("EUR").rate("USD", new BigDecimal("0.92")).build();
        Read r = read(o, f).assertCounts(6, 1);
        assertEquals("no-rate: revenue in GBP, but the analysis currency is EUR and there is no rate for GBP; add --fx GBP=RATE", r.reject(4).reason());
        assertEquals(List.of(9_200_000L, 10_000_000L, 10_000_000L, 0L, 1L),
                r.events.stream().map(Event::revenueMicros).collect(java.util.stream.Collectors.toList()));
        assertEquals(java.util.Arrays.asList("EUR", "EUR", null, "EUR", "EUR"),
                r.events.stream().map(Event::currency).collect(java.util.stream.Collectors.toList()));
    }

    @Test
    void formatIsSniffedForUnknownExtensions() {
        Path csv = write(dir, "events.txt", "timestamp,visitor_id,event\n2017-08-01T07:00:00Z,v1,pageview\n");
        Path json = write(dir, "events.log", "\n  {\"timestamp\":\"2017-08-01T07:00:00Z\",\"visitor_id\":\"v1\",\"event\":\"pageview\"}\n");
        Read r = read(csv, json).assertCounts(2, 0);
        assertEquals(List.of("events.txt", "events.log"), r.reader.names());
    }

    @Test
    void explicitFormatOverridesTheExtension() {
        Path f = write(dir, "events.jsonl", "timestamp,visitor_id,event\n2017-08-01T07:00:00Z,v1,pageview\n");
        read(InputOptions.builder().format("csv").build(), f).assertCounts(1, 0);
    }

    @Test
    void inputZoneDefaultIsUtc() {
        Path f = write(dir, "utc.csv", "timestamp,visitor_id,event\n2017-08-01 07:00:00,v1,pageview\n");
        assertEquals(utc("2017-08-01T07:00:00Z"), read(f).events.get(0).timestampMillis());
        assertEquals(ZoneId.of("UTC").normalized(), InputOptions.defaults().inputZone());
    }
}

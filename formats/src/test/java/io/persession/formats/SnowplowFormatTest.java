package io.persession.formats;

import io.persession.spi.Event;
import io.persession.spi.EventFormatException;
import io.persession.spi.EventType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** snowplow on enriched TSV lines and a warehouse CSV written here. */
class SnowplowFormatTest {
    private static final SnowplowFormat FORMAT = new SnowplowFormat();

    /** One enriched TSV line with the given fields set. */
    static String tsv(String... namesAndValues) {
        String[] f = new String[SnowplowFormat.FIELDS.size()];
        Arrays.fill(f, "");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            f[SnowplowFormat.FIELDS.indexOf(namesAndValues[i])] = namesAndValues[i + 1];
        }
        return String.join("\t", f);
    }

    @Test
    void enrichedTsv() throws Exception {
        String file = String.join("\n",
                tsv("collector_tstamp", "2021-03-01 12:00:00.500", "derived_tstamp", "2021-03-01 12:00:00.123", "event", "page_view",
                        "event_id", "e1", "domain_userid", "d1", "domain_sessionid", "s1", "page_url", "https://shop.example/?utm_source=x",
                        "page_referrer", "https://news.example/", "mkt_source", "news", "mkt_medium", "email", "mkt_clickid", "abc",
                        "useragent", "Mozilla/5.0"),
                tsv("collector_tstamp", "2021-03-01 12:05:00.000", "event", "transaction", "event_id", "e2", "network_userid", "n1",
                        "tr_orderid", "O-1", "tr_total", "49.90", "tr_currency", "EUR"),
                tsv("collector_tstamp", "2021-03-01 12:06:00", "event", "unstruct", "event_name", "add_to_cart", "user_id", "alice"),
                "",
                "a\tshort\tline",
                tsv("collector_tstamp", "yesterday", "event", "page_view", "domain_userid", "d1"),
                tsv("collector_tstamp", "2021-03-01 12:06:00", "event", "page_view"),
                tsv("collector_tstamp", "2021-03-01 12:06:00", "event", "transaction", "domain_userid", "d1", "tr_total", "abc")) + "\n";
        Collected c = Collected.read(FORMAT, file, Map.of(), Map.of("domain_sessionid", "session definition 'by-id'"));
        assertEquals(List.of(1L, 2L, 3L), c.positions);
        Event pv = c.events.get(0);
        assertEquals(java.time.Instant.parse("2021-03-01T12:00:00.123Z").toEpochMilli(), pv.timestampMillis(), "derived_tstamp first");
        assertEquals("d1", pv.visitorId());
        assertEquals(EventType.PAGEVIEW, pv.type());
        assertEquals("e1", pv.eventId());
        assertEquals("https://news.example/", pv.referrer());
        assertEquals("news", pv.trafficSource().source());
        assertEquals("abc", pv.trafficSource().clickId());
        assertEquals("Mozilla/5.0", pv.userAgent());
        assertEquals("s1", pv.attribute("domain_sessionid"));
        Event tr = c.events.get(1);
        assertEquals(java.time.Instant.parse("2021-03-01T12:05:00Z").toEpochMilli(), tr.timestampMillis(), "collector_tstamp when no derived_tstamp");
        assertEquals("n1", tr.visitorId(), "network_userid when no domain_userid");
        assertEquals(EventType.PURCHASE, tr.type());
        assertEquals(49_900_000L, tr.revenueMicros());
        assertEquals("EUR", tr.currency());
        assertEquals("O-1", tr.orderId());
        assertEquals("alice", c.events.get(2).visitorId(), "user_id last");
        assertEquals("add_to_cart", c.events.get(2).name());
        assertNull(c.events.get(2).attribute("domain_sessionid"));
        assertEquals(List.of(
                "5 field-count: the line has 3 tab-separated fields; an enriched event has 131",
                "6 bad-timestamp: 'yesterday' is not a Snowplow timestamp such as 2021-03-01 12:00:00.123",
                "7 empty-visitor: no domain_userid, network_userid or user_id",
                "8 bad-revenue: tr_total 'abc' is not a decimal number"), c.rejects);
        assertEquals(7, c.rows());
        assertEquals(90, FORMAT.recognise("events.tsv", file.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void warehouseCsv() throws Exception {
        String file = "app_id,collector_tstamp,derived_tstamp,event,event_id,domain_userid,domain_sessionid,page_url,tr_total,tr_orderid,tr_currency,mkt_campaign\n"
                + "shop,2021-03-01 12:00:00.000,2021-03-01T11:59:59.500Z,page_view,e1,d1,s1,https://shop.example/,,,,spring\n"
                + "shop,2021-03-01 12:01:00+00,,transaction,e2,d1,s1,,12.34,O-9,EUR,\n"
                + "shop,2021-03-01 12:02:00,,page_view,e3\n";
        Collected c = Collected.read(FORMAT, file, Map.of(), Map.of("domain_sessionid", "session definition 'by-id'"));
        assertEquals(List.of(2L, 3L), c.positions);
        assertEquals(java.time.Instant.parse("2021-03-01T11:59:59.500Z").toEpochMilli(), c.events.get(0).timestampMillis());
        assertEquals("spring", c.events.get(0).trafficSource().campaign());
        assertEquals(12_340_000L, c.events.get(1).revenueMicros());
        assertEquals(List.of("4 field-count: row has 5 fields, header has 12"), c.rejects);
        assertEquals(100, FORMAT.recognise("events.csv", file.getBytes(StandardCharsets.UTF_8)));
        EventFormatException e = assertThrows(EventFormatException.class,
                () -> Collected.read(FORMAT, file, Map.of(), Map.of("ga_session_id", "session definition 'by-id'")));
        assertEquals("no column 'ga_session_id', which session definition 'by-id' reads; Snowplow's session id is domain_sessionid", e.getMessage());
    }
}

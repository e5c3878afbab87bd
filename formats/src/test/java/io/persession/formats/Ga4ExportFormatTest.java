package io.persession.formats;

import io.persession.spi.Event;
import io.persession.spi.EventFormat;
import io.persession.spi.EventFormatException;
import io.persession.spi.EventType;
import io.persession.spi.InvalidOptionException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ga4-export on small JSON Lines files written here, in the shape BigQuery exports. */
class Ga4ExportFormatTest {
    private static final Ga4ExportFormat FORMAT = new Ga4ExportFormat();

    static String param(String key, String type, String value) {
        return "{\"key\":\"" + key + "\",\"value\":{\"" + type + "\":" + value + "}}";
    }

    static final String PAGE_VIEW = "{\"event_date\":\"20201201\",\"event_timestamp\":\"1606780800123456\",\"event_name\":\"page_view\","
            + "\"event_params\":[" + param("ga_session_id", "int_value", "\"111\"") + "," + param("page_location", "string_value", "\"https://shop.example/a\"")
            + "," + param("page_referrer", "string_value", "\"https://www.google.com/\"") + "," + param("source", "string_value", "\"(direct)\"")
            + "," + param("medium", "string_value", "\"(none)\"") + "],"
            + "\"user_pseudo_id\":\"u1\",\"traffic_source\":{\"name\":\"(organic)\",\"medium\":\"organic\",\"source\":\"google\"}}";
    static final String PURCHASE = "{\"event_timestamp\":1606780900000000,\"event_name\":\"purchase\",\"event_params\":["
            + param("ga_session_id", "int_value", "111") + "," + param("currency", "string_value", "\"USD\"") + ","
            + param("value", "double_value", "99.99") + "],"
            + "\"user_pseudo_id\":\"u1\",\"ecommerce\":{\"purchase_revenue\":123.456789,\"transaction_id\":\"T-1\"},"
            + "\"collected_traffic_source\":{\"manual_source\":\"news\",\"manual_medium\":\"email\",\"manual_campaign_name\":\"dec\",\"gclid\":null}}";
    static final String AD = "{\"event_timestamp\":\"1606781000000000\",\"event_name\":\"ad_impression\",\"event_params\":["
            + param("value", "double_value", "0.0025") + "," + param("currency", "string_value", "\"EUR\"") + "," + param("source", "string_value", "\"google\"")
            + "," + param("medium", "string_value", "\"cpc\"") + "," + param("campaign", "string_value", "\"(not set)\"") + "],\"user_pseudo_id\":\"u2\"}";
    static final String REFUND = "{\"event_timestamp\":\"1606781100000000\",\"event_name\":\"refund\",\"event_params\":[],"
            + "\"user_pseudo_id\":\"u1\",\"ecommerce\":{\"refund_value\":\"10.50\",\"transaction_id\":\"T-1\"}}";

    @Test
    void mapsTheExportSchema() throws Exception {
        String file = String.join("\n", PAGE_VIEW, PURCHASE, "", AD, REFUND, "{\"event_timestamp\":\"1606781200000000\",\"event_name\":\"scroll\",\"user_pseudo_id\":\"u3\"}") + "\n";
        Collected c = Collected.read(FORMAT, file, Map.of(), Map.of("ga_session_id", "session definition 'by-id'"));
        assertEquals(List.of(), c.rejects);
        assertEquals(List.of(1L, 2L, 4L, 5L, 6L), c.positions); // the blank line 3 is not a record
        Event pv = c.events.get(0);
        assertEquals(1606780800123L, pv.timestampMillis()); // microseconds, kept to the millisecond
        assertEquals("u1", pv.visitorId());
        assertEquals(EventType.PAGEVIEW, pv.type());
        assertEquals("page_view", pv.name());
        assertEquals("https://shop.example/a", pv.page());
        assertEquals("https://www.google.com/", pv.referrer());
        assertTrue(pv.trafficSource().isDirect(), "(direct) / (none) mean none; the user's first-touch traffic_source is not used");
        assertEquals("111", pv.attribute("ga_session_id"));

        Event purchase = c.events.get(1);
        assertEquals(EventType.PURCHASE, purchase.type());
        assertEquals(123_456_789L, purchase.revenueMicros(), "ecommerce.purchase_revenue, exact, not the value param");
        assertEquals("USD", purchase.currency());
        assertEquals("T-1", purchase.orderId());
        assertEquals("news", purchase.trafficSource().source());
        assertEquals("email", purchase.trafficSource().medium());
        assertEquals("dec", purchase.trafficSource().campaign());

        Event ad = c.events.get(2);
        assertEquals(EventType.AD_IMPRESSION, ad.type());
        assertEquals(2_500L, ad.revenueMicros());
        assertEquals("EUR", ad.currency());
        assertEquals("google", ad.trafficSource().source());
        assertEquals("cpc", ad.trafficSource().medium());
        assertNull(ad.trafficSource().campaign(), "(not set) means none");
        assertNull(ad.attribute("ga_session_id"));

        Event refund = c.events.get(3);
        assertEquals(EventType.REFUND, refund.type());
        assertEquals(10_500_000L, refund.revenueMicros());
        assertEquals("T-1", refund.orderId());

        assertEquals(EventType.OTHER, c.events.get(4).type());
        assertEquals("scroll", c.events.get(4).name());
    }

    @Test
    void firstTouchOptionFallsBackToTheUsersTrafficSource() throws Exception {
        Collected c = Collected.read(FORMAT, PAGE_VIEW + "\n", Map.of("first-touch", "true"), Map.of());
        assertEquals("google", c.events.get(0).trafficSource().source());
        assertEquals("organic", c.events.get(0).trafficSource().medium());
        assertThrows(InvalidOptionException.class, () -> Collected.read(FORMAT, PAGE_VIEW + "\n", Map.of("first-touch", "yes"), Map.of()));
    }

    @Test
    void badRecordsAreRejectedWithLineAndReason() throws Exception {
        String file = String.join("\n",
                PAGE_VIEW,
                "{\"event_timestamp\":\"yesterday\",\"event_name\":\"page_view\",\"user_pseudo_id\":\"u1\"}",
                "{\"event_timestamp\":\"1606780800000000\",\"event_name\":\"page_view\"}",
                "{\"event_timestamp\":\"1606780800000000\",\"user_pseudo_id\":\"u1\"}",
                "{not json",
                "[1,2]",
                "{\"event_timestamp\":\"1606780900000000\",\"event_name\":\"purchase\",\"user_pseudo_id\":\"u1\",\"ecommerce\":{\"purchase_revenue\":-5}}",
                "{\"event_timestamp\":\"1606780900000000\",\"event_name\":\"purchase\",\"user_pseudo_id\":\"u1\",\"event_params\":["
                        + param("currency", "string_value", "\"XYZ\"") + "],\"ecommerce\":{\"purchase_revenue\":5}}",
                PURCHASE) + "\n";
        Collected c = Collected.read(FORMAT, file, Map.of(), Map.of());
        assertEquals(List.of(
                "2 bad-timestamp: event_timestamp 'yesterday' is not whole microseconds since the epoch",
                "3 empty-visitor: empty user_pseudo_id",
                "4 missing-event: empty event_name",
                "5 bad-json: malformed JSON: Unexpected character ('n' (code 110)): was expecting double-quote to start field name",
                "6 bad-json: the line is not a JSON object",
                "7 bad-revenue: revenue -5 is negative",
                "8 unknown-currency: unknown currency code 'XYZ'; expected a 3-letter ISO 4217 code"), c.rejects);
        assertEquals("{not json", c.rejectRaws.get(3));
        assertEquals(List.of(1L, 9L), c.positions);
        assertEquals(9, c.rows(), "every non-blank line is one record: accepted + rejected");
    }

    @Test
    void aColumnNoEventHasIsAWholeFileError() {
        EventFormatException e = assertThrows(EventFormatException.class,
                () -> Collected.read(FORMAT, AD + "\n", Map.of(), Map.of("ga_session_id", "session definition 'by-id'")));
        assertTrue(e.getMessage().startsWith("no event of test-file has the event parameter or field 'ga_session_id', which session definition 'by-id' reads"),
                e.getMessage());
    }

    @Test
    void recognisesTheExportByItsKeys() {
        assertEquals(EventFormat.CERTAIN, FORMAT.recognise("events.json", PAGE_VIEW.getBytes(StandardCharsets.UTF_8)));
        assertEquals(EventFormat.NO, FORMAT.recognise("events.json", "{\"timestamp\":\"2020-01-01T00:00:00Z\",\"visitor_id\":\"a\",\"event\":\"pageview\"}".getBytes(StandardCharsets.UTF_8)));
    }
}

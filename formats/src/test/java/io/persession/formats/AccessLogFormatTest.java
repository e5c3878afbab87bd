package io.persession.formats;

import io.persession.spi.Event;
import io.persession.spi.EventFormat;
import io.persession.spi.EventFormatException;
import io.persession.spi.EventType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** access-log on small combined-format logs written here. */
class AccessLogFormatTest {
    private static final AccessLogFormat FORMAT = new AccessLogFormat();
    private static final String UA = "Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0";
    static final String LOG = String.join("\n",
            "203.0.113.7 - - [10/Oct/2000:13:55:36 -0700] \"GET /landing?utm_source=news&utm_medium=email&utm_campaign=oct%20sale&gclid=abc HTTP/1.1\" 200 2326 \"https://mail.example/\" \"" + UA + "\"",
            "203.0.113.7 - - [10/Oct/2000:13:55:37 -0700] \"GET /static/app.css HTTP/1.1\" 200 100 \"https://shop.example/landing\" \"" + UA + "\"",
            "203.0.113.7 - frank [10/Oct/2000:13:56:00 -0700] \"GET /products/1 HTTP/1.1\" 304 0 \"-\" \"" + UA + "\"",
            "203.0.113.7 - - [10/Oct/2000:13:57:00 -0700] \"POST /cart HTTP/1.1\" 302 0 \"-\" \"" + UA + "\"",
            "198.51.100.2 - - [10/Oct/2000:22:57:00 +0200] \"GET /missing HTTP/1.1\" 404 0 \"-\" \"Googlebot/2.1 (+http://www.google.com/bot.html)\"",
            "",
            "this is not a log line from 192.0.2.44",
            "203.0.113.7 - - [31/Foo/2000:13:55:36 -0700] \"GET / HTTP/1.1\" 200 1 \"-\" \"" + UA + "\"",
            "2001:db8::1 - - [10/Oct/2000:13:58:00 -0700] \"GET /about.html HTTP/2.0\" 200 10 \"-\" \"curl/8.0\"") + "\n";

    @Test
    void pagesAssetsAndOtherRequests() throws Exception {
        Collected c = Collected.read(FORMAT, LOG, Map.of("salt", "s3cret", "site", "https://shop.example"), Map.of());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 9L), c.positions);
        Event landing = c.events.get(0);
        assertEquals(EventType.PAGEVIEW, landing.type());
        assertEquals(java.time.Instant.parse("2000-10-10T20:55:36Z").toEpochMilli(), landing.timestampMillis(), "the line's own offset");
        assertEquals("https://shop.example/landing?utm_source=news&utm_medium=email&utm_campaign=oct%20sale&gclid=abc", landing.page());
        assertEquals("news", landing.trafficSource().source());
        assertEquals("email", landing.trafficSource().medium());
        assertEquals("oct sale", landing.trafficSource().campaign());
        assertEquals("abc", landing.trafficSource().clickId());
        assertEquals("https://mail.example/", landing.referrer());
        assertEquals(UA, landing.userAgent());
        assertTrue(landing.visitorId().matches("v[0-9a-f]{32}"), landing.visitorId());
        assertEquals("asset", c.events.get(1).name());
        assertEquals(EventType.OTHER, c.events.get(1).type());
        assertEquals(EventType.PAGEVIEW, c.events.get(2).type(), "304 Not Modified is a page seen");
        assertNull(c.events.get(2).referrer(), "- is no referrer");
        assertEquals("request", c.events.get(3).name(), "a POST answered with a redirect");
        assertEquals("request", c.events.get(4).name(), "a 404");
        assertEquals(c.events.get(0).visitorId(), c.events.get(3).visitorId(), "same address and user agent: same visitor");
        assertNotEquals(c.events.get(0).visitorId(), c.events.get(4).visitorId());
        assertEquals(EventType.PAGEVIEW, c.events.get(5).type(), "IPv6 clients and HTTP/2");
        for (Event e : c.events) {
            assertFalse(e.toString().contains("203.0.113.7") || e.visitorId().contains("203"), "no raw address in events");
        }
    }

    @Test
    void badLinesAreRejectedWithTheAddressMasked() throws Exception {
        Collected c = Collected.read(FORMAT, LOG, Map.of(), Map.of());
        assertEquals(List.of(
                "7 bad-line: not in the combined log format (host ident user [date] \"request\" status bytes \"referer\" \"user agent\")",
                "8 bad-timestamp: '31/Foo/2000:13:55:36 -0700' is not a date such as 10/Oct/2000:13:55:36 -0700"), c.rejects);
        assertEquals("[address masked] is not a log line from [address masked]", c.rejectRaws.get(0));
        assertTrue(c.rejectRaws.get(1).startsWith("[address masked] - - [31/Foo/2000"), c.rejectRaws.get(1));
        for (String raw : c.rejectRaws) {
            assertFalse(raw.contains("203.0.113.7") || raw.contains("192.0.2.44"), raw);
        }
        assertFalse(c.raws.get(0).get().contains("203.0.113.7"), "the raw text an accepted line would be rejected with is masked too");
        assertEquals(8, c.rows(), "8 non-blank lines: 6 accepted + 2 rejected");
    }

    @Test
    void saltChangesVisitorIdsNotCounts() throws Exception {
        Collected a = Collected.read(FORMAT, LOG, Map.of("salt", "one"), Map.of());
        Collected b = Collected.read(FORMAT, LOG, Map.of("salt", "two"), Map.of());
        Collected again = Collected.read(FORMAT, LOG, Map.of("salt", "one"), Map.of());
        assertNotEquals(a.events.get(0).visitorId(), b.events.get(0).visitorId());
        assertEquals(a.events.get(0).visitorId(), again.events.get(0).visitorId());
        assertEquals(a.events.size(), b.events.size());
        Collected runSalt1 = Collected.read(FORMAT, LOG, Map.of(), Map.of());
        Collected runSalt2 = Collected.read(FORMAT, LOG, Map.of(), Map.of());
        assertEquals(runSalt1.events.get(0).visitorId(), runSalt2.events.get(0).visitorId(), "one salt per run: a second read gives the same visitors");
    }

    @Test
    void assetExtensionsAreConfigurable() throws Exception {
        Collected c = Collected.read(FORMAT, LOG, Map.of("asset-extensions", "html"), Map.of());
        assertEquals(EventType.PAGEVIEW, c.events.get(1).type(), ".css is a page now");
        assertEquals("asset", c.events.get(5).name(), ".html is an asset now");
    }

    @Test
    void noColumnsForDefinitionsAndRecognition() {
        assertThrows(EventFormatException.class, () -> Collected.read(FORMAT, LOG, Map.of(), Map.of("ga_session_id", "session definition 'by-id'")));
        assertEquals(90, FORMAT.recognise("access.log", LOG.getBytes(StandardCharsets.UTF_8)));
        assertEquals(EventFormat.NO, FORMAT.recognise("events.csv", "timestamp,visitor_id,event\n".getBytes(StandardCharsets.UTF_8)));
    }
}

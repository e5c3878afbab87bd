package io.persession.spi;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventTest {
    @Test
    void blankOrNullVisitorIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Event.builder(0, "  "));
        assertTrue(e.getMessage().contains("visitorId"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Event.builder(0, ""));
        assertThrows(NullPointerException.class, () -> Event.builder(0, null));
    }

    @Test
    void aBuilderUsedAgainLeavesTheEventsBuiltBeforeAlone() {
        Event.Builder b = Event.builder(1, "v1").page("/a").attribute("sid", "s1");
        Event first = b.build();
        Event second = b.timestampMillis(2).visitorId("v2").page("/b").attribute("sid", null).build();
        assertEquals(1, first.timestampMillis());
        assertEquals("v1", first.visitorId());
        assertEquals("/a", first.page());
        assertEquals(java.util.Map.of("sid", "s1"), first.attributes());
        assertEquals(2, second.timestampMillis());
        assertEquals("v2", second.visitorId());
        assertEquals("/b", second.page());
        assertTrue(second.attributes().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> b.visitorId(" "));
        assertThrows(NullPointerException.class, () -> b.visitorId(null));
        assertEquals("v2", b.build().visitorId());
    }

    @Test
    void negativeRevenueIsRejected() {
        Event.Builder b = Event.builder(0, "v");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.revenueMicros(-1));
        assertTrue(e.getMessage().contains("negative"), e.getMessage());
        assertEquals(0, Event.builder(0, "v").revenueMicros(0).build().revenueMicros());
    }

    @Test
    void defaultsAndBlankTextBecomesNull() {
        Event e = Event.builder(1_700_000_000_000L, "v").currency(" ").referrer("").page("  ").userAgent("")
                .eventId(" ").orderId("").build();
        assertEquals(EventType.OTHER, e.type());
        assertEquals("other", e.name());
        assertEquals(0, e.revenueMicros());
        assertSame(TrafficSource.DIRECT, e.trafficSource());
        assertNull(e.currency());
        assertNull(e.referrer());
        assertNull(e.page());
        assertNull(e.userAgent());
        assertNull(e.eventId());
        assertNull(e.orderId());
        assertEquals(Instant.ofEpochMilli(1_700_000_000_000L), e.timestamp());
    }

    @Test
    void everyKindOfBlankIsNullAndOtherTextIsKeptAsGiven() {
        // the getters decide (the first char settles most cases; the rest are scanned as String.isBlank does)
        for (String blank : new String[] {"", " ", "\t", "\n \r", "\u000B", "\u001F", "\u2003", " \u3000 "}) {
            Event e = Event.builder(0, "v").referrer(blank).page(blank).userAgent(blank).eventId(blank).orderId(blank).build();
            String shown = blank.codePoints().mapToObj(c -> Integer.toHexString(c)).toList().toString();
            assertNull(e.referrer(), shown);
            assertNull(e.page(), shown);
            assertNull(e.userAgent(), shown);
            assertNull(e.eventId(), shown);
            assertNull(e.orderId(), shown);
            assertNull(e.toBuilder().build().page(), shown);
        }
        for (String text : new String[] {"!", "~", "a", " a", "\t/x", "\u007F", "\u00A0", "\u00E9t\u00E9", "\u2003x", "\uD83D\uDE00"}) {
            Event e = Event.builder(0, "v").referrer(text).page(text).userAgent(text).eventId(text).orderId(text).build();
            assertSame(text, e.referrer());
            assertSame(text, e.page());
            assertSame(text, e.userAgent());
            assertSame(text, e.eventId());
            assertSame(text, e.orderId());
            assertSame(text, e.toBuilder().build().eventId());
        }
    }

    @Test
    void namedSetsTheTypeAndKeepsTheName() {
        Event p = Event.builder(0, "v").named(" Purchase ").build();
        assertEquals(EventType.PURCHASE, p.type());
        assertEquals("Purchase", p.name());
        Event o = Event.builder(0, "v").named("add_to_cart").build();
        assertEquals(EventType.OTHER, o.type());
        assertEquals("add_to_cart", o.name());
        assertEquals("pageview", Event.builder(0, "v").type(EventType.PAGEVIEW).build().name());
        assertEquals(EventType.AD_IMPRESSION, EventType.fromName("AD_IMPRESSION"));
        assertEquals(EventType.OTHER, EventType.fromName("other"));
        assertThrows(NullPointerException.class, () -> Event.builder(0, "v").type(null));
        assertThrows(NullPointerException.class, () -> Event.builder(0, "v").trafficSource(null));
    }

    @Test
    void toBuilderCopiesEveryField() {
        TrafficSource src = TrafficSource.of("google", "cpc", null, null, null, null);
        Event e = Event.builder(5, "v").named("purchase").revenueMicros(12_340_000).currency("EUR").trafficSource(src)
                .referrer("https://a.example/").page("https://shop.example/p").userAgent("UA").eventId("e1").orderId("o1").build();
        Event c = e.toBuilder().build();
        assertEquals(e.timestampMillis(), c.timestampMillis());
        assertEquals(e.visitorId(), c.visitorId());
        assertEquals(e.type(), c.type());
        assertEquals(e.name(), c.name());
        assertEquals(e.revenueMicros(), c.revenueMicros());
        assertEquals(e.currency(), c.currency());
        assertEquals(e.trafficSource(), c.trafficSource());
        assertEquals(e.referrer(), c.referrer());
        assertEquals(e.page(), c.page());
        assertEquals(e.userAgent(), c.userAgent());
        assertEquals(e.eventId(), c.eventId());
        assertEquals(e.orderId(), c.orderId());
        assertEquals(12_340_000, e.revenueMicros());
        assertTrue(e.toString().contains("purchase") && e.toString().contains("EUR"), e.toString());
    }
}

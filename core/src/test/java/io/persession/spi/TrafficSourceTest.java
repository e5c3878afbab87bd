package io.persession.spi;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrafficSourceTest {
    @Test
    void gaPlaceholdersAndBlanksMeanNone() {
        TrafficSource t = TrafficSource.of("(direct)", "(none)", "(not set)", "(not provided)", "  ", null);
        assertSame(TrafficSource.DIRECT, t);
        assertTrue(t.isDirect());
        assertSame(TrafficSource.DIRECT, TrafficSource.of("(DIRECT)", " (None) ", "(Not Set)", null, "", null),
                "placeholders match whatever their case and surrounding blanks");
        assertNull(TrafficSource.normalise(" (not set) "));
        assertNull(TrafficSource.normalise(""));
        assertNull(TrafficSource.normalise(null));
        assertEquals("google", TrafficSource.normalise("  google "));
        assertEquals("(other)", TrafficSource.normalise("(other)"), "only the four placeholders are none");
    }

    @Test
    void equalityIsOnNormalisedFields() {
        TrafficSource a = TrafficSource.of("google", "cpc", "spring", "(not provided)", null, null);
        TrafficSource b = TrafficSource.of(" google", "cpc ", "spring", null, "(not set)", "");
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertFalse(a.isDirect());
        assertNull(a.term());
        assertEquals("spring", a.campaign());

        assertNotEquals(a, TrafficSource.of("google", "cpc", "autumn", null, null, null));
        assertNotEquals(a, TrafficSource.of("Google", "cpc", "spring", null, null, null), "values are case-sensitive");
        assertNotEquals(a, TrafficSource.of("google", "cpc", "spring", null, null, "gclid-1"));
        assertNotEquals(a, TrafficSource.DIRECT);
        assertNotEquals(a, null);
        assertNotEquals(a, "google / cpc / spring");
    }

    @Test
    void anyFieldMakesItNonDirect() {
        assertFalse(TrafficSource.of(null, null, null, null, null, "gclid-1").isDirect());
        assertFalse(TrafficSource.of(null, null, null, "shoes", null, null).isDirect());
        assertFalse(TrafficSource.of(null, null, null, null, "banner", null).isDirect());
        assertEquals("gclid-1", TrafficSource.of(null, null, null, null, null, "gclid-1").clickId());
    }

    @Test
    void toStringIsReadable() {
        assertEquals("(direct)", TrafficSource.DIRECT.toString());
        assertEquals("google / cpc / spring", TrafficSource.of("google", "cpc", "spring", null, null, null).toString());
        assertEquals("(none) / email", TrafficSource.of(null, "email", null, null, null, null).toString());
        assertEquals("google / cpc / click abc", TrafficSource.of("google", "cpc", null, null, null, "abc").toString());
    }
}

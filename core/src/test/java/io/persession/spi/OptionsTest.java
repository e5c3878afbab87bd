package io.persession.spi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptionsTest {

    @ParameterizedTest
    @CsvSource({
            "30m, PT30M",
            "1h30m, PT1H30M",
            "90s, PT1M30S",
            "500ms, PT0.5S",
            "PT45M, PT45M",
            "pt45m, PT45M",
            "1d, PT24H",
            "7h55m, PT7H55M",
            "1m30s, PT1M30S",
            "1h5ms, PT1H0.005S",
            "2D3H, PT51H",
            "' 30m ', PT30M",
            "1d2h3m4s5ms, PT26H3M4.005S",
            "P1DT2H, PT26H",
            "90m, PT1H30M"})
    void readsDurations(String text, String iso) {
        assertEquals(Duration.parse(iso), Options.duration("timeout", text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0m", "-5m", "abc", "30", "", " ", "m", "5 m", "PT0S", "PT-5M", "1h-5m", "30min", "0d0h", "1.5h", "P"})
    void rejectsBadDurationsNamingOptionAndValue(String text) {
        InvalidOptionException e = assertThrows(InvalidOptionException.class, () -> Options.duration("timeout", text));
        assertEquals("timeout", e.option());
        assertTrue(e.getMessage().contains("option 'timeout'"), e.getMessage());
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("30m"), "says what is accepted: " + e.getMessage());
    }

    @Test
    void aDurationTooLargeForALongIsAnInvalidOption() {
        // 20 digits do not fit a long: must still be an InvalidOptionException naming the option, not a NumberFormatException
        InvalidOptionException e = assertThrows(InvalidOptionException.class,
                () -> Options.duration("timeout", "99999999999999999999m"));
        assertEquals("timeout", e.option());
        InvalidOptionException d = assertThrows(InvalidOptionException.class,
                () -> Options.duration("timeout", "9999999999999999d"));
        assertEquals("timeout", d.option());
    }

    @Test
    void durationWithinARange() {
        Duration min = Duration.ofSeconds(1);
        Duration max = Duration.ofHours(7).plusMinutes(55);
        assertEquals(max, Options.duration("timeout", "7h55m", min, max));
        assertEquals(min, Options.duration("timeout", "1s", min, max));
        InvalidOptionException e = assertThrows(InvalidOptionException.class, () -> Options.duration("timeout", "8h", min, max));
        assertEquals("timeout", e.option());
        assertTrue(e.getMessage().contains("'8h'") && e.getMessage().contains("1s to 7h55m"), e.getMessage());
        assertThrows(InvalidOptionException.class, () -> Options.duration("timeout", "999ms", min, max));
        assertThrows(InvalidOptionException.class, () -> Options.duration("timeout", "0s", min, max));
    }

    @ParameterizedTest
    @CsvSource({"PT30M, 30m", "PT1H30M, 1h30m", "PT7H55M, 7h55m", "PT0.5S, 500ms", "PT24H, 1d", "PT25H, 1d1h",
            "PT1H0M1S, 1h1s", "PT1M1.5S, 1m1s500ms", "PT0S, 0s", "PT48H0.001S, 2d1ms"})
    void formatsDurations(String iso, String text) {
        assertEquals(text, Options.format(Duration.parse(iso)));
    }

    @Test
    void formatAndDurationRoundTrip() {
        SplittableRandom r = new SplittableRandom(42);
        for (int i = 0; i < 2000; i++) {
            long millis = 1 + (i % 2 == 0 ? r.nextLong(3_600_000) : r.nextLong(90L * 24 * 3_600_000));
            Duration d = Duration.ofMillis(millis);
            String text = Options.format(d);
            assertEquals(d, Options.duration("x", text), text);
        }
    }

    @Test
    void everyAcceptedDurationFormatsToTextThatReadsBack() {
        // format is documented as "the short form duration reads"; ISO-8601 lets sub-millisecond values in
        for (String text : List.of("PT0.0001S", "PT1.0005S")) {
            Duration d;
            try {
                d = Options.duration("timeout", text);
            } catch (InvalidOptionException rejected) {
                continue; // rejecting sub-millisecond precision would be fine too
            }
            String formatted = Options.format(d);
            assertFalse(formatted.isEmpty(), text + " was accepted as " + d + " but formats as an empty string");
            assertEquals(d, Options.duration("timeout", formatted), text + " formats as '" + formatted + "'");
        }
    }

    @Test
    void zones() {
        assertEquals(ZoneId.of("Europe/Paris"), Options.zone("zone", "Europe/Paris"));
        assertEquals(ZoneId.of("UTC"), Options.zone("zone", " UTC "));
        assertEquals(ZoneId.of("America/Los_Angeles"), Options.zone("zone", "America/Los_Angeles"));
        for (String bad : new String[] {"Mars/Olympus", "", "Europe/Pariss", "+25:00"}) {
            InvalidOptionException e = assertThrows(InvalidOptionException.class, () -> Options.zone("zone", bad));
            assertEquals("zone", e.option());
            assertTrue(e.getMessage().contains("option 'zone'") && e.getMessage().contains("'" + bad + "'"), e.getMessage());
            assertTrue(e.getMessage().contains("Europe/Paris"), "gives an example: " + e.getMessage());
        }
    }

    @Test
    void integersWithinRange() {
        assertEquals(2500, Options.integer("max-events", "2500", 1, 10_000));
        assertEquals(1000, Options.integer("max-events", "1_000", 1, 10_000));
        assertEquals(42, Options.integer("max-events", " 42 ", 1, 10_000));
        assertEquals(1, Options.integer("max-events", "1", 1, 10_000));
        assertEquals(10_000, Options.integer("max-events", "10000", 1, 10_000));

        InvalidOptionException notNumber = assertThrows(InvalidOptionException.class, () -> Options.integer("max-events", "abc", 1, 10_000));
        assertEquals("max-events", notNumber.option());
        assertTrue(notNumber.getMessage().contains("'abc'") && notNumber.getMessage().contains("1 to 10000")
                && notNumber.getMessage().contains("option 'max-events'"), notNumber.getMessage());

        InvalidOptionException tooSmall = assertThrows(InvalidOptionException.class, () -> Options.integer("max-events", "0", 1, 10_000));
        assertTrue(tooSmall.getMessage().contains("0 is out of range") && tooSmall.getMessage().contains("1 to 10000"), tooSmall.getMessage());
        assertThrows(InvalidOptionException.class, () -> Options.integer("max-events", "10001", 1, 10_000));
        assertThrows(InvalidOptionException.class, () -> Options.integer("max-events", "-3", 1, 10_000));
        assertThrows(InvalidOptionException.class, () -> Options.integer("max-events", "1.5", 1, 10_000));
        assertThrows(InvalidOptionException.class, () -> Options.integer("max-events", "99999999999999999999", 1, 10_000));
    }

    @Test
    void lists() {
        assertEquals(List.of("a.com", "b.com", "c.com"), Options.list(" a.com, b.com,, ,c.com "));
        assertEquals(List.of(), Options.list(""));
        assertEquals(List.of("x"), Options.list("x"));
    }

    private static final List<OptionSpec> SPECS = List.of(
            OptionSpec.of("timeout", "30m", "inactivity timeout"),
            OptionSpec.of("zone", "UTC", "time zone"),
            OptionSpec.of("internal-hosts", null, "hosts of the site"));

    @Test
    void resolveAppliesDefaultsAndKeepsSpecOrder() {
        Map<String, String> r = Options.resolve("midnight", SPECS, Map.of("zone", "Europe/Paris"));
        assertEquals(Map.of("timeout", "30m", "zone", "Europe/Paris"), r);
        assertEquals(List.of("timeout", "zone"), List.copyOf(r.keySet()));
        assertFalse(r.containsKey("internal-hosts"), "no default and not given: left out");

        Map<String, String> r2 = Options.resolve("midnight", SPECS, Map.of("internal-hosts", "a.com", "timeout", "5m"));
        assertEquals(List.of("timeout", "zone", "internal-hosts"), List.copyOf(r2.keySet()));
        assertEquals("5m", r2.get("timeout"));
        assertEquals("a.com", r2.get("internal-hosts"));
    }

    @Test
    void resolveRejectsUnknownNames() {
        InvalidOptionException e = assertThrows(InvalidOptionException.class,
                () -> Options.resolve("midnight", SPECS, Map.of("timezone", "UTC")));
        assertEquals("timezone", e.option());
        assertEquals("'midnight' has no option 'timezone'; its options are: timeout, zone, internal-hosts", e.getMessage());
        InvalidOptionException none = assertThrows(InvalidOptionException.class,
                () -> Options.resolve("ga4", List.of(), Map.of("x", "1")));
        assertTrue(none.getMessage().endsWith("(none)"), none.getMessage());
    }

    @Test
    void optionSpecs() {
        OptionSpec s = OptionSpec.of("timeout", "30m", "inactivity timeout");
        assertEquals("timeout=30m", s.toString());
        assertEquals("zone", OptionSpec.of("zone", null, "z").toString());
        assertThrows(IllegalArgumentException.class, () -> OptionSpec.of("Time_Out", null, "bad name"));
        assertThrows(NullPointerException.class, () -> OptionSpec.of("x", null, null));
    }
}

package io.persession.input;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimestampsTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static long parse(String s, ZoneId zone) throws RowRejected {
        return new Timestamps(zone).parse(s);
    }

    private static long utc(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2017-08-01T07:00:40Z|2017-08-01T07:00:40Z",
        "2017-08-01T07:00:40.000Z|2017-08-01T07:00:40Z",
        "2017-08-01t07:00:40z|2017-08-01T07:00:40Z",
        "2017-08-01 07:00:40Z|2017-08-01T07:00:40Z",
        "2017-08-01T07:00Z|2017-08-01T07:00:00Z",
        "2017-08-01T09:00:40+02:00|2017-08-01T07:00:40Z",
        "2017-08-01T09:00:40+0200|2017-08-01T07:00:40Z",
        "2017-08-01T09:00:40+02|2017-08-01T07:00:40Z",
        "2017-08-01T03:00:40.5-04:00|2017-08-01T07:00:40.500Z",
        "2017-08-01T12:30:40+05:30|2017-08-01T07:00:40Z",
        "2017-08-01 07:00:40 UTC|2017-08-01T07:00:40Z",
        "2017-08-01 09:00:40 +02:00|2017-08-01T07:00:40Z",
        "2017-08-01T07:00:40,25Z|2017-08-01T07:00:40.250Z",
        "2016-02-29T00:00:00Z|2016-02-29T00:00:00Z",
        "2000-02-29T23:59:59.999Z|2000-02-29T23:59:59.999Z",
        "1969-12-31T23:59:59.9999Z|1969-12-31T23:59:59.999Z",
        "0001-01-01T00:00:00Z|0001-01-01T00:00:00Z",
        "9999-12-31T23:59:59.999999999Z|9999-12-31T23:59:59.999Z",
    })
    void isoWithZoneOrOffset(String text, String expected) throws RowRejected {
        // the input zone does not matter when the text has an offset
        assertEquals(utc(expected), parse(text, ZoneOffset.UTC), text);
        assertEquals(utc(expected), parse(text, NEW_YORK), text);
    }

    @Test
    void zeroToNineFractionDigitsAreTruncatedToMilliseconds() throws RowRejected {
        String digits = "987654321";
        long base = utc("2017-08-01T07:00:40Z");
        assertEquals(base, parse("2017-08-01T07:00:40Z", ZoneOffset.UTC));
        long[] expected = {900, 980, 987, 987, 987, 987, 987, 987, 987};
        for (int n = 1; n <= 9; n++) {
            String text = "2017-08-01T07:00:40." + digits.substring(0, n) + "Z";
            assertEquals(base + expected[n - 1], parse(text, ZoneOffset.UTC), text);
        }
        RowRejected tooMany = assertThrows(RowRejected.class, () -> parse("2017-08-01T07:00:40.1234567891Z", ZoneOffset.UTC));
        assertTrue(tooMany.getMessage().contains("more than 9 fraction digits"), tooMany.getMessage());
    }

    @Test
    void noOffsetIsLocalTimeInTheInputZone() throws RowRejected {
        assertEquals(utc("2017-08-01T07:00:40Z"), parse("2017-08-01T07:00:40", ZoneOffset.UTC));
        assertEquals(utc("2017-08-01T07:00:40.123Z"), parse("2017-08-01 03:00:40.123", NEW_YORK)); // EDT, -4
        assertEquals(utc("2017-01-15T08:00:00Z"), parse("2017-01-15T03:00:00", NEW_YORK)); // EST, -5
        assertEquals(utc("2017-08-01T05:00:00Z"), parse("2017-08-01T07:00:00", ZoneId.of("+02:00")));
    }

    @Test
    void dstGapMovesLaterAndOverlapTakesTheEarlierOffset() throws RowRejected {
        // 2017-03-12 02:30 does not exist in New York: ZonedDateTime.of moves it by the gap to 03:30 EDT
        assertEquals(utc("2017-03-12T07:30:00Z"), parse("2017-03-12T02:30:00", NEW_YORK));
        // 2017-11-05 01:30 happens twice: the earlier offset (EDT, -4) wins
        assertEquals(utc("2017-11-05T05:30:00Z"), parse("2017-11-05T01:30:00", NEW_YORK));
        assertEquals(utc("2017-11-05T05:59:59Z"), parse("2017-11-05T01:59:59", NEW_YORK));
        assertEquals(utc("2017-11-05T07:00:00Z"), parse("2017-11-05T02:00:00", NEW_YORK));
    }

    /** The cached zone offsets agree with java.time on every quarter hour (and every minute near transitions), in any order. */
    @ParameterizedTest
    @ValueSource(strings = {"America/New_York", "Europe/Dublin", "Australia/Lord_Howe", "America/Sao_Paulo", "Asia/Kolkata", "Pacific/Apia"})
    void cachedZoneOffsetsAgreeWithJavaTime(String zoneId) throws RowRejected {
        ZoneId zone = ZoneId.of(zoneId);
        List<LocalDateTime> times = new ArrayList<>();
        for (LocalDateTime t = LocalDateTime.of(2011, 1, 1, 0, 0); t.getYear() < 2012; t = t.plusMinutes(15)) {
            times.add(t);
        }
        zone.getRules().getTransitions().stream()
                .filter(tr -> tr.getInstant().isAfter(Instant.parse("2009-12-01T00:00:00Z")) && tr.getInstant().isBefore(Instant.parse("2013-02-01T00:00:00Z")))
                .forEach(tr -> {
                    for (int m = -90; m <= 90; m++) {
                        times.add(tr.getDateTimeBefore().plusMinutes(m).plusSeconds(m & 1));
                    }
                });
        Timestamps sequential = new Timestamps(zone);
        for (LocalDateTime t : times) {
            assertEquals(ZonedDateTime.of(t, zone).toInstant().toEpochMilli(), sequential.parse(t.toString().length() == 16 ? t + ":00" : t.toString()), t.toString());
        }
        Collections.shuffle(times, new Random(42));
        Timestamps shuffled = new Timestamps(zone);
        for (LocalDateTime t : times) {
            assertEquals(ZonedDateTime.of(t, zone).toInstant().toEpochMilli(), shuffled.parse(t.toString()), t.toString());
        }
    }

    @Test
    void epochMilliseconds() throws RowRejected {
        assertEquals(1501570840000L, parse("1501570840000", NEW_YORK));
        assertEquals(99999999999L, parse("99999999999", ZoneOffset.UTC));
        assertEquals(99999999999999L, parse("99999999999999", ZoneOffset.UTC));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1501570840|is a 10-digit number; plain integers are epoch milliseconds (11 to 14 digits)",
        "1501570840000000|is a 16-digit number",
        "2017|is a 4-digit number",
        "2017-13-01|'2017-13-01' is not an ISO-8601 timestamp or epoch milliseconds",
        "2017-13-01T00:00:00Z|month 13 does not exist",
        "2017-02-29T00:00:00Z|day 29 does not exist in 2017-02",
        "2017-04-31T00:00:00Z|day 31 does not exist in 2017-04",
        "2017-08-01T24:00:00Z|hour 24 is out of range",
        "2017-08-01T23:60:00Z|minute 60 is out of range",
        "2017-08-01T23:59:60Z|second 60 is out of range",
        "2017-08-01T07:00:40+19:00|offset +19:00 is out of range",
        "2017-08-01|is not an ISO-8601 timestamp",
        "2017-08-01X07:00:40Z|is not an ISO-8601 timestamp",
        "2017-08-01T07:00:40.Z|is not an ISO-8601 timestamp",
        "2017-08-01T07:00:40Q|is not an ISO-8601 timestamp",
        "2017-08-01T07:00:40+2:00|is not an ISO-8601 timestamp",
        "2017-08-01T07:00:40+|is not an ISO-8601 timestamp",
        "2017-08-01T07:00:40-1|is not an ISO-8601 timestamp",
        "2017-08-01T07:00:40Z junk|is not an ISO-8601 timestamp",
        "17-08-01T07:00:40Z|is not an ISO-8601 timestamp",
        "yesterday|is not an ISO-8601 timestamp",
        "-1501570840000|is not an ISO-8601 timestamp",
        "1501570840000.5|is not an ISO-8601 timestamp",
    })
    void badTimestamps(String text, String expected) {
        RowRejected r = assertThrows(RowRejected.class, () -> parse(text, ZoneOffset.UTC), text);
        assertEquals(RejectCategory.BAD_TIMESTAMP, r.category());
        assertTrue(r.getMessage().contains(expected), r.getMessage());
    }

    @Test
    void emptyTimestamp() {
        RowRejected r = assertThrows(RowRejected.class, () -> parse("", ZoneOffset.UTC));
        assertEquals("bad-timestamp: empty timestamp", r.reason());
    }

    @Test
    void daysFromCivilMatchesJavaTime() {
        for (long day = -800_000; day <= 3_000_000; day += 97) {
            java.time.LocalDate d = java.time.LocalDate.ofEpochDay(day);
            assertEquals(day, Timestamps.daysFromCivil(d.getYear(), d.getMonthValue(), d.getDayOfMonth()), d.toString());
        }
    }
}

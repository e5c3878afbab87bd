package io.persession.input;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Parses input timestamps into epoch milliseconds (UTC). Not thread-safe (it caches the zone offset of the
 * last local time it converted).
 *
 * <p>Accepted forms:
 * <ul>
 *   <li>ISO-8601 {@code yyyy-MM-dd'T'HH:mm[:ss[.f]]} with {@code T} (or {@code t}) or a single space
 *       between date and time; 0 to 9 fraction digits ({@code .} or {@code ,}); then {@code Z}, an
 *       offset {@code +02:00}, {@code +0200} or {@code +02}, or {@code UTC}/{@code GMT}, optionally after
 *       one space; or nothing: a local date-time in the input zone. A local time in a DST gap is moved
 *       later by the length of the gap, one in a DST overlap takes the earlier offset (the resolution of
 *       {@link ZonedDateTime#of(LocalDateTime, ZoneId)}).</li>
 *   <li>A plain integer of 11 to 14 digits: epoch milliseconds (1973-03-03 to year 5138). Integers of other
 *       lengths are rejected, which catches epoch seconds (10 digits) and microseconds (16 digits) instead
 *       of misreading them.</li>
 * </ul>
 * Sub-millisecond fractions are truncated (toward the past), as {@link Instant#toEpochMilli()} does.
 */
final class Timestamps {
    /** Never a parse result: the years are limited to 0000-9999. */
    static final long FAILED = Long.MIN_VALUE;

    private final ZoneId zone;
    private final ZoneRules rules;
    /** The zone's offset in seconds when it has one fixed offset, else {@code Integer.MIN_VALUE}. */
    private final int fixedOffset;

    // The local-time window [cacheFrom, cacheTo) (local epoch seconds) where the zone has the single offset cacheOffset.
    private long cacheFrom = 1;
    private long cacheTo = 0;
    private int cacheOffset;

    Timestamps(ZoneId zone) {
        this.zone = zone;
        this.rules = zone.getRules();
        this.fixedOffset = rules.isFixedOffset() ? rules.getOffset(Instant.EPOCH).getTotalSeconds() : Integer.MIN_VALUE;
    }

    ZoneId zone() {
        return zone;
    }

    /** Epoch milliseconds of {@code text} (trimmed by the caller, may be empty). */
    long parse(String text) throws RowRejected {
        int n = text.length();
        if (n == 0) {
            throw new RowRejected(RejectCategory.BAD_TIMESTAMP, "empty timestamp");
        }
        boolean allDigits = true;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                allDigits = false;
                break;
            }
        }
        if (allDigits) {
            if (n < 11 || n > 14) {
                throw new RowRejected(RejectCategory.BAD_TIMESTAMP, RowRejected.quote(text) + " is a " + n
                        + "-digit number; plain integers are epoch milliseconds (11 to 14 digits), epoch seconds or microseconds are not accepted");
            }
            return Long.parseLong(text);
        }
        return parseIso(text, n);
    }

    /**
     * Epoch milliseconds of the common UTC form {@code yyyy-MM-ddTHH:mm:ssZ} or {@code yyyy-MM-ddTHH:mm:ss.SSSZ} held
     * as ASCII bytes {@code b[from, to)} (nothing around it), exactly what {@link #parse(String)} gives for the same
     * text; {@link #FAILED} for any other text, valid or not, which is then for {@link #parse(String)}.
     */
    static long parseUtcIso(byte[] b, int from, int to) {
        int n = to - from;
        if (n != 20 && n != 24 || b[from + 4] != '-' || b[from + 7] != '-' || b[from + 10] != 'T' || b[from + 13] != ':'
                || b[from + 16] != ':') {
            return FAILED;
        }
        int year = digits(b, from, 4);
        int month = digits(b, from + 5, 2);
        int day = digits(b, from + 8, 2);
        int hour = digits(b, from + 11, 2);
        int minute = digits(b, from + 14, 2);
        int inMinute = utcMillisInMinute(b, from, to);
        if ((year | month | day | hour | minute | inMinute) < 0 || month < 1 || month > 12 || day < 1
                || day > monthLength(year, month) || hour > 23 || minute > 59) {
            return FAILED;
        }
        return (daysFromCivil(year, month, day) * 86_400L + hour * 3600 + minute * 60) * 1000L + inMinute;
    }

    /**
     * For the text of {@link #parseUtcIso} from its seconds on ({@code ss[.SSS]Z} at {@code from + 17}): the
     * milliseconds within the minute, or -1 when it is not that form or out of range.
     */
    static int utcMillisInMinute(byte[] b, int from, int to) {
        int n = to - from;
        if (n != 20 && (n != 24 || b[from + 19] != '.') || b[to - 1] != 'Z') {
            return -1;
        }
        int second = digits(b, from + 17, 2);
        int millis = n == 24 ? digits(b, from + 20, 3) : 0;
        if ((second | millis) < 0 || second > 59) {
            return -1;
        }
        return second * 1000 + millis;
    }

    /** The value of {@code len} ASCII digits at {@code from}, or -1. */
    private static int digits(byte[] b, int from, int len) {
        int v = 0;
        for (int i = from; i < from + len; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    private long parseIso(String s, int n) throws RowRejected {
        if (n < 16 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(13) != ':') {
            throw notIso(s);
        }
        char sep = s.charAt(10);
        if (sep != 'T' && sep != 't' && sep != ' ') {
            throw notIso(s);
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        if ((year | month | day | hour | minute) < 0) {
            throw notIso(s);
        }
        int pos = 16;
        int second = 0;
        int millis = 0;
        if (pos < n && s.charAt(pos) == ':') {
            second = digits(s, pos + 1, 2);
            if (second < 0) {
                throw notIso(s);
            }
            pos += 3;
            if (pos < n && (s.charAt(pos) == '.' || s.charAt(pos) == ',')) {
                pos++;
                int start = pos;
                while (pos < n && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
                    int d = s.charAt(pos) - '0';
                    int k = pos - start;
                    if (k == 0) {
                        millis += d * 100;
                    } else if (k == 1) {
                        millis += d * 10;
                    } else if (k == 2) {
                        millis += d;
                    }
                    pos++;
                }
                int fractionDigits = pos - start;
                if (fractionDigits == 0) {
                    throw notIso(s);
                }
                if (fractionDigits > 9) {
                    throw new RowRejected(RejectCategory.BAD_TIMESTAMP, RowRejected.quote(s) + " has more than 9 fraction digits");
                }
            }
        }
        int offset = Integer.MIN_VALUE;
        if (pos < n) {
            if (s.charAt(pos) == ' ' && pos + 1 < n) {
                pos++;
            }
            char c = s.charAt(pos);
            if ((c == 'Z' || c == 'z') && pos + 1 == n) {
                offset = 0;
            } else if (pos + 3 == n && (s.regionMatches(true, pos, "UTC", 0, 3) || s.regionMatches(true, pos, "GMT", 0, 3))) {
                offset = 0;
            } else if (c == '+' || c == '-') {
                if (pos + 3 > n) {
                    throw notIso(s); // a sign without two digits of hours after it
                }
                int oh = digits(s, pos + 1, 2);
                int om;
                int p = pos + 3;
                if (p == n) {
                    om = 0;
                } else if (s.charAt(p) == ':' && p + 3 == n) {
                    om = digits(s, p + 1, 2);
                } else if (p + 2 == n) {
                    om = digits(s, p, 2);
                } else {
                    throw notIso(s);
                }
                if (oh < 0 || om < 0) {
                    throw notIso(s);
                }
                if (oh > 18 || om > 59 || oh == 18 && om > 0) {
                    throw invalid(s, "offset " + s.substring(pos) + " is out of range");
                }
                offset = (oh * 3600 + om * 60) * (c == '-' ? -1 : 1);
            } else {
                throw notIso(s);
            }
        }
        if (month < 1 || month > 12) {
            throw invalid(s, "month " + month + " does not exist");
        }
        if (day < 1 || day > monthLength(year, month)) {
            throw invalid(s, "day " + day + " does not exist in " + s.substring(0, 7));
        }
        if (hour > 23) {
            throw invalid(s, "hour " + hour + " is out of range");
        }
        if (minute > 59) {
            throw invalid(s, "minute " + minute + " is out of range");
        }
        if (second > 59) {
            throw invalid(s, "second " + second + " is out of range");
        }
        long localSeconds = daysFromCivil(year, month, day) * 86_400L + hour * 3600 + minute * 60 + second;
        if (offset == Integer.MIN_VALUE) {
            offset = fixedOffset != Integer.MIN_VALUE ? fixedOffset : zoneOffset(localSeconds, year, month, day, hour, minute, second);
        }
        return (localSeconds - offset) * 1000L + millis;
    }

    /**
     * The offset for a local time in a zone with transitions: the zone's single valid offset, cached for the
     * window up to the neighbouring transitions; in a gap or overlap, {@link ZonedDateTime#of}'s resolution.
     */
    private int zoneOffset(long localSeconds, int year, int month, int day, int hour, int minute, int second) {
        if (localSeconds >= cacheFrom && localSeconds < cacheTo) {
            return cacheOffset;
        }
        LocalDateTime ldt = LocalDateTime.of(year, month, day, hour, minute, second);
        java.util.List<ZoneOffset> valid = rules.getValidOffsets(ldt);
        if (valid.size() != 1) {
            ZonedDateTime z = ZonedDateTime.of(ldt, zone);
            return (int) (localSeconds - z.toEpochSecond());
        }
        int offset = valid.get(0).getTotalSeconds();
        Instant instant = Instant.ofEpochSecond(localSeconds - offset);
        ZoneOffsetTransition previous = rules.previousTransition(instant.plusSeconds(1));
        ZoneOffsetTransition next = rules.nextTransition(instant);
        long from = previous == null ? Long.MIN_VALUE
                : Math.max(localEpochSeconds(previous.getDateTimeBefore()), localEpochSeconds(previous.getDateTimeAfter()));
        long to = next == null ? Long.MAX_VALUE
                : Math.min(localEpochSeconds(next.getDateTimeBefore()), localEpochSeconds(next.getDateTimeAfter()));
        if (localSeconds >= from && localSeconds < to) {
            cacheFrom = from;
            cacheTo = to;
            cacheOffset = offset;
        }
        return offset;
    }

    private static long localEpochSeconds(LocalDateTime t) {
        return t.toEpochSecond(ZoneOffset.UTC);
    }

    /** The value of {@code len} ASCII digits at {@code from}, or -1. */
    private static int digits(String s, int from, int len) {
        if (from + len > s.length()) {
            return -1;
        }
        int v = 0;
        for (int i = from; i < from + len; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static int monthLength(int year, int month) {
        switch (month) {
            case 2:
                return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    static long daysFromCivil(long year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = (y >= 0 ? y : y - 399) / 400;
        long yoe = y - era * 400;
        long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }

    private static RowRejected notIso(String s) {
        return new RowRejected(RejectCategory.BAD_TIMESTAMP, RowRejected.quote(s) + " is not an ISO-8601 timestamp or epoch milliseconds");
    }

    private static RowRejected invalid(String s, String why) {
        return new RowRejected(RejectCategory.BAD_TIMESTAMP, RowRejected.quote(s) + " is not a valid date-time: " + why);
    }
}

package io.persession.cli.demo;

import java.time.LocalDate;

/**
 * Seed mixing, collision-free ids and fast, allocation-light text formatting for {@link DemoShop}.
 * Everything here is pure and deterministic.
 */
final class DemoFormat {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final char[] B64URL =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();
    private static final long MASK60 = (1L << 60) - 1;

    private DemoFormat() {
    }

    /** SplitMix64's finalizer: a bijection on 64-bit values with good avalanche. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** A well-spread seed for stream {@code (a, b)} under the run's {@code seed}. */
    static long seedFor(long seed, long a, long b) {
        return mix64(mix64(seed + 0x9E3779B97F4A7C15L * (a + 1)) ^ (b * 0xD1B54A32D192ED03L + 0x2545F4914F6CDD1DL));
    }

    /** A keyed bijection on 32-bit values: distinct inputs always give distinct outputs. */
    static int permute32(int x, long key) {
        x ^= (int) key;
        x *= 0x9E3779B1;
        x ^= x >>> 16;
        x *= 0x85EBCA6B;
        x ^= x >>> 13;
        x += (int) (key >>> 32);
        x *= 0xC2B2AE35;
        x ^= x >>> 16;
        return x;
    }

    /** {@code v} + 8 lower-case hex digits; unique per index for a given key. */
    static String visitorId(int index, long key) {
        int x = permute32(index, key);
        char[] c = new char[9];
        c[0] = 'v';
        for (int i = 8; i >= 1; i--) {
            c[i] = HEX[x & 0xF];
            x >>>= 4;
        }
        return new String(c);
    }

    /**
     * A random-looking version-4 UUID for {@code counter}. 60 of its bits are a keyed bijection of the
     * counter, so two counters below 2^60 never give the same id.
     */
    static String eventId(long counter, long key) {
        long m = (counter ^ key) & MASK60;
        m = (m * 0x9E3779B97F4A7C15L) & MASK60;
        m ^= m >>> 29;
        m = (m * 0xBF58476D1CE4E5B9L) & MASK60;
        m ^= m >>> 32;
        long hi = ((m >>> 12) << 16) | 0x4000L | (m & 0xFFFL);
        long lo = (mix64(counter * 0x632BE59BD9B4E019L + key) & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        char[] c = new char[36];
        hex(c, 0, hi >>> 32, 8);
        c[8] = '-';
        hex(c, 9, hi >>> 16, 4);
        c[13] = '-';
        hex(c, 14, hi, 4);
        c[18] = '-';
        hex(c, 19, lo >>> 48, 4);
        c[23] = '-';
        hex(c, 24, lo, 12);
        return new String(c);
    }

    private static void hex(char[] c, int at, long value, int digits) {
        for (int i = at + digits - 1; i >= at; i--) {
            c[i] = HEX[(int) (value & 0xF)];
            value >>>= 4;
        }
    }

    /** {@code n} random lower-case hex digits. */
    static String randomHex(java.util.SplittableRandom r, int n) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = HEX[r.nextInt(16)];
        }
        return new String(c);
    }

    /** {@code n} random base64url characters. */
    static String randomB64(java.util.SplittableRandom r, int n) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = B64URL[r.nextInt(64)];
        }
        return new String(c);
    }

    /** {@code ORD-000123}: at least six digits. */
    static String orderId(int orderNo) {
        String n = Integer.toString(orderNo);
        if (n.length() >= 6) {
            return "ORD-" + n;
        }
        return "ORD-" + "000000".substring(n.length()) + n;
    }

    /** A whole number of cents given in micro-units, as {@code 59.95}. */
    static String cents(long micros) {
        long cents = micros / 10_000L;
        long units = cents / 100;
        int frac = (int) (cents % 100);
        return units + (frac < 10 ? ".0" : ".") + frac;
    }

    /** Micro-units with six decimals, as {@code 0.001537}. */
    static String micros6(long micros) {
        long units = micros / 1_000_000L;
        String frac = Long.toString(micros % 1_000_000L);
        return units + "." + "000000".substring(frac.length()) + frac;
    }

    /** Formats epoch milliseconds as {@code 2026-03-02T14:05:09.123Z}, always with three fraction digits. Not thread-safe. */
    static final class Timestamps {
        private final char[] buf = new char[24];
        private long cachedDay = Long.MIN_VALUE;

        String format(long epochMillis) {
            long day = Math.floorDiv(epochMillis, 86_400_000L);
            int ms = (int) Math.floorMod(epochMillis, 86_400_000L);
            if (day != cachedDay) {
                String d = LocalDate.ofEpochDay(day).toString();
                if (d.length() != 10) {
                    throw new IllegalArgumentException("year out of range: " + d);
                }
                d.getChars(0, 10, buf, 0);
                buf[10] = 'T';
                buf[13] = ':';
                buf[16] = ':';
                buf[19] = '.';
                buf[23] = 'Z';
                cachedDay = day;
            }
            two(buf, 11, ms / 3_600_000);
            two(buf, 14, ms / 60_000 % 60);
            two(buf, 17, ms / 1000 % 60);
            int milli = ms % 1000;
            buf[20] = (char) ('0' + milli / 100);
            buf[21] = (char) ('0' + milli / 10 % 10);
            buf[22] = (char) ('0' + milli % 10);
            return new String(buf);
        }

        private static void two(char[] b, int at, int v) {
            b[at] = (char) ('0' + v / 10);
            b[at + 1] = (char) ('0' + v % 10);
        }
    }
}

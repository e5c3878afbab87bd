package io.persession.cli.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.SplittableRandom;

/**
 * When people shop: a per-minute intensity over the whole period, shaped in the shop's local zone (night
 * low, morning rise, lunch and evening peaks, a later and flatter weekend morning), with a weekday factor
 * and a little seeded day-to-day noise. DST days are handled by walking UTC minutes and reading the
 * local time of each.
 */
final class DemoTraffic {
    /** Relative visits per local hour (value at the hour's centre), Monday to Friday. */
    private static final double[] WEEKDAY = {
        1.2, 0.7, 0.45, 0.35, 0.35, 0.6, 1.4, 2.6, 3.6, 4.3, 4.7, 5.0,
        5.7, 5.4, 4.8, 4.6, 4.8, 5.2, 5.7, 6.4, 7.0, 6.6, 4.8, 2.7};
    /** Saturday and Sunday: later start, flat afternoon, evening peak. */
    private static final double[] WEEKEND = {
        1.6, 1.0, 0.6, 0.4, 0.35, 0.4, 0.7, 1.3, 2.4, 3.6, 4.6, 5.2,
        5.3, 5.1, 5.0, 5.0, 5.1, 5.3, 5.6, 6.3, 6.9, 6.5, 4.7, 2.8};
    /** Monday .. Sunday. Sunday evening is the classic e-commerce peak, Friday and Saturday are quieter. */
    private static final double[] DAY_OF_WEEK = {1.06, 1.0, 0.98, 0.97, 0.9, 0.82, 1.08};

    final long startMillis;
    final long endMillis;
    private final long startEpochDay;
    private final ZoneRules rules;
    private final double[] cumulative;
    private final double total;

    DemoTraffic(LocalDate start, int days, ZoneId zone, long seed) {
        this.rules = zone.getRules();
        this.startMillis = start.atStartOfDay(zone).toInstant().toEpochMilli();
        this.endMillis = start.plusDays(days).atStartOfDay(zone).toInstant().toEpochMilli();
        this.startEpochDay = start.toEpochDay();
        SplittableRandom noise = new SplittableRandom(DemoFormat.seedFor(seed, 77, 0));
        double[] dayNoise = new double[days + 2];
        for (int i = 0; i < dayNoise.length; i++) {
            dayNoise[i] = 0.93 + 0.14 * noise.nextDouble();
        }
        int minutes = (int) ((endMillis - startMillis) / 60_000L);
        cumulative = new double[minutes];
        double acc = 0;
        long offsetHour = Long.MIN_VALUE;
        int offsetSeconds = 0;
        for (int m = 0; m < minutes; m++) {
            long mid = startMillis + m * 60_000L + 30_000L;
            long hour = Math.floorDiv(mid, 3_600_000L);
            if (hour != offsetHour) {
                offsetSeconds = rules.getOffset(Instant.ofEpochMilli(mid)).getTotalSeconds();
                offsetHour = hour;
            }
            long localSecond = Math.floorDiv(mid, 1000L) + offsetSeconds;
            long localDay = Math.floorDiv(localSecond, 86_400L);
            double hourOfDay = Math.floorMod(localSecond, 86_400L) / 3600.0;
            int dow = Math.floorMod(localDay + 3, 7); // 1970-01-01 was a Thursday; 0 = Monday
            int dayIndex = (int) Math.max(0, Math.min(dayNoise.length - 1, localDay - startEpochDay));
            double w = shape(dow >= 5 ? WEEKEND : WEEKDAY, hourOfDay) * DAY_OF_WEEK[dow] * dayNoise[dayIndex];
            acc += w;
            cumulative[m] = acc;
        }
        this.total = acc;
    }

    /** Linear interpolation between hour centres, wrapping around midnight. */
    private static double shape(double[] hourly, double hourOfDay) {
        double x = hourOfDay - 0.5;
        int i0 = (int) Math.floor(x);
        double frac = x - i0;
        double a = hourly[Math.floorMod(i0, 24)];
        double b = hourly[Math.floorMod(i0 + 1, 24)];
        return a + (b - a) * frac;
    }

    /** A visit start drawn from the human traffic shape. */
    long sampleHuman(SplittableRandom r) {
        double u = r.nextDouble() * total;
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > u) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return startMillis + lo * 60_000L + r.nextLong(60_000L);
    }

    /** A time drawn uniformly from the period (crawlers do not sleep). */
    long sampleUniform(SplittableRandom r) {
        return startMillis + r.nextLong(endMillis - startMillis);
    }

    /** The local calendar day (epoch day) of an instant. */
    long localEpochDay(long epochMillis) {
        int offset = rules.getOffset(Instant.ofEpochMilli(epochMillis)).getTotalSeconds();
        return Math.floorDiv(Math.floorDiv(epochMillis, 1000L) + offset, 86_400L);
    }
}

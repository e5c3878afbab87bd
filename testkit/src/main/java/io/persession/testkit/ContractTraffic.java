package io.persession.testkit;

import io.persession.spi.Event;
import io.persession.spi.EventType;
import io.persession.spi.TrafficSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The contract's test traffic: deterministic (fixed seed), about 2000 events of several visitors,
 * built to hit the edges session rules care about:
 * <ul>
 * <li>gaps from a millisecond to days, including exactly 30 minutes and 30 minutes ± 1 ms;</li>
 * <li>visits starting before local midnight in several zones, events at exactly 00:00:00.000
 * local, and the daylight-saving days of Europe/Paris (2026-03-29, 2026-10-25) and
 * America/New_York (2026-03-08, 2026-11-01);</li>
 * <li>traffic sources: direct, Google Analytics' placeholders ({@code (direct)}, {@code (none)},
 * {@code (not set)}, {@code (not provided)}), campaigns with and without click ids;</li>
 * <li>referrers: none, internal (the same page host and another subdomain of the site), external,
 * payment providers, and strings that are no URL;</li>
 * <li>pageviews, purchases, ad impressions and other events; one visitor with a burst of 150
 * events a second apart, one active for 35 hours without a 30-minute pause.</li>
 * </ul>
 * Each visitor's timestamps strictly increase (no ties within a visitor); different visitors may
 * share timestamps. Returned in time order, ties in generation order.
 */
final class ContractTraffic {
    static final long SEED = 0x5E55_10A5L;

    private static final ZoneId[] ZONES = {
        ZoneId.of("UTC"), ZoneId.of("Europe/Paris"), ZoneId.of("America/New_York"), ZoneId.of("America/Los_Angeles"),
        ZoneId.of("Asia/Tokyo"), ZoneId.of("Australia/Sydney"), ZoneId.of("Asia/Kolkata"),
    };
    private static final LocalDate[] DATES = {
        LocalDate.of(2026, 3, 29), LocalDate.of(2026, 10, 25), LocalDate.of(2026, 3, 8), LocalDate.of(2026, 11, 1),
        LocalDate.of(2026, 6, 15), LocalDate.of(2026, 12, 31),
    };
    private static final String[] SITES = {
        "https://shop.example.com", "https://www.example.com", "https://www.example.co.uk", "http://localhost:8080",
        "http://192.168.0.10", "https://Shop.Example.COM",
    };
    private static final String[] EXTERNAL = {
        "https://www.google.com/", "https://google.com/search?q=shoes", "https://news.ycombinator.com/item?id=1",
        "https://t.co/abc", "https://l.facebook.com/l.php?u=x", "https://www.paypal.com/checkoutnow",
        "https://checkout.stripe.com/pay/cs_1", "https://www.bing.com/search?q=shoes", "android-app://com.google.android.gm/",
    };
    private static final String[] JUNK = {"not a url", "http://", "://nohost", "(direct)", "http://[::1", "mailto:x"};
    private static final TrafficSource[] SOURCES = {
        TrafficSource.of("(direct)", "(none)", "(not set)", "(not provided)", null, null),
        TrafficSource.of("google", "cpc", "spring-sale", "shoes", null, "gclid-1"),
        TrafficSource.of("google", "cpc", "spring-sale", "shoes", null, "gclid-2"),
        TrafficSource.of("google", "organic", null, "(not provided)", null, null),
        TrafficSource.of("newsletter", "email", "weekly", null, "hero", null),
        TrafficSource.of("facebook", "social", "(not set)", null, null, "fbclid-9"),
        TrafficSource.of("bing", "cpc", "brand", null, null, null),
    };
    private static final Duration THIRTY_MINUTES = Duration.ofMinutes(30);

    private ContractTraffic() {
    }

    static List<Event> generate() {
        SplittableRandom random = new SplittableRandom(SEED);
        List<Event> events = new ArrayList<>();
        int visitors = 36;
        for (int v = 0; v < visitors; v++) {
            visitor(random.split(), v, events);
        }
        burst(random.split(), events);
        marathon(random.split(), events);
        List<Event> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparingLong(Event::timestampMillis));
        return sorted;
    }

    private static void visitor(SplittableRandom r, int v, List<Event> out) {
        ZoneId zone = ZONES[v % ZONES.length];
        LocalDate date = DATES[(v / ZONES.length + v) % DATES.length];
        String site = SITES[r.nextInt(SITES.length)];
        // half start shortly before the midnight that opens the DST day, half in its small hours
        LocalTime start = v % 2 == 0
                ? LocalTime.of(22, 0).plusMinutes(r.nextInt(120)).plusSeconds(r.nextInt(60))
                : LocalTime.of(0, 30).plusMinutes(r.nextInt(150));
        LocalDate day = v % 2 == 0 ? date.minusDays(1) : date;
        long ts = ZonedDateTime.of(day, start, zone).toInstant().toEpochMilli() + r.nextInt(1000);
        String visitor = "visitor-" + v;
        int count = 25 + r.nextInt(51);
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                ts = next(r, ts, zone);
            }
            out.add(event(r, ts, visitor, site, i));
        }
    }

    /** One visitor with 150 events a second apart: sessions with many events. */
    private static void burst(SplittableRandom r, List<Event> out) {
        long ts = ZonedDateTime.of(LocalDate.of(2026, 3, 28), LocalTime.of(23, 58), ZoneId.of("Europe/Paris")).toInstant().toEpochMilli();
        for (int i = 0; i < 150; i++) {
            out.add(event(r, ts, "visitor-burst", "https://shop.example.com", i));
            ts += 1000;
        }
    }

    private static long next(SplittableRandom r, long ts, ZoneId zone) {
        double p = r.nextDouble();
        long gap;
        if (p < 0.50) {
            gap = 1 + r.nextLong(120_000);
        } else if (p < 0.72) {
            gap = Duration.ofMinutes(2 + r.nextInt(28)).toMillis() + r.nextInt(60_000);
        } else if (p < 0.76) {
            gap = THIRTY_MINUTES.toMillis();
        } else if (p < 0.78) {
            gap = THIRTY_MINUTES.toMillis() - 1;
        } else if (p < 0.80) {
            gap = THIRTY_MINUTES.toMillis() + 1;
        } else if (p < 0.85) {
            gap = Duration.ofMinutes(31 + r.nextInt(150)).toMillis() + r.nextInt(1000);
        } else if (p < 0.88) {
            gap = Duration.ofHours(3 + r.nextInt(12)).toMillis() + r.nextInt(3_600_000);
        } else if (p < 0.90) {
            gap = Duration.ofDays(1 + r.nextInt(3)).toMillis() + r.nextInt(86_400_000);
        } else if (p < 0.91) {
            gap = Duration.ofHours(12).toMillis() + (r.nextBoolean() ? 0 : 1);
        } else {
            // towards the next local midnight: exactly 00:00:00.000 when it is near, else a few minutes before it
            ZonedDateTime now = ZonedDateTime.ofInstant(Instant.ofEpochMilli(ts), zone);
            long midnight = now.toLocalDate().plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
            gap = midnight - ts <= Duration.ofMinutes(29).toMillis()
                    ? midnight - ts
                    : midnight - ts - Duration.ofMinutes(1 + r.nextInt(20)).toMillis() - r.nextInt(60_000);
        }
        return ts + Math.max(1, gap);
    }

    /** One visitor active for some 35 hours without a 30-minute pause: long sessions, two midnights, a DST night. */
    private static void marathon(SplittableRandom r, List<Event> out) {
        ZoneId zone = ZoneId.of("America/New_York");
        long ts = ZonedDateTime.of(LocalDate.of(2026, 10, 31), LocalTime.of(20, 0), zone).toInstant().toEpochMilli();
        for (int i = 0; i < 120; i++) {
            out.add(event(r, ts, "visitor-marathon", "https://www.example.com", i));
            ts += Duration.ofMinutes(10 + r.nextInt(16)).toMillis() + r.nextInt(60_000);
        }
    }

    private static Event event(SplittableRandom r, long ts, String visitor, String site, int i) {
        Event.Builder b = Event.builder(ts, visitor).eventId(visitor + "-" + i).userAgent("Mozilla/5.0 (contract)");
        double t = r.nextDouble();
        if (t < 0.05) {
            b.type(EventType.PURCHASE).revenueMicros((5 + r.nextInt(300)) * 1_000_000L + r.nextInt(100) * 10_000L)
                    .currency("EUR").orderId(visitor + "-order-" + i);
        } else if (t < 0.13) {
            b.type(EventType.AD_IMPRESSION).revenueMicros(r.nextInt(5_000)).currency("EUR");
        } else if (t < 0.18) {
            b.named("add_to_cart");
        } else {
            b.type(EventType.PAGEVIEW);
        }
        if (r.nextDouble() < 0.28) {
            b.trafficSource(SOURCES[r.nextInt(SOURCES.length)]);
        }
        double f = r.nextDouble();
        if (f < 0.40) {
            b.referrer(null);
        } else if (f < 0.62) {
            b.referrer(site + "/p/" + r.nextInt(40));
        } else if (f < 0.70) {
            b.referrer(site.contains("example.com") ? "https://blog.example.com/post/" + r.nextInt(9) : site + "/");
        } else if (f < 0.94) {
            b.referrer(EXTERNAL[r.nextInt(EXTERNAL.length)]);
        } else {
            b.referrer(JUNK[r.nextInt(JUNK.length)]);
        }
        if (r.nextDouble() >= 0.05) {
            b.page(site + "/p/" + r.nextInt(40));
        }
        return b.build();
    }
}

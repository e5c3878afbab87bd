package io.persession.bots;

import io.persession.spi.Event;
import io.persession.spi.EventType;

import java.util.ArrayList;
import java.util.List;

/** Bot traffic for the classifier tests: crawlers and scripts by user agent, and a fast visitor with a browser's. */
final class BotTraffic {
    static final long T0 = 1_772_445_600_000L; // 2026-03-02T10:00:00Z
    static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/145.0.0.0 Safari/537.36";

    private BotTraffic() {
    }

    /** {@code n} pageviews of {@code visitor} from {@code start}, {@code stepMillis} apart, with {@code ua}. */
    static List<Event> visit(String visitor, String ua, long start, int n, long stepMillis) {
        List<Event> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Event.builder(start + i * stepMillis, visitor).type(EventType.PAGEVIEW).page("https://shop.example/p" + i)
                    .userAgent(ua).eventId(visitor + "-" + start + "-" + i).build());
        }
        return out;
    }

    static List<Event> crawlersAndBursts() {
        List<Event> out = new ArrayList<>();
        out.addAll(visit("googlebot", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", T0, 12, 4_000));
        out.addAll(visit("curl", "curl/8.5.0", T0, 3, 1_000));
        out.addAll(visit("headless", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.6099.109 Safari/537.36",
                T0, 5, 2_000));
        out.addAll(visit("burst", CHROME, T0, 150, 300));
        return out;
    }
}

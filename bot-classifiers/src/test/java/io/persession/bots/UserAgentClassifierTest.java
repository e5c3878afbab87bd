package io.persession.bots;

import io.persession.engine.Sessionizer;
import io.persession.spi.BotClassifier;
import io.persession.spi.Event;
import io.persession.spi.EventType;
import io.persession.spi.InvalidOptionException;
import io.persession.spi.Session;
import io.persession.spi.SessionDefinition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("user-agent: Yauaa's classification, one analysis per distinct user agent")
class UserAgentClassifierTest {
    private static final BotClassifier UA = new UserAgentClassifierProvider().create(Map.of());
    private static final SessionDefinition ONE = SessionDefinition.of("one", "one session per visitor", Map.of(), List.of());

    static Session session(String... userAgents) {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < userAgents.length; i++) {
            events.add(Event.builder(BotTraffic.T0 + i * 1000L, "v").type(EventType.PAGEVIEW).userAgent(userAgents[i]).build());
        }
        return Sessionizer.sessionize(ONE, events).get(0);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "robot|Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "robot|Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/145.0.7632.116 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "robot|Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "robot|Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)",
        "robot|Mozilla/5.0 (compatible; SemrushBot/7~bl; +http://www.semrush.com/bot.html)",
        "robot|Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; +https://openai.com/gptbot)",
        "robot|python-requests/2.32.3",
        "robot|curl/8.5.0",
        "robot|Wget/1.21.4",
        "robot|Go-http-client/1.1",
        "robot|Apache-HttpClient/4.5.14 (Java/17.0.9)",
        "robot|Mozilla/5.0 (compatible; UptimeRobot/2.0; http://www.uptimerobot.com/)",
        "robot|Pingdom.com_bot_version_1.4_(http://www.pingdom.com/)",
        "robot|Mozilla/5.0 (compatible; StatusCake)",
        "robot|Datadog/Synthetics",
        "robot|Mozilla/5.0 (Unknown; Linux x86_64) AppleWebKit/538.1 (KHTML, like Gecko) PhantomJS/2.1.1 Safari/538.1",
        "automated-browser|Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/145.0.0.0 Safari/537.36",
        "non-browser|Python-urllib/3.11",
        "non-browser|NewRelicPinger/1.0 (1234567)",
        "hacker|' or 1=1 --",
    })
    void bots(String reason, String userAgent) {
        assertEquals(Optional.of(reason), UA.classify(session(userAgent)), userAgent);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.3 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/145.0.0.0 Mobile Safari/537.36",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/145.0.0.0 Safari/537.36 Edg/145.0.0.0",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:147.0) Gecko/20100101 Firefox/147.0",
        "Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S921B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/29.0 Chrome/136.0.0.0 Mobile Safari/537.36",
        "Mozilla/5.0 (Linux; Android 13; SM-A536B Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.230 Mobile Safari/537.36 Instagram 315.0.0.29.109 Android",
        "MyShop/5.2.1 CFNetwork/1410.0.3 Darwin/22.6.0",
    })
    void people(String userAgent) {
        assertEquals(Optional.empty(), UA.classify(session(userAgent)), userAgent);
    }

    @Test
    @DisplayName("no user agent: not judged; the first event's decides, else the last's")
    void whichUserAgent() {
        assertEquals(Optional.empty(), UA.classify(session((String) null)));
        assertEquals(Optional.of("robot"), UA.classify(session(null, BotTraffic.CHROME, "curl/8.5.0")));
        assertEquals(Optional.empty(), UA.classify(session(BotTraffic.CHROME, "curl/8.5.0")));
    }

    @Test
    @DisplayName("each distinct user agent is analysed once, and the cache is bounded")
    void cachePerDistinctAgent() {
        AtomicInteger calls = new AtomicInteger();
        UserAgentClassifierProvider.UserAgents c = new UserAgentClassifierProvider.UserAgents(2, ua -> {
            calls.incrementAndGet();
            return ua.startsWith("bot") ? "robot" : "";
        });
        for (int i = 0; i < 100; i++) {
            assertEquals(Optional.of("robot"), c.classify(session("bot/1")));
            assertEquals(Optional.empty(), c.classify(session("browser")));
        }
        assertEquals(2, calls.get(), "two distinct agents, two analyses");
        c.classify(session("bot/2"));
        assertEquals(2, c.cached(), "at most cache-size answers are kept");
        assertEquals(3, c.analysed());
        c.classify(session("bot/1")); // the least recently used one went out
        assertEquals(4, calls.get());
        assertEquals(Map.of("cache-size", "2"), c.options());
    }

    @Test
    @DisplayName("Yauaa's classes map to the four reason codes")
    void mapping() {
        assertEquals("robot", YauaaClassification.reason("Robot", "Robot"));
        assertEquals("robot", YauaaClassification.reason("Robot Mobile", "Robot Mobile"));
        assertEquals("robot", YauaaClassification.reason("Robot Imitator", "Browser"));
        assertEquals("automated-browser", YauaaClassification.reason("Desktop", "Robot"));
        assertEquals("non-browser", YauaaClassification.reason("Unknown", "Special"));
        assertEquals("non-browser", YauaaClassification.reason("Desktop", "Cloud Application"));
        assertEquals("hacker", YauaaClassification.reason("Hacker", "Hacker"));
        assertEquals("", YauaaClassification.reason("Phone", "Browser"));
        assertEquals("", YauaaClassification.reason("Mobile", "Mobile App"));
        assertEquals("", YauaaClassification.reason("Desktop", "Email Client"));
    }

    @Test
    void cacheSizeOption() {
        assertEquals(Map.of("cache-size", "500"), new UserAgentClassifierProvider().create(Map.of("cache-size", "500")).options());
        InvalidOptionException e = assertThrows(InvalidOptionException.class,
                () -> new UserAgentClassifierProvider().create(Map.of("cache-size", "-1")));
        assertEquals("cache-size", e.option());
        InvalidOptionException u = assertThrows(InvalidOptionException.class,
                () -> new UserAgentClassifierProvider().create(Map.of("size", "1")));
        assertTrue(u.getMessage().contains("cache-size"), u.getMessage());
    }
}

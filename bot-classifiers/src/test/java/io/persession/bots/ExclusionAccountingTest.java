package io.persession.bots;

import io.persession.engine.Aggregator;
import io.persession.engine.DefinitionResult;
import io.persession.engine.Engine;
import io.persession.engine.EventInput;
import io.persession.engine.EventSink;
import io.persession.spi.BotClassifier;
import io.persession.spi.Event;
import io.persession.spi.EventType;
import io.persession.spi.SessionDefinition;
import io.persession.spi.Totals;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.persession.bots.BotTraffic.CHROME;
import static io.persession.bots.BotTraffic.T0;
import static io.persession.bots.BotTraffic.visit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every built-in classifier and reason, through the engine: sessions, events and revenue in = counted +
 * excluded, exactly, and revenue on a bot session is reported, never lost.
 */
@DisplayName("bot exclusion accounting, every classifier and reason")
class ExclusionAccountingTest {
    private static final SessionDefinition T30 = SessionDefinition.of("t30", "30 minutes", Map.of(),
            List.of(new io.persession.spi.SessionRule() {
                @Override
                public String reason() {
                    return "timeout";
                }

                @Override
                public boolean startsNewSession(io.persession.spi.OpenSession session, Event next) {
                    return session.gapMillis(next) > 30 * 60_000L;
                }
            }));

    @TempDir
    Path dir;

    private static Event money(String visitor, long ts, EventType type, long micros, String ua) {
        return Event.builder(ts, visitor).type(type).revenueMicros(micros).currency("EUR").userAgent(ua).build();
    }

    private List<Event> traffic() {
        List<Event> e = new ArrayList<>();
        // people: two sessions of alice (a purchase, then a refund), bob with ads
        e.addAll(visit("alice", CHROME, T0, 4, 30_000));
        e.add(money("alice", T0 + 200_000, EventType.PURCHASE, 49_990_000, CHROME));
        e.addAll(visit("alice", CHROME, T0 + 7_200_000, 2, 10_000));
        e.add(money("alice", T0 + 7_300_000, EventType.REFUND, 9_990_000, CHROME));
        e.addAll(visit("bob", CHROME, T0 + 60_000, 3, 60_000));
        e.add(money("bob", T0 + 100_000, EventType.AD_IMPRESSION, 2_500, CHROME));
        // user-agent: robot (with a purchase: revenue on a bot), automated browser (with ad revenue), non-browser, hacker
        e.addAll(visit("gbot", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", T0, 5, 5_000));
        e.add(money("gbot", T0 + 30_000, EventType.PURCHASE, 10_000_000, "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"));
        String headless = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.6099.109 Safari/537.36";
        e.addAll(visit("headless", headless, T0, 3, 5_000));
        e.add(money("headless", T0 + 20_000, EventType.AD_IMPRESSION, 7_000, headless));
        e.addAll(visit("script", "Python-urllib/3.11", T0, 2, 5_000));
        e.addAll(visit("attack", "' or 1=1 --", T0, 1, 5_000));
        // behaviour: a browser user agent, 150 hits 0.3 s apart, and an ad
        e.addAll(visit("burst", CHROME, T0, 150, 300));
        e.add(money("burst", T0 + 50_000, EventType.AD_IMPRESSION, 1_000, CHROME));
        // visitor-list: a load tester that "buys"
        e.addAll(visit("loadtest", CHROME, T0, 2, 5_000));
        e.add(money("loadtest", T0 + 6_000, EventType.PURCHASE, 1_000_000, CHROME));
        return e;
    }

    private List<BotClassifier> classifiers() throws IOException {
        Path list = Files.writeString(dir.resolve("bots.txt"), "loadtest\n");
        return List.of(
                new VisitorListClassifierProvider().create(Map.of("file", list.toString())),
                new UserAgentClassifierProvider().create(Map.of()),
                new BehaviourClassifierProvider().create(Map.of()));
    }

    private DefinitionResult run(boolean includeBots) throws IOException {
        return new Engine(Duration.ofMinutes(10), classifiers(), includeBots).run(new Input(traffic()), List.of(T30)).first();
    }

    @Test
    void inEqualsOutPlusExcluded() throws IOException {
        DefinitionResult out = run(false);
        DefinitionResult all = run(true);
        assertEquals(Set.of("visitor-list:listed", "user-agent:robot", "user-agent:automated-browser", "user-agent:non-browser",
                "user-agent:hacker", "behaviour:too-fast"), out.botSessions().keySet());
        assertEquals(all.botSessions().keySet(), out.botSessions().keySet(), "flagged the same way, included or not");

        Totals in = all.totals();
        Totals kept = out.totals();
        assertEquals(in.sessions(), kept.sessions() + out.botSessionsExcluded());
        assertEquals(in.events(), kept.events() + out.botEventsExcluded());
        assertEquals(in.revenueMicros(), kept.revenueMicros() + out.botRevenueExcludedMicros());
        long sessions = 0;
        long events = 0;
        long revenue = 0;
        for (Aggregator.BotExclusion b : out.botSessions().values()) {
            sessions += b.sessions();
            events += b.events();
            revenue += b.revenueMicros();
        }
        assertEquals(out.botSessionsExcluded(), sessions);
        assertEquals(out.botEventsExcluded(), events);
        assertEquals(out.botRevenueExcludedMicros(), revenue);

        // people only are counted; the bots' revenue is reported by reason, not lost
        assertEquals(3, kept.sessions());
        assertEquals(2, kept.visitors());
        assertEquals(49_990_000 - 9_990_000 + 2_500, kept.revenueMicros());
        assertEquals(10_000_000, out.botSessions().get("user-agent:robot").revenueMicros());
        assertEquals(6, out.botSessions().get("user-agent:robot").events());
        assertEquals(7_000, out.botSessions().get("user-agent:automated-browser").revenueMicros());
        assertEquals(1_000, out.botSessions().get("behaviour:too-fast").revenueMicros());
        assertEquals(151, out.botSessions().get("behaviour:too-fast").events());
        assertEquals(1_000_000, out.botSessions().get("visitor-list:listed").revenueMicros());
        assertEquals(1, out.botSessions().get("user-agent:hacker").sessions());
        assertEquals(0, all.botSessionsExcluded(), "with bots included nothing is excluded");
        assertEquals(6, all.botSessionsFlagged());
        assertTrue(all.botsIncluded());
    }

    /** Every read sends the list in order. */
    private static final class Input implements EventInput {
        private final List<Event> events;

        Input(List<Event> events) {
            this.events = events;
        }

        @Override
        public void read(EventSink sink, boolean firstPass) {
            events.forEach(sink::accept);
        }

        @Override
        public long rowsRead() {
            return events.size();
        }

        @Override
        public long rowsRejected() {
            return 0;
        }

        @Override
        public List<String> names() {
            return List.of("test");
        }
    }
}

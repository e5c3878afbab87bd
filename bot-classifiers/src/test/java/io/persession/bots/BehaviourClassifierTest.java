package io.persession.bots;

import io.persession.engine.Sessionizer;
import io.persession.spi.BotClassifier;
import io.persession.spi.Event;
import io.persession.spi.InvalidOptionException;
import io.persession.spi.Session;
import io.persession.spi.SessionDefinition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.persession.bots.BotTraffic.CHROME;
import static io.persession.bots.BotTraffic.T0;
import static io.persession.bots.BotTraffic.visit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("behaviour: more than 100 events within 100 seconds")
class BehaviourClassifierTest {
    private static final BotClassifier DEFAULT = new BehaviourClassifierProvider().create(Map.of());
    private static final SessionDefinition ONE = SessionDefinition.of("one", "one session per visitor", Map.of(), List.of());

    private static Session session(List<Event> events) {
        List<Session> s = Sessionizer.sessionize(ONE, events);
        assertEquals(1, s.size());
        return s.get(0);
    }

    @Test
    @DisplayName("101 events within 99.9 s is too fast; 100 are not; 101 over exactly 100 s are not")
    void threshold() {
        assertEquals(Optional.of("too-fast"), DEFAULT.classify(session(visit("v", CHROME, T0, 101, 999))));
        assertEquals(Optional.empty(), DEFAULT.classify(session(visit("v", CHROME, T0, 100, 10))));
        assertEquals(Optional.empty(), DEFAULT.classify(session(visit("v", CHROME, T0, 101, 1_000))), "a span of 100 s is not under 100 s");
    }

    @Test
    @DisplayName("a sliding window: a steady crawler over a long session is caught, a long human session is not")
    void slidingWindow() {
        Session steady = session(visit("v", CHROME, T0, 600, 500)); // 5 minutes at 2 hits a second
        assertTrue(steady.endMillis() - steady.startMillis() > 100_000);
        assertEquals(Optional.of("too-fast"), DEFAULT.classify(steady));
        List<Event> human = new ArrayList<>(visit("v", CHROME, T0, 60, 1_000)); // 60 quick clicks
        human.addAll(visit("v", CHROME, T0 + 60_000, 60, 20_000));             // then 60 slow ones
        assertEquals(Optional.empty(), DEFAULT.classify(session(human)));
        List<Event> burstLater = new ArrayList<>(visit("v", CHROME, T0, 50, 20_000)); // slow, then a burst
        burstLater.addAll(visit("v", CHROME, T0 + 1_000_000, 101, 100));
        assertEquals(Optional.of("too-fast"), DEFAULT.classify(session(burstLater)));
    }

    @Test
    @DisplayName("max-events and window are options, shown in force; bad values name the option")
    void options() {
        BotClassifier strict = new BehaviourClassifierProvider().create(Map.of("max-events", "20", "window", "1m"));
        assertEquals(Map.of("max-events", "20", "window", "1m"), strict.options());
        assertEquals(Optional.of("too-fast"), strict.classify(session(visit("v", CHROME, T0, 21, 2_000))));
        assertEquals(Optional.empty(), DEFAULT.classify(session(visit("v", CHROME, T0, 21, 2_000))));
        assertEquals(Map.of("max-events", "100", "window", "1m40s"), DEFAULT.options());
        assertEquals("window", assertThrows(InvalidOptionException.class,
                () -> new BehaviourClassifierProvider().create(Map.of("window", "2d"))).option());
        InvalidOptionException u = assertThrows(InvalidOptionException.class,
                () -> new BehaviourClassifierProvider().create(Map.of("max-hits", "2")));
        assertTrue(u.getMessage().contains("max-events") && u.getMessage().contains("window"), u.getMessage());
    }
}

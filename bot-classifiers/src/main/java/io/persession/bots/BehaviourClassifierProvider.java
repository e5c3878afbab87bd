package io.persession.bots;

import io.persession.spi.BotClassifier;
import io.persession.spi.OptionSpec;
import io.persession.spi.Options;
import io.persession.spi.Session;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code behaviour}: a session with more than {@code max-events} (100) events within any span shorter
 * than {@code window} (100 seconds) is bot traffic, reason {@code too-fast}: Adobe Analytics' rule of
 * thumb for bots ("more than 100 hits in under 100 seconds"). Judged on a sliding window over the
 * session's event times ({@link Session#maxEventsWithin}), so a crawler that keeps a steady pace over a
 * long session is caught as well as a burst; people do not click 100 times in 100 seconds.
 */
public final class BehaviourClassifierProvider extends AbstractClassifierProvider {
    static final String ID = "behaviour";
    static final String REASON = "too-fast";
    static final String MAX_EVENTS = "max-events";
    static final String WINDOW = "window";

    public BehaviourClassifierProvider() {
        super(ID, "Sessions with more than 100 events within 100 seconds (Adobe's rule; both configurable): reason too-fast.",
                OptionSpec.of(MAX_EVENTS, "100", "the most events a person makes within the window; one more is a bot"),
                OptionSpec.of(WINDOW, "100s", "the span the events are counted in (a sliding window), e.g. 100s, 1m"));
    }

    @Override
    BotClassifier classifier(Map<String, String> resolved) {
        int max = (int) Options.integer(MAX_EVENTS, resolved.get(MAX_EVENTS), 1, Integer.MAX_VALUE - 1);
        Duration window = Options.duration(WINDOW, resolved.get(WINDOW), Duration.ofMillis(1), Duration.ofDays(1));
        return new Behaviour(max, window);
    }

    /** Immutable and thread-safe. */
    static final class Behaviour implements BotClassifier {
        private final int max;
        private final Duration window;

        Behaviour(int max, Duration window) {
            this.max = max;
            this.window = window;
        }

        @Override
        public String id() {
            return ID;
        }

        @Override
        public String description() {
            return "more than " + max + " events within " + Options.format(window) + " in one session";
        }

        @Override
        public Map<String, String> options() {
            Map<String, String> o = new LinkedHashMap<>();
            o.put(MAX_EVENTS, Integer.toString(max));
            o.put(WINDOW, Options.format(window));
            return o;
        }

        @Override
        public Optional<String> classify(Session session) {
            if (session.eventCount() <= max) {
                return Optional.empty();
            }
            return session.maxEventsWithin(window) > max ? Optional.of(REASON) : Optional.empty();
        }

        @Override
        public String toString() {
            return ID + options();
        }
    }
}

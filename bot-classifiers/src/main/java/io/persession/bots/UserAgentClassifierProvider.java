package io.persession.bots;

import io.persession.spi.BotClassifier;
import io.persession.spi.Event;
import io.persession.spi.OptionSpec;
import io.persession.spi.Options;
import io.persession.spi.Session;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code user-agent}: a session whose user agent (of its first event, else of its last) is a robot,
 * an automated browser, a non-browser client or an attack string, as the user-agent library
 * <a href="https://yauaa.basjes.nl">Yauaa</a> classifies it ({@link YauaaClassification}). Reasons:
 * {@code robot} (crawlers, HTTP libraries and command-line tools, monitoring services),
 * {@code automated-browser} (a real browser engine driven by a program: HeadlessChrome and the like),
 * {@code non-browser} (other programs: Yauaa's agent classes Special, Testclient, Cloud Application) and
 * {@code hacker}. A session without a user agent is not judged.
 *
 * <p>Logs repeat the same few thousand user agents, so each distinct one is analysed once: the answers
 * are kept in a bounded map (option {@code cache-size}, least recently used out first). Yauaa's rules
 * load on first use, only when a session has a user agent (a few seconds and some 100 MB of heap, once
 * per run).
 */
public final class UserAgentClassifierProvider extends AbstractClassifierProvider {
    static final String ID = "user-agent";
    static final String CACHE_SIZE = "cache-size";

    public UserAgentClassifierProvider() {
        super(ID, "User agents that Yauaa classifies as robots (crawlers, HTTP libraries, monitors), automated browsers,"
                        + " non-browser clients or attack strings: reasons robot, automated-browser, non-browser, hacker.",
                OptionSpec.of(CACHE_SIZE, "10000", "distinct user agents whose answer is kept in memory (least recently used out first)"));
    }

    @Override
    BotClassifier classifier(Map<String, String> resolved) {
        int size = (int) Options.integer(CACHE_SIZE, resolved.get(CACHE_SIZE), 1, 10_000_000);
        return new UserAgents(size, YauaaClassification::classify);
    }

    /** Thread-safe: the cache is guarded, and the analyzer is called under its own lock. */
    static final class UserAgents implements BotClassifier {
        private static final String HUMAN = "";

        private final int cacheSize;
        private final java.util.function.Function<String, String> analyse;
        private final LinkedHashMap<String, String> cache;
        private long analysed;

        /** @param analyse a user agent to its reason code, or {@code ""} when it is no bot */
        UserAgents(int cacheSize, java.util.function.Function<String, String> analyse) {
            this.cacheSize = cacheSize;
            this.analyse = analyse;
            this.cache = new LinkedHashMap<>(Math.min(cacheSize, 1024) * 2, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                    return size() > UserAgents.this.cacheSize;
                }
            };
        }

        @Override
        public String id() {
            return ID;
        }

        @Override
        public String description() {
            return "user agents Yauaa classifies as robot, automated browser, non-browser or hacker";
        }

        @Override
        public Map<String, String> options() {
            return Map.of(CACHE_SIZE, Integer.toString(cacheSize));
        }

        @Override
        public Optional<String> classify(Session session) {
            String ua = userAgent(session);
            if (ua == null) {
                return Optional.empty();
            }
            String reason;
            synchronized (cache) {
                reason = cache.get(ua);
            }
            if (reason == null) {
                reason = analyse.apply(ua);
                synchronized (cache) {
                    cache.put(ua, reason);
                    analysed++;
                }
            }
            return reason.equals(HUMAN) ? Optional.empty() : Optional.of(reason);
        }

        /** The user agent of the first event, else of the last, else {@code null}. */
        static String userAgent(Session session) {
            Event first = session.firstEvent();
            if (first.userAgent() != null) {
                return first.userAgent();
            }
            return session.lastEvent().userAgent();
        }

        /** User agents analysed so far (cache misses), for tests. */
        long analysed() {
            synchronized (cache) {
                return analysed;
            }
        }

        /** User agents whose answer is held now, for tests. */
        int cached() {
            synchronized (cache) {
                return cache.size();
            }
        }

        @Override
        public String toString() {
            return ID + options();
        }
    }
}

package io.persession.engine;

import io.persession.spi.Event;
import io.persession.spi.OpenSession;
import io.persession.spi.SessionDefinition;
import io.persession.spi.SessionRule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small session rules and definitions written for the core tests only. */
final class TestRules {
    static final long SECOND = 1_000L;
    static final long MINUTE = 60_000L;
    static final long HOUR = 60 * MINUTE;

    private TestRules() {
    }

    /** New session when the gap is longer than {@code limit}; promises that limit. */
    static SessionRule gap(String reason, Duration limit) {
        return new SessionRule() {
            @Override
            public String reason() {
                return reason;
            }

            @Override
            public boolean startsNewSession(OpenSession session, Event next) {
                return session.gapMillis(next) > limit.toMillis();
            }

            @Override
            public Optional<Duration> inactivityLimit() {
                return Optional.of(limit);
            }

            @Override
            public String toString() {
                return reason + ">" + limit;
            }
        };
    }

    static SessionRule timeout30() {
        return gap("timeout", Duration.ofMinutes(30));
    }

    /** New session when the local date (in {@code zone}) of the next event differs from the session's last event. */
    static SessionRule midnight(ZoneId zone) {
        return new SessionRule() {
            @Override
            public String reason() {
                return "midnight";
            }

            @Override
            public boolean startsNewSession(OpenSession session, Event next) {
                LocalDate last = LocalDate.ofInstant(Instant.ofEpochMilli(session.lastEventMillis()), zone);
                LocalDate now = LocalDate.ofInstant(next.timestamp(), zone);
                return !last.equals(now);
            }
        };
    }

    /** New session on an event named {@code login}; no inactivity limit. */
    static SessionRule login() {
        return new SessionRule() {
            @Override
            public String reason() {
                return "login";
            }

            @Override
            public boolean startsNewSession(OpenSession session, Event next) {
                return "login".equals(next.name());
            }
        };
    }

    /** New session when the open session already has {@code max} events; no inactivity limit. */
    static SessionRule maxEvents(int max) {
        return new SessionRule() {
            @Override
            public String reason() {
                return "max-events";
            }

            @Override
            public boolean startsNewSession(OpenSession session, Event next) {
                return session.eventCount() >= max;
            }
        };
    }

    static SessionDefinition def(String id, SessionRule... rules) {
        return SessionDefinition.of(id, "test definition " + id, Map.of(), List.of(rules));
    }

    /** Midnight in Paris (listed first), login, then a 30-minute timeout with an inactivity limit. */
    static SessionDefinition withLimit() {
        return def("with-limit", midnight(ZoneId.of("Europe/Paris")), login(), timeout30());
    }

    /** Midnight in Paris and login: no rule promises an inactivity limit. */
    static SessionDefinition withoutLimit() {
        return def("without-limit", midnight(ZoneId.of("Europe/Paris")), login());
    }
}

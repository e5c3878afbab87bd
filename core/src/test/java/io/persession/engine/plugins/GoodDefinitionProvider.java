package io.persession.engine.plugins;

import io.persession.spi.Event;
import io.persession.spi.OpenSession;
import io.persession.spi.OptionSpec;
import io.persession.spi.Options;
import io.persession.spi.SessionDefinition;
import io.persession.spi.SessionDefinitionProvider;
import io.persession.spi.SessionRule;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A well-behaved test provider: id {@code good}, options timeout (30m), zone (UTC), max-events (no default). */
public class GoodDefinitionProvider implements SessionDefinitionProvider {
    @Override
    public String spiVersion() {
        return io.persession.spi.SpiVersion.CURRENT;
    }

    /** What the last {@link #create} call saw (test-only observation). */
    public static volatile Map<String, String> lastGiven;
    public static volatile ClassLoader lastContextLoader;

    @Override
    public String id() {
        return "good";
    }

    @Override
    public String description() {
        return "a timeout for tests";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.of("timeout", "30m", "inactivity timeout"),
                OptionSpec.of("zone", "UTC", "time zone"),
                OptionSpec.of("max-events", null, "events per session at most"));
    }

    @Override
    public SessionDefinition create(Map<String, String> given) {
        lastGiven = given;
        lastContextLoader = Thread.currentThread().getContextClassLoader();
        Map<String, String> resolved = Options.resolve(id(), options(), given);
        Duration timeout = Options.duration("timeout", resolved.get("timeout"));
        Options.zone("zone", resolved.get("zone"));
        if (resolved.containsKey("max-events")) {
            Options.integer("max-events", resolved.get("max-events"), 1, 10_000);
        }
        SessionRule rule = new SessionRule() {
            @Override
            public String reason() {
                return "timeout";
            }

            @Override
            public boolean startsNewSession(OpenSession session, Event next) {
                return session.gapMillis(next) > timeout.toMillis();
            }

            @Override
            public Optional<Duration> inactivityLimit() {
                return Optional.of(timeout);
            }
        };
        return SessionDefinition.of(id(), description(), resolved, List.of(rule));
    }
}

package io.persession.definitions;

import io.persession.spi.OptionSpec;
import io.persession.spi.SessionRule;

import java.util.List;

/**
 * {@code timeout}: a new session after a gap longer than option {@code timeout} (default
 * {@code 30m}); a gap of exactly the timeout continues, as in Adobe Analytics, PostHog, and Flink's
 * and Spark's session windows.
 */
public final class TimeoutDefinitionProvider extends AbstractDefinitionProvider {
    public TimeoutDefinitionProvider() {
        super("timeout",
                "Inactivity timeout only: a new session after a gap longer than the timeout (a gap of exactly the timeout"
                        + " continues), as Adobe Analytics, PostHog and Flink/Spark session windows do.",
                OptionSpec.of(TIMEOUT, DEFAULT_TIMEOUT, "longest gap between two events of one session, e.g. 30m, 1h, 90s"));
    }

    @Override
    List<SessionRule> rules(Values values) {
        return List.of(new InactivityTimeoutRule(values.duration(TIMEOUT), false));
    }
}

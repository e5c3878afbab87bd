package io.persession.definitions;

import io.persession.spi.OptionSpec;
import io.persession.spi.SessionRule;

import java.util.List;

/**
 * {@code posthog}: PostHog's session: a new session after more than {@code timeout} (30m) of
 * inactivity or when the session would last more than {@code max-duration} (24h).
 */
public final class PostHogDefinitionProvider extends AbstractDefinitionProvider {
    public PostHogDefinitionProvider() {
        super("posthog",
                "PostHog sessions: a new session after more than 30 minutes of inactivity or after 24 hours.",
                OptionSpec.of(TIMEOUT, DEFAULT_TIMEOUT, "longest gap between two events of one session (a gap of exactly"
                        + " this continues), e.g. 30m"),
                OptionSpec.of(MAX_DURATION_OPTION, "24h", "longest span from a session's first to its last event (exactly"
                        + " this still belongs to the session), e.g. 24h"));
    }

    @Override
    List<SessionRule> rules(Values values) {
        return List.of(
                new InactivityTimeoutRule(values.duration(TIMEOUT), false),
                new MaxDurationRule(values.duration(MAX_DURATION_OPTION)));
    }
}

package io.persession.definitions;

import io.persession.spi.OptionSpec;
import io.persession.spi.SessionRule;

import java.util.List;

/**
 * {@code adobe}: Adobe Analytics' visit: a new visit after more than {@code timeout} (30m) of
 * inactivity, when the visit would last more than {@code max-duration} (12h), or after
 * {@code max-events} (2500) hits.
 */
public final class AdobeDefinitionProvider extends AbstractDefinitionProvider {
    public AdobeDefinitionProvider() {
        super("adobe",
                "Adobe Analytics visits: a new visit after more than 30 minutes of inactivity, after 12 hours, or after 2500"
                        + " hits.",
                OptionSpec.of(TIMEOUT, DEFAULT_TIMEOUT, "longest gap between two hits of one visit (a gap of exactly this"
                        + " continues), e.g. 30m"),
                OptionSpec.of(MAX_DURATION_OPTION, "12h", "longest span from a visit's first to its last hit (exactly this"
                        + " still belongs to the visit), e.g. 12h"),
                OptionSpec.of(MAX_EVENTS, "2500", "most hits (events of any type) in one visit; the next one starts a new"
                        + " visit"));
    }

    @Override
    List<SessionRule> rules(Values values) {
        return List.of(
                new InactivityTimeoutRule(values.duration(TIMEOUT), false),
                new MaxDurationRule(values.duration(MAX_DURATION_OPTION)),
                new MaxEventsRule(values.integer(MAX_EVENTS, 1, Integer.MAX_VALUE)));
    }
}

package io.persession.definitions;

import io.persession.spi.OptionSpec;
import io.persession.spi.SessionRule;

import java.util.List;

/**
 * {@code midnight}: the {@code timeout} definition plus a new session when the local calendar date
 * changes in option {@code zone}.
 */
public final class MidnightDefinitionProvider extends AbstractDefinitionProvider {
    public MidnightDefinitionProvider() {
        super("midnight",
                "Inactivity timeout plus a new session at local midnight in the given zone (00:00:00.000 belongs to the new"
                        + " day), as Universal Analytics and Matomo end sessions at midnight in the reporting time zone.",
                OptionSpec.of(TIMEOUT, DEFAULT_TIMEOUT, "longest gap between two events of one session (a gap of exactly"
                        + " this continues), e.g. 30m"),
                zoneSpec("the reporting time zone"));
    }

    @Override
    List<SessionRule> rules(Values values) {
        return List.of(new InactivityTimeoutRule(values.duration(TIMEOUT), false), new MidnightRule(values.zone(ZONE)));
    }
}

package io.persession.definitions;

import io.persession.spi.OptionSpec;
import io.persession.spi.SessionRule;

import java.util.List;

/**
 * {@code campaign}: the {@code timeout} definition plus a new session when an event carries a
 * traffic source other than the session's entry source (direct events never split).
 */
public final class CampaignDefinitionProvider extends AbstractDefinitionProvider {
    public CampaignDefinitionProvider() {
        super("campaign",
                "Inactivity timeout plus a new session when an event carries a traffic source (source, medium, campaign,"
                        + " term, content, click id) other than the session's entry source, as Universal Analytics does;"
                        + " direct events and GA placeholders never split.",
                OptionSpec.of(TIMEOUT, DEFAULT_TIMEOUT, "longest gap between two events of one session (a gap of exactly"
                        + " this continues), e.g. 30m"));
    }

    @Override
    List<SessionRule> rules(Values values) {
        return List.of(new InactivityTimeoutRule(values.duration(TIMEOUT), false), new CampaignRule(false));
    }
}

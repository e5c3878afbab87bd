package io.persession.definitions;

import io.persession.spi.OptionSpec;
import io.persession.spi.SessionRule;

import java.util.List;

/**
 * {@code matomo}: Matomo's default visit: a new visit when the last action is {@code timeout}
 * ({@code visit_standard_length}, default 30m) or more ago, at midnight in the website's
 * {@code zone}, and on a campaign change, where a visit that is still direct adopts a campaign
 * instead of splitting.
 */
public final class MatomoDefinitionProvider extends AbstractDefinitionProvider {
    public MatomoDefinitionProvider() {
        super("matomo",
                "Matomo defaults: a new visit after the visit length or more of inactivity, at midnight in the website's time"
                        + " zone, and on a campaign change, where a visit that is still direct adopts the campaign.",
                zoneSpec("the Matomo website's time zone"),
                OptionSpec.of(TIMEOUT, DEFAULT_TIMEOUT, "Matomo's visit_standard_length: a gap of this or more starts a"
                        + " new visit, e.g. 30m"));
    }

    @Override
    List<SessionRule> rules(Values values) {
        return List.of(
                new InactivityTimeoutRule(values.duration(TIMEOUT), true),
                new MidnightRule(values.zone(ZONE)),
                new CampaignRule(true));
    }
}

package io.persession.definitions;

import io.persession.spi.SessionRule;

import java.time.Duration;
import java.util.List;

/**
 * {@code ua}: Universal Analytics' default session: 30 minutes or more of inactivity (fixed; a gap
 * of exactly 30 minutes splits), midnight in the view's {@code zone}, a campaign change and a new
 * external referral (the referral exclusion list is {@code internal-hosts}).
 */
public final class UniversalAnalyticsDefinitionProvider extends AbstractDefinitionProvider {
    static final Duration UA_TIMEOUT = Duration.ofMinutes(30);

    public UniversalAnalyticsDefinitionProvider() {
        super("ua",
                "Universal Analytics: a new session after 30 minutes or more of inactivity (fixed), at midnight in the view's"
                        + " time zone, on a campaign change and on a new external referral.",
                zoneSpec("the Universal Analytics view's time zone"),
                internalHostsSpec());
    }

    @Override
    List<SessionRule> rules(Values values) {
        return List.of(
                new InactivityTimeoutRule(UA_TIMEOUT, true),
                new MidnightRule(values.zone(ZONE)),
                new CampaignRule(false),
                new ReferralRule(values.hosts(INTERNAL_HOSTS)));
    }
}

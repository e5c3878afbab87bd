package io.persession.definitions;

import io.persession.spi.OptionSpec;
import io.persession.spi.SessionRule;

import java.util.List;

/**
 * {@code referral}: the {@code timeout} definition plus a new session when an event arrives from an
 * external referrer other than the session's entry referrer.
 */
public final class ReferralDefinitionProvider extends AbstractDefinitionProvider {
    public ReferralDefinitionProvider() {
        super("referral",
                "Inactivity timeout plus a new session when an event arrives from an external referrer (not the site's own"
                        + " registrable domain nor an internal host) other than the session's entry referrer, as Universal"
                        + " Analytics starts a session on a new referral.",
                OptionSpec.of(TIMEOUT, DEFAULT_TIMEOUT, "longest gap between two events of one session (a gap of exactly"
                        + " this continues), e.g. 30m"),
                internalHostsSpec());
    }

    @Override
    List<SessionRule> rules(Values values) {
        return List.of(new InactivityTimeoutRule(values.duration(TIMEOUT), false), new ReferralRule(values.hosts(INTERNAL_HOSTS)));
    }
}

package io.persession.definitions;

import io.persession.spi.OptionSpec;
import io.persession.spi.SessionRule;

import java.time.Duration;
import java.util.List;

/**
 * {@code ga4}: Google Analytics 4: a new session after a gap longer than option {@code timeout}
 * (default 30m, accepted from 5m to 7h55m like GA4's "adjust session timeout" setting). GA4 does not
 * reset sessions at midnight, on a campaign change or on a referral.
 *
 * <p>Boundary: GA4 documents only "30 minutes of inactivity" (its session is kept alive by a
 * timestamp that each event renews); a gap of exactly the timeout is not yet a timeout, so it
 * continues, the same convention as {@code timeout}.
 */
public final class Ga4DefinitionProvider extends AbstractDefinitionProvider {
    static final Duration MIN_TIMEOUT = Duration.ofMinutes(5);
    static final Duration MAX_TIMEOUT = Duration.ofHours(7).plusMinutes(55);

    public Ga4DefinitionProvider() {
        super("ga4",
                "Google Analytics 4: a new session after a gap longer than the session timeout only; no reset at midnight,"
                        + " on a campaign change or on a referral.",
                OptionSpec.of(TIMEOUT, DEFAULT_TIMEOUT, "GA4 session timeout, from 5m to 7h55m as GA4's admin setting allows"
                        + " (a gap of exactly this continues)"));
    }

    @Override
    List<SessionRule> rules(Values values) {
        return List.of(new InactivityTimeoutRule(values.duration(TIMEOUT, MIN_TIMEOUT, MAX_TIMEOUT), false));
    }
}

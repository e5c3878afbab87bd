package io.persession.definitions;

import io.persession.spi.SessionDefinition;
import io.persession.spi.TrafficSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.persession.definitions.TestEvents.counts;
import static io.persession.definitions.TestEvents.from;
import static io.persession.definitions.TestEvents.pv;
import static io.persession.definitions.TestEvents.reasons;
import static io.persession.definitions.TestEvents.sessionize;
import static io.persession.definitions.TestEvents.source;
import static io.persession.definitions.TestEvents.utc;
import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("CampaignRule")
class CampaignRuleTest {
    private static final long T0 = utc("2026-05-01T10:00:00Z");
    private static final long MINUTE = 60_000;
    private static final TrafficSource GOOGLE = source("google", "cpc", "spring-sale");
    private static final TrafficSource GOOGLE_SUMMER = source("google", "cpc", "summer-sale");
    private static final TrafficSource FACEBOOK = source("facebook", "social", null);
    private static final TrafficSource PLACEHOLDERS = TrafficSource.of("(direct)", "(none)", "(not set)", "(not provided)", null, null);

    private final SessionDefinition campaign = new CampaignDefinitionProvider().create(Map.of());
    private final SessionDefinition ua = new UniversalAnalyticsDefinitionProvider().create(Map.of());
    private final SessionDefinition matomo = new MatomoDefinitionProvider().create(Map.of());

    @Test
    @DisplayName("a session that started direct is split by a later campaign (campaign, ua)")
    void directThenCampaignSplits() {
        for (SessionDefinition d : List.of(campaign, ua)) {
            assertEquals(List.of("first", "campaign"), reasons(sessionize(d, pv(T0), from(T0 + MINUTE, GOOGLE))), d.id());
        }
    }

    @Test
    @DisplayName("a direct event mid-session never splits, in campaign, ua and matomo")
    void directMidSessionContinues() {
        for (SessionDefinition d : List.of(campaign, ua, matomo)) {
            assertEquals(List.of("first"),
                    reasons(sessionize(d, from(T0, GOOGLE), pv(T0 + MINUTE), from(T0 + 2 * MINUTE, GOOGLE))), d.id());
        }
    }

    @Test
    @DisplayName("GA placeholders (direct), (none), (not set), (not provided) mean direct: they never split and never count as a source")
    void placeholdersAreDirect() {
        for (String placeholder : List.of("(direct)", "(none)", "(not set)", "(not provided)")) {
            TrafficSource p = TrafficSource.of(placeholder, placeholder, placeholder, placeholder, placeholder, placeholder);
            assertEquals(TrafficSource.DIRECT, p, placeholder);
            for (SessionDefinition d : List.of(campaign, ua, matomo)) {
                assertEquals(List.of("first"), reasons(sessionize(d, from(T0, GOOGLE), from(T0 + MINUTE, p))), d.id() + " " + placeholder);
            }
        }
        // a session entered with placeholders only is direct: a campaign splits it (campaign) or is adopted (matomo)
        assertEquals(List.of("first", "campaign"), reasons(sessionize(campaign, from(T0, PLACEHOLDERS), from(T0 + MINUTE, GOOGLE))));
        assertEquals(List.of("first"), reasons(sessionize(matomo, from(T0, PLACEHOLDERS), from(T0 + MINUTE, GOOGLE))));
        // (not set) campaign equals an absent campaign
        assertEquals(List.of("first"), reasons(sessionize(campaign, from(T0, source("google", "cpc", null)),
                from(T0 + MINUTE, source("google", "cpc", "(not set)")))));
    }

    @Test
    @DisplayName("any changed field splits: campaign name, click id, source")
    void changesSplit() {
        assertEquals(List.of("first", "campaign"), reasons(sessionize(campaign, from(T0, GOOGLE), from(T0 + MINUTE, GOOGLE_SUMMER))));
        TrafficSource click1 = TrafficSource.of("google", "cpc", "spring-sale", null, null, "gclid-1");
        TrafficSource click2 = TrafficSource.of("google", "cpc", "spring-sale", null, null, "gclid-2");
        assertEquals(List.of("first"), reasons(sessionize(campaign, from(T0, click1), from(T0 + MINUTE, click1))));
        assertEquals(List.of("first", "campaign"), reasons(sessionize(campaign, from(T0, click1), from(T0 + MINUTE, click2))));
        assertEquals(List.of("first", "campaign", "campaign"),
                reasons(sessionize(campaign, from(T0, GOOGLE), from(T0 + MINUTE, FACEBOOK), from(T0 + 2 * MINUTE, GOOGLE))));
    }

    @Test
    @DisplayName("matomo: a direct session adopts a campaign, then a second, different campaign splits it")
    void matomoAdopts() {
        var sessions = sessionize(matomo, pv(T0), pv(T0 + MINUTE), from(T0 + 2 * MINUTE, GOOGLE), pv(T0 + 3 * MINUTE),
                from(T0 + 4 * MINUTE, GOOGLE), from(T0 + 5 * MINUTE, FACEBOOK), pv(T0 + 6 * MINUTE));
        assertEquals(List.of("first", "campaign"), reasons(sessions));
        assertEquals(List.of(5, 2), counts(sessions));
        assertEquals(GOOGLE, sessions.get(0).trafficSource());
        assertEquals(FACEBOOK, sessions.get(1).trafficSource());
    }

    @Test
    @DisplayName("the rule alone: direct never splits; entry source versus latest source")
    void ruleAlone() {
        SessionDefinition entry = TestEvents.rules(new CampaignRule(false));
        SessionDefinition adopts = TestEvents.rules(new CampaignRule(true));
        // google, direct, facebook: both split at facebook
        assertEquals(List.of("first", "campaign"), reasons(sessionize(entry, from(T0, GOOGLE), pv(T0 + 1), from(T0 + 2, FACEBOOK))));
        assertEquals(List.of("first", "campaign"), reasons(sessionize(adopts, from(T0, GOOGLE), pv(T0 + 1), from(T0 + 2, FACEBOOK))));
        // days apart without a timeout rule: still one session
        assertEquals(List.of("first"), reasons(sessionize(entry, from(T0, GOOGLE), from(T0 + 86_400_000L * 3, GOOGLE))));
    }
}

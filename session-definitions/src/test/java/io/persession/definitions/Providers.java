package io.persession.definitions;

import io.persession.spi.SessionDefinitionProvider;

import java.util.List;

/** The built-in providers, by id, for tests. */
final class Providers {
    static final List<SessionDefinitionProvider> ALL = List.of(
            new TimeoutDefinitionProvider(), new MidnightDefinitionProvider(), new CampaignDefinitionProvider(),
            new ReferralDefinitionProvider(), new UniversalAnalyticsDefinitionProvider(), new Ga4DefinitionProvider(),
            new MatomoDefinitionProvider(), new AdobeDefinitionProvider(), new PostHogDefinitionProvider());

    private Providers() {
    }

    static SessionDefinitionProvider byId(String id) {
        return ALL.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no provider " + id));
    }
}

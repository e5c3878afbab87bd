/**
 * The built-in session definitions, shipped as {@link io.persession.spi.SessionDefinitionProvider}
 * plugins exactly like a vendor's ({@code timeout}, {@code midnight}, {@code campaign},
 * {@code referral}, {@code ua}, {@code ga4}, {@code matomo}, {@code adobe}, {@code posthog}, {@code by-id}), and the
 * reusable {@link io.persession.spi.SessionRule rules} they are made of, which other plugins may
 * combine: {@link io.persession.definitions.InactivityTimeoutRule},
 * {@link io.persession.definitions.MidnightRule}, {@link io.persession.definitions.CampaignRule},
 * {@link io.persession.definitions.ReferralRule}, {@link io.persession.definitions.MaxDurationRule},
 * {@link io.persession.definitions.MaxEventsRule} and {@link io.persession.definitions.SessionIdRule}.
 */
package io.persession.definitions;

package io.persession.definitions;

import io.persession.spi.InvalidOptionException;
import io.persession.spi.OptionSpec;
import io.persession.spi.SessionDefinition;
import io.persession.spi.SessionDefinitionProvider;
import io.persession.spi.SessionRule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("built-in providers: registration, options and rules")
class ProviderOptionsTest {
    private static InvalidOptionException rejected(String id, Map<String, String> options, String option, String... fragments) {
        Executable create = () -> Providers.byId(id).create(options);
        InvalidOptionException e = assertThrows(InvalidOptionException.class, create, id + " " + options);
        assertEquals(option, e.option());
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), () -> "message lacks '" + f + "': " + e.getMessage());
        }
        return e;
    }

    @Test
    @DisplayName("ServiceLoader finds exactly the ten built-in ids")
    void registered() {
        Set<String> ids = ServiceLoader.load(SessionDefinitionProvider.class, ProviderOptionsTest.class.getClassLoader()).stream()
                .map(p -> p.get().id()).collect(Collectors.toSet());
        assertEquals(Set.of("timeout", "midnight", "campaign", "referral", "ua", "ga4", "matomo", "adobe", "posthog", "by-id"), ids);
    }

    @Test
    @DisplayName("each definition shows every option in force with its default")
    void defaultsShown() {
        Map<String, Map<String, String>> expected = new LinkedHashMap<>();
        expected.put("timeout", Map.of("timeout", "30m"));
        expected.put("midnight", Map.of("timeout", "30m", "zone", "UTC"));
        expected.put("campaign", Map.of("timeout", "30m"));
        expected.put("referral", Map.of("timeout", "30m", "internal-hosts", ""));
        expected.put("ua", Map.of("zone", "UTC", "internal-hosts", ""));
        expected.put("ga4", Map.of("timeout", "30m"));
        expected.put("matomo", Map.of("zone", "UTC", "timeout", "30m"));
        expected.put("adobe", Map.of("timeout", "30m", "max-duration", "12h", "max-events", "2500"));
        expected.put("posthog", Map.of("timeout", "30m", "max-duration", "1d")); // Options.format writes 24h as 1d
        for (SessionDefinitionProvider p : Providers.ALL) {
            SessionDefinition d = p.create(Map.of());
            assertEquals(expected.get(p.id()), d.options(), p.id());
            assertEquals(p.options().stream().map(OptionSpec::name).collect(Collectors.toList()), List.copyOf(d.options().keySet()),
                    p.id() + ": options in the provider's order");
        }
    }

    @Test
    @DisplayName("options() shows normalised values: durations in short form, zone ids, hosts lower case without www.")
    void normalised() {
        assertEquals("30m", Providers.byId("timeout").create(Map.of("timeout", "PT30M")).options().get("timeout"));
        assertEquals("1m30s", Providers.byId("timeout").create(Map.of("timeout", "90s")).options().get("timeout"));
        assertEquals("1h30m", Providers.byId("ga4").create(Map.of("timeout", "pt1h30m")).options().get("timeout"));
        assertEquals("1d", Providers.byId("posthog").create(Map.of("max-duration", "24h")).options().get("max-duration"));
        assertEquals("1d12h", Providers.byId("posthog").create(Map.of("max-duration", "36h")).options().get("max-duration"));
        assertEquals("2500", Providers.byId("adobe").create(Map.of("max-events", " 2_500 ")).options().get("max-events"));
        assertEquals("Europe/Paris", Providers.byId("ua").create(Map.of("zone", " Europe/Paris ")).options().get("zone"));
        assertEquals("paypal.com,checkout.stripe.com", Providers.byId("ua")
                .create(Map.of("internal-hosts", " WWW.PayPal.com , https://checkout.stripe.com/pay,, ")).options().get("internal-hosts"));
    }

    @Test
    @DisplayName("a bad duration names the option, the value and the accepted forms")
    void badDuration() {
        rejected("timeout", Map.of("timeout", "soon"), "timeout", "'timeout'", "'soon'", "30m");
        rejected("timeout", Map.of("timeout", "0m"), "timeout", "positive");
        rejected("adobe", Map.of("max-duration", "12 hours"), "max-duration", "'max-duration'", "'12 hours'");
    }

    @Test
    @DisplayName("an unknown zone names the option, the value and how to write a zone")
    void unknownZone() {
        rejected("midnight", Map.of("zone", "Mars/Olympus"), "zone", "'zone'", "'Mars/Olympus'", "IANA", "Europe/Paris");
        rejected("matomo", Map.of("zone", "CEST"), "zone", "'CEST'");
    }

    @Test
    @DisplayName("ga4: the timeout must lie within 5m and 7h55m")
    void ga4Range() {
        rejected("ga4", Map.of("timeout", "8h"), "timeout", "'8h'", "out of range", "5m to 7h55m");
        rejected("ga4", Map.of("timeout", "4m59s"), "timeout", "5m to 7h55m");
        assertEquals("7h55m", Providers.byId("ga4").create(Map.of("timeout", "7h55m")).options().get("timeout"));
        assertEquals("5m", Providers.byId("ga4").create(Map.of("timeout", "300s")).options().get("timeout"));
    }

    @Test
    @DisplayName("an unknown option names it and lists the valid ones")
    void unknownOption() {
        rejected("ua", Map.of("timeout", "30m"), "timeout", "'ua' has no option 'timeout'", "zone, internal-hosts");
        rejected("timeout", Map.of("timout", "30m"), "timout", "'timout'", "timeout");
    }

    @Test
    @DisplayName("bad integers and bad hosts name the option and what is accepted")
    void badIntegersAndHosts() {
        rejected("adobe", Map.of("max-events", "0"), "max-events", "out of range", "1 to " + Integer.MAX_VALUE);
        rejected("adobe", Map.of("max-events", "lots"), "max-events", "'lots'", "whole number");
        rejected("referral", Map.of("internal-hosts", "paypal.com,pay pal.com"), "internal-hosts", "'pay pal.com'", "paypal.com");
    }

    @Test
    @DisplayName("the rules of each definition, in the order they are asked")
    void rulesInOrder() {
        assertEquals(List.of(new InactivityTimeoutRule(Duration.ofMinutes(30), true), new MidnightRule(ZoneId.of("Europe/Paris")),
                        new CampaignRule(false), new ReferralRule(Set.of("paypal.com"))),
                Providers.byId("ua").create(Map.of("zone", "Europe/Paris", "internal-hosts", "paypal.com")).rules());
        assertEquals(List.of(new InactivityTimeoutRule(Duration.ofMinutes(30), true), new MidnightRule(ZoneId.of("UTC")),
                        new CampaignRule(true)),
                Providers.byId("matomo").create(Map.of()).rules());
        assertEquals(List.of(new InactivityTimeoutRule(Duration.ofMinutes(30), false), new MaxDurationRule(Duration.ofHours(12)),
                        new MaxEventsRule(2500)),
                Providers.byId("adobe").create(Map.of()).rules());
        assertEquals(List.of(new InactivityTimeoutRule(Duration.ofMinutes(45), false)),
                Providers.byId("ga4").create(Map.of("timeout", "45m")).rules());
        for (SessionDefinitionProvider p : Providers.ALL) {
            SessionDefinition d = p.create(Map.of());
            SessionRule first = d.rules().get(0);
            assertEquals(InactivityTimeoutRule.class, first.getClass(), p.id() + " asks the timeout first");
            assertEquals(first, d.inactivityRule().orElseThrow(), p.id());
            assertEquals(p.description(), d.description());
        }
    }
}

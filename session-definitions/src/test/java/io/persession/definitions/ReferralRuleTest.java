package io.persession.definitions;

import io.persession.spi.Event;
import io.persession.spi.SessionDefinition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.persession.definitions.TestEvents.pageview;
import static io.persession.definitions.TestEvents.pv;
import static io.persession.definitions.TestEvents.reasons;
import static io.persession.definitions.TestEvents.referred;
import static io.persession.definitions.TestEvents.rules;
import static io.persession.definitions.TestEvents.sessionize;
import static io.persession.definitions.TestEvents.utc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@DisplayName("ReferralRule")
class ReferralRuleTest {
    private static final long T0 = utc("2026-05-01T10:00:00Z");
    private static final long MINUTE = 60_000;

    private final SessionDefinition referral = new ReferralDefinitionProvider().create(Map.of());

    private List<String> second(SessionDefinition d, Event first, String referrer) {
        return reasons(sessionize(d, first, referred(T0 + MINUTE, referrer)));
    }

    @Test
    @DisplayName("the site's own other subdomain is internal; an external site splits")
    void ownSubdomainVersusExternal() {
        // page https://shop.example.com/x
        assertEquals(List.of("first"), second(referral, pv(T0), "https://blog.example.com/"));
        assertEquals(List.of("first"), second(referral, pv(T0), "https://shop.example.com/cart"));
        assertEquals(List.of("first", "referral"), second(referral, pv(T0), "https://news.ycombinator.com/"));
    }

    @Test
    @DisplayName("the same external referrer again does not split; a different one does")
    void sameExternalAgain() {
        Event entry = referred(T0, "https://news.ycombinator.com/");
        assertEquals(List.of("first"), second(referral, entry, "https://news.ycombinator.com/item?id=42"));
        assertEquals(List.of("first", "referral"), second(referral, entry, "https://www.reddit.com/r/x"));
        // google.com/search and www.google.com/url are the same referrer (registrable domain), case-insensitive
        Event google = referred(T0, "https://google.com/search?q=a");
        assertEquals(List.of("first"), second(referral, google, "https://www.google.com/url?q=b"));
        assertEquals(List.of("first"), second(referral, google, "HTTPS://WWW.GOOGLE.COM/"));
        assertEquals(List.of("first", "referral", "referral"), reasons(sessionize(referral, referred(T0, "https://news.ycombinator.com/"),
                referred(T0 + MINUTE, "https://t.co/x"), referred(T0 + 2 * MINUTE, "https://news.ycombinator.com/"))));
    }

    @Test
    @DisplayName("option internal-hosts: listed hosts and their subdomains never split; www. is ignored")
    void internalHosts() {
        SessionDefinition excluded = new ReferralDefinitionProvider()
                .create(Map.of("internal-hosts", "www.paypal.com, stripe.com"));
        assertEquals("paypal.com,stripe.com", excluded.options().get("internal-hosts"));
        for (String ref : List.of("https://www.paypal.com/checkoutnow", "https://paypal.com/", "https://checkout.stripe.com/pay")) {
            assertEquals(List.of("first", "referral"), second(referral, pv(T0), ref), ref);
            assertEquals(List.of("first"), second(excluded, pv(T0), ref), ref);
        }
        // a subdomain match needs a dot: notstripe.com is not stripe.com
        assertEquals(List.of("first", "referral"), second(excluded, pv(T0), "https://notstripe.com/"));
    }

    @ParameterizedTest(name = "referrer \"{0}\"")
    @CsvSource({"not a url", "'http://'", "://nohost", "(direct)", "'http://[::1'", "mailto:someone"})
    @DisplayName("a referrer that is no URL is no referrer")
    void unparsable(String referrer) {
        assertEquals(List.of("first"), second(referral, pv(T0), referrer));
    }

    @Test
    @DisplayName("an event without a page is judged against the session's first page")
    void fallbackToFirstPage() {
        Event noPage = Event.builder(T0 + MINUTE, TestEvents.VISITOR).referrer("https://blog.example.com/").build();
        assertEquals(List.of("first"), reasons(sessionize(referral, pv(T0), noPage)));
        Event external = Event.builder(T0 + MINUTE, TestEvents.VISITOR).referrer("https://news.ycombinator.com/").build();
        assertEquals(List.of("first", "referral"), reasons(sessionize(referral, pv(T0), external)));
    }

    @Test
    @DisplayName("sites are registrable domains: co.uk, localhost and IP addresses")
    void registrableDomains() {
        Event uk = pageview(T0).page("https://www.example.co.uk/").build();
        assertEquals(List.of("first"), reasons(sessionize(referral, uk,
                pageview(T0 + MINUTE).page("https://www.example.co.uk/b").referrer("https://shop.example.co.uk/").build())));
        assertEquals(List.of("first", "referral"), reasons(sessionize(referral, uk,
                pageview(T0 + MINUTE).page("https://www.example.co.uk/b").referrer("https://other.co.uk/").build())));
        Event local = pageview(T0).page("http://localhost:8080/").build();
        assertEquals(List.of("first"), reasons(sessionize(referral, local,
                pageview(T0 + MINUTE).page("http://localhost:8080/b").referrer("http://localhost:3000/").build())));
        Event ip = pageview(T0).page("http://192.168.0.10/").build();
        assertEquals(List.of("first", "referral"), reasons(sessionize(referral, ip,
                pageview(T0 + MINUTE).page("http://192.168.0.10/b").referrer("http://192.168.0.11/").build())));
    }

    @Test
    @DisplayName("a session entered from its own site is split by an external referral")
    void internalEntryThenExternal() {
        Event entry = referred(T0, "https://www.example.com/");
        assertEquals(List.of("first", "referral"), second(referral, entry, "https://news.ycombinator.com/"));
    }

    @Test
    @DisplayName("the rule refuses entries of internalHosts that are not hosts")
    void refusesBadHosts() {
        assertThrows(IllegalArgumentException.class, () -> new ReferralRule(Set.of("not a host")));
        assertEquals(Set.of("paypal.com", "checkout.stripe.com", "localhost"),
                new ReferralRule(Set.of("WWW.PayPal.com", "https://checkout.stripe.com/pay", "localhost")).internalHosts());
        assertEquals(List.of("first"), reasons(sessionize(rules(new ReferralRule(Set.of())), pv(T0), pv(T0 + 1))));
    }
}

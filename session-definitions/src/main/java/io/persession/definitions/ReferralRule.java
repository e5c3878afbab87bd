package io.persession.definitions;

import io.persession.spi.Event;
import io.persession.spi.OpenSession;
import io.persession.spi.SessionRule;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * External referral, reason {@code referral}: a new session starts when the next event arrives from
 * an external referrer other than the one the session started with (Universal Analytics starts a
 * new session on a new referral; its referral exclusion list is {@code internalHosts}).
 *
 * <p>How a referrer is judged:
 * <ul>
 * <li>No referrer, or one whose host cannot be read (not a URL), never splits.</li>
 * <li>Sites are compared by <em>registrable domain</em> (the public suffix plus one label, Public
 * Suffix List via Guava): {@code https://blog.example.com/} is internal to a page on
 * {@code shop.example.com}; {@code www.google.com/url} and {@code google.com/search} are the same
 * referrer. Hosts not under a public suffix (IP addresses, {@code localhost}) are their own domain.
 * Host names are compared case-insensitively; a {@code www.} prefix needs no special treatment
 * since it is never part of a registrable domain.</li>
 * <li>The site's own domain is that of the event's page, or, when the event has no readable page,
 * that of the session's first event's page. When neither is known, only {@code internalHosts}
 * make a referrer internal.</li>
 * <li>{@code internalHosts}: hosts that are never external, each matching itself and its
 * subdomains (a leading {@code www.} is dropped, so {@code www.paypal.com} covers
 * {@code paypal.com} and {@code checkout.paypal.com}); a URL is accepted and its host taken.</li>
 * <li>The session's entry referrer is {@link OpenSession#entryReferrer()}; when it is absent or
 * unreadable, any external referrer is a different one.</li>
 * </ul>
 *
 * <p>Immutable, pure and thread-safe.
 */
public final class ReferralRule implements SessionRule {
    /** The reason code of the sessions this rule starts. */
    public static final String REASON = "referral";

    private final List<String> internalHosts;

    /**
     * @param internalHosts hosts (or URLs) whose referrals are internal, with their subdomains; may be empty
     * @throws IllegalArgumentException when an entry is not a host name
     */
    public ReferralRule(Set<String> internalHosts) {
        Objects.requireNonNull(internalHosts, "internalHosts is null");
        Set<String> hosts = new TreeSet<>();
        for (String entry : internalHosts) {
            String h = Hosts.internalHost(Objects.requireNonNull(entry, "internal host is null"));
            if (h == null) {
                throw new IllegalArgumentException("'" + entry + "' is not a host name such as paypal.com");
            }
            hosts.add(h);
        }
        this.internalHosts = Collections.unmodifiableList(new ArrayList<>(hosts));
    }

    /** The internal hosts, normalised (lower case, no {@code www.}), sorted. */
    public Set<String> internalHosts() {
        return Collections.unmodifiableSet(new TreeSet<>(internalHosts));
    }

    @Override
    public String reason() {
        return REASON;
    }

    @Override
    public boolean startsNewSession(OpenSession session, Event next) {
        String referrerHost = Hosts.host(next.referrer());
        if (referrerHost == null || isInternalHost(referrerHost)) {
            return false;
        }
        String referrerDomain = Hosts.registrableDomain(referrerHost);
        String siteHost = Hosts.host(next.page());
        if (siteHost == null) {
            siteHost = Hosts.host(session.firstEvent().page());
        }
        if (siteHost != null && referrerDomain.equals(Hosts.registrableDomain(siteHost))) {
            return false;
        }
        String entryHost = Hosts.host(session.entryReferrer());
        return entryHost == null || !referrerDomain.equals(Hosts.registrableDomain(entryHost));
    }

    private boolean isInternalHost(String host) {
        for (String internal : internalHosts) {
            if (Hosts.isWithin(host, internal)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReferralRule && ((ReferralRule) o).internalHosts.equals(internalHosts);
    }

    @Override
    public int hashCode() {
        return internalHosts.hashCode();
    }

    @Override
    public String toString() {
        return internalHosts.isEmpty() ? "referral" : "referral(internal " + String.join(",", internalHosts) + ")";
    }
}

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
 * <p>Pure and thread-safe. What the rule needs of a URL (the registrable domain of its host,
 * whether the host is internal) is a pure function of the URL string and {@code internalHosts}, so
 * each rule remembers it for the URLs seen lately: inputs repeat a few thousand referrers and pages
 * millions of times, and parsing a URL ({@link java.net.IDN}, a regular expression) and looking up
 * the Public Suffix List costs about a microsecond per URL, a lookup some nanoseconds. The cache is
 * bounded (32,768 URLs; when full it starts afresh) and lock-free, so one rule may serve several
 * threads. A URL not remembered is still cheap when its host is known (host names and their
 * domains are remembered too). The decisions are those of computing everything afresh on every
 * call, as this rule did before it cached anything; the tests compare the two.
 */
public final class ReferralRule implements SessionRule {
    /** The reason code of the sessions this rule starts. */
    public static final String REASON = "referral";
    /** URLs remembered per rule; a few thousand is typical, unique URLs (query strings) churn. */
    private static final int URL_CACHE_SIZE = 32_768;

    private final List<String> internalHosts;
    /** URL -> {@link #urlInfo}, per rule since {@link UrlInfo#internal} depends on {@code internalHosts}. */
    private final BoundedCache<String, UrlInfo> urls;

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
        this.urls = new BoundedCache<>(URL_CACHE_SIZE, this::urlInfo);
    }

    /** The internal hosts, normalised (lower case, no {@code www.}), sorted. */
    public Set<String> internalHosts() {
        return Collections.unmodifiableSet(new TreeSet<>(internalHosts));
    }

    @Override
    public String reason() {
        return REASON;
    }

    /**
     * Decides as {@code decideUncached} does, from remembered {@code UrlInfo}s. Two shortcuts,
     * both exact: no referrer never splits ({@code Hosts.host(null)} is {@code null}), and neither
     * does the session's entry referrer again (whichever test decides, the last one would find the
     * entry referrer's own domain).
     */
    @Override
    public boolean startsNewSession(OpenSession session, Event next) {
        String referrer = next.referrer();
        if (referrer == null) {
            return false;
        }
        String entryReferrer = session.entryReferrer();
        if (referrer.equals(entryReferrer)) {
            return false;
        }
        UrlInfo ref = urls.get(referrer);
        if (ref.domain == null || ref.internal) {
            return false;
        }
        UrlInfo site = info(next.page());
        if (site.domain == null) {
            site = info(session.firstEvent().page());
        }
        if (site.domain != null && ref.domain.equals(site.domain)) {
            return false;
        }
        UrlInfo entry = info(entryReferrer);
        return entry.domain == null || !ref.domain.equals(entry.domain);
    }

    /** The rule's decision computed afresh, without the cache: the reference {@link #startsNewSession} must match. */
    boolean decideUncached(OpenSession session, Event next) {
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

    /** {@link #urlInfo} of {@code url}, remembered. */
    private UrlInfo info(String url) {
        return url == null ? UrlInfo.NONE : urls.get(url);
    }

    /**
     * What the rule needs to know of {@code url} ({@code null} allowed), computed from the URL: the
     * function the cache remembers. Uses {@link Hosts#cachedHost} and {@link Hosts#cachedRegistrableDomain},
     * as exact as their uncached forms, which makes a miss cheap when many distinct URLs (query
     * strings) share a few hosts.
     */
    UrlInfo urlInfo(String url) {
        String host = Hosts.cachedHost(url);
        if (host == null) {
            return UrlInfo.NONE;
        }
        return new UrlInfo(Hosts.cachedRegistrableDomain(host), isInternalHost(host));
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

    /**
     * What the rule needs to know of one URL: the registrable domain of its host ({@code null} when
     * no host can be read, {@link #NONE}) and whether the host is one of the rule's internal hosts.
     */
    static final class UrlInfo {
        /** A URL without a readable host (also stands for a {@code null} URL). */
        static final UrlInfo NONE = new UrlInfo(null, false);

        final String domain;
        final boolean internal;

        UrlInfo(String domain, boolean internal) {
            this.domain = domain;
            this.internal = internal;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof UrlInfo && Objects.equals(((UrlInfo) o).domain, domain) && ((UrlInfo) o).internal == internal;
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(domain) * 31 + Boolean.hashCode(internal);
        }

        @Override
        public String toString() {
            return domain == null ? "(no host)" : domain + (internal ? " (internal)" : "");
        }
    }
}

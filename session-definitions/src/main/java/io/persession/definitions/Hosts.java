package io.persession.definitions;

import com.google.common.net.InetAddresses;
import com.google.common.net.InternetDomainName;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Host names out of URLs, and the registrable domain ("site") a host belongs to. Lenient on input,
 * strict on output: whatever does not yield a plausible host is treated as no host at all.
 *
 * <p>{@link #host}, {@link #registrableDomain} and {@link #isWithin} compute from scratch on every
 * call ({@link IDN}, a regular expression, Public Suffix List lookups: about a microsecond); they
 * are the reference. {@link #cachedHost} and {@link #cachedRegistrableDomain} give exactly their
 * answers for less: the host name normalisation ({@link IDN}, the host name check) and the Public
 * Suffix List lookup are pure functions of a short string, and the hosts they are asked about are
 * few, so their answers are remembered (bounded, thread-safe, shared by all rules).
 */
final class Hosts {
    private static final Pattern HOST = Pattern.compile("[a-z0-9_-]+(\\.[a-z0-9_-]+)*");
    /** Stands for "no host" ({@code null}) among cached normalised names; {@link #normalise} never returns it. */
    private static final String NO_HOST = "";
    /** Host names as written in URLs (before {@link #normalise}) and their normalised form or {@link #NO_HOST}. */
    private static final BoundedCache<String, String> NORMALISED =
            new BoundedCache<>(16_384, raw -> { String h = normalise(raw); return h == null ? NO_HOST : h; });
    /** Hosts seen lately and their registrable domains. */
    private static final BoundedCache<String, String> DOMAINS = new BoundedCache<>(16_384, Hosts::registrableDomain);

    private Hosts() {
    }

    /**
     * The host of {@code url}, lower case, without port, user info or trailing dot; {@code null} when
     * {@code url} is {@code null} or no host can be read from it. Reads {@code scheme://host/...},
     * protocol-relative {@code //host/...} and a bare {@code host/...} that contains a dot.
     */
    static String host(String url) {
        return host(url, false);
    }

    /**
     * {@link #host(String)}, with the normalisation of the host name remembered: the same answer
     * (the parsing is the same code, and {@link #normalise} is a pure function of the name).
     */
    static String cachedHost(String url) {
        return host(url, true);
    }

    private static String host(String url, boolean cachedNames) {
        if (url == null) {
            return null;
        }
        String s = url.trim();
        boolean bare = false;
        int sep = s.indexOf("://");
        String rest;
        if (sep > 0 && isScheme(s, sep)) {
            rest = s.substring(sep + 3);
        } else if (s.startsWith("//")) {
            rest = s.substring(2);
        } else if (sep < 0) {
            rest = s;
            bare = true;
        } else {
            return null;
        }
        int end = rest.length();
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '/' || c == '?' || c == '#' || c == '\\') {
                end = i;
                break;
            }
        }
        String authority = rest.substring(0, end);
        if (bare && authority.indexOf('@') >= 0) {
            return null;
        }
        authority = authority.substring(authority.lastIndexOf('@') + 1);
        String host;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                return null;
            }
            host = authority.substring(1, close);
            return InetAddresses.isInetAddress(host) ? host.toLowerCase(Locale.ROOT) : null;
        }
        int colon = authority.indexOf(':');
        host = colon >= 0 ? authority.substring(0, colon) : authority;
        if (cachedNames) {
            host = NORMALISED.get(host);
            if (host.isEmpty()) { // NO_HOST
                return null;
            }
        } else {
            host = normalise(host);
        }
        if (host == null || (bare && host.indexOf('.') < 0)) {
            return null;
        }
        return host;
    }

    /** Whether {@code s.substring(0, end)} is a URL scheme: {@code [A-Za-z][A-Za-z0-9+.-]*}, end > 0. */
    private static boolean isScheme(String s, int end) {
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            if (!letter && (i == 0 || !((c >= '0' && c <= '9') || c == '+' || c == '.' || c == '-'))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A host name written by a user (option {@code internal-hosts}): a host, or a URL whose host is
     * taken; lower case, a leading {@code www.} dropped. {@code null} when it is not a host.
     */
    static String internalHost(String entry) {
        String h = host(entry);
        if (h == null && entry.indexOf('/') < 0 && entry.indexOf(':') < 0) {
            h = normalise(entry.trim()); // a single label such as localhost
        }
        if (h == null) {
            return null;
        }
        return h.startsWith("www.") && h.length() > 4 ? h.substring(4) : h;
    }

    /**
     * The registrable domain of {@code host}: the public suffix plus one label ({@code
     * shop.example.co.uk} gives {@code example.co.uk}), per the Public Suffix List as shipped with
     * Guava. IP addresses, {@code localhost} and other hosts not under a public suffix are their own
     * domain.
     */
    static String registrableDomain(String host) {
        if (InetAddresses.isInetAddress(host)) {
            return host;
        }
        try {
            InternetDomainName name = InternetDomainName.from(host);
            return name.isUnderPublicSuffix() ? name.topPrivateDomain().toString() : host;
        } catch (IllegalArgumentException | IllegalStateException e) {
            return host;
        }
    }

    /**
     * {@link #registrableDomain(String)} of {@code host}, remembered for the hosts seen lately
     * (bounded, thread-safe): the same answer without the Public Suffix List lookups.
     */
    static String cachedRegistrableDomain(String host) {
        return DOMAINS.get(host);
    }

    /** True when {@code host} is {@code parent} or one of its subdomains. */
    static boolean isWithin(String host, String parent) {
        return host.equals(parent) || (host.endsWith(parent) && host.charAt(host.length() - parent.length() - 1) == '.');
    }

    private static String normalise(String host) {
        if (host.isEmpty()) {
            return null;
        }
        String h;
        try {
            h = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        return HOST.matcher(h).matches() ? h : null;
    }
}

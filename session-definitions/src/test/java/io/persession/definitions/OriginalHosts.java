package io.persession.definitions;

import com.google.common.net.InetAddresses;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code Hosts.host} as it was before its host name normalisation could be cached and its scheme
 * check lost its regular expression: a verbatim copy, the oracle the current code must match.
 */
final class OriginalHosts {
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");
    private static final Pattern HOST = Pattern.compile("[a-z0-9_-]+(\\.[a-z0-9_-]+)*");

    private OriginalHosts() {
    }

    static String host(String url) {
        if (url == null) {
            return null;
        }
        String s = url.trim();
        boolean bare = false;
        int sep = s.indexOf("://");
        String rest;
        if (sep > 0 && SCHEME.matcher(s.substring(0, sep)).matches()) {
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
        host = normalise(host);
        if (host == null || (bare && host.indexOf('.') < 0)) {
            return null;
        }
        return host;
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

package io.persession.formats;

import io.persession.spi.TrafficSource;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The traffic source a landing URL carries: UTM parameters and click ids (gclid, fbclid, msclkid, dclid). */
final class Urls {
    private Urls() {
    }

    /** The query parameters of a URL or request target (first value of each, decoded); empty when it has none. */
    static Map<String, String> query(String url) {
        Map<String, String> m = new HashMap<>();
        if (url == null) {
            return m;
        }
        int q = url.indexOf('?');
        if (q < 0) {
            return m;
        }
        int hash = url.indexOf('#', q);
        String query = hash < 0 ? url.substring(q + 1) : url.substring(q + 1, hash);
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = decode(eq < 0 ? pair : pair.substring(0, eq));
            String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
            m.putIfAbsent(k, v);
        }
        return m;
    }

    static TrafficSource source(String url) {
        Map<String, String> q = query(url);
        if (q.isEmpty()) {
            return TrafficSource.DIRECT;
        }
        String click = Values.clean(q.get("gclid"));
        for (String k : new String[] {"fbclid", "msclkid", "dclid"}) {
            if (click == null) {
                click = Values.clean(q.get(k));
            }
        }
        return TrafficSource.of(Values.clean(q.get("utm_source")), Values.clean(q.get("utm_medium")), Values.clean(q.get("utm_campaign")),
                Values.clean(q.get("utm_term")), Values.clean(q.get("utm_content")), click);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}

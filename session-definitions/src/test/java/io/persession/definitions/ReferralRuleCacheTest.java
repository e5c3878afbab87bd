package io.persession.definitions;

import io.persession.spi.Event;
import io.persession.spi.OpenSession;
import io.persession.spi.TrafficSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cached {@link ReferralRule} and {@link Hosts#cachedRegistrableDomain} answer exactly as the
 * uncached computation, for many generated URLs (hosts, IDN, ports, case, trailing dots, IP
 * addresses, user info, invalid URLs, internal hosts), also with several threads on one rule.
 */
@DisplayName("ReferralRule cache: the same answers as computing afresh")
class ReferralRuleCacheTest {
    private static final String[] LABELS = {"www", "WWW", "shop", "blog", "m", "google", "Google", "example", "EXAMPLE",
        "paypal", "checkout", "stripe", "news", "ycombinator", "co", "uk", "com", "de", "org", "github", "io", "blogspot",
        "appspot", "amazonaws", "s3", "t", "xn--mnchen-3ya", "münchen", "bücher", "中文", "пример", "рф", "localhost",
        "a_b", "-x", "x-", "notstripe", "idealo", "l", "facebook", "xn--", "ß", "İstanbul", "\u3002", "a\u3002b",
        "0x7f", "1", "255", "256", "x".repeat(63), "y".repeat(64), "ＥＸＡＭＰＬＥ"};
    private static final String[] SUFFIXES = {"com", "co.uk", "de", "org", "io", "github.io", "blogspot.com", "jp", "co.jp",
        "xn--p1ai", "рф", "invalid", "local", "COM", "Co.Uk", "ck", "www.ck", "kawasaki.jp", "city.kawasaki.jp", ""};
    private static final String[] SCHEMES = {"https://", "http://", "HTTPS://", "Http://", "//", "", "", "ftp://",
        "android-app://", "1http://", "://", "mailto:", " https://", "a+b.c-d://", "h%t://", "https:/", "https:///"};
    private static final String[] USER_INFO = {"", "", "", "", "user@", "u:p@", "@", "a@b@"};
    private static final String[] PORTS = {"", "", "", ":8080", ":", ":abc", ":443"};
    private static final String[] PATHS = {"", "/", "/", "/x?y=1", "?q=1", "#frag", "\\path", "/ü", " /space", "/a/b/c ",
        "/url?q=https://other.example.org/", "/@x"};
    private static final String[] OTHERS = {"not a url", "(direct)", "'http://'", "http://", "://nohost", "http://[::1",
        "http://[::1]/", "https://[2001:DB8::1]:8443/x", "http://[zz]/", "mailto:someone", "localhost", "localhost/x",
        "android-app://com.google.android.gm", "https://a..b/", "https://.example.com/", "https://example.com./",
        "https://example.com../", "EXAMPLE.COM", "example.com", " https://google.com ", "http://127.0.0.1:3000/",
        "http://192.168.0.10/", "192.168.0.11", "http://10.0.0.1.5/", "https://www.paypal.com/checkoutnow",
        "https://checkout.stripe.com/pay", "https://notstripe.com/", "https://shop.example.com/x",
        "https://blog.example.com/", "https://www.example.co.uk/", "https://xn--mnchen-3ya.de/", "https://münchen.de/",
        "https://MÜNCHEN.DE/", "https://\u0000/", "https://a b.com/", "\t", "https://", "//", "/", "?", "#", "\\\\host\\x"};
    private static final List<Set<String>> INTERNAL_HOSTS = List.of(Set.of(), Set.of("www.paypal.com", "stripe.com"),
            Set.of("example.com"), Set.of("localhost", "192.168.0.10", "münchen.de"), Set.of("co.uk", "google.com"));

    /** A random URL-ish string; roughly one in six is one of {@link #OTHERS}. */
    static String randomUrl(Random r) {
        if (r.nextInt(6) == 0) {
            return OTHERS[r.nextInt(OTHERS.length)];
        }
        StringBuilder host = new StringBuilder();
        switch (r.nextInt(10)) {
            case 0 -> host.append(r.nextInt(300)).append('.').append(r.nextInt(256)).append('.').append(r.nextInt(256))
                    .append('.').append(r.nextInt(256));
            case 1 -> host.append(List.of("[::1]", "[2001:db8::1]", "[::FFFF:10.0.0.1]", "[::1", "[zz]", "[]")
                    .get(r.nextInt(6)));
            default -> {
                int labels = r.nextInt(3);
                for (int i = 0; i < labels; i++) {
                    host.append(LABELS[r.nextInt(LABELS.length)]).append('.');
                }
                host.append(LABELS[r.nextInt(LABELS.length)]);
                String suffix = SUFFIXES[r.nextInt(SUFFIXES.length)];
                if (!suffix.isEmpty()) {
                    host.append('.').append(suffix);
                }
                if (r.nextInt(8) == 0) {
                    host.append('.');
                }
                if (r.nextInt(30) == 0) {
                    host.insert(r.nextInt(host.length() + 1), '.');
                }
            }
        }
        String h = host.toString();
        if (r.nextInt(5) == 0) {
            h = r.nextBoolean() ? h.toUpperCase(Locale.ROOT) : h.toLowerCase(Locale.ROOT);
        }
        return SCHEMES[r.nextInt(SCHEMES.length)] + USER_INFO[r.nextInt(USER_INFO.length)] + h
                + PORTS[r.nextInt(PORTS.length)] + PATHS[r.nextInt(PATHS.length)];
    }

    /** The part of an open session the rule reads. */
    record Open(Event firstEvent, Event lastEvent) implements OpenSession {
        @Override
        public String visitorId() {
            return firstEvent.visitorId();
        }

        @Override
        public long startMillis() {
            return firstEvent.timestampMillis();
        }

        @Override
        public long lastEventMillis() {
            return lastEvent.timestampMillis();
        }

        @Override
        public int eventCount() {
            return 2;
        }

        @Override
        public TrafficSource trafficSource() {
            return firstEvent.trafficSource();
        }
    }

    record Case(OpenSession session, Event next) {
    }

    /**
     * Random sessions and next events over a pool of {@code poolSize} URLs. Strings are drawn from
     * the pool (as the input reader shares them) and sometimes copied, so equal but distinct
     * strings occur too.
     */
    static List<Case> cases(long seed, int poolSize, int count) {
        Random r = new Random(seed);
        List<String> pool = new ArrayList<>();
        for (int i = 0; i < poolSize; i++) {
            pool.add(randomUrl(r));
        }
        List<Case> cases = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Event first = Event.builder(0, "v").page(pick(r, pool, 4)).referrer(pick(r, pool, 3)).build();
            Event next = Event.builder(1, "v").page(pick(r, pool, 5)).referrer(r.nextInt(8) == 0 ? first.referrer() : pick(r, pool, 4))
                    .build();
            cases.add(new Case(new Open(first, first), next));
        }
        return cases;
    }

    /** A URL of the pool, {@code null} one time in {@code nullOneIn}, a copy of the pool's string one time in 4. */
    private static String pick(Random r, List<String> pool, int nullOneIn) {
        if (r.nextInt(nullOneIn) == 0) {
            return null;
        }
        String s = pool.get(r.nextInt(pool.size()));
        return r.nextInt(4) == 0 ? new String(s) : s;
    }

    @Test
    @DisplayName("for 40,000 random sessions and events per set of internal hosts, cached and uncached decide alike")
    void sameDecisions() {
        for (int k = 0; k < INTERNAL_HOSTS.size(); k++) {
            ReferralRule rule = new ReferralRule(INTERNAL_HOSTS.get(k));
            List<Case> cases = cases(42 + k, 400, 40_000);
            int splits = 0;
            for (Case c : cases) {
                boolean expected = rule.decideUncached(c.session(), c.next());
                // twice: a cold and a warm cache
                assertEquals(expected, rule.startsNewSession(c.session(), c.next()), () -> describe(c));
                assertEquals(expected, rule.startsNewSession(c.session(), c.next()), () -> describe(c));
                splits += expected ? 1 : 0;
            }
            // the generated cases exercise both answers
            assertTrue(splits > 1_000 && splits < 39_000, "splits " + splits);
        }
    }

    /** A short string over characters that matter to URL parsing, sometimes followed by "://" and a URL. */
    static String randomGarbage(Random r) {
        String alphabet = "aZz09+.-_%~!*,;=:/@[]?#\\ \téſ\u212A中:::///";
        StringBuilder b = new StringBuilder();
        int n = r.nextInt(12);
        for (int i = 0; i < n; i++) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        if (r.nextBoolean()) {
            b.append("://").append(randomUrl(r));
        }
        return b.toString();
    }

    @Test
    @DisplayName("Hosts.host and Hosts.cachedHost read the same hosts as the original Hosts.host, for 100,000 random strings")
    void hostsAsOriginal() {
        Random r = new Random(3);
        int readable = 0;
        for (int i = 0; i < 100_000; i++) {
            String url = r.nextInt(3) == 0 ? randomGarbage(r) : randomUrl(r);
            String expected = OriginalHosts.host(url);
            assertEquals(expected, Hosts.host(url), url);
            assertEquals(expected, Hosts.cachedHost(url), url);
            assertEquals(expected, Hosts.cachedHost(url), url);
            readable += expected == null ? 0 : 1;
        }
        assertTrue(readable > 15_000 && readable < 85_000, "readable " + readable);
        for (String url : OTHERS) {
            assertEquals(OriginalHosts.host(url), Hosts.cachedHost(url), url);
        }
        assertEquals(null, Hosts.cachedHost(null));
    }

    @Test
    @DisplayName("what the rule remembers of a URL is the host's registrable domain and its internal-ness, computed afresh")
    void urlInfoIsTheUncachedComputation() {
        Random r = new Random(7);
        ReferralRule rule = new ReferralRule(Set.of("www.paypal.com", "example.com", "localhost"));
        int readable = 0;
        for (int i = 0; i < 50_000; i++) {
            String url = randomUrl(r);
            String host = OriginalHosts.host(url);
            ReferralRule.UrlInfo info = rule.urlInfo(url);
            if (host == null) {
                assertEquals(ReferralRule.UrlInfo.NONE, info, url);
            } else {
                readable++;
                assertEquals(Hosts.registrableDomain(host), info.domain, url);
                assertEquals(Hosts.isWithin(host, "paypal.com") || Hosts.isWithin(host, "example.com")
                        || Hosts.isWithin(host, "localhost"), info.internal, url);
                assertEquals(Hosts.registrableDomain(host), Hosts.cachedRegistrableDomain(host), host);
            }
        }
        assertEquals(ReferralRule.UrlInfo.NONE, rule.urlInfo(null));
        assertTrue(readable > 10_000 && readable < 45_000, "readable " + readable);
    }

    @Test
    @DisplayName("more distinct URLs than the cache holds: still the same decisions")
    void manyDistinctUrls() {
        ReferralRule rule = new ReferralRule(Set.of("stripe.com"));
        // 40,000 distinct URLs: more than the rule's cache holds, so it is cleared and refilled
        for (Case c : cases(99, 40_000, 60_000)) {
            assertEquals(rule.decideUncached(c.session(), c.next()), rule.startsNewSession(c.session(), c.next()),
                    () -> describe(c));
        }
    }

    @Test
    @DisplayName("several threads on one rule get the single-threaded answers")
    void concurrent() throws Exception {
        ReferralRule rule = new ReferralRule(Set.of("www.paypal.com", "stripe.com"));
        List<Case> cases = cases(2026, 3_000, 30_000);
        boolean[] expected = new boolean[cases.size()];
        ReferralRule reference = new ReferralRule(Set.of("www.paypal.com", "stripe.com"));
        for (int i = 0; i < expected.length; i++) {
            expected[i] = reference.decideUncached(cases.get(i).session(), cases.get(i).next());
        }
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<boolean[]>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long seed = t;
                results.add(pool.submit(() -> {
                    List<Integer> order = new ArrayList<>();
                    for (int i = 0; i < cases.size(); i++) {
                        order.add(i);
                    }
                    Collections.shuffle(order, new Random(seed));
                    boolean[] got = new boolean[cases.size()];
                    for (int round = 0; round < 2; round++) {
                        for (int i : order) {
                            got[i] = rule.startsNewSession(cases.get(i).session(), cases.get(i).next());
                        }
                    }
                    return got;
                }));
            }
            for (Future<boolean[]> f : results) {
                assertArrayEquals(expected, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("a bounded cache stays bounded and right when cleared under several threads")
    void boundedCacheUnderThreads() throws Exception {
        BoundedCache<String, String> cache = new BoundedCache<>(64, url -> Objects.toString(Hosts.host(url), ""));
        Random r = new Random(5);
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            urls.add(randomUrl(r));
        }
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long seed = t;
                results.add(pool.submit(() -> {
                    Random tr = new Random(seed);
                    for (int i = 0; i < 20_000; i++) {
                        String url = urls.get(tr.nextInt(urls.size()));
                        assertEquals(Objects.toString(Hosts.host(url), ""), cache.get(url), url);
                    }
                    return null;
                }));
            }
            for (Future<?> f : results) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(cache.size() <= 64 + threads, "size " + cache.size());
    }

    @Test
    @DisplayName("the first thread to ask remembers values in front of the map; another thread gets the same values from the map")
    void frontBelongsToTheFirstThread() throws Exception {
        java.util.concurrent.atomic.AtomicInteger computed = new java.util.concurrent.atomic.AtomicInteger();
        BoundedCache<String, String> cache = new BoundedCache<>(1_000, url -> {
            computed.incrementAndGet();
            return new String(Objects.toString(Hosts.host(url), "")); // a new instance each time it is computed
        });
        String url = "https://www.example.com/a?b=c";
        String first = cache.get(url);
        assertEquals("www.example.com", first);
        assertTrue(first == cache.get(url), "the owner gets the remembered instance");
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            assertTrue(first == other.submit(() -> cache.get(url)).get(), "another thread finds the same value in the map");
            String elsewhere = "https://shop.example.org/";
            String fromOther = other.submit(() -> cache.get(elsewhere)).get();
            assertEquals("shop.example.org", fromOther);
            assertTrue(fromOther == cache.get(elsewhere), "the owner finds what another thread computed");
        } finally {
            other.shutdownNow();
        }
        assertEquals(2, computed.get(), "each value computed once");
    }

    private static String describe(Case c) {
        return "referrer " + c.next().referrer() + ", page " + c.next().page() + ", first page "
                + c.session().firstEvent().page() + ", entry referrer " + c.session().entryReferrer();
    }
}

package io.persession.cli.demo;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/** The synthetic shop's fixed vocabulary: browsers, crawlers, pages, search terms, referrers. */
final class DemoCatalog {
    private DemoCatalog() {
    }

    /** A browser family with its share of human visitors and a few current version strings. */
    record Browser(String name, double share, boolean mobile, String... userAgents) {
    }

    /** Human browsers, shares typical of a German shop in 2026 (about 60% phones). Shares add up to 1. */
    static final Browser[] BROWSERS = {
        new Browser("Safari iPhone", 0.30, true,
                "Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.3 Mobile/15E148 Safari/604.1",
                "Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.2 Mobile/15E148 Safari/604.1",
                "Mozilla/5.0 (iPhone; CPU iPhone OS 18_6_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.6 Mobile/15E148 Safari/604.1",
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_7_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.7 Mobile/15E148 Safari/604.1"),
        new Browser("Chrome Android", 0.26, true,
                "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/145.0.0.0 Mobile Safari/537.36",
                "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/144.0.0.0 Mobile Safari/537.36",
                "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/143.0.0.0 Mobile Safari/537.36"),
        new Browser("Chrome Windows", 0.17, false,
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/145.0.0.0 Safari/537.36",
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/144.0.0.0 Safari/537.36",
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/143.0.0.0 Safari/537.36"),
        new Browser("Edge Windows", 0.07, false,
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/145.0.0.0 Safari/537.36 Edg/145.0.0.0",
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/144.0.0.0 Safari/537.36 Edg/144.0.0.0"),
        new Browser("Safari Mac", 0.06, false,
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.3 Safari/605.1.15",
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.6 Safari/605.1.15"),
        new Browser("Firefox Windows", 0.05, false,
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:147.0) Gecko/20100101 Firefox/147.0",
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:146.0) Gecko/20100101 Firefox/146.0"),
        new Browser("Firefox Mac", 0.01, false,
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:147.0) Gecko/20100101 Firefox/147.0"),
        new Browser("Chrome Mac", 0.03, false,
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/145.0.0.0 Safari/537.36"),
        new Browser("Samsung Internet", 0.03, true,
                "Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S921B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/29.0 Chrome/136.0.0.0 Mobile Safari/537.36"),
        new Browser("Safari iPad", 0.02, false,
                "Mozilla/5.0 (iPad; CPU OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.3 Mobile/15E148 Safari/604.1"),
    };

    /** What kind of crawler a bot visitor is. */
    enum BotKind {
        GOOGLEBOT(0.30, 0.05, false),
        BINGBOT(0.15, 0.05, false),
        AHREFSBOT(0.15, 0.30, false),
        PYTHON_REQUESTS(0.20, 0.40, false),
        HEADLESS_CHROME(0.20, 0.30, true);

        final double share;
        /** Share of this bot's visits that hammer the site (100+ hits at sub-second intervals). */
        final double fastShare;
        /** Runs the page's JavaScript, so it triggers ad requests. */
        final boolean rendersAds;

        BotKind(double share, double fastShare, boolean rendersAds) {
            this.share = share;
            this.fastShare = fastShare;
            this.rendersAds = rendersAds;
        }

        String userAgent(SplittableRandom r) {
            switch (this) {
                case GOOGLEBOT:
                    return r.nextBoolean()
                            ? "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
                            : "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/145.0.7632.116 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
                case BINGBOT:
                    return "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)";
                case AHREFSBOT:
                    return "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)";
                case PYTHON_REQUESTS:
                    return r.nextBoolean() ? "python-requests/2.32.3" : "python-requests/2.31.0";
                default:
                    return "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/145.0.0.0 Safari/537.36";
            }
        }

        static BotKind pick(SplittableRandom r) {
            double u = r.nextDouble();
            for (BotKind k : values()) {
                u -= k.share;
                if (u < 0) {
                    return k;
                }
            }
            return HEADLESS_CHROME;
        }
    }

    static final String[] CATEGORIES = {
        "shoes", "sneakers", "boots", "sandals", "running", "hiking", "bags", "accessories", "socks", "sale", "new-in"};

    /** The shop's own magazine: content pages, where most ads are shown. */
    static final String[] GUIDES = {
        "laufschuhe-richtig-waehlen", "sneaker-reinigen", "schuhgroessen-umrechnen", "fruehjahrstrends-2026",
        "wanderschuhe-im-test", "schuhe-richtig-lagern"};

    /** On-site search queries, already URL-encoded for {@code /search?q=}. */
    static final String[] SEARCH_QUERIES;

    static {
        String[] raw = {
            "sneaker weiss", "laufschuhe damen", "laufschuhe herren", "chelsea boots", "wanderschuhe", "sandalen",
            "rucksack", "sportsocken", "adidas samba", "nike air max", "new balance 530", "gutschein",
            "schuhpflege", "winterstiefel", "hausschuhe", "größe 43", "vans old skool", "birkenstock arizona"};
        SEARCH_QUERIES = new String[raw.length];
        for (int i = 0; i < raw.length; i++) {
            SEARCH_QUERIES[i] = URLEncoder.encode(raw[i], StandardCharsets.UTF_8);
        }
    }

    /** Paid-search keywords (the utm term), each with its campaign. */
    static final String[][] PAID_TERMS = {
        {"laufschuhe", "spring_sale"},
        {"sneaker damen", "spring_sale"},
        {"sneaker sale", "spring_sale"},
        {"schuhe online kaufen", "generic_shoes"},
        {"chelsea boots herren", "generic_shoes"},
        {"shop example", "brand"},
        {"shop example gutschein", "brand"},
    };

    static final String[] ORGANIC_REFERRERS = {
        "https://www.google.com/", "https://www.google.de/", "https://www.bing.com/", "https://duckduckgo.com/",
        "https://www.ecosia.org/"};
    static final double[] ORGANIC_WEIGHTS = {0.70, 0.14, 0.10, 0.03, 0.03};

    static final String[] FACEBOOK_REFERRERS = {"https://l.facebook.com/", "https://m.facebook.com/", "https://lm.facebook.com/"};
    static final String[] INSTAGRAM_REFERRERS = {"https://l.instagram.com/", "https://www.instagram.com/"};

    /** External sites linking to the shop. The trustpilot one names the shop's host in its path, not its host. */
    static final String[] REFERRAL_REFERRERS = {
        "https://blog.example.org/2026/03/die-besten-laufschuhe-fuer-einsteiger/",
        "https://www.idealo.de/preisvergleich/OffersOfProduct/201448712_-air-max-90-nike.html",
        "https://www.idealo.de/preisvergleich/ProductCategory/4460.html",
        "https://www.mydealz.de/deals/sneaker-sale-bis-zu-50-2412345",
        "https://www.reddit.com/r/Sneakers/comments/1j4x7qz/",
        "https://www.gutefrage.net/frage/wo-kauft-ihr-eure-laufschuhe",
        "https://de.trustpilot.com/review/shop.example.com"};
    static final double[] REFERRAL_WEIGHTS = {0.25, 0.25, 0.10, 0.15, 0.08, 0.07, 0.10};

    static final String[] EMAIL_CONTENT = {"hero", "product_grid", "footer_sale"};
    static final String[] SOCIAL_CONTENT = {"carousel_sneakers", "reel_running", "story_sale"};

    static int pickWeighted(SplittableRandom r, double[] weights) {
        double u = r.nextDouble();
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    static <T> T pick(SplittableRandom r, T[] values) {
        return values[r.nextInt(values.length)];
    }
}

package io.persession.cli.demo;

import static io.persession.cli.demo.DemoFormat.seedFor;

import io.persession.cli.demo.DemoCatalog.BotKind;
import io.persession.cli.demo.DemoCatalog.Browser;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * A deterministic, seeded generator of a realistic synthetic shop's event log in persession's canonical
 * CSV schema ({@link #HEADER}): the data behind {@code persession demo}, and, scaled up, the input of the
 * performance benchmarks.
 *
 * <p>What it generates (default {@link Config}): 30,000 visitors of {@code shop.example.com} over one week
 * (Monday 2026-03-02 to Sunday 2026-03-08, Europe/Berlin). About 70% visit once, the others 2 to 6 times,
 * at least 4 hours apart. Traffic follows a local daily curve (night low, morning rise, lunch and evening
 * peaks, a later weekend morning). Each visit has one traffic source (direct, organic search, paid search
 * with a gclid, social, the weekly newsletter, referral sites, internal referrers from the shop's own
 * subdomains) carried on its landing hit only; pages per visit are geometric-like (about 40% bounce);
 * hits are 5 s to 5 min apart. Some visits pause 35-90 minutes, a few pause exactly 30 minutes, some
 * change campaign or referrer mid-visit, some cross local midnight. Content pages show ads ({@code
 * ad_request}, then {@code ad_impression} at about 80% fill, 0.0005-0.004 EUR each). About 2.5% of visits
 * buy (log-normal baskets, median about 60 EUR, with {@code add_to_cart} and {@code begin_checkout} before
 * it); about 3% of orders are refunded a day or more later. 1.5% of visitors are crawlers with bot user
 * agents, some fetching 100+ pages in under 100 seconds; they never buy.
 *
 * <p>Deliberate imperfections, spread through the file: re-sent purchases (same order id, new event id),
 * exact duplicate rows (same event id), malformed rows (about 0.05%: unparsable timestamp, empty
 * visitor id, negative revenue, currency {@code EURO}, too few fields) and late rows (about 0.1%, written
 * up to 2 minutes after rows with later timestamps). Otherwise the file is in time order.
 *
 * <p>The same {@link Config} always gives byte-identical output (on any JVM: only {@link SplittableRandom},
 * {@link StrictMath} and integer arithmetic decide what is written). Memory is bounded: the log is
 * generated in time order while it is written; what is held is 13 bytes per visitor plus the events of the
 * visits in progress (and the pending refunds). Not thread-safe while writing; a {@code DemoShop} may be
 * written any number of times.
 */
public final class DemoShop {
    /** The canonical columns, in order. */
    public static final List<String> COLUMNS = List.of(
            "timestamp", "visitor_id", "event", "revenue", "currency", "source", "medium", "campaign", "term",
            "content", "click_id", "referrer", "page", "user_agent", "event_id", "order_id");
    /** The header line (without line break). */
    public static final String HEADER = String.join(",", COLUMNS);
    /** The currency of every amount. */
    public static final String CURRENCY = "EUR";

    /** The kinds of deliberately malformed rows, in the order they rotate through the file. */
    public enum Malformed {
        /** {@code undefined}, {@code NaN} or {@code 2026-13-45T25:61:00.000Z}. */
        BAD_TIMESTAMP,
        /** An empty {@code visitor_id}. */
        EMPTY_VISITOR_ID,
        /** A purchase with a negative amount. */
        NEGATIVE_REVENUE,
        /** An ad impression in currency {@code EURO}. */
        UNKNOWN_CURRENCY,
        /** A row with only {@code timestamp} and {@code visitor_id}. */
        TOO_FEW_FIELDS
    }

    private final Config config;

    public DemoShop(Config config) {
        this.config = Objects.requireNonNull(config, "config is null");
    }

    /** The default demo shop ({@link Config#defaults()}). */
    public DemoShop() {
        this(Config.defaults());
    }

    public Config config() {
        return config;
    }

    /**
     * Writes the header and the whole log to {@code out} (LF line ends, RFC 4180 quoting where needed),
     * then flushes it; does not close it.
     */
    public Summary write(Writer out) throws IOException {
        Objects.requireNonNull(out, "out is null");
        DemoCsv csv = new DemoCsv(out);
        Summary summary = new Run(config, csv).run();
        csv.flush();
        return summary;
    }

    /** Writes the log to {@code file} in UTF-8, gzip-compressed when the name ends in {@code .gz}. */
    public Summary write(Path file) throws IOException {
        Objects.requireNonNull(file, "file is null");
        boolean gzip = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
        try (OutputStream raw = Files.newOutputStream(file);
                OutputStream os = gzip ? new GZIPOutputStream(raw, 1 << 16) : new BufferedOutputStream(raw, 1 << 16);
                Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8)) {
            return write(w);
        }
    }

    /**
     * Writes a demo log: {@code DemoShop FILE [VISITORS [DAYS [SEED]]]}; prints the summary to stderr.
     * Handy for producing large benchmark inputs.
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 4) {
            System.err.println("usage: DemoShop FILE[.gz] [VISITORS [DAYS [SEED]]]");
            System.exit(2);
        }
        Config c = Config.defaults();
        if (args.length > 1) {
            c = c.withVisitors(Integer.parseInt(args[1].replace("_", "")));
        }
        if (args.length > 2) {
            c = c.withDays(Integer.parseInt(args[2]));
        }
        if (args.length > 3) {
            c = c.withSeed(Long.parseLong(args[3]));
        }
        long t0 = System.nanoTime();
        Summary s = new DemoShop(c).write(Path.of(args[0]));
        System.err.println(s.describe());
        System.err.printf(Locale.ROOT, "written in %.2f s%n", (System.nanoTime() - t0) / 1e9);
    }

    /**
     * What to generate. Immutable; start from {@link #defaults()} and change with the {@code with...}
     * methods.
     *
     * @param seed      the random seed; the same config always gives the same bytes
     * @param visitors  distinct visitors (humans and bots), 1 to {@value #MAX_VISITORS}
     * @param days      local calendar days of traffic, 1 to 366
     * @param startDate the first local day
     * @param zone      the shop's time zone: shapes the daily curve and decides which visits cross midnight
     * @param siteHost  the shop's host name: pages are {@code https://HOST/...}
     */
    public record Config(long seed, int visitors, int days, LocalDate startDate, ZoneId zone, String siteHost) {
        public static final long DEFAULT_SEED = 42;
        public static final int DEFAULT_VISITORS = 30_000;
        public static final int DEFAULT_DAYS = 7;
        public static final LocalDate DEFAULT_START_DATE = LocalDate.of(2026, 3, 2);
        public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Berlin");
        public static final String DEFAULT_SITE_HOST = "shop.example.com";
        /** The largest visitor count (memory: 13 bytes a visitor). */
        public static final int MAX_VISITORS = 20_000_000;
        /** Rows a visitor gives on average (measured on the default config); see {@link #withApproximateRows}. */
        public static final double ROWS_PER_VISITOR = 14.3;

        private static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");

        public Config {
            Objects.requireNonNull(startDate, "startDate is null");
            Objects.requireNonNull(zone, "zone is null");
            Objects.requireNonNull(siteHost, "siteHost is null");
            if (visitors < 1 || visitors > MAX_VISITORS) {
                throw new IllegalArgumentException("visitors must be 1.." + MAX_VISITORS + ", not " + visitors);
            }
            if (days < 1 || days > 366) {
                throw new IllegalArgumentException("days must be 1..366, not " + days);
            }
            if (startDate.getYear() < 1971 || startDate.getYear() > 9000) {
                throw new IllegalArgumentException("startDate must be in the years 1971..9000, not " + startDate);
            }
            if (!HOST.matcher(siteHost).matches()) {
                throw new IllegalArgumentException("siteHost must be a lower-case host name like shop.example.com, not '" + siteHost + "'");
            }
        }

        /** Seed 42, 30,000 visitors, 7 days from Monday 2026-03-02, Europe/Berlin, shop.example.com. */
        public static Config defaults() {
            return new Config(DEFAULT_SEED, DEFAULT_VISITORS, DEFAULT_DAYS, DEFAULT_START_DATE, DEFAULT_ZONE, DEFAULT_SITE_HOST);
        }

        public Config withSeed(long seed) {
            return new Config(seed, visitors, days, startDate, zone, siteHost);
        }

        public Config withVisitors(int visitors) {
            return new Config(seed, visitors, days, startDate, zone, siteHost);
        }

        public Config withDays(int days) {
            return new Config(seed, visitors, days, startDate, zone, siteHost);
        }

        public Config withStartDate(LocalDate startDate) {
            return new Config(seed, visitors, days, startDate, zone, siteHost);
        }

        public Config withZone(ZoneId zone) {
            return new Config(seed, visitors, days, startDate, zone, siteHost);
        }

        public Config withSiteHost(String siteHost) {
            return new Config(seed, visitors, days, startDate, zone, siteHost);
        }

        /** The visitor count that gives about {@code rows} rows (within a few percent). */
        public Config withApproximateRows(long rows) {
            long v = Math.round(rows / ROWS_PER_VISITOR);
            return withVisitors((int) Math.max(1, Math.min(MAX_VISITORS, v)));
        }

        /** The first instant of the period: local midnight of {@link #startDate()}. */
        public Instant start() {
            return startDate.atStartOfDay(zone).toInstant();
        }

        /** The end of the period (exclusive): local midnight after the last day. Visits begun before it may run past it. */
        public Instant end() {
            return startDate.plusDays(days).atStartOfDay(zone).toInstant();
        }
    }

    /**
     * What was written. Event counts are of distinct events (human and bot); the duplicate and malformed
     * rows are counted apart, so {@code rows = pageviews + adRequests + adImpressions + otherEvents +
     * purchases + duplicatePurchaseRows + refunds + duplicateEventRows + malformedRows}. Amounts are in
     * {@link #currency()}; purchase revenue counts each order once.
     *
     * @param rows                  data rows (the header is not counted)
     * @param visitors              distinct visitor ids (humans and bots)
     * @param botVisitors           visitors with a crawler user agent
     * @param visits                visits (by construction, not by any session definition)
     * @param botVisits             visits of bots
     * @param botRows               valid rows of bots
     * @param convertingVisits      human visits with a purchase
     * @param pausedVisits          visits with a 35-90 minute pause
     * @param exactTimeoutPauses    visits with a pause of exactly 30:00.000 after their previous event
     * @param sourceChangeVisits    visits that got a second campaign or an external referrer mid-visit
     * @param midnightVisits        visits that cross local midnight
     * @param pageviews             pageview rows
     * @param adRequests            ad_request rows
     * @param adImpressions         ad_impression rows
     * @param otherEvents           add_to_cart, begin_checkout and search rows
     * @param purchases             orders (distinct order ids)
     * @param refunds               refund rows
     * @param duplicatePurchaseRows re-sent purchase rows (an order id already written, a new event id)
     * @param duplicateEventRows    exact duplicate rows (an event id already written)
     * @param malformedRows         deliberately malformed rows
     * @param malformedByKind       malformed rows by {@link Malformed} kind
     * @param lateRows              rows written up to 2 minutes after rows with later timestamps
     * @param purchaseRevenue       sum of the orders
     * @param adRevenue             sum of the ad impressions (bots' included)
     * @param refundRevenue         sum of the refunds
     * @param currency              {@code EUR}
     * @param firstEvent            the earliest valid timestamp written
     * @param lastEvent             the latest valid timestamp written
     */
    public record Summary(
            long rows, long visitors, long botVisitors, long visits, long botVisits, long botRows,
            long convertingVisits, long pausedVisits, long exactTimeoutPauses, long sourceChangeVisits,
            long midnightVisits, long pageviews, long adRequests, long adImpressions, long otherEvents,
            long purchases, long refunds, long duplicatePurchaseRows, long duplicateEventRows, long malformedRows,
            Map<Malformed, Long> malformedByKind, long lateRows, BigDecimal purchaseRevenue, BigDecimal adRevenue,
            BigDecimal refundRevenue, String currency, Instant firstEvent, Instant lastEvent) {

        public Summary {
            malformedByKind = Collections.unmodifiableMap(new LinkedHashMap<>(malformedByKind));
        }

        /** Purchases + ad revenue − refunds. */
        public BigDecimal netRevenue() {
            return purchaseRevenue.add(adRevenue).subtract(refundRevenue);
        }

        /** Human visits (bots' excluded). */
        public long humanVisits() {
            return visits - botVisits;
        }

        /** A few lines for people: what the demo log contains. */
        public String describe() {
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "%,d rows from %,d visitors (%,d of them bots) in %,d visits (%,d by bots), %s .. %s%n",
                    rows, visitors, botVisitors, visits, botVisits, firstEvent, lastEvent));
            b.append(String.format(Locale.ROOT, "%,d pageviews, %,d ad requests, %,d ad impressions, %,d other events%n",
                    pageviews, adRequests, adImpressions, otherEvents));
            b.append(String.format(Locale.ROOT, "%,d orders (%,d converting visits), %s %s; %,d refunds, %s %s; ad revenue %s %s; net %s %s%n",
                    purchases, convertingVisits, purchaseRevenue.toPlainString(), currency, refunds,
                    refundRevenue.toPlainString(), currency, adRevenue.toPlainString(), currency,
                    netRevenue().toPlainString(), currency));
            b.append(String.format(Locale.ROOT, "traps: %,d paused visits (35-90 min), %,d exact 30:00 pauses, %,d mid-visit source changes, %,d visits across midnight%n",
                    pausedVisits, exactTimeoutPauses, sourceChangeVisits, midnightVisits));
            b.append(String.format(Locale.ROOT, "       %,d re-sent purchases, %,d duplicate rows, %,d late rows, %,d malformed rows %s",
                    duplicatePurchaseRows, duplicateEventRows, lateRows, malformedRows, malformedByKind));
            return b.toString();
        }
    }

    // ------------------------------------------------------------------------------------------------
    // The generator.

    private static final int PAGEVIEW = 0;
    private static final int AD_REQUEST = 1;
    private static final int AD_IMPRESSION = 2;
    private static final int PURCHASE = 3;
    private static final int REFUND = 4;
    private static final int ADD_TO_CART = 5;
    private static final int BEGIN_CHECKOUT = 6;
    private static final int SEARCH = 7;
    private static final String[] EVENT_NAMES = {
        "pageview", "ad_request", "ad_impression", "purchase", "refund", "add_to_cart", "begin_checkout", "search"};

    private static final int HOME = 0;
    private static final int CATEGORY = 1;
    private static final int PRODUCT = 2;
    private static final int SEARCH_PAGE = 3;
    private static final int GUIDE = 4;
    private static final int CART = 5;
    private static final int CHECKOUT = 6;
    private static final int CONFIRMATION = 7;

    /** Next page from each page kind, over HOME, CATEGORY, PRODUCT, SEARCH_PAGE, GUIDE. */
    private static final double[][] NAVIGATION = {
        {0.00, 0.55, 0.20, 0.20, 0.05},
        {0.05, 0.20, 0.65, 0.10, 0.00},
        {0.08, 0.35, 0.42, 0.10, 0.05},
        {0.00, 0.15, 0.70, 0.15, 0.00},
        {0.10, 0.20, 0.50, 0.00, 0.20},
        {0.10, 0.30, 0.60, 0.00, 0.00},
        {0.30, 0.30, 0.40, 0.00, 0.00},
        {0.50, 0.30, 0.20, 0.00, 0.00},
    };
    /** Share of pageviews of each page kind followed by an ad request. */
    private static final double[] AD_RATE = {0.50, 0.45, 0.25, 0.45, 0.90, 0, 0, 0};
    private static final double AD_FILL = 0.80;

    private static final int DIRECT = 0;
    private static final int ORGANIC = 1;
    private static final int PAID = 2;
    private static final int SOCIAL = 3;
    private static final int EMAIL = 4;
    private static final int REFERRAL = 5;
    private static final int INTERNAL = 6;
    private static final double[] SOURCE_FIRST_VISIT = {0.33, 0.25, 0.13, 0.10, 0.07, 0.07, 0.05};
    private static final double[] SOURCE_RETURN_VISIT = {0.42, 0.18, 0.09, 0.06, 0.13, 0.05, 0.07};
    /** Landing page kind by source, over HOME, CATEGORY, PRODUCT, SEARCH_PAGE, GUIDE. */
    private static final double[][] LANDING = {
        {0.60, 0.15, 0.25, 0, 0},
        {0.10, 0.30, 0.45, 0, 0.15},
        {0.05, 0.40, 0.55, 0, 0},
        {0.05, 0.25, 0.70, 0, 0},
        {0.10, 0.50, 0.40, 0, 0},
        {0.10, 0.15, 0.60, 0, 0.15},
        {0.25, 0.25, 0.30, 0, 0.20},
    };
    private static final double[] BOUNCE = {0.45, 0.42, 0.38, 0.55, 0.30, 0.35, 0.25};
    private static final double[] CONVERSION = {0.023, 0.016, 0.021, 0.008, 0.032, 0.019, 0.024};
    private static final double[] BROWSER_WEIGHTS = Arrays.stream(DemoCatalog.BROWSERS).mapToDouble(Browser::share).toArray();

    private static final double BOT_SHARE = 0.015;
    private static final long MIN_VISIT_SPACING = 4 * 3_600_000L;
    private static final int MAX_PAGES = 25;
    private static final long DAY = 86_400_000L;

    private static final int LATE_EVERY = 1000;
    private static final int MALFORMED_EVERY = 2000;
    private static final int DUPLICATE_ROW_EVERY = 5000;
    private static final int DUPLICATE_PURCHASE_EVERY = 60;
    private static final int REFUND_EVERY = 28;
    private static final long MALFORMED_ID_BASE = 1L << 58;
    private static final String[] BAD_TIMESTAMPS = {"undefined", "NaN", "2026-13-45T25:61:00.000Z"};

    /** Traffic source fields; empty strings for absent ones. */
    private record Src(String source, String medium, String campaign, String term, String content, String clickId) {
        static final Src NONE = new Src("", "", "", "", "", "");
    }

    /** One event waiting to be written. */
    private static final class Ev {
        long ts;
        long id;
        long emitAt;
        long micros;
        int visitor;
        int kind;
        int orderNo = -1;
        boolean bot;
        boolean resentPurchase;
        boolean exactDuplicate;
        Src src = Src.NONE;
        String referrer = "";
        String page = "";
        String userAgent = "";

        Ev copyAsDuplicate() {
            Ev d = new Ev();
            d.ts = ts;
            d.id = id;
            d.micros = micros;
            d.visitor = visitor;
            d.kind = kind;
            d.orderNo = orderNo;
            d.bot = bot;
            d.resentPurchase = resentPurchase;
            d.exactDuplicate = true;
            d.src = src;
            d.referrer = referrer;
            d.page = page;
            d.userAgent = userAgent;
            return d;
        }
    }

    private static final Comparator<Ev> BY_EMIT =
            (a, b) -> a.emitAt != b.emitAt ? Long.compare(a.emitAt, b.emitAt)
                    : a.id != b.id ? Long.compare(a.id, b.id) : Boolean.compare(a.exactDuplicate, b.exactDuplicate);

    /** A binary min-heap of events by (timestamp, id), keys held in primitive arrays. */
    private static final class EventHeap {
        private long[] ts = new long[1024];
        private long[] id = new long[1024];
        private Ev[] ev = new Ev[1024];
        private int size;

        boolean isEmpty() {
            return size == 0;
        }

        Ev peek() {
            return size == 0 ? null : ev[0];
        }

        void add(Ev e) {
            if (size == ev.length) {
                ts = Arrays.copyOf(ts, size * 2);
                id = Arrays.copyOf(id, size * 2);
                ev = Arrays.copyOf(ev, size * 2);
            }
            int i = size++;
            long t = e.ts;
            long k = e.id;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (ts[parent] < t || (ts[parent] == t && id[parent] < k)) {
                    break;
                }
                ts[i] = ts[parent];
                id[i] = id[parent];
                ev[i] = ev[parent];
                i = parent;
            }
            ts[i] = t;
            id[i] = k;
            ev[i] = e;
        }

        Ev poll() {
            Ev top = ev[0];
            int n = --size;
            long t = ts[n];
            long k = id[n];
            Ev last = ev[n];
            ev[n] = null;
            int i = 0;
            while (true) {
                int c = 2 * i + 1;
                if (c >= n) {
                    break;
                }
                if (c + 1 < n && (ts[c + 1] < ts[c] || (ts[c + 1] == ts[c] && id[c + 1] < id[c]))) {
                    c++;
                }
                if (t < ts[c] || (t == ts[c] && k < id[c])) {
                    break;
                }
                ts[i] = ts[c];
                id[i] = id[c];
                ev[i] = ev[c];
                i = c;
            }
            if (n > 0) {
                ts[i] = t;
                id[i] = k;
                ev[i] = last;
            }
            return top;
        }
    }

    /** A visitor's fixed traits, re-derived from the visitor's own random stream whenever needed. */
    private static final class VisitorPlan {
        boolean bot;
        BotKind botKind;
        boolean mobile;
        String userAgent;
        long[] visitStarts;
    }

    /** One write: all mutable state lives here. */
    private static final class Run {
        private final Config config;
        private final DemoCsv csv;
        private final long seed;
        private final DemoTraffic traffic;
        private final String base;
        private final String[] internalReferrers;
        private final long visitorKey;
        private final long eventKey;
        private final SplittableRandom genRandom;
        private final SplittableRandom outRandom;
        private final DemoFormat.Timestamps timestamps = new DemoFormat.Timestamps();
        private final Map<String, String> escapedUserAgents = new IdentityHashMap<>();
        private final EventHeap pending = new EventHeap();
        private final PriorityQueue<Ev> late = new PriorityQueue<>(BY_EMIT);

        // next visit of every visitor: a binary min-heap over (time, visitor)
        private final long[] heapTime;
        private final int[] heapVisitor;
        private int heapSize;
        private final byte[] visitsDone;

        private long eventCounter;
        private int orderCounter;
        private long malformedCounter;
        private int resendCountdown;
        private int refundCountdown;
        private int lateCountdown;
        private int malformedCountdown;
        private int duplicateCountdown;
        private String emailWeekCampaign;
        private long emailWeekDay = Long.MIN_VALUE;

        // summary
        private long rows;
        private long botVisitors;
        private long visits;
        private long botVisits;
        private long botRows;
        private long convertingVisits;
        private long pausedVisits;
        private long exactTimeoutPauses;
        private long sourceChangeVisits;
        private long midnightVisits;
        private long pageviews;
        private long adRequests;
        private long adImpressions;
        private long otherEvents;
        private long purchases;
        private long refunds;
        private long resentPurchases;
        private long duplicateRows;
        private long lateRows;
        private final long[] malformedByKind = new long[Malformed.values().length];
        private long purchaseMicros;
        private long adMicros;
        private long refundMicros;
        private long firstTs = Long.MAX_VALUE;
        private long lastTs = Long.MIN_VALUE;

        Run(Config config, DemoCsv csv) {
            this.config = config;
            this.csv = csv;
            this.seed = config.seed();
            this.traffic = new DemoTraffic(config.startDate(), config.days(), config.zone(), seed);
            this.base = "https://" + config.siteHost();
            this.internalReferrers = new String[] {
                base + "/", base + "/c/sale", "https://blog." + config.siteHost() + "/posts/fruehjahr-lookbook",
                "https://help." + config.siteHost() + "/rueckgabe", "https://www." + config.siteHost() + "/"};
            this.visitorKey = seedFor(seed, 10, 0);
            this.eventKey = seedFor(seed, 11, 0);
            this.genRandom = new SplittableRandom(seedFor(seed, 12, 0));
            this.outRandom = new SplittableRandom(seedFor(seed, 13, 0));
            int n = config.visitors();
            this.heapTime = new long[n];
            this.heapVisitor = new int[n];
            this.visitsDone = new byte[n];
            this.orderCounter = 1000 + genRandom.nextInt(9000);
            this.resendCountdown = countdown(genRandom, DUPLICATE_PURCHASE_EVERY);
            this.refundCountdown = countdown(genRandom, REFUND_EVERY);
            this.lateCountdown = countdown(outRandom, LATE_EVERY);
            this.malformedCountdown = countdown(outRandom, MALFORMED_EVERY);
            this.duplicateCountdown = countdown(outRandom, DUPLICATE_ROW_EVERY);
        }

        /** 1 .. 2·mean−1, uniformly: events happen every {@code mean} on average, spread, never clumped. */
        private static int countdown(SplittableRandom r, int mean) {
            return 1 + r.nextInt(2 * mean - 1);
        }

        Summary run() throws IOException {
            csv.row(COLUMNS.toArray(new String[0]));
            int n = config.visitors();
            for (int v = 0; v < n; v++) {
                VisitorPlan p = plan(v);
                if (p.bot) {
                    botVisitors++;
                }
                heapTime[v] = p.visitStarts[0];
                heapVisitor[v] = v;
            }
            heapSize = n;
            for (int i = n / 2 - 1; i >= 0; i--) {
                siftDown(i);
            }
            while (heapSize > 0 || !pending.isEmpty()) {
                Ev next = pending.peek();
                if (heapSize > 0 && (next == null || heapTime[0] <= next.ts)) {
                    int v = heapVisitor[0];
                    long start = heapTime[0];
                    VisitorPlan p = plan(v);
                    int j = visitsDone[v]++;
                    if (p.bot) {
                        botVisit(v, p, j, start);
                    } else {
                        humanVisit(v, p, j, start);
                    }
                    if (j + 1 < p.visitStarts.length) {
                        heapTime[0] = p.visitStarts[j + 1];
                    } else {
                        heapSize--;
                        heapTime[0] = heapTime[heapSize];
                        heapVisitor[0] = heapVisitor[heapSize];
                    }
                    if (heapSize > 0) {
                        siftDown(0);
                    }
                } else {
                    emit(pending.poll());
                }
            }
            flushLate(Long.MAX_VALUE);

            Map<Malformed, Long> byKind = new LinkedHashMap<>();
            for (Malformed m : Malformed.values()) {
                byKind.put(m, malformedByKind[m.ordinal()]);
            }
            long malformed = Arrays.stream(malformedByKind).sum();
            return new Summary(rows, n, botVisitors, visits, botVisits, botRows, convertingVisits, pausedVisits,
                    exactTimeoutPauses, sourceChangeVisits, midnightVisits, pageviews, adRequests, adImpressions,
                    otherEvents, purchases, refunds, resentPurchases, duplicateRows, malformed, byKind, lateRows,
                    BigDecimal.valueOf(purchaseMicros, 6).setScale(2), BigDecimal.valueOf(adMicros, 6),
                    BigDecimal.valueOf(refundMicros, 6).setScale(2), CURRENCY,
                    firstTs == Long.MAX_VALUE ? null : Instant.ofEpochMilli(firstTs),
                    lastTs == Long.MIN_VALUE ? null : Instant.ofEpochMilli(lastTs));
        }

        private boolean heapLess(int a, int b) {
            return heapTime[a] != heapTime[b] ? heapTime[a] < heapTime[b] : heapVisitor[a] < heapVisitor[b];
        }

        private void siftDown(int i) {
            while (true) {
                int l = 2 * i + 1;
                if (l >= heapSize) {
                    return;
                }
                int m = l + 1 < heapSize && heapLess(l + 1, l) ? l + 1 : l;
                if (!heapLess(m, i)) {
                    return;
                }
                long t = heapTime[i];
                heapTime[i] = heapTime[m];
                heapTime[m] = t;
                int v = heapVisitor[i];
                heapVisitor[i] = heapVisitor[m];
                heapVisitor[m] = v;
                i = m;
            }
        }

        // --------------------------------------------------------------------------------------------
        // Visitors and visits.

        private VisitorPlan plan(int v) {
            SplittableRandom r = new SplittableRandom(seedFor(seed, 1, v));
            VisitorPlan p = new VisitorPlan();
            p.bot = r.nextDouble() < BOT_SHARE;
            int k;
            if (p.bot) {
                p.botKind = BotKind.pick(r);
                p.userAgent = p.botKind.userAgent(r);
                k = p.botKind == BotKind.GOOGLEBOT || p.botKind == BotKind.BINGBOT ? 1 + r.nextInt(4) : 1 + r.nextInt(2);
            } else {
                Browser b = DemoCatalog.BROWSERS[DemoCatalog.pickWeighted(r, BROWSER_WEIGHTS)];
                p.userAgent = DemoCatalog.pick(r, b.userAgents());
                p.mobile = b.mobile();
                double u = r.nextDouble();
                k = u < 0.70 ? 1 : u < 0.82 ? 2 : u < 0.90 ? 3 : u < 0.95 ? 4 : u < 0.98 ? 5 : 6;
            }
            long[] t = new long[k];
            int n = 0;
            for (int j = 0; j < k; j++) {
                for (int attempt = 0; attempt < 30; attempt++) {
                    long x = p.bot ? traffic.sampleUniform(r) : traffic.sampleHuman(r);
                    boolean ok = true;
                    for (int i = 0; i < n && ok; i++) {
                        ok = Math.abs(t[i] - x) >= MIN_VISIT_SPACING;
                    }
                    if (ok) {
                        t[n++] = x;
                        break;
                    }
                }
            }
            p.visitStarts = Arrays.copyOf(t, n);
            Arrays.sort(p.visitStarts);
            return p;
        }

        private SplittableRandom visitRandom(int v, int visitIndex) {
            return new SplittableRandom(seedFor(seed, 2, ((long) v << 4) | visitIndex));
        }

        private void humanVisit(int v, VisitorPlan p, int visitIndex, long start) {
            SplittableRandom r = visitRandom(v, visitIndex);
            visits++;
            boolean returning = visitIndex > 0;
            int source = DemoCatalog.pickWeighted(r, returning ? SOURCE_RETURN_VISIT : SOURCE_FIRST_VISIT);
            Src entrySrc = Src.NONE;
            String entryRef = "";
            switch (source) {
                case ORGANIC:
                    entryRef = DemoCatalog.ORGANIC_REFERRERS[DemoCatalog.pickWeighted(r, DemoCatalog.ORGANIC_WEIGHTS)];
                    break;
                case PAID:
                    entrySrc = paidSearch(r);
                    entryRef = entrySrc.source().equals("bing") ? "https://www.bing.com/" : "https://www.google.com/";
                    break;
                case SOCIAL: {
                    boolean facebook = r.nextDouble() < 0.55;
                    entryRef = DemoCatalog.pick(r, facebook ? DemoCatalog.FACEBOOK_REFERRERS : DemoCatalog.INSTAGRAM_REFERRERS);
                    if (r.nextDouble() < 0.7) {
                        entrySrc = new Src(facebook ? "facebook" : "instagram", "social", "spring_lookbook", "",
                                DemoCatalog.pick(r, DemoCatalog.SOCIAL_CONTENT), "IwAR" + DemoFormat.randomB64(r, 56));
                    }
                    break;
                }
                case EMAIL:
                    entrySrc = newsletter(r, start);
                    break;
                case REFERRAL:
                    entryRef = DemoCatalog.REFERRAL_REFERRERS[DemoCatalog.pickWeighted(r, DemoCatalog.REFERRAL_WEIGHTS)];
                    break;
                case INTERNAL:
                    entryRef = DemoCatalog.pick(r, internalReferrers);
                    break;
                default:
                    break;
            }

            double pConvert = CONVERSION[source] * (returning ? 1.6 : 1.0) * (p.mobile ? 0.8 : 1.25);
            boolean convert = r.nextDouble() < pConvert;
            int browse;
            int total;
            if (convert) {
                browse = Math.min(20, 2 + geometric(r, 0.2));
                total = browse + 3; // cart, checkout, confirmation
            } else {
                browse = r.nextDouble() < BOUNCE[source] ? 1 : Math.min(MAX_PAGES, 2 + geometric(r, 0.18));
                total = browse;
            }
            int pauseAt = -1;
            int exactAt = -1;
            int changeAt = -1;
            if (browse >= 3 && r.nextDouble() < 0.05) {
                pauseAt = 1 + r.nextInt(browse - 1);
                pausedVisits++;
            } else if (browse >= 2 && r.nextDouble() < 0.004) {
                exactAt = 1 + r.nextInt(browse - 1);
                exactTimeoutPauses++;
            }
            Src changeSrc = Src.NONE;
            String changeRef = "";
            if (browse >= 3 && r.nextDouble() < 0.025) {
                changeAt = 1 + r.nextInt(browse - 1);
                double u = r.nextDouble();
                if (u < 0.45) {
                    changeSrc = newsletter(r, start);
                } else if (u < 0.75) {
                    changeSrc = paidSearch(r);
                    changeRef = changeSrc.source().equals("bing") ? "https://www.bing.com/" : "https://www.google.com/";
                } else {
                    changeRef = DemoCatalog.REFERRAL_REFERRERS[1 + r.nextInt(3)]; // idealo or mydealz
                }
                sourceChangeVisits++;
            }

            int kind = DemoCatalog.pickWeighted(r, LANDING[source]);
            String url = pageUrl(kind, r, source == EMAIL && kind == CATEGORY);
            String prevUrl = "";
            long t = start;
            long last = start;
            boolean cartAdded = false;
            boolean checkoutBegun = false;
            for (int i = 0; i < total; i++) {
                if (kind == SEARCH_PAGE && i > 0 && i != exactAt) {
                    last = Math.max(last, add(t - 200 - r.nextInt(700), v, SEARCH, prevUrl, p, false).ts);
                }
                Ev pv = add(t, v, PAGEVIEW, url, p, false);
                pv.src = i == 0 ? entrySrc : i == changeAt ? changeSrc : Src.NONE;
                pv.referrer = i == 0 ? entryRef : i == changeAt ? changeRef : prevUrl;
                last = Math.max(last, t);
                last = Math.max(last, ads(v, p, kind, t, url, r, false));

                long gap = dwell(r);
                long nextT = t + gap;
                if (convert && i == browse - 1) {
                    // the product page where the basket is filled
                    long at = t + 5_000 + r.nextInt(20_000);
                    int items = basketSize(r);
                    for (int k = 0; k < items; k++) {
                        add(at, v, ADD_TO_CART, url, p, false);
                        last = Math.max(last, at);
                        at += 3_000 + r.nextInt(8_000);
                    }
                    nextT = last + 3_000 + r.nextInt(15_000);
                } else if (convert && kind == CART) {
                    long at = t + 10_000 + r.nextInt(50_000);
                    add(at, v, BEGIN_CHECKOUT, url, p, false);
                    last = Math.max(last, at);
                    nextT = at + 5_000 + r.nextInt(15_000);
                } else if (convert && kind == CHECKOUT) {
                    nextT = t + 60_000 + r.nextInt(240_000); // payment
                } else if (convert && kind == CONFIRMATION) {
                    last = Math.max(last, purchase(v, p, t + 300 + r.nextInt(1_200), url, r));
                    convertingVisits++;
                } else if (!convert) {
                    if (kind == PRODUCT && r.nextDouble() < 0.07) {
                        long at = t + Math.min(4_000 + r.nextInt(36_000), gap - 1_000);
                        add(at, v, ADD_TO_CART, url, p, false);
                        last = Math.max(last, at);
                        cartAdded = true;
                    } else if (kind == CART && i + 1 < total && r.nextDouble() < 0.30) {
                        long at = t + Math.min(10_000 + r.nextInt(50_000), gap - 1_000);
                        add(at, v, BEGIN_CHECKOUT, url, p, false);
                        last = Math.max(last, at);
                        checkoutBegun = true;
                    }
                }
                if (i + 1 == pauseAt) {
                    nextT = last + 35 * 60_000L + r.nextLong(55 * 60_000L + 1);
                } else if (i + 1 == exactAt) {
                    nextT = last + 30 * 60_000L;
                }
                if (i + 1 >= total) {
                    break;
                }

                int next;
                if (convert && i + 1 == browse - 1) {
                    next = PRODUCT;
                } else if (convert && i + 1 == browse) {
                    next = CART;
                } else if (convert && kind == CART) {
                    next = CHECKOUT;
                } else if (convert && kind == CHECKOUT) {
                    next = CONFIRMATION;
                } else if (checkoutBegun) {
                    next = CHECKOUT;
                    checkoutBegun = false;
                } else if (cartAdded) {
                    next = r.nextDouble() < 0.5 ? CART : DemoCatalog.pickWeighted(r, NAVIGATION[kind]);
                    cartAdded = false;
                } else {
                    next = DemoCatalog.pickWeighted(r, NAVIGATION[kind]);
                }
                prevUrl = url;
                kind = next;
                url = pageUrl(kind, r, false);
                t = nextT;
            }
            if (traffic.localEpochDay(start) != traffic.localEpochDay(last)) {
                midnightVisits++;
            }
        }

        private void botVisit(int v, VisitorPlan p, int visitIndex, long start) {
            SplittableRandom r = visitRandom(v, visitIndex);
            visits++;
            botVisits++;
            boolean fast = r.nextDouble() < p.botKind.fastShare;
            int hits = fast ? 100 + r.nextInt(121) : 5 + r.nextInt(36);
            boolean searchBot = p.botKind == BotKind.GOOGLEBOT || p.botKind == BotKind.BINGBOT;
            long t = start;
            for (int h = 0; h < hits; h++) {
                if (h > 0) {
                    t += fast ? 100 + r.nextInt(500) : searchBot ? 2_000 + r.nextInt(18_000) : 1_000 + r.nextInt(14_000);
                }
                double u = r.nextDouble();
                int kind = u < 0.05 ? HOME : u < 0.25 ? CATEGORY : u < 0.90 ? PRODUCT : GUIDE;
                String url = pageUrl(kind, r, false);
                add(t, v, PAGEVIEW, url, p, true);
                if (p.botKind.rendersAds) {
                    ads(v, p, kind, t, url, r, true);
                }
            }
        }

        /** Maybe an ad request (and, at the fill rate, an impression) after a pageview; the last event's time. */
        private long ads(int v, VisitorPlan p, int kind, long t, String url, SplittableRandom r, boolean bot) {
            if (AD_RATE[kind] == 0 || r.nextDouble() >= AD_RATE[kind]) {
                return t;
            }
            long tr = t + 150 + r.nextInt(1_050);
            add(tr, v, AD_REQUEST, url, p, bot);
            if (r.nextDouble() >= AD_FILL) {
                return tr;
            }
            long ti = tr + 80 + r.nextInt(620);
            Ev imp = add(ti, v, AD_IMPRESSION, url, p, bot);
            // 0.0005 .. 0.004 EUR, log-uniform (CPM 0.50 .. 4.00)
            imp.micros = Math.round(500.0 * StrictMath.pow(8.0, r.nextDouble()));
            return ti;
        }

        /** The purchase (and maybe its re-sent copy and a later refund); the purchase's time. */
        private long purchase(int v, VisitorPlan p, long at, String url, SplittableRandom r) {
            int items = basketSize(r);
            long[] itemCents = new long[items];
            long subtotal = 0;
            for (int k = 0; k < items; k++) {
                double price = StrictMath.exp(StrictMath.log(44.0) + 0.55 * gaussian(r));
                long euros = Math.max(5, Math.round(price));
                itemCents[k] = euros * 100 - (r.nextBoolean() ? 5 : 1); // 39.95, 59.99
                subtotal += itemCents[k];
            }
            long totalCents = subtotal + (subtotal < 5_000 ? 495 : 0); // free shipping from 50 EUR
            int orderNo = orderCounter++;
            Ev e = add(at, v, PURCHASE, url, p, false);
            e.micros = totalCents * 10_000L;
            e.orderNo = orderNo;
            if (--resendCountdown <= 0) {
                resendCountdown = countdown(genRandom, DUPLICATE_PURCHASE_EVERY);
                Ev again = add(at + (r.nextBoolean() ? 0 : 1_000), v, PURCHASE, url, p, false);
                again.micros = e.micros;
                again.orderNo = orderNo;
                again.resentPurchase = true;
            }
            long room = traffic.endMillis - at - DAY;
            if (--refundCountdown <= 0 && room > 3_600_000L) {
                refundCountdown = countdown(genRandom, REFUND_EVERY);
                long when = at + DAY + r.nextLong(Math.min(4 * DAY, room));
                Ev refund = add(when, v, REFUND, base + "/account/orders", p, false);
                refund.micros = (items > 1 && r.nextDouble() < 0.6 ? itemCents[r.nextInt(items)] : totalCents) * 10_000L;
                refund.orderNo = orderNo;
            }
            return at;
        }

        private static int basketSize(SplittableRandom r) {
            double u = r.nextDouble();
            return u < 0.62 ? 1 : u < 0.88 ? 2 : u < 0.97 ? 3 : 4;
        }

        private Src paidSearch(SplittableRandom r) {
            String[] termAndCampaign = DemoCatalog.pick(r, DemoCatalog.PAID_TERMS);
            if (r.nextDouble() < 0.85) {
                String gclid = "EAIaIQobChMI" + DemoFormat.randomB64(r, 24) + "EAAYASAAEgK" + DemoFormat.randomB64(r, 3) + "_D_BwE";
                return new Src("google", "cpc", termAndCampaign[1], termAndCampaign[0], "", gclid);
            }
            return new Src("bing", "cpc", termAndCampaign[1], termAndCampaign[0], "", DemoFormat.randomHex(r, 32));
        }

        /** The newsletter of the visit's ISO week: {@code weekly_2026_10}. */
        private Src newsletter(SplittableRandom r, long at) {
            long day = traffic.localEpochDay(at);
            if (day / 7 != emailWeekDay / 7 || emailWeekCampaign == null) {
                LocalDate d = LocalDate.ofEpochDay(day);
                emailWeekCampaign = String.format(Locale.ROOT, "weekly_%d_%02d",
                        d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
                emailWeekDay = day;
            }
            return new Src("newsletter", "email", emailWeekCampaign, "", DemoCatalog.pick(r, DemoCatalog.EMAIL_CONTENT), "");
        }

        private String pageUrl(int kind, SplittableRandom r, boolean sale) {
            switch (kind) {
                case HOME:
                    return base + "/";
                case CATEGORY:
                    return base + "/c/" + (sale ? "sale" : DemoCatalog.pick(r, DemoCatalog.CATEGORIES))
                            + (r.nextDouble() < 0.15 ? "?page=2" : "");
                case PRODUCT:
                    // a few best sellers, a long tail
                    return base + "/p/sku-" + (1000 + (int) (4000 * StrictMath.pow(r.nextDouble(), 2.5)));
                case SEARCH_PAGE:
                    return base + "/search?q=" + DemoCatalog.pick(r, DemoCatalog.SEARCH_QUERIES);
                case GUIDE:
                    return base + "/magazin/" + DemoCatalog.pick(r, DemoCatalog.GUIDES);
                case CART:
                    return base + "/cart";
                case CHECKOUT:
                    return base + "/checkout";
                default:
                    return base + "/checkout/confirmation";
            }
        }

        /** Time on a page: log-normal, median 35 s, clamped to 5 s .. 5 min. */
        private static long dwell(SplittableRandom r) {
            double s = 35.0 * StrictMath.exp(0.85 * gaussian(r));
            return Math.max(5_000L, Math.min(300_000L, Math.round(s * 1000)));
        }

        private static int geometric(SplittableRandom r, double p) {
            return (int) (StrictMath.log(1.0 - r.nextDouble()) / StrictMath.log(1.0 - p));
        }

        /** Box-Muller with {@link StrictMath}: the same numbers on every JVM. */
        private static double gaussian(SplittableRandom r) {
            double u1 = 1.0 - r.nextDouble();
            double u2 = r.nextDouble();
            return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
        }

        private Ev add(long ts, int v, int kind, String page, VisitorPlan p, boolean bot) {
            Ev e = new Ev();
            e.ts = ts;
            e.id = eventCounter++;
            e.visitor = v;
            e.kind = kind;
            e.page = page;
            e.userAgent = p.userAgent;
            e.bot = bot;
            pending.add(e);
            return e;
        }

        // --------------------------------------------------------------------------------------------
        // Output: late rows, duplicates, malformed rows.

        private void emit(Ev e) throws IOException {
            flushLate(e.ts);
            if (--lateCountdown <= 0) {
                lateCountdown = countdown(outRandom, LATE_EVERY);
                e.emitAt = e.ts + 1_000 + outRandom.nextLong(119_001); // at most 2 minutes late
                late.add(e);
                lateRows++;
                return;
            }
            write(e, false);
        }

        private void flushLate(long upTo) throws IOException {
            while (!late.isEmpty() && late.peek().emitAt <= upTo) {
                write(late.poll(), true);
            }
        }

        private void write(Ev e, boolean isLate) throws IOException {
            writeRow(e);
            if (e.exactDuplicate) {
                return;
            }
            if (--duplicateCountdown <= 0) {
                duplicateCountdown = countdown(outRandom, DUPLICATE_ROW_EVERY);
                Ev d = e.copyAsDuplicate();
                if (isLate) {
                    writeRow(d);
                } else {
                    d.emitAt = e.ts + outRandom.nextLong(3_001); // the tracker retries within 3 s
                    late.add(d);
                }
            }
            if (--malformedCountdown <= 0) {
                malformedCountdown = countdown(outRandom, MALFORMED_EVERY);
                writeMalformed(e);
            }
        }

        private void writeRow(Ev e) throws IOException {
            rows++;
            if (e.exactDuplicate) {
                duplicateRows++;
            } else {
                count(e);
            }
            String revenue = "";
            if (e.kind == AD_IMPRESSION) {
                revenue = DemoFormat.micros6(e.micros);
            } else if (e.kind == PURCHASE || e.kind == REFUND) {
                revenue = DemoFormat.cents(e.micros);
            }
            csv.raw(timestamps.format(e.ts))
                    .raw(DemoFormat.visitorId(e.visitor, visitorKey))
                    .raw(EVENT_NAMES[e.kind])
                    .raw(revenue)
                    .raw(revenue.isEmpty() ? "" : CURRENCY)
                    .field(e.src.source())
                    .field(e.src.medium())
                    .field(e.src.campaign())
                    .field(e.src.term())
                    .field(e.src.content())
                    .field(e.src.clickId())
                    .field(e.referrer)
                    .field(e.page)
                    .raw(escapedUserAgent(e.userAgent))
                    .raw(DemoFormat.eventId(e.id, eventKey))
                    .raw(e.orderNo >= 0 ? DemoFormat.orderId(e.orderNo) : "")
                    .endRow();
        }

        /** User agents come from a small fixed set: their CSV form is worked out once. */
        private String escapedUserAgent(String ua) {
            return escapedUserAgents.computeIfAbsent(ua, DemoCsv::escape);
        }

        private void count(Ev e) {
            firstTs = Math.min(firstTs, e.ts);
            lastTs = Math.max(lastTs, e.ts);
            if (e.bot) {
                botRows++;
            }
            switch (e.kind) {
                case PAGEVIEW:
                    pageviews++;
                    break;
                case AD_REQUEST:
                    adRequests++;
                    break;
                case AD_IMPRESSION:
                    adImpressions++;
                    adMicros += e.micros;
                    break;
                case PURCHASE:
                    if (e.resentPurchase) {
                        resentPurchases++;
                    } else {
                        purchases++;
                        purchaseMicros += e.micros;
                    }
                    break;
                case REFUND:
                    refunds++;
                    refundMicros += e.micros;
                    break;
                default:
                    otherEvents++;
                    break;
            }
        }

        private void writeMalformed(Ev e) throws IOException {
            Malformed kind = Malformed.values()[(int) (malformedCounter % Malformed.values().length)];
            String eventId = DemoFormat.eventId(MALFORMED_ID_BASE + malformedCounter, eventKey);
            String ts = timestamps.format(e.ts);
            String visitor = DemoFormat.visitorId(e.visitor, visitorKey);
            int round = (int) (malformedCounter / Malformed.values().length);
            malformedCounter++;
            malformedByKind[kind.ordinal()]++;
            rows++;
            switch (kind) {
                case BAD_TIMESTAMP:
                    csv.row(BAD_TIMESTAMPS[round % BAD_TIMESTAMPS.length], visitor, "pageview", "", "", "", "",
                            "", "", "", "", "", e.page, e.userAgent, eventId, "");
                    break;
                case EMPTY_VISITOR_ID:
                    csv.row(ts, "", "pageview", "", "", "", "", "", "", "", "", "", e.page, e.userAgent, eventId, "");
                    break;
                case NEGATIVE_REVENUE:
                    csv.row(ts, visitor, "purchase", "-" + (19 + round % 7 * 10) + ".95", CURRENCY, "", "", "", "",
                            "", "", "", base + "/checkout/confirmation", e.userAgent, eventId, "");
                    break;
                case UNKNOWN_CURRENCY:
                    csv.row(ts, visitor, "ad_impression", "0.001200", "EURO", "", "", "", "", "", "", "",
                            e.page, e.userAgent, eventId, "");
                    break;
                default:
                    csv.row(ts, visitor);
                    break;
            }
        }
    }
}

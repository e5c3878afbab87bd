package io.persession.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import io.persession.cli.demo.DemoShop.Config;
import io.persession.cli.demo.DemoShop.Malformed;
import io.persession.cli.demo.DemoShop.Summary;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoShopTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    private static final Pattern VISITOR = Pattern.compile("v[0-9a-f]{8}");
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    private static final Pattern ORDER = Pattern.compile("ORD-\\d{6,}");
    private static final Pattern CRAWLER = Pattern.compile("(?i)bot|crawler|spider|python-requests|headlesschrome");
    private static final Set<String> EVENTS = Set.of(
            "pageview", "ad_request", "ad_impression", "purchase", "refund", "add_to_cart", "begin_checkout", "search");
    private static final long MINUTE = 60_000L;

    private static final Config SMALL = Config.defaults().withVisitors(3000);

    @TempDir
    static Path dir;

    private static Path smallFile;
    private static Summary small;
    private static List<Row> rows;
    private static List<Row> valid;
    private static Map<Malformed, Long> malformedSeen;
    private static List<Long> malformedLines;

    /** One data row: its 1-based position among the data rows, its fields, and (for valid rows) its time. */
    record Row(long index, List<String> f, long ts) {
        String visitor() {
            return f.get(1);
        }

        String event() {
            return f.get(2);
        }

        String revenue() {
            return f.get(3);
        }

        String userAgent() {
            return f.get(13);
        }

        String eventId() {
            return f.get(14);
        }

        String orderId() {
            return f.get(15);
        }

        boolean hasSource() {
            return f.subList(5, 11).stream().anyMatch(s -> !s.isEmpty());
        }

        boolean crawler() {
            return CRAWLER.matcher(userAgent()).find();
        }
    }

    @BeforeAll
    static void writeSmallShop() throws IOException {
        smallFile = dir.resolve("small.csv");
        small = new DemoShop(SMALL).write(smallFile);
        rows = read(smallFile);
        valid = new ArrayList<>();
        malformedSeen = new EnumMap<>(Malformed.class);
        malformedLines = new ArrayList<>();
        for (Row r : rows) {
            Malformed bad = malformedKind(r);
            if (bad == null) {
                valid.add(new Row(r.index(), r.f(), Instant.parse(r.f().get(0)).toEpochMilli()));
            } else {
                malformedSeen.merge(bad, 1L, Long::sum);
                malformedLines.add(r.index());
            }
        }
    }

    private static List<Row> read(Path file) throws IOException {
        List<Row> out = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder()
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .ofCsvRecord(file, StandardCharsets.UTF_8)) {
            long index = 0;
            boolean header = true;
            for (CsvRecord rec : reader) {
                if (header) {
                    assertEquals(DemoShop.COLUMNS, rec.getFields());
                    header = false;
                    continue;
                }
                out.add(new Row(++index, List.copyOf(rec.getFields()), Long.MIN_VALUE));
            }
        }
        return out;
    }

    /**
     * Null when the row is valid in every way the canonical schema asks; else the deliberate defect it
     * carries. Any other defect fails the test.
     */
    private static Malformed malformedKind(Row r) {
        List<String> f = r.f();
        if (f.size() < DemoShop.COLUMNS.size()) {
            assertEquals(2, f.size(), "row " + r.index() + " " + f);
            return Malformed.TOO_FEW_FIELDS;
        }
        assertEquals(DemoShop.COLUMNS.size(), f.size(), "row " + r.index() + " " + f);
        try {
            Instant.parse(f.get(0));
        } catch (DateTimeParseException e) {
            return Malformed.BAD_TIMESTAMP;
        }
        String where = "row " + r.index() + " " + f;
        assertTrue(TIMESTAMP.matcher(f.get(0)).matches(), where);
        if (r.visitor().isEmpty()) {
            return Malformed.EMPTY_VISITOR_ID;
        }
        assertTrue(VISITOR.matcher(r.visitor()).matches(), where);
        assertTrue(EVENTS.contains(r.event()), where);
        assertTrue(UUID.matcher(r.eventId()).matches(), where);
        String revenue = r.revenue();
        String currency = f.get(4);
        boolean money = r.event().equals("purchase") || r.event().equals("refund") || r.event().equals("ad_impression");
        if (!money) {
            assertEquals("", revenue, where);
            assertEquals("", currency, where);
            assertEquals("", r.orderId(), where);
            return null;
        }
        BigDecimal amount = new BigDecimal(revenue);
        if (amount.signum() < 0) {
            return Malformed.NEGATIVE_REVENUE;
        }
        if (!currency.equals("EUR")) {
            assertEquals("EURO", currency, where);
            return Malformed.UNKNOWN_CURRENCY;
        }
        assertTrue(amount.scale() <= 6, where);
        if (r.event().equals("ad_impression")) {
            assertEquals(6, amount.scale(), where);
            assertTrue(amount.compareTo(new BigDecimal("0.0005")) >= 0 && amount.compareTo(new BigDecimal("0.004")) <= 0, where);
            assertEquals("", r.orderId(), where);
        } else {
            assertEquals(2, amount.scale(), where);
            assertTrue(amount.signum() > 0, where);
            assertTrue(ORDER.matcher(r.orderId()).matches(), where);
        }
        return null;
    }

    // ------------------------------------------------------------------------------------------------

    @Test
    void sameConfigGivesIdenticalBytesAndAnotherSeedDoesNot() throws IOException {
        Path again = dir.resolve("again.csv");
        Summary s = new DemoShop(SMALL).write(again);
        assertEquals(-1L, Files.mismatch(smallFile, again));
        assertEquals(small, s);

        StringWriter w = new StringWriter();
        assertEquals(small, new DemoShop(SMALL).write(w));
        assertEquals(Files.readString(smallFile, StandardCharsets.UTF_8), w.toString());

        Path other = dir.resolve("other.csv");
        new DemoShop(SMALL.withSeed(43)).write(other);
        assertNotEquals(-1L, Files.mismatch(smallFile, other));
    }

    @Test
    void headerIsTheCanonicalSchema() throws IOException {
        String first = Files.newBufferedReader(smallFile).readLine();
        assertEquals("timestamp,visitor_id,event,revenue,currency,source,medium,campaign,term,content,click_id,"
                + "referrer,page,user_agent,event_id,order_id", first);
        assertEquals(first, DemoShop.HEADER);
    }

    @Test
    void everyRowButTheMalformedOnesParses() {
        assertEquals(small.rows(), rows.size());
        assertEquals(small.malformedRows(), rows.size() - valid.size());
        assertEquals(small.malformedByKind(), malformedSeen);
    }

    @Test
    void malformedRowsAreFewOfEveryKindAndSpread() {
        assertTrue(small.malformedRows() > 0);
        assertTrue(small.malformedRows() < 0.002 * small.rows(), small.malformedRows() + " of " + small.rows());
        for (Malformed kind : Malformed.values()) {
            assertTrue(malformedSeen.getOrDefault(kind, 0L) > 0, kind.toString());
        }
        int[] quarters = new int[4];
        for (long line : malformedLines) {
            quarters[(int) Math.min(3, (line - 1) * 4 / rows.size())]++;
        }
        for (int q : quarters) {
            assertTrue(q > 0, "malformed rows in every quarter of the file: " + java.util.Arrays.toString(quarters));
        }
    }

    @Test
    void orderIdsAreUniqueApartFromResentPurchases() {
        Set<String> eventIds = new HashSet<>();
        Map<String, List<Row>> byOrder = new TreeMap<>();
        for (Row r : valid) {
            if (r.event().equals("purchase") && eventIds.add(r.eventId())) {
                byOrder.computeIfAbsent(r.orderId(), k -> new ArrayList<>()).add(r);
            }
        }
        long resent = 0;
        for (List<Row> same : byOrder.values()) {
            Row first = same.get(0);
            for (Row again : same.subList(1, same.size())) {
                resent++;
                assertEquals(first.visitor(), again.visitor());
                assertEquals(first.revenue(), again.revenue());
                assertNotEquals(first.eventId(), again.eventId());
                assertTrue(Math.abs(again.ts() - first.ts()) <= 1000, "re-sent within a second");
            }
        }
        assertEquals(small.purchases(), byOrder.size());
        assertEquals(small.duplicatePurchaseRows(), resent);
        assertTrue(resent > 0, "re-sent purchases present");
        BigDecimal revenue = byOrder.values().stream().map(l -> new BigDecimal(l.get(0).revenue()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(small.purchaseRevenue(), revenue);

        // refunds: an earlier order of the same visitor, a day or more later, no more than the order
        Map<String, Row> orders = new HashMap<>();
        byOrder.forEach((id, l) -> orders.put(id, l.get(0)));
        long refunds = 0;
        for (Row r : valid) {
            if (r.event().equals("refund")) {
                refunds++;
                Row order = orders.get(r.orderId());
                assertTrue(order != null, "refund of a known order " + r.orderId());
                assertEquals(order.visitor(), r.visitor());
                assertTrue(r.ts() - order.ts() >= 86_400_000L);
                assertTrue(new BigDecimal(r.revenue()).compareTo(new BigDecimal(order.revenue())) <= 0);
            }
        }
        assertEquals(small.refunds(), refunds);
        assertTrue(refunds > 0);
    }

    @Test
    void exactDuplicateRowsArePresentAndIdentical() {
        Map<String, Row> byId = new HashMap<>();
        long duplicates = 0;
        for (Row r : valid) {
            Row seen = byId.putIfAbsent(r.eventId(), r);
            if (seen != null) {
                duplicates++;
                assertEquals(seen.f(), r.f(), "an exact copy");
            }
        }
        assertTrue(duplicates > 0);
        assertEquals(small.duplicateEventRows(), duplicates);
        assertTrue(duplicates < 0.001 * rows.size());
    }

    @Test
    void botsHaveCrawlerUserAgentsFetchFastAndNeverBuy() {
        Map<String, String> userAgentOf = new HashMap<>();
        Map<String, List<Long>> botPageviews = new HashMap<>();
        Set<String> bots = new HashSet<>();
        Set<String> visitors = new HashSet<>();
        for (Row r : valid) {
            visitors.add(r.visitor());
            String before = userAgentOf.putIfAbsent(r.visitor(), r.userAgent());
            assertTrue(before == null || before.equals(r.userAgent()), "one user agent a visitor");
            if (r.crawler()) {
                bots.add(r.visitor());
                assertFalse(r.event().equals("purchase") || r.event().equals("refund") || r.event().equals("add_to_cart"), r.f().toString());
                if (r.event().equals("pageview")) {
                    botPageviews.computeIfAbsent(r.visitor(), k -> new ArrayList<>()).add(r.ts());
                }
            }
        }
        assertEquals(SMALL.visitors(), visitors.size());
        assertEquals(small.visitors(), visitors.size());
        assertEquals(small.botVisitors(), bots.size());
        double share = (double) bots.size() / visitors.size();
        assertTrue(share >= 0.005 && share <= 0.03, "bot share " + share);
        Set<String> kinds = new HashSet<>();
        for (String bot : bots) {
            java.util.regex.Matcher m = CRAWLER.matcher(userAgentOf.get(bot));
            assertTrue(m.find());
            kinds.add(m.group().toLowerCase(java.util.Locale.ROOT));
        }
        assertTrue(kinds.containsAll(Set.of("bot", "python-requests", "headlesschrome")), kinds.toString());

        long hammering = botPageviews.values().stream().filter(DemoShopTest::hundredHitsWithin100Seconds).count();
        assertTrue(hammering > 0, "some bots fetch more than 100 pages in under 100 s");
        // bots may trigger ad requests, humans are the ones who buy
        assertTrue(valid.stream().anyMatch(r -> r.crawler() && r.event().equals("ad_request")));
    }

    private static boolean hundredHitsWithin100Seconds(List<Long> times) {
        List<Long> t = new ArrayList<>(times);
        t.sort(Comparator.naturalOrder());
        for (int i = 0; i + 100 < t.size(); i++) {
            if (t.get(i + 100) - t.get(i) < 100_000L) {
                return true;
            }
        }
        return false;
    }

    @Test
    void shareOfConvertingVisitsIsPlausible() {
        List<List<Row>> sessions = humanSessions(valid);
        long converting = sessions.stream().filter(s -> s.stream().anyMatch(r -> r.event().equals("purchase"))).count();
        double share = (double) converting / sessions.size();
        assertTrue(share >= 0.01 && share <= 0.05, "converting sessions " + share);
        double byConstruction = (double) small.convertingVisits() / small.humanVisits();
        assertTrue(byConstruction >= 0.01 && byConstruction <= 0.05, "converting visits " + byConstruction);

        // a purchase follows add_to_cart and begin_checkout in its session
        for (List<Row> s : sessions) {
            int purchase = indexOf(s, "purchase");
            if (purchase >= 0) {
                int cart = indexOf(s, "add_to_cart");
                int checkout = indexOf(s, "begin_checkout");
                assertTrue(cart >= 0 && cart < checkout && checkout < purchase, s.get(purchase).f().toString());
            }
        }
        double pagesPerSession = sessions.stream().mapToLong(s -> s.stream().filter(r -> r.event().equals("pageview")).count())
                .average().orElse(0);
        assertTrue(pagesPerSession > 2.5 && pagesPerSession < 7, "pages per session " + pagesPerSession);
    }

    private static int indexOf(List<Row> session, String event) {
        for (int i = 0; i < session.size(); i++) {
            if (session.get(i).event().equals(event)) {
                return i;
            }
        }
        return -1;
    }

    /** Sessions of human visitors by a plain 30-minute inactivity timeout; refunds (back-office events) left out. */
    private static List<List<Row>> humanSessions(List<Row> rows) {
        Map<String, List<Row>> byVisitor = new HashMap<>();
        for (Row r : rows) {
            if (!r.crawler() && !r.event().equals("refund")) {
                byVisitor.computeIfAbsent(r.visitor(), k -> new ArrayList<>()).add(r);
            }
        }
        List<List<Row>> sessions = new ArrayList<>();
        for (List<Row> events : byVisitor.values()) {
            events.sort(Comparator.comparingLong(Row::ts).thenComparingLong(Row::index));
            List<Row> current = null;
            long last = Long.MIN_VALUE;
            for (Row r : events) {
                if (current == null || r.ts() - last > 30 * MINUTE) {
                    current = new ArrayList<>();
                    sessions.add(current);
                }
                current.add(r);
                last = r.ts();
            }
        }
        return sessions;
    }

    @Test
    void trafficCoversEveryDayWithALocalDailyShape() {
        Map<LocalDate, Long> perDay = new TreeMap<>();
        long[] perHour = new long[24];
        long human = 0;
        for (Row r : valid) {
            if (r.event().equals("pageview") && !r.crawler()) {
                ZonedDateTime local = Instant.ofEpochMilli(r.ts()).atZone(BERLIN);
                perDay.merge(local.toLocalDate(), 1L, Long::sum);
                perHour[local.getHour()]++;
                human++;
            }
        }
        LocalDate start = SMALL.startDate();
        assertEquals(DayOfWeek.MONDAY, start.getDayOfWeek());
        for (int d = 0; d < 7; d++) {
            long n = perDay.getOrDefault(start.plusDays(d), 0L);
            assertTrue(n > 0.09 * human && n < 0.20 * human, start.plusDays(d) + ": " + n + " of " + human);
        }
        // visits begun on the last evening may run a little past midnight, nothing more
        assertTrue(perDay.keySet().stream().allMatch(d -> !d.isBefore(start) && !d.isAfter(start.plusDays(7))));
        long night = perHour[3] + perHour[4];
        long evening = perHour[20] + perHour[21];
        long lunch = perHour[12] + perHour[13];
        long morning = perHour[7] + perHour[8];
        assertTrue(evening > 5 * night, "evening " + evening + " night " + night);
        assertTrue(lunch > morning && lunch > 4 * night, "lunch " + lunch + " morning " + morning);
        assertTrue(small.firstEvent().equals(Instant.ofEpochMilli(valid.stream().mapToLong(Row::ts).min().orElseThrow())));
    }

    @Test
    void lateRowsExistButAreNeverMoreThanTwoMinutesLate() {
        long max = Long.MIN_VALUE;
        long late = 0;
        long worst = 0;
        for (Row r : valid) {
            if (r.ts() < max) {
                late++;
                worst = Math.max(worst, max - r.ts());
            }
            max = Math.max(max, r.ts());
        }
        assertTrue(late > 0, "out-of-order rows present");
        assertTrue(late < 0.005 * rows.size(), late + " late rows");
        assertTrue(worst <= 2 * MINUTE, "at most 2 minutes late, worst " + worst + " ms");
        assertTrue(small.lateRows() > 0 && small.lateRows() <= late);
    }

    @Test
    void visitsExerciseTheSessionRules() {
        Map<String, List<Row>> byVisitor = new HashMap<>();
        for (Row r : valid) {
            if (!r.crawler()) {
                byVisitor.computeIfAbsent(r.visitor(), k -> new ArrayList<>()).add(r);
            }
        }
        long pauses = 0;
        long exact30 = 0;
        long midnight = 0;
        long midSessionSource = 0;
        long returning = 0;
        for (List<Row> events : byVisitor.values()) {
            events.sort(Comparator.comparingLong(Row::ts).thenComparingLong(Row::index));
            long sessionStartDay = Long.MIN_VALUE;
            for (int i = 0; i < events.size(); i++) {
                Row r = events.get(i);
                long day = Instant.ofEpochMilli(r.ts()).atZone(BERLIN).toLocalDate().toEpochDay();
                if (r.hasSource()) {
                    assertEquals("pageview", r.event(), "sources only on pageviews");
                }
                if (i == 0) {
                    sessionStartDay = day;
                    continue;
                }
                long gap = r.ts() - events.get(i - 1).ts();
                pauses += gap >= 35 * MINUTE && gap <= 90 * MINUTE ? 1 : 0;
                exact30 += gap == 30 * MINUTE ? 1 : 0;
                if (gap > 4 * 60 * MINUTE) {
                    returning++;
                }
                if (gap > 30 * MINUTE) {
                    sessionStartDay = day;
                } else {
                    midnight += day != sessionStartDay ? 1 : 0;
                    sessionStartDay = day;
                    midSessionSource += r.hasSource() ? 1 : 0;
                }
            }
        }
        assertTrue(pauses > 0, "35-90 minute pauses");
        assertTrue(exact30 > 0, "pauses of exactly 30 minutes");
        assertTrue(midnight > 0, "visits across local midnight");
        assertTrue(midSessionSource > 0, "a second campaign within a visit");
        assertTrue(returning > 0.1 * byVisitor.size(), "returning visitors");
        assertTrue(small.pausedVisits() > 0 && small.midnightVisits() > 0 && small.sourceChangeVisits() > 0);

        Set<String> referrerHosts = new HashSet<>();
        Set<String> mediums = new HashSet<>();
        for (Row r : valid) {
            String ref = r.f().get(11);
            if (!ref.isEmpty()) {
                referrerHosts.add(java.net.URI.create(ref).getHost());
            }
            mediums.add(r.f().get(6));
            assertTrue(r.f().get(12).startsWith("https://shop.example.com/"), r.f().toString());
        }
        assertTrue(referrerHosts.containsAll(Set.of("www.google.com", "www.bing.com", "l.facebook.com", "www.idealo.de",
                "blog.example.org", "shop.example.com", "blog.shop.example.com")), referrerHosts.toString());
        assertTrue(mediums.containsAll(Set.of("", "cpc", "social", "email")), mediums.toString());
        assertTrue(valid.stream().anyMatch(r -> r.f().get(7).equals("weekly_2026_10") && r.f().get(5).equals("newsletter")));
        assertTrue(valid.stream().anyMatch(r -> r.f().get(7).equals("spring_sale") && !r.f().get(10).isEmpty()));
    }

    @Test
    void summaryAddsUp() {
        Summary s = small;
        assertEquals(s.rows(), s.pageviews() + s.adRequests() + s.adImpressions() + s.otherEvents() + s.purchases()
                + s.duplicatePurchaseRows() + s.refunds() + s.duplicateEventRows() + s.malformedRows());
        assertEquals(s.malformedRows(), s.malformedByKind().values().stream().mapToLong(Long::longValue).sum());
        assertEquals("EUR", s.currency());
        assertEquals(s.purchaseRevenue().add(s.adRevenue()).subtract(s.refundRevenue()), s.netRevenue());
        Set<String> ids = new HashSet<>();
        BigDecimal ads = BigDecimal.ZERO;
        for (Row r : valid) {
            if (ids.add(r.eventId()) && r.event().equals("ad_impression")) {
                ads = ads.add(new BigDecimal(r.revenue()));
            }
        }
        assertEquals(0, s.adRevenue().compareTo(ads));
        assertTrue(s.adImpressions() < s.adRequests() && s.adImpressions() > 0.7 * s.adRequests(), "fill about 80%");
        assertFalse(s.describe().isBlank());
    }

    @Test
    void defaultConfigIsTheDocumentedDemo() throws IOException {
        Config c = Config.defaults();
        assertEquals(42, c.seed());
        assertEquals(30_000, c.visitors());
        assertEquals(7, c.days());
        assertEquals(LocalDate.of(2026, 3, 2), c.startDate());
        assertEquals(ZoneId.of("Europe/Berlin"), c.zone());
        assertEquals("shop.example.com", c.siteHost());
        assertEquals(Instant.parse("2026-03-01T23:00:00Z"), c.start());
        assertEquals(Instant.parse("2026-03-08T23:00:00Z"), c.end());

        CountingWriter sink = new CountingWriter();
        Summary s = new DemoShop().write(sink);
        assertEquals(30_000, s.visitors());
        assertTrue(s.rows() > 300_000 && s.rows() < 600_000, "rows " + s.rows());
        assertTrue(s.botVisitors() > 300 && s.botVisitors() < 600, "bots " + s.botVisitors());
        assertTrue(s.purchases() > 700 && s.purchases() < 2000, "orders " + s.purchases());
        BigDecimal aov = s.purchaseRevenue().divide(BigDecimal.valueOf(s.purchases()), 2, java.math.RoundingMode.HALF_UP);
        assertTrue(aov.compareTo(BigDecimal.valueOf(50)) > 0 && aov.compareTo(BigDecimal.valueOf(120)) < 0, "AOV " + aov);
        double refundShare = (double) s.refunds() / s.purchases();
        assertTrue(refundShare > 0.015 && refundShare < 0.045, "refunds " + refundShare);
        assertTrue(s.malformedRows() > 0 && s.malformedRows() < 0.002 * s.rows());
        assertTrue(Math.abs(c.withApproximateRows(s.rows()).visitors() - 30_000) < 1500);
        assertEquals(s.rows() + 1, sink.lines);
    }

    @Test
    void gzipFileHoldsTheSameLog() throws IOException {
        Config tiny = Config.defaults().withVisitors(300).withSeed(7);
        Path plain = dir.resolve("tiny.csv");
        Path gz = dir.resolve("tiny.csv.gz");
        Summary a = new DemoShop(tiny).write(plain);
        Summary b = new DemoShop(tiny).write(gz);
        assertEquals(a, b);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            assertEquals(Files.readString(plain), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void otherPeriodsZonesAndHostsWork() throws IOException {
        // the week of the spring DST change in Berlin (2026-03-29 has 23 hours), on another host
        Config dst = Config.defaults().withVisitors(500).withStartDate(LocalDate.of(2026, 3, 26)).withSiteHost("www.example.net");
        Path file = dir.resolve("dst.csv");
        Summary s = new DemoShop(dst).write(file);
        List<Row> all = read(file);
        assertEquals(s.rows(), all.size());
        for (Row r : all) {
            if (malformedKind(r) == null) {
                assertTrue(r.f().get(12).startsWith("https://www.example.net/"));
                assertTrue(r.f().get(7).isEmpty() || !r.f().get(7).startsWith("weekly_") || r.f().get(7).matches("weekly_2026_1[34]"));
            }
        }
        // one visitor, one day, another zone
        Summary one = new DemoShop(Config.defaults().withVisitors(1).withDays(1).withZone(ZoneId.of("America/New_York"))).write(new StringWriter());
        assertEquals(1, one.visitors());
        assertTrue(one.visits() >= 1);
    }

    @Test
    void invalidConfigsAreRejected() {
        Config d = Config.defaults();
        assertThrows(IllegalArgumentException.class, () -> d.withVisitors(0));
        assertThrows(IllegalArgumentException.class, () -> d.withVisitors(Config.MAX_VISITORS + 1));
        assertThrows(IllegalArgumentException.class, () -> d.withDays(0));
        assertThrows(IllegalArgumentException.class, () -> d.withSiteHost("Shop Example"));
        assertThrows(NullPointerException.class, () -> d.withZone(null));
    }

    @Test
    void idsAreUniqueByConstruction() {
        Set<String> visitors = new HashSet<>();
        for (int i = 0; i < 50_000; i++) {
            assertTrue(visitors.add(DemoFormat.visitorId(i, 42)));
        }
        Set<String> events = new HashSet<>();
        for (long i = 0; i < 50_000; i++) {
            String id = DemoFormat.eventId(i, 42);
            assertTrue(UUID.matcher(id).matches(), id);
            assertTrue(events.add(id));
        }
        assertEquals("ORD-001234", DemoFormat.orderId(1234));
        assertEquals("ORD-1234567", DemoFormat.orderId(1_234_567));
        assertEquals("0.001537", DemoFormat.micros6(1537));
        assertEquals("59.95", DemoFormat.cents(59_950_000));
        assertEquals("0.05", DemoFormat.cents(50_000));
        assertEquals("2026-03-02T14:05:09.003Z", new DemoFormat.Timestamps().format(Instant.parse("2026-03-02T14:05:09.003Z").toEpochMilli()));
    }

    @Test
    void csvQuotingRoundTrips() throws IOException {
        StringWriter w = new StringWriter();
        DemoCsv csv = new DemoCsv(w);
        List<String> fields = List.of("plain", "a,b", "say \"hi\"", "two\nlines", "cr\rhere", "", "x".repeat(70_000));
        csv.row(fields.toArray(new String[0]));
        csv.row("", "");
        csv.flush();
        assertTrue(w.toString().startsWith("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",,xxx"));
        List<List<String>> back = new ArrayList<>();
        try (CsvReader<CsvRecord> r = CsvReader.builder().missingFieldStrategy(FieldMismatchStrategy.IGNORE).ofCsvRecord(w.toString())) {
            r.forEach(rec -> back.add(rec.getFields()));
        }
        assertEquals(List.of(fields, List.of("", "")), back);
    }

    /** Counts lines, keeps nothing. */
    private static final class CountingWriter extends Writer {
        long lines;

        @Override
        public void write(char[] cbuf, int off, int len) {
            for (int i = off; i < off + len; i++) {
                if (cbuf[i] == '\n') {
                    lines++;
                }
            }
        }

        @Override
        public void write(String s, int off, int len) {
            for (int i = off; i < off + len; i++) {
                if (s.charAt(i) == '\n') {
                    lines++;
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}

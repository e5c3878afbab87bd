package io.persession.benchmarks;

import io.persession.spi.Basis;
import io.persession.spi.BenchmarkEntry;
import io.persession.spi.BenchmarkPack;
import io.persession.spi.BenchmarkPackProvider;
import io.persession.spi.Statistic;
import io.persession.spi.Verification;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The built-in packs hold exactly the published figures of {@code shared/benchmarks/SOURCES.md}, each
 * with its provenance: the expected tables below are SOURCES.md transcribed, and every number, URL and
 * the retrieved date are also looked up in SOURCES.md itself when it is present.
 */
class BuiltInPacksTest {
    static final Path SOURCES = Path.of("../../shared/benchmarks/SOURCES.md");
    static final LocalDate RETRIEVED = LocalDate.of(2026, 11, 22);
    static final String IRP = "https://www.irpcommerce.com/en/gb/EcommerceMarketData.aspx";
    static final String SALESFORCE = "https://sforce.co/3HfzCw0";
    static final String SHOPIFY_BLOG = "https://www.shopify.com/ng/blog/ecommerce-conversion-rate";
    static final String DY = "https://marketing.dynamicyield.com/benchmarks/conversion-rate";
    static final String OBERLO = "https://oberlo.com/statistics/average-order-value-by-industry";

    static BenchmarkPack ecommerce() {
        return new EcommercePackProvider().pack();
    }

    static BenchmarkPack publishers() {
        return new PublishersPackProvider().pack();
    }

    /** One expected figure: metric/segment, its statistics, basis, currency, period, flag, URL. */
    private static final class Figure {
        final String metric;
        final String segment;
        final Map<Statistic, BigDecimal> statistics = new LinkedHashMap<>();
        final Basis basis;
        final String currency;
        final Boolean tax;
        final String period;
        final Verification flag;
        final String url;

        Figure(String metric, String segment, String stats, Basis basis, String currency, Boolean tax, String period, Verification flag,
               String url) {
            this.metric = metric;
            this.segment = segment;
            for (String s : stats.split(" ")) {
                String[] kv = s.split("=");
                statistics.put(Statistic.fromCode(kv[0]), new BigDecimal(kv[1]));
            }
            this.basis = basis;
            this.currency = currency;
            this.tax = tax;
            this.period = period;
            this.flag = flag;
            this.url = url;
        }
    }

    private static List<Figure> ecommerceFigures() {
        List<Figure> f = new ArrayList<>();
        Object[][] irp = {
            {"uk-all", "Aug 2022", "1.22", "0.0162", "92.29"},
            {"uk-sports-recreation", "Apr 2022", "1.18", "0.0149", "102.21"},
            {"uk-health-wellbeing", "Dec 2020", "1.49", "0.0362", "44.91"},
        };
        for (Object[] r : irp) {
            String seg = (String) r[0];
            String period = (String) r[1];
            f.add(new Figure("revenue_per_session", seg, "mean=" + r[2], Basis.SESSION, "GBP", true, period, Verification.V, IRP));
            f.add(new Figure("session_rpm", seg, "mean=" + new BigDecimal((String) r[2]).movePointRight(3), Basis.SESSION, "GBP", true, period,
                    Verification.D, IRP));
            f.add(new Figure("conversion_rate", seg, "mean=" + r[3], Basis.SESSION, null, null, period, Verification.V, IRP));
            f.add(new Figure("average_order_value", seg, "mean=" + r[4], Basis.ORDER, "GBP", true, period, Verification.V, IRP));
        }
        String q1 = "a Q1, year not shown";
        f.add(new Figure("revenue_per_session", "global", "mean=2.48", Basis.VISIT, "USD", null, q1, Verification.V, SALESFORCE));
        f.add(new Figure("session_rpm", "global", "mean=2480", Basis.VISIT, "USD", null, q1, Verification.D, SALESFORCE));
        f.add(new Figure("conversion_rate", "global", "mean=0.017", Basis.VISIT, null, null, q1, Verification.V, SALESFORCE));
        Object[][] industries = {
            {"food-beverage", "0.0622", Verification.V2, "114"},
            {"beauty-personal-care", "0.0494", Verification.V2, "71"},
            {"multi-brand-retail", "0.0393", Verification.V, "94"},
            {"pet-care", "0.0328", Verification.V2, "83"},
            {"fashion-apparel", "0.0306", Verification.V2, "196"},
            {"consumer-goods", "0.0285", Verification.V2, "211"},
            {"home-furniture", "0.0141", Verification.V2, "253"},
            {"luxury-jewelry", "0.0094", Verification.V2, "436"},
        };
        for (Object[] r : industries) {
            f.add(new Figure("conversion_rate", (String) r[0], "mean=" + r[1], Basis.USER, null, null, "12 months, ~2025", (Verification) r[2],
                    SHOPIFY_BLOG));
            f.add(new Figure("average_order_value", (String) r[0], "mean=" + r[3], Basis.ORDER, "USD", null, "Sep 2024", Verification.V, OBERLO));
        }
        f.add(new Figure("conversion_rate", "all-industries", "mean=0.0295", Basis.USER, null, null, "12 months, ~2025", Verification.V, SHOPIFY_BLOG));
        Object[][] devicesAndRegions = {
            {"desktop", "0.0479"}, {"tablet", "0.0416"}, {"mobile", "0.0328"}, {"emea", "0.0399"}, {"americas", "0.0362"}, {"apac", "0.0264"},
        };
        for (Object[] r : devicesAndRegions) {
            f.add(new Figure("conversion_rate", (String) r[0], "mean=" + r[1], Basis.USER, null, null, "12 months, year not shown", Verification.V, DY));
        }
        f.add(new Figure("conversion_rate", "shopify-stores", "mean=0.014 p80=0.032 p90=0.047", Basis.SESSION, null, null, "2023 data",
                Verification.V2, SHOPIFY_BLOG));
        f.add(new Figure("conversion_rate", "all-industries-sessions", "mean=0.023", Basis.SESSION, null, null, "2021 data", Verification.V2, null));
        return f;
    }

    @Test
    void bothPacksAreRegisteredWithServiceLoader() {
        Set<String> ids = ServiceLoader.load(BenchmarkPackProvider.class, EcommercePackProvider.class.getClassLoader()).stream()
                .map(p -> p.get().id()).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(ids.containsAll(Set.of("ecommerce", "publishers")), ids.toString());
    }

    @Test
    void theEcommercePackHoldsExactlyThePublishedFigures() {
        BenchmarkPack pack = ecommerce();
        assertEquals("ecommerce", pack.id());
        assertEquals("2026.11", pack.version());
        assertEquals("persession", pack.vendor());
        List<Figure> expected = ecommerceFigures();
        assertEquals(expected.size(), pack.entries().size(), "no entry more, none less");
        for (Figure x : expected) {
            String what = x.metric + "/" + x.segment;
            BenchmarkEntry e = pack.entries().stream().filter(en -> en.metric().equals(x.metric) && en.segment().equals(x.segment)).findFirst()
                    .orElseThrow(() -> new AssertionError("missing " + what));
            assertEquals(BenchmarkEntry.Kind.FIGURE, e.kind(), what);
            assertEquals(x.statistics.keySet(), e.statistics().keySet(), what);
            x.statistics.forEach((s, v) -> assertEquals(0, v.compareTo(e.statistics().get(s)), what + " " + s.code() + ": " + e.statistics()));
            assertEquals(x.basis, e.basis(), what);
            assertEquals(x.currency, e.currency(), what);
            assertEquals(x.tax, e.taxIncluded(), what + " tax");
            assertNull(e.shippingIncluded(), what + ": no source states shipping");
            assertNull(e.refundsNetted(), what + ": no source states refunds");
            assertEquals(x.period, e.period(), what);
            assertEquals(x.flag, e.verification(), what);
            assertEquals(x.url, e.sourceUrl(), what);
            assertEquals(RETRIEVED, e.retrieved(), what);
        }
    }

    @Test
    void derivedFiguresGiveTheirFormulaAndFollowFromAPublishedOne() {
        for (BenchmarkEntry d : ecommerce().entries()) {
            if (d.verification() != Verification.D) {
                continue;
            }
            assertEquals("session_rpm", d.metric(), "the only derived figures are session RPMs");
            BenchmarkEntry rps = ecommerce().entry("revenue_per_session", d.segment()).orElseThrow();
            assertTrue(rps.verification() == Verification.V || rps.verification() == Verification.V2, rps.toString());
            BigDecimal mean = rps.statistic(Statistic.MEAN).orElseThrow();
            assertEquals(0, mean.movePointRight(3).compareTo(d.statistic(Statistic.MEAN).orElseThrow()), d.toString());
            assertEquals(rps.basis(), d.basis());
            assertEquals(rps.currency(), d.currency());
            assertEquals(rps.period(), d.period());
            assertEquals(rps.sourceUrl(), d.sourceUrl());
            assertTrue(d.note().startsWith("Derived: session_rpm = revenue_per_session x 1000 = " + mean.toPlainString() + " x 1000"), d.note());
        }
    }

    @Test
    void irpsCaveatIsStatedOnItsRevenuePerSession() {
        BenchmarkEntry rps = ecommerce().entry("revenue_per_session", "uk-all").orElseThrow();
        assertTrue(rps.note().contains("CR x AOV = 0.0162 x 92.29 = 1.4951 is +22.5% over this published mean"), rps.note());
        assertEquals(0, new BigDecimal("0.0162").multiply(new BigDecimal("92.29")).compareTo(new BigDecimal("1.495098")));
        assertEquals("22.5", new BigDecimal("1.495098").divide(new BigDecimal("1.22"), 6, java.math.RoundingMode.HALF_EVEN)
                .subtract(BigDecimal.ONE).movePointRight(2).setScale(1, java.math.RoundingMode.HALF_EVEN).toPlainString());
        assertTrue(rps.note().contains("Prior year: £1.30"), rps.note());
        assertEquals("if a visitor comes back 3 times it is 3 sessions", rps.quote());
    }

    @Test
    void oberlosFiguresAreReadButTheirStudyIsNotVerified() {
        List<BenchmarkEntry> aov = ecommerce().entries().stream().filter(e -> OBERLO.equals(e.sourceUrl())).collect(Collectors.toList());
        assertEquals(8, aov.size());
        for (BenchmarkEntry e : aov) {
            assertEquals(Verification.V, e.verification());
            assertEquals(Verification.U, e.underlyingVerification().orElseThrow());
            assertTrue(e.note().contains("Data not yet verified") && e.note().contains("swing by up to 6x"), e.note());
        }
    }

    @Test
    void thePublishersPackHoldsDefinitionsRatiosRangesAndWhatIsNotPublished() {
        BenchmarkPack pack = publishers();
        assertEquals("publishers", pack.id());
        Map<String, BenchmarkEntry> byKey = new LinkedHashMap<>();
        for (BenchmarkEntry e : pack.entries()) {
            byKey.put(e.metric() + "/" + e.segment() + "/" + e.kind().code(), e);
            assertEquals(RETRIEVED, e.retrieved());
            assertTrue(e.statistics().isEmpty(), "no publisher figure is a distribution statistic: " + e);
        }
        assertEquals(List.of("session_rpm/mediavine/definition", "session_rpm/raptive/definition", "session_rpm/raptive/relative",
                "session_rpm/ezoic/definition", "page_rpm/adsense/definition", "fill_rate/adsense/definition", "fill_rate/google-ad-manager/definition",
                "session_rpm/display-ad-publishers/relative", "page_rpm/makerneo-range-1/range", "page_rpm/makerneo-range-2/range",
                "page_rpm/makerneo-range-3/range", "page_rpm/makerneo-range-4/range", "page_rpm/makerneo-range-5/range",
                "session_rpm/by-niche/not_published"), List.copyOf(byKey.keySet()));

        assertEquals("earnings / sessions x 1000", byKey.get("session_rpm/mediavine/definition").definition());
        assertEquals("https://www.mediavine.com/what-is-rpm", byKey.get("session_rpm/mediavine/definition").sourceUrl());
        assertEquals("https://help.raptive.com/hc/en-us/articles/115003028106", byKey.get("session_rpm/raptive/definition").sourceUrl());
        BenchmarkEntry epmv = byKey.get("session_rpm/ezoic/definition");
        assertEquals(Basis.USER, epmv.basis(), "EPMV divides by visitors");
        assertEquals("also known as Session Revenue", epmv.quote());
        assertEquals("https://support.ezoic.com/kb/article/what-is-epmv", epmv.sourceUrl());
        assertTrue(byKey.get("page_rpm/adsense/definition").definition().contains("PAGE_VIEWS_RPM"));
        assertEquals("https://support.google.com/admanager/answer/7304688", byKey.get("fill_rate/google-ad-manager/definition").sourceUrl());
        assertEquals("https://support.google.com/adsense/answer/92360", byKey.get("fill_rate/adsense/definition").sourceUrl());
        assertTrue(byKey.get("fill_rate/adsense/definition").definition().contains("Coverage"));

        BenchmarkEntry ratio = byKey.get("session_rpm/raptive/relative");
        assertEquals(BenchmarkEntry.Relation.of("page_rpm", BenchmarkEntry.Direction.HIGHER, null), ratio.relation().orElseThrow());
        assertEquals(BenchmarkEntry.Range.of(new BigDecimal("0.20"), new BigDecimal("0.25")), ratio.range().orElseThrow());
        assertEquals("tends to be 20-25% higher", ratio.quote());
        assertEquals("https://help.raptive.com/hc/en-us/articles/115003028126", ratio.sourceUrl());

        BenchmarkEntry q1 = byKey.get("session_rpm/display-ad-publishers/relative");
        assertEquals(BenchmarkEntry.Relation.of("session_rpm", BenchmarkEntry.Direction.LOWER, "Q4"), q1.relation().orElseThrow());
        assertEquals("Q1", q1.period());
        assertEquals(BenchmarkEntry.Range.of(new BigDecimal("0.30"), new BigDecimal("0.50")), q1.range().orElseThrow());
        assertEquals("https://www.mediavine.com/q1-ad-revenue-slump/", q1.sourceUrl());

        String[][] ranges = {{"0.2", "1"}, {"1", "3"}, {"3", "8"}, {"8", "15"}, {"15", "50"}};
        for (int i = 0; i < ranges.length; i++) {
            BenchmarkEntry r = byKey.get("page_rpm/makerneo-range-" + (i + 1) + "/range");
            assertEquals(BenchmarkEntry.Range.of(new BigDecimal(ranges[i][0]), new BigDecimal(ranges[i][1])), r.range().orElseThrow());
            assertEquals(Verification.U, r.verification(), "makerneo gives no data source");
            assertEquals("Data not yet verified", r.verification().label());
            assertEquals("USD", r.currency());
            assertEquals(Basis.PAGEVIEW, r.basis());
            assertNull(r.period());
        }
        assertTrue(byKey.get("page_rpm/makerneo-range-5/range").note().contains("50+"));

        BenchmarkEntry none = byKey.get("session_rpm/by-niche/not_published");
        assertNull(none.verification());
        assertTrue(none.note().startsWith("No median session RPM (or EPMV) by niche is published"), none.note());
        assertEquals(none, pack.entry("session_rpm", "by-niche").orElseThrow(), "looking up the niche figure finds the statement why there is none");
        assertEquals(BenchmarkEntry.Kind.DEFINITION, pack.entry("session_rpm", "raptive").orElseThrow().kind(),
                "without a figure, entry() returns the first other entry");
    }

    /** Every number, URL and the retrieved date of both packs occur in SOURCES.md (nothing invented). */
    @Test
    void everyPublishedNumberAndUrlOccursInSourcesMd() throws IOException {
        assumeTrue(Files.isRegularFile(SOURCES), SOURCES + " is absent");
        String sources = Files.readString(SOURCES);
        assertTrue(sources.contains("retrieved " + RETRIEVED), "SOURCES.md gives the retrieved date");
        List<String> missing = new ArrayList<>();
        for (BenchmarkPack pack : List.of(ecommerce(), publishers())) {
            for (BenchmarkEntry e : pack.entries()) {
                if (e.sourceUrl() != null && !sources.contains(e.sourceUrl().replaceAll("/$", ""))) {
                    missing.add(e + ": URL " + e.sourceUrl());
                }
                if (e.verification() == Verification.D) {
                    continue; // derived, checked against its published figure above
                }
                for (BigDecimal v : e.statistics().values()) {
                    if (!occurs(sources, v, e)) {
                        missing.add(e + ": " + v.toPlainString());
                    }
                }
                e.range().ifPresent(r -> {
                    if (!occursRange(sources, r, e)) {
                        missing.add(e + ": range " + r);
                    }
                });
            }
        }
        assertTrue(missing.isEmpty(), "not in SOURCES.md:\n" + String.join("\n", missing));
    }

    private static boolean occurs(String sources, BigDecimal v, BenchmarkEntry e) {
        String plain = v.stripTrailingZeros().toPlainString();
        if (e.metric().equals("conversion_rate") || e.metric().equals("fill_rate")) {
            return sources.contains(v.movePointRight(2).stripTrailingZeros().toPlainString() + "%");
        }
        String symbol = "GBP".equals(e.currency()) ? "£" : "USD".equals(e.currency()) ? "$" : "";
        return sources.contains(symbol + plain);
    }

    private static boolean occursRange(String sources, BenchmarkEntry.Range r, BenchmarkEntry e) {
        String lo = r.low().stripTrailingZeros().toPlainString();
        String hi = r.high().stripTrailingZeros().toPlainString();
        if (e.kind() == BenchmarkEntry.Kind.RELATIVE) {
            String loP = r.low().movePointRight(2).stripTrailingZeros().toPlainString();
            String hiP = r.high().movePointRight(2).stripTrailingZeros().toPlainString();
            return sources.contains(loP + "-" + hiP + "%") || sources.contains(loP + "%") && sources.contains(hiP + "%");
        }
        return sources.contains("$" + lo + "-" + hi);
    }

    @Test
    void everyEntryHasItsProvenanceFields() {
        for (BenchmarkPack pack : List.of(ecommerce(), publishers())) {
            for (BenchmarkEntry e : pack.entries()) {
                assertEquals(RETRIEVED, e.retrieved(), e.toString());
                if (e.kind() == BenchmarkEntry.Kind.NOT_PUBLISHED) {
                    continue;
                }
                assertNotNull(e.sourceTitle(), e.toString());
                assertNotNull(e.publisher(), e.toString());
                assertNotNull(e.verification(), e.toString());
                assertFalse(e.note() == null || e.note().isBlank(), "every built-in entry explains itself: " + e);
            }
        }
    }
}

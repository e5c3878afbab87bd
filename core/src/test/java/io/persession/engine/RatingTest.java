package io.persession.engine;

import io.persession.spi.Basis;
import io.persession.spi.BenchmarkEntry;
import io.persession.spi.BenchmarkPack;
import io.persession.spi.Statistic;
import io.persession.spi.Verification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import static io.persession.engine.RatingFixtures.d;
import static io.persession.engine.RatingFixtures.entry;
import static io.persession.engine.RatingFixtures.figures;
import static io.persession.engine.RatingFixtures.pack;
import static io.persession.engine.RatingFixtures.quartiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seed's rule (DESIGN.md "Rating, scenarios, leverage"; SOURCES.md "Labelling"), edge by edge. */
class RatingTest {
    private static final BenchmarkEntry QUARTILES = quartiles("uk-all");
    private static final BenchmarkPack PACK = pack(QUARTILES);

    private static Rating rate(BenchmarkEntry e, String value) {
        return Rating.rate(pack(e), e, d(value), "USD");
    }

    private static Rating.Label label(BenchmarkEntry e, String value) {
        Rating r = rate(e, value);
        return r.label().orElseThrow(() -> new AssertionError("not rated: " + r.reason()));
    }

    private static void assertContains(String text, String... parts) {
        for (String p : parts) {
            assertTrue(text.contains(p), "'" + p + "' not in: " + text);
        }
    }

    // ---- the edges with p25 and p50 ----

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "2.00, STRONG",      // exactly the median
            "2.000001, STRONG",
            "9.99, STRONG",
            "1.999999, AVERAGE", // a hair below the median
            "1.75, AVERAGE",
            "1.50, AVERAGE",     // exactly the low bound (p25)
            "1.499999, LOW",     // a hair below the low bound
            "0, LOW",
            "-0.50, LOW"})       // net revenue can be negative (refunds)
    void labelEdgesWithQuartiles(String value, Rating.Label expected) {
        assertEquals(expected, label(QUARTILES, value));
        Rating r = rate(QUARTILES, value);
        assertNull(r.reason());
        assertFalse(r.derivedBand(), "p25 is the low bound");
        assertEquals("p25", r.lowBoundRule());
        assertEquals(Optional.of(Statistic.P50), r.centreStatistic());
        assertEquals(0, d("1.50").compareTo(r.lowBound().orElseThrow()));
        assertEquals(0, d("2.00").compareTo(r.centre().orElseThrow()));
        assertEquals(expected.text(), r.labelText().orElseThrow(), "no markers with p25 and a median");
    }

    @Test
    void theLabelTextsSayWhy() {
        assertEquals("Strong: revenue per session USD 2.00 is at or above the median (p50) USD 2.00.", rate(QUARTILES, "2.00").text());
        assertEquals("Average: revenue per session USD 1.50 is below the median (p50) USD 2.00 but at or above the low bound USD 1.50 (p25).",
                rate(QUARTILES, "1.50").text());
        assertEquals("Low: revenue per session USD 1.00 is below the low bound USD 1.50 (p25); the median (p50) is USD 2.00.",
                rate(QUARTILES, "1.00").text());
    }

    // ---- derived band, mean ----

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"2.00, STRONG", "1.50, AVERAGE", "1.499999, LOW"})
    void withoutP25TheLowBoundIsTheDefaultBandTimesTheMedian(String value, Rating.Label expected) {
        BenchmarkEntry median = entry("revenue_per_session", "s").statistic(Statistic.P50, d("2.00")).build();
        Rating r = rate(median, value);
        assertEquals(expected, r.label().orElseThrow());
        assertTrue(r.derivedBand());
        assertEquals(0, Rating.DEFAULT_BAND.compareTo(r.band().orElseThrow()));
        assertEquals(0, d("1.50").compareTo(r.lowBound().orElseThrow()), "0.75 x 2.00");
        assertEquals(expected.text() + " (derived band)", r.labelText().orElseThrow());
        assertEquals("derived band 0.75 x median (p50)", r.lowBoundRule());
    }

    @Test
    void theEntrysOwnBandReplacesTheDefault() {
        BenchmarkEntry e = entry("revenue_per_session", "s").statistic(Statistic.P50, d("2.00")).band(d("0.8")).build();
        assertEquals(0, d("1.60").compareTo(rate(e, "1.60").lowBound().orElseThrow()));
        assertEquals(Rating.Label.AVERAGE, label(e, "1.60"));
        assertEquals(Rating.Label.LOW, label(e, "1.599999"));
        assertEquals("derived band 0.8 x median (p50)", rate(e, "1.6").lowBoundRule());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"1.22, STRONG", "0.915, AVERAGE", "0.914999, LOW"})
    void aMeanIsTheCentreWhenThereIsNoMedianAndTheLabelSaysSo(String value, Rating.Label expected) {
        // IRP Commerce publishes a mean revenue per visit of GBP 1.22, no median
        BenchmarkEntry mean = entry("revenue_per_session", "uk-all").currency("GBP").statistic(Statistic.MEAN, d("1.22")).build();
        Rating r = Rating.rate(pack(mean), mean, d(value), "GBP");
        assertEquals(expected, r.label().orElseThrow());
        assertTrue(r.centreIsMean());
        assertEquals(Optional.of(Statistic.MEAN), r.centreStatistic());
        assertEquals(0, d("0.915").compareTo(r.lowBound().orElseThrow()), "0.75 x 1.22");
        assertEquals(expected.text() + " (derived band; centre is a mean)", r.labelText().orElseThrow());
        assertEquals("derived band 0.75 x mean", r.lowBoundRule());
        assertContains(r.text(), "mean", "derived band");
        assertTrue(r.caveats().stream().anyMatch(c -> c.contains("centre is a mean, not a median")), r.caveats().toString());
    }

    @Test
    void p25WithAMeanButNoMedian() {
        BenchmarkEntry e = entry("revenue_per_session", "s").statistic(Statistic.P25, d("1.00")).statistic(Statistic.MEAN, d("2.00")).build();
        Rating r = rate(e, "1.00");
        assertEquals(Rating.Label.AVERAGE, r.label().orElseThrow());
        assertFalse(r.derivedBand());
        assertTrue(r.centreIsMean());
        assertEquals("Average (centre is a mean)", r.labelText().orElseThrow());
    }

    @Test
    void aMedianIsPreferredToAMean() {
        BenchmarkEntry e = entry("revenue_per_session", "s").statistic(Statistic.P50, d("2.00")).statistic(Statistic.MEAN, d("3.00")).build();
        assertEquals(Rating.Label.STRONG, label(e, "2.00"));
        assertFalse(rate(e, "2.00").centreIsMean());
    }

    // ---- what the result states ----

    @Test
    void theResultNamesPackSegmentMetricStatisticPeriodSourceAndFlag() {
        Rating r = Rating.rate(PACK, QUARTILES, d("2.40"), "USD");
        assertEquals(RatingFixtures.PACK, r.packId());
        assertEquals("2026.11", r.packVersion());
        assertEquals("Fixture pack", r.packTitle());
        assertEquals("uk-all", r.segment());
        assertEquals("revenue_per_session", r.metric());
        assertEquals(Statistic.P50, r.centreStatistic().orElseThrow());
        assertEquals("Aug 2022", r.entry().period());
        assertEquals("Fixture Market Data", r.entry().sourceTitle());
        assertEquals("Fixture Publisher", r.entry().publisher());
        assertEquals("https://example.org/fixture", r.entry().sourceUrl());
        assertEquals(Verification.V, r.entry().verification());
        assertEquals(0, d("2.40").compareTo(r.value().orElseThrow()));
        assertEquals("USD", r.currency());
        assertTrue(r.comparable());
        assertEquals(0, d("3.00").compareTo(r.p75().orElseThrow()));
        assertTrue(r.toString().contains("Strong"), r.toString());
    }

    @Test
    void unverifiedFiguresSayDataNotYetVerified() {
        BenchmarkEntry u = entry("revenue_per_session", "s").statistic(Statistic.P50, d("2.00")).verification(Verification.U).build();
        Rating r = rate(u, "2.00");
        assertEquals(Rating.Label.STRONG, r.label().orElseThrow(), "an unverified figure is still rated, and says so");
        assertTrue(r.caveats().contains("Data not yet verified"), r.caveats().toString());
        assertEquals("Data not yet verified", r.entry().verification().label());
    }

    @Test
    void derivedFiguresSayHow() {
        BenchmarkEntry dEntry = entry("revenue_per_session", "s").statistic(Statistic.MEAN, d("1.50")).verification(Verification.D)
                .note("CR x AOV = 0.0162 x 92.29").build();
        assertTrue(rate(dEntry, "2").caveats().contains("derived, not published: CR x AOV = 0.0162 x 92.29"), rate(dEntry, "2").caveats().toString());
    }

    @Test
    void taxShippingAndRefundsOfTheBenchmarkAreCaveats() {
        BenchmarkEntry e = entry("revenue_per_session", "s").statistic(Statistic.P50, d("2.00")).taxIncluded(true).shippingIncluded(true)
                .refundsNetted(false).build();
        List<String> c = rate(e, "2").caveats();
        assertTrue(c.stream().anyMatch(s -> s.contains("includes tax")), c.toString());
        assertTrue(c.stream().anyMatch(s -> s.contains("includes shipping")), c.toString());
        assertTrue(c.stream().anyMatch(s -> s.contains("does not net refunds")), c.toString());
        assertTrue(rate(QUARTILES, "2").caveats().isEmpty(), "no caveat when there is nothing to say");
    }

    // ---- basis ----

    @Test
    void aVisitBasisIsComparableWithSessionsAndSaysSo() {
        BenchmarkEntry visit = entry("revenue_per_session", "global").basis(Basis.VISIT).statistic(Statistic.MEAN, d("2.48")).build();
        Rating r = rate(visit, "2.48");
        assertEquals(Rating.Label.STRONG, r.label().orElseThrow());
        assertTrue(r.caveats().stream().anyMatch(c -> c.contains("counts visits")), r.caveats().toString());
    }

    @Test
    void aUserBasisIsNeverComparedWithAPerSessionMetric() {
        BenchmarkEntry user = entry("revenue_per_session", "s").basis(Basis.USER).statistic(Statistic.P50, d("2.00")).build();
        Rating r = rate(user, "5.00");
        assertTrue(r.label().isEmpty());
        assertFalse(r.comparable());
        assertContains(r.reason(), "per user", "per session", "not comparable", "revenue_per_visitor");
        assertEquals("Not rated: " + r.reason() + ".", r.text());
        assertTrue(r.labelText().isEmpty());
        assertNull(r.lowBoundRule());

        BenchmarkEntry cr = entry("conversion_rate", "s").basis(Basis.USER).statistic(Statistic.MEAN, d("0.0295")).build();
        assertTrue(Rating.rate(pack(cr), cr, d("0.05"), null).label().isEmpty(), "Dynamic Yield's per-user conversion vs session conversion");
    }

    @ParameterizedTest(name = "{0} on basis {1}: comparable {2}")
    @CsvSource({
            "revenue_per_session, SESSION, true", "revenue_per_session, VISIT, true", "revenue_per_session, PAGEVIEW, false",
            "revenue_per_session, AD_REQUEST, false", "session_rpm, SESSION, true", "session_rpm, USER, false",
            "conversion_rate, SESSION, true", "conversion_rate, VISIT, true", "conversion_rate, USER, false",
            "page_rpm, PAGEVIEW, true", "page_rpm, SESSION, false",
            "revenue_per_visitor, USER, true", "revenue_per_visitor, SESSION, false", "revenue_per_visitor, VISIT, false",
            "sessions_per_visitor, USER, true",
            "fill_rate, AD_REQUEST, true", "fill_rate, PAGEVIEW, false",
            "average_order_value, SESSION, true", "average_order_value, USER, true", "average_order_value, VISIT, true"})
    void basisMatchesTheUsersMetric(String metric, Basis basis, boolean comparable) {
        BenchmarkEntry e = entry(metric, "s").basis(basis).statistic(Statistic.P50, d("1")).build();
        Rating r = Rating.rate(pack(e), e, d("1"), "USD");
        assertEquals(comparable, r.comparable(), r.toString());
        assertEquals(comparable, r.label().isPresent(), r.toString());
        if (!comparable) {
            assertContains(r.reason(), "basis '" + basis.code() + "'", "not comparable");
        }
    }

    // ---- currency ----

    @Test
    void aDifferentCurrencyIsNotRatedAndTheReasonSaysHowToConvert() {
        BenchmarkEntry gbp = entry("revenue_per_session", "uk").currency("GBP").statistic(Statistic.MEAN, d("1.22")).build();
        Rating r = Rating.rate(pack(gbp), gbp, d("2.40"), "USD");
        assertTrue(r.label().isEmpty());
        assertFalse(r.comparable());
        assertContains(r.reason(), "GBP", "USD", "never compares across currencies", "--currency GBP --fx USD=RATE");
    }

    @Test
    void revenueWithoutACurrencyIsNotRatedAgainstMoney() {
        Rating r = Rating.rate(PACK, QUARTILES, d("2.40"), null);
        assertTrue(r.label().isEmpty());
        assertContains(r.reason(), "no currency", "--currency USD");
    }

    @Test
    void aMoneyBenchmarkWithoutACurrencyIsNotRated() {
        BenchmarkEntry e = BenchmarkEntry.builder("revenue_per_session", "s").statistic(Statistic.P50, d("2")).verification(Verification.V).build();
        assertContains(Rating.rate(pack(e), e, d("2"), "USD").reason(), "states no currency");
    }

    @Test
    void ratiosNeedNoCurrency() {
        BenchmarkEntry cr = entry("conversion_rate", "s").statistic(Statistic.P50, d("0.03")).build();
        Rating r = Rating.rate(pack(cr), cr, d("0.02"), null);
        assertEquals(Rating.Label.LOW, r.label().orElseThrow(), "0.02 < 0.75 x 0.03 = 0.0225");
        assertEquals("Low (derived band): conversion rate 2.0% is below the low bound 2.25% (derived band: 0.75 x the median (p50)); the median (p50) is 3.0%.",
                r.text());
    }

    // ---- nothing to rate against ----

    @Test
    void aDefinitionOnlyEntryGivesItsNoteAsTheReason() {
        BenchmarkEntry def = entry("session_rpm", "publishers").note("no median is published; Session RPM = earnings / sessions x 1000").build();
        Rating r = rate(def, "2400");
        assertTrue(r.label().isEmpty());
        assertContains(r.reason(), "no figure to rate against", "no median is published");
        BenchmarkEntry bare = entry("session_rpm", "publishers").build();
        assertContains(rate(bare, "2400").reason(), "definition only");
    }

    @Test
    void entriesThatAreNotFiguresAreShownNotRated() {
        BenchmarkEntry range = entry("page_rpm", "pub").kind(BenchmarkEntry.Kind.RANGE).basis(Basis.PAGEVIEW)
                .range(BenchmarkEntry.Range.of(d("3"), d("8"))).verification(Verification.U).build();
        assertContains(rate(range, "5").reason(), "a range 3 to 8 USD", "not a median or a mean", "not rated");
        assertTrue(rate(range, "5").label().isEmpty());
        BenchmarkEntry relative = entry("session_rpm", "pub").kind(BenchmarkEntry.Kind.RELATIVE).currency(null)
                .relation(BenchmarkEntry.Relation.of("page_rpm", BenchmarkEntry.Direction.HIGHER, null))
                .range(BenchmarkEntry.Range.of(d("0.20"), d("0.25"))).build();
        assertContains(rate(relative, "5").reason(), "compares session_rpm with page_rpm", "not a figure to rate against");
        BenchmarkEntry definition = entry("session_rpm", "pub").kind(BenchmarkEntry.Kind.DEFINITION).currency(null)
                .definition("earnings / sessions x 1000").build();
        assertContains(rate(definition, "5").reason(), "a definition, earnings / sessions x 1000");
        BenchmarkEntry none = BenchmarkEntry.builder("session_rpm", "pub").kind(BenchmarkEntry.Kind.NOT_PUBLISHED)
                .note("no network publishes a median by niche").build();
        Rating r = rate(none, "5");
        assertContains(r.reason(), "none is published", "no network publishes a median by niche");
        assertTrue(r.caveats().isEmpty(), "no flag, no caveat");
    }

    @Test
    void theFigureOfAMetricIsPreferredToItsOtherEntries() {
        BenchmarkEntry definition = entry("revenue_per_session", "shop").kind(BenchmarkEntry.Kind.DEFINITION).definition("revenue / sessions").build();
        Ratings r = Ratings.of(pack(definition, quartiles("shop")), "shop", figures(10, "30", "USD"));
        assertEquals(Rating.Label.STRONG, r.headline().orElseThrow().label().orElseThrow());
        Ratings onlyDefinition = Ratings.of(pack(definition), "shop", figures(10, "30", "USD"));
        assertContains(onlyDefinition.headline().orElseThrow().reason(), "a definition");
    }

    @Test
    void aFigureReadExactlyButWithoutAStudyBehindItSaysDataNotYetVerified() {
        BenchmarkEntry e = entry("average_order_value", "fashion").statistic(Statistic.MEAN, d("196")).verification(Verification.V)
                .underlyingVerification(Verification.U).build();
        Rating r = rate(e, "200");
        assertEquals(Rating.Label.STRONG, r.label().orElseThrow());
        assertTrue(r.caveats().stream().anyMatch(c -> c.startsWith("Data not yet verified")), r.caveats().toString());
    }

    @Test
    void anEntryWithoutMedianOrMeanIsNotRated() {
        BenchmarkEntry top = entry("conversion_rate", "shopify").statistic(Statistic.P80, d("0.032")).statistic(Statistic.P90, d("0.047")).build();
        Rating r = Rating.rate(pack(top), top, d("0.05"), "USD");
        assertTrue(r.label().isEmpty());
        assertContains(r.reason(), "neither a median (p50) nor a mean", "p80, p90");
    }

    @Test
    void aMetricPersessionDoesNotComputeIsShownNotRated() {
        BenchmarkEntry epmv = entry("epmv", "publishers").statistic(Statistic.P50, d("20")).build();
        assertContains(rate(epmv, "1").reason(), "does not compute 'epmv'");
    }

    @Test
    void anUndefinedValueIsComparableButNotRated() {
        BenchmarkEntry page = entry("page_rpm", "p").basis(Basis.PAGEVIEW).statistic(Statistic.P50, d("10")).build();
        Rating r = Rating.rate(pack(page), page, figures(100, "50", "USD"));
        assertTrue(r.label().isEmpty());
        assertTrue(r.comparable(), "the benchmark is fine; the user's figure is missing");
        assertContains(r.reason(), "page_rpm is undefined", "pageviews unknown");
        Figures noPages = Figures.builder(100, d("50")).currency("USD").pageviews(0L).build();
        assertContains(Rating.rate(pack(page), page, noPages).reason(), "no pageviews");
    }

    @Test
    void ratesFromFigures() {
        Rating r = Rating.rate(PACK, QUARTILES, figures(5000, "12000", "USD"));
        assertEquals(Rating.Label.STRONG, r.label().orElseThrow(), "2.40 >= 2.00");
        assertEquals(0, d("2.40").compareTo(r.value().orElseThrow()));
    }

    @ParameterizedTest
    @EnumSource(Rating.Label.class)
    void labelsHaveText(Rating.Label l) {
        assertEquals(l.name().charAt(0) + l.name().substring(1).toLowerCase(java.util.Locale.ROOT), l.text());
    }

    // ---- a pack segment ----

    @Test
    void ratingsOfASegmentInMetricOrderWithTheHeadline() {
        BenchmarkEntry aov = entry("average_order_value", "shop").statistic(Statistic.MEAN, d("100")).build();
        BenchmarkEntry rpm = entry("session_rpm", "shop").statistic(Statistic.P50, d("2000")).build();
        BenchmarkEntry rps = quartiles("shop");
        BenchmarkEntry other = entry("epmv", "shop").statistic(Statistic.P50, d("1")).build();
        BenchmarkEntry elsewhere = quartiles("elsewhere");
        BenchmarkEntry second = entry("revenue_per_session", "shop").statistic(Statistic.P50, d("99")).build();
        BenchmarkPack p = pack(aov, other, elsewhere, rpm, rps, second);
        Ratings ratings = Ratings.of(p, "shop", Figures.of(RatingFixtures.shop().build()));
        assertEquals(List.of("revenue_per_session", "session_rpm", "average_order_value", "epmv"), List.copyOf(ratings.all().keySet()));
        assertEquals("revenue_per_session", ratings.headline().orElseThrow().metric());
        assertEquals(0, d("2.00").compareTo(ratings.get("revenue_per_session").orElseThrow().centre().orElseThrow()),
                "the first entry of a metric counts");
        assertEquals("shop", ratings.segment());
        assertEquals(p, ratings.pack());

        Ratings rpmOnly = Ratings.of(pack(rpm), "shop", Figures.of(RatingFixtures.shop().build()));
        assertEquals("session_rpm", rpmOnly.headline().orElseThrow().metric());
        assertTrue(Ratings.of(pack(aov), "shop", Figures.of(RatingFixtures.shop().build())).headline().isEmpty());
    }

    @Test
    void anUnknownSegmentListsTheSegments() {
        BenchmarkPack p = pack(quartiles("uk-all"), quartiles("uk-sports"));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Ratings.of(p, "uk", figures(1, "1", "USD")));
        assertEquals("benchmark pack 'fixture-pack' has no segment 'uk'; its segments: uk-all, uk-sports", e.getMessage());
    }

    @Test
    void theDefaultBandIsThreeQuarters() {
        assertEquals(0, new BigDecimal("0.75").compareTo(Rating.DEFAULT_BAND));
    }
}

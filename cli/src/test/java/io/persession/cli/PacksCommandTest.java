package io.persession.cli;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code persession packs} in-process, on the built-in packs (and the CLI tests' own {@code test-pack}).
 * Vendor jars, duplicates and broken packs are run through the real launcher by the
 * {@code examples/acme-benchmark-pack} integration test.
 */
class PacksCommandTest {
    private static void has(Cli.Result r, String line) {
        assertTrue(r.out().lines().anyMatch(line::equals), () -> "missing line\n" + line + "\n" + r.describe());
    }

    @Test
    void listsEachPackWithVersionVendorTitleJarAndSegments() {
        Cli.Result r = Cli.run("packs").assertOk();
        has(r, "ecommerce 2026.11: E-commerce: revenue per session, conversion rate and order value (published figures)");
        has(r, "publishers 2026.11: Publishers: session RPM, page RPM and fill rate (definitions and structural ratios)");
        has(r, "  vendor: persession");
        List<String> from = r.out().lines().filter(l -> l.startsWith("  from:   ")).collect(Collectors.toList());
        assertTrue(from.stream().anyMatch(l -> l.contains("benchmarks")), "the jar (or folder) each pack came from: " + from);
        assertTrue(r.out().contains("  segments: uk-all, uk-sports-recreation, uk-health-wellbeing, global, all-industries, food-beverage, "), r.describe());
        has(r, "  uk-all: UK, all IRP Commerce markets");
        has(r, "  by-niche: By niche");
    }

    @Test
    void showsEveryEntryWithStatisticsBasisPeriodAndFlag() {
        Cli.Result r = Cli.run("packs", "ecommerce", "publishers").assertOk();
        has(r, "    revenue_per_session  mean 1.22 GBP, per session, tax included, Aug 2022; V [1]");
        has(r, "    session_rpm          mean 1220 GBP, per session, tax included, Aug 2022; D (derived, not published) [1]");
        has(r, "    conversion_rate      mean 1.62%, per session, Aug 2022; V [1]");
        has(r, "    average_order_value  mean 92.29 GBP, per order, tax included, Aug 2022; V [1]");
        has(r, "    revenue_per_session  mean 2.48 USD, per visit, a Q1, year not shown; V [4]");
        has(r, "    conversion_rate      mean 6.22%, per user, 12 months, ~2025; V2 [5]");
        has(r, "    conversion_rate      p80 3.2%, p90 4.7%, mean 1.4%, per session, 2023 data; V2 [8]");
        has(r, "    conversion_rate      mean 2.3%, per session, 2021 data, sample 46B sessions; V2 [9]");
        has(r, "    average_order_value  mean 436 USD, per order, Sep 2024; V (underlying data: Data not yet verified) [6]");
        has(r, "    session_rpm  definition: earnings / sessions x 1000, per session; V [1]");
        has(r, "    session_rpm  20% to 25% higher than page_rpm, per session; V [3]");
        has(r, "    session_rpm  30% to 50% lower than session_rpm in Q4, per session, Q1; V [8]");
        has(r, "    fill_rate    definition: total impressions / total ad requests (Total fill rate), per ad request; V [7]");
        has(r, "    page_rpm     range 0.2 to 1 USD, per pageview; Data not yet verified [9]");
        has(r, "    page_rpm     range 15 to 50 USD, per pageview; Data not yet verified [9]");
        has(r, "    session_rpm  not published, per session; no figure to verify");
        assertTrue(r.out().contains("  note: No median session RPM (or EPMV) by niche is published"), "what is not published says why\n" + r.describe());
        assertFalse(r.out().contains(" U [") || r.out().contains("; U"), "U is shown as 'Data not yet verified'\n" + r.describe());
    }

    @Test
    void listsTheSourcesWithUrlAndRetrievedDate() {
        Cli.Result r = Cli.run("packs", "ecommerce", "publishers").assertOk();
        has(r, "  sources:");
        has(r, "    [1] IRP Commerce, Ecommerce Market Data (IRP Commerce), https://www.irpcommerce.com/en/gb/EcommerceMarketData.aspx, "
                + "retrieved 2026-11-22");
        has(r, "    [4] Salesforce Shopping Index (Salesforce), https://sforce.co/3HfzCw0, retrieved 2026-11-22");
        has(r, "    [9] Contentsquare Digital Experience Benchmark 2022 (Contentsquare), no URL recorded, retrieved 2026-11-22");
        has(r, "    [9] makerneo.com, page RPM typical ranges by site type (makerneo.com), no URL recorded, retrieved 2026-11-22");
    }

    @Test
    void notesAreShownOnRequest() {
        Cli.Result plain = Cli.run("packs", "ecommerce").assertOk();
        assertFalse(plain.out().contains("note: Derived: session_rpm"), plain.describe());
        Cli.Result r = Cli.run("packs", "ecommerce", "--notes").assertOk();
        assertTrue(r.out().contains("note: Derived: session_rpm = revenue_per_session x 1000 = 1.22 x 1000"), r.describe());
        assertTrue(r.out().contains("+22.5% over this published mean"), r.describe());
    }

    @Test
    void selectedPacksOnly() {
        Cli.Result r = Cli.run("packs", "publishers").assertOk();
        assertTrue(r.out().startsWith("publishers 2026.11: "), r.describe());
        assertFalse(r.out().contains("ecommerce 2026.11"), r.describe());
    }

    @Test
    void anUnknownPackIsAPluginErrorListingThePacksAndTheNearest() {
        Cli.Result r = Cli.run("packs", "ecommerc").assertFailed(ExitCode.PLUGIN);
        String m = r.message();
        assertTrue(m.startsWith("persession: Unknown benchmark pack 'ecommerc'. Available: ecommerce, publishers"), m);
        assertTrue(m.contains("Did you mean 'ecommerce'?"), m);
    }

    @Test
    void theTopCommandListsPacks() {
        Cli.Result r = Cli.run("--help");
        assertEquals(0, r.code(), r.describe());
        assertTrue(r.out().lines().anyMatch(l -> l.trim().startsWith("packs ") && l.contains("benchmark packs")), r.describe());
    }
}

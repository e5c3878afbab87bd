package io.persession.cli;

import io.persession.engine.BenchmarkPacks;
import io.persession.engine.StandardMetrics;
import io.persession.spi.BenchmarkEntry;
import io.persession.spi.BenchmarkPack;
import io.persession.spi.Metric;
import io.persession.spi.Statistic;
import io.persession.spi.Verification;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * {@code persession packs [ID...]}: the installed benchmark packs (id, version, vendor, title, the jar
 * each came from), their segments, every entry with its statistics, basis, period and flag (U shown as
 * "Data not yet verified"), and the sources. Packs that failed to load are listed with their error, and
 * the exit code is then 4.
 */
@Command(name = "packs", mixinStandardHelpOptions = true,
        description = {"List the installed benchmark packs: id, version, vendor, title, the jar each came from, segments, "
                + "metrics with statistics and flags, and sources.",
                "Packs that fail to load are listed with their error (exit code 4)."})
public final class PacksCommand implements Callable<Integer> {
    private static final Map<String, Metric> METRICS = new LinkedHashMap<>();

    static {
        for (Metric m : StandardMetrics.ALL) {
            METRICS.put(m.id(), m);
        }
    }

    private final Environment environment;

    @Spec
    CommandSpec spec;

    @Mixin
    PluginOptions plugins;

    @Parameters(paramLabel = "ID", arity = "0..*", description = "Only these packs (default: all).")
    List<String> ids = new ArrayList<>();

    @Option(names = "--notes", description = "Also print each entry's note (derivations, caveats); the note of what is not published is always shown.")
    boolean notes;

    @Inject
    PacksCommand(Environment environment) {
        this.environment = Objects.requireNonNull(environment, "environment is null");
    }

    @Override
    public Integer call() {
        Plugins installed = Plugins.load(plugins.folders(environment.variables()));
        BenchmarkPacks packs = BenchmarkPacks.load(installed.benchmarkPacks());
        PrintWriter out = spec.commandLine().getOut();
        List<BenchmarkPacks.Loaded> shown = new ArrayList<>();
        if (ids.isEmpty()) {
            shown.addAll(packs.packs());
        } else {
            for (String id : ids) {
                packs.get(id.trim()); // an unknown or failed id: the plugin error (exit 4)
                shown.add(packs.find(id.trim()).orElseThrow());
            }
        }
        if (shown.isEmpty() && packs.problems().isEmpty()) {
            out.println("No benchmark pack is installed.");
        }
        for (BenchmarkPacks.Loaded l : shown) {
            print(out, l);
        }
        return PluginListing.problems(out, packs.problems());
    }

    private void print(PrintWriter out, BenchmarkPacks.Loaded loaded) {
        BenchmarkPack pack = loaded.pack();
        out.println(pack.id() + " " + pack.version() + ": " + pack.title());
        out.println("  vendor: " + pack.vendor());
        out.println("  from:   " + loaded.source());
        out.println("  segments: " + String.join(", ", pack.segments()));
        Map<String, Integer> sources = new LinkedHashMap<>();
        List<String> sourceLines = new ArrayList<>();
        int width = pack.entries().stream().mapToInt(e -> e.metric().length()).max().orElse(0);
        for (String segment : pack.segments()) {
            out.println("  " + segment + ": " + pack.segmentTitle(segment));
            for (BenchmarkEntry e : pack.entries()) {
                if (!e.segment().equals(segment)) {
                    continue;
                }
                String ref = "";
                if (e.sourceTitle() != null) {
                    String key = e.sourceTitle() + "|" + e.publisher() + "|" + e.sourceUrl();
                    Integer n = sources.get(key);
                    if (n == null) {
                        n = sources.size() + 1;
                        sources.put(key, n);
                        sourceLines.add("    [" + n + "] " + e.sourceTitle() + " (" + e.publisher() + ")"
                                + (e.sourceUrl() == null ? ", no URL recorded" : ", " + e.sourceUrl())
                                + (e.retrieved() == null ? "" : ", retrieved " + e.retrieved()));
                    }
                    ref = " [" + n + "]";
                }
                out.println("    " + pad(e.metric(), width) + "  " + describe(e) + "; " + flag(e) + ref);
                if (e.note() != null && (notes || e.kind() == BenchmarkEntry.Kind.NOT_PUBLISHED)) {
                    out.println("    " + " ".repeat(width) + "  note: " + e.note());
                }
            }
        }
        out.println("  sources:");
        for (String s : sourceLines) {
            out.println(s);
        }
        out.println();
    }

    /** What the entry holds, its basis, terms and period: {@code mean 1.22 GBP per session, tax included, Aug 2022}. */
    static String describe(BenchmarkEntry e) {
        List<String> parts = new ArrayList<>();
        switch (e.kind()) {
            case FIGURE:
                parts.add(statistics(e));
                break;
            case RANGE:
                BenchmarkEntry.Range range = e.range().orElseThrow();
                String high = amount(e, range.high());
                parts.add("range " + (high.endsWith("%") ? percent(range.low()) : plain(range.low())) + " to " + high);
                break;
            case RELATIVE:
                BenchmarkEntry.Relation r = e.relation().orElseThrow();
                String by = e.range().map(x -> percent(x.low()) + " to " + percent(x.high()))
                        .orElseGet(() -> statisticsAsPercent(e));
                parts.add(by + " " + r.direction().code() + " than " + r.metric() + (r.period() == null ? "" : " in " + r.period()));
                break;
            case DEFINITION:
                parts.add("definition: " + e.definition());
                break;
            case NOT_PUBLISHED:
                parts.add("not published");
                break;
            default:
                throw new IllegalStateException("kind " + e.kind());
        }
        StringBuilder terms = new StringBuilder("per " + e.basis().code().replace('_', ' '));
        if (Boolean.TRUE.equals(e.taxIncluded())) {
            terms.append(", tax included");
        } else if (Boolean.FALSE.equals(e.taxIncluded())) {
            terms.append(", tax excluded");
        }
        if (Boolean.TRUE.equals(e.shippingIncluded())) {
            terms.append(", shipping included");
        } else if (Boolean.FALSE.equals(e.shippingIncluded())) {
            terms.append(", shipping excluded");
        }
        if (Boolean.TRUE.equals(e.refundsNetted())) {
            terms.append(", refunds netted");
        } else if (Boolean.FALSE.equals(e.refundsNetted())) {
            terms.append(", refunds not netted");
        }
        if (e.period() != null) {
            terms.append(", ").append(e.period());
        }
        if (e.sample() != null) {
            terms.append(", sample ").append(e.sample());
        }
        parts.add(terms.toString());
        return String.join(", ", parts);
    }

    /** {@code V}, {@code V2}, {@code D (derived)}, {@code Data not yet verified}; and the state of the data behind the source. */
    static String flag(BenchmarkEntry e) {
        Verification v = e.verification();
        String s;
        if (v == null) {
            s = "no figure to verify";
        } else if (v == Verification.U) {
            s = Verification.U.label();
        } else if (v == Verification.D) {
            s = "D (derived, not published)";
        } else {
            s = v.name();
        }
        if (e.underlyingVerification().isPresent()) {
            Verification u = e.underlyingVerification().get();
            s += " (underlying data: " + (u == Verification.U ? u.label() : u.name()) + ")";
        }
        return s;
    }

    private static String statistics(BenchmarkEntry e) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<Statistic, BigDecimal> s : e.statistics().entrySet()) {
            parts.add(s.getKey().code() + " " + amount(e, s.getValue()));
        }
        return String.join(", ", parts);
    }

    private static String statisticsAsPercent(BenchmarkEntry e) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<Statistic, BigDecimal> s : e.statistics().entrySet()) {
            parts.add(s.getKey().code() + " " + percent(s.getValue()));
        }
        return String.join(", ", parts);
    }

    /** As published: a share as a percentage ({@code 1.62%}), money with its currency ({@code 1.22 GBP}), else the number. */
    private static String amount(BenchmarkEntry e, BigDecimal v) {
        Metric m = METRICS.get(e.metric());
        if (m != null && m.unit() == Metric.Unit.RATIO) {
            return percent(v);
        }
        String n = plain(v);
        return e.currency() == null ? n : n + " " + e.currency();
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    private static String percent(BigDecimal share) {
        return share.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}

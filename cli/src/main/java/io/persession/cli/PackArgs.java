package io.persession.cli;

import io.persession.engine.BenchmarkPacks;
import io.persession.engine.Figures;
import io.persession.engine.Insights;
import io.persession.engine.PluginException;
import io.persession.engine.Ratings;
import io.persession.engine.Scenarios;
import io.persession.spi.BenchmarkPack;
import picocli.CommandLine.Option;

import java.math.BigDecimal;
import java.util.function.Function;

/**
 * {@code --pack P --segment S} and {@code --target-rps X | --uplift 15%}: the benchmark to rate against
 * and the user's optimized scenario. A mixin shared by {@code analyze}, {@code compare} and {@code calc}:
 * add {@code @Mixin PackArgs benchmark;}, call {@link #choose(Plugins)} before reading the input (so a
 * wrong pack fails fast) and {@link Choice#insights(Figures)} for each result.
 *
 * <p>Errors: an unknown pack id is a plugin error (exit 4, listing the packs); an unknown segment,
 * {@code --segment} without {@code --pack}, {@code --pack} of a pack with several segments without
 * {@code --segment}, a bad number or both {@code --target-rps} and {@code --uplift} are usage errors
 * (exit 2).
 */
public final class PackArgs {
    @Option(names = "--pack", paramLabel = "ID",
            description = "Benchmark pack to rate against (see 'persession packs'): adds the rating, the benchmark scenario and headroom.")
    String pack;

    @Option(names = "--segment", paramLabel = "SEGMENT",
            description = "Segment of the pack (see 'persession packs'); may be left out when the pack has only one.")
    String segment;

    @Option(names = "--target-rps", paramLabel = "AMOUNT",
            description = "Your target revenue per session (analysis currency) for the optimized scenario, instead of the pack's p75.")
    String targetRps;

    @Option(names = "--uplift", paramLabel = "PERCENT",
            description = "The optimized scenario as an uplift over current revenue per session: --uplift 15%% (or 15).")
    String uplift;

    /**
     * Resolves the pack and segment (none without {@code --pack}) and the target.
     *
     * @throws PluginException  for an unknown pack or one that failed to load (exit 4)
     * @throws UsageException   for an unknown segment or a bad target (exit 2)
     */
    public Choice choose(Plugins installed) {
        return choose(id -> BenchmarkPacks.load(installed.benchmarkPacks()).get(id));
    }

    /** {@link #choose(Plugins)} with the packs by id from {@code packs} (which throws for an unknown id). */
    Choice choose(Function<String, BenchmarkPack> packs) {
        Scenarios.Target target = target();
        if (pack == null) {
            if (segment != null) {
                throw new UsageException("--segment " + segment + " needs --pack: choose a benchmark pack (see 'persession packs')");
            }
            return new Choice(null, null, target);
        }
        BenchmarkPack p = packs.apply(pack.trim());
        try {
            return new Choice(p, Ratings.segment(p, segment), target);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The optimized-scenario target, or {@code null}. */
    Scenarios.Target target() {
        if (targetRps != null && uplift != null) {
            throw new UsageException("give --target-rps or --uplift, not both");
        }
        if (targetRps != null) {
            BigDecimal v = decimal("--target-rps", targetRps, "--target-rps 3.10");
            if (v.signum() < 0) {
                throw new UsageException("--target-rps " + targetRps + " is negative; give a revenue per session of 0 or more, e.g. --target-rps 3.10");
            }
            return Scenarios.Target.revenuePerSession(v);
        }
        if (uplift != null) {
            String u = uplift.trim();
            BigDecimal v = decimal("--uplift", u.endsWith("%") ? u.substring(0, u.length() - 1).trim() : u, "--uplift 15%");
            if (v.signum() <= 0) {
                throw new UsageException("--uplift " + uplift + " must be more than 0%, e.g. --uplift 15%");
            }
            return Scenarios.Target.uplift(v);
        }
        return null;
    }

    /** A plain decimal, or a usage error naming the option. */
    static BigDecimal decimal(String option, String value, String example) {
        try {
            String v = value.trim();
            if (!v.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
                throw new NumberFormatException();
            }
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " '" + value + "' is not a number; give a plain decimal, e.g. " + example);
        }
    }

    /** The chosen pack and segment (both {@code null} without {@code --pack}) and target. */
    public static final class Choice {
        private final BenchmarkPack pack;
        private final String segment;
        private final Scenarios.Target target;

        Choice(BenchmarkPack pack, String segment, Scenarios.Target target) {
            this.pack = pack;
            this.segment = segment;
            this.target = target;
        }

        /** Nullable: no {@code --pack}. */
        public BenchmarkPack pack() {
            return pack;
        }

        public String segment() {
            return segment;
        }

        /** Nullable: neither {@code --target-rps} nor {@code --uplift}. */
        public Scenarios.Target target() {
            return target;
        }

        /** Rating (with a pack), scenarios and leverage for one result's figures. */
        public Insights insights(Figures figures) {
            return Insights.of(figures, pack, segment, target);
        }
    }
}

package io.persession.engine;

import io.persession.spi.BenchmarkEntry;
import io.persession.spi.BenchmarkPack;
import io.persession.spi.BenchmarkPackProvider;
import io.persession.spi.Metric;
import io.persession.spi.Statistic;
import io.persession.spi.Verification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The benchmark packs of the installed providers, loaded safely: each provider's
 * {@link BenchmarkPackProvider#pack()} is called on its own (with the thread context class loader set
 * to the provider's), and the pack is {@linkplain #check checked} against the pack format's rules. A
 * provider that throws, returns a pack with another id, or a pack that breaks a rule is recorded as a
 * {@link PluginRegistry.Problem} (its jar and one line saying what is wrong) and the other packs still
 * load. Immutable once built; thread-safe.
 */
public final class BenchmarkPacks {
    private static final Logger LOG = LoggerFactory.getLogger(BenchmarkPacks.class);
    private static final Pattern ID = BenchmarkPack.ID_PATTERN;
    /** Upper bound of any number in a pack (a sanity limit: no published benchmark comes near it). */
    public static final BigDecimal MAX_VALUE = new BigDecimal("1e12");
    /** At most this many decimal places in a number of a pack. */
    public static final int MAX_SCALE = 12;

    private static final List<Statistic> ORDERED = List.of(Statistic.P25, Statistic.P50, Statistic.P75, Statistic.P80, Statistic.P90);
    private static final Map<String, Metric> METRICS = StandardMetrics.ALL.stream()
            .collect(Collectors.toMap(Metric::id, m -> m, (a, b) -> a, LinkedHashMap::new));

    private final PluginRegistry<BenchmarkPackProvider> registry;
    private final Map<String, Loaded> packs;
    private final Map<String, PluginRegistry.Problem> failed;
    private final List<PluginRegistry.Problem> problems;

    private BenchmarkPacks(PluginRegistry<BenchmarkPackProvider> registry, Map<String, Loaded> packs,
                           Map<String, PluginRegistry.Problem> failed, List<PluginRegistry.Problem> problems) {
        this.registry = registry;
        this.packs = Collections.unmodifiableMap(packs);
        this.failed = Collections.unmodifiableMap(failed);
        this.problems = List.copyOf(problems);
    }

    /** Calls every provider's {@code pack()} and keeps the packs that load and pass {@link #check}. */
    public static BenchmarkPacks load(PluginRegistry<BenchmarkPackProvider> registry) {
        Map<String, Loaded> packs = new TreeMap<>();
        Map<String, PluginRegistry.Problem> failed = new TreeMap<>();
        List<PluginRegistry.Problem> problems = new ArrayList<>(registry.problems());
        for (PluginRegistry.Entry<BenchmarkPackProvider> e : registry.entries()) {
            BenchmarkPackProvider provider = e.instance();
            String problem;
            BenchmarkPack pack = null;
            ClassLoader previous = Thread.currentThread().getContextClassLoader();
            Thread.currentThread().setContextClassLoader(provider.getClass().getClassLoader());
            try {
                pack = provider.pack();
                problem = pack == null ? provider.getClass().getName() + ".pack() returned null" : problemOf(e.id(), pack);
            } catch (RuntimeException | ServiceConfigurationError | LinkageError ex) {
                problem = oneLine(ex);
            } finally {
                Thread.currentThread().setContextClassLoader(previous);
            }
            if (problem == null) {
                packs.put(e.id(), new Loaded(e.id(), pack, e.source()));
            } else {
                PluginRegistry.Problem p = new PluginRegistry.Problem(e.source(), problem);
                failed.put(e.id(), p);
                problems.add(p);
                LOG.warn("The benchmark pack '{}' from {} failed to load: {}", e.id(), e.source(), problem);
            }
        }
        return new BenchmarkPacks(registry, packs, failed, problems);
    }

    private static String problemOf(String providerId, BenchmarkPack pack) {
        String id = pack.id();
        if (!providerId.equals(id)) {
            return "Invalid benchmark pack '" + providerId + "': its provider's id is '" + providerId + "' but the pack's id is '" + id
                    + "'; make them equal";
        }
        List<Violation> violations = check(pack);
        if (violations.isEmpty()) {
            return null;
        }
        return "Invalid benchmark pack '" + id + "': " + violations.get(0) + (violations.size() == 1 ? "" : " (and " + (violations.size() - 1) + " more)");
    }

    /** The packs that loaded, sorted by id. */
    public List<Loaded> packs() {
        return List.copyOf(packs.values());
    }

    /** Providers that could not be created and packs that failed to load or broke a rule, each with its jar. */
    public List<PluginRegistry.Problem> problems() {
        return problems;
    }

    /** The loaded pack with this id, if any. */
    public Optional<Loaded> find(String id) {
        return Optional.ofNullable(packs.get(id));
    }

    /**
     * The pack with this id.
     *
     * @throws PluginException for a pack that failed to load (its jar and why), or an unknown id (the ids
     *                         that exist and the nearest)
     */
    public BenchmarkPack get(String id) {
        Loaded l = packs.get(id);
        if (l != null) {
            return l.pack();
        }
        PluginRegistry.Problem p = failed.get(id);
        if (p != null) {
            throw new PluginException("Benchmark pack '" + id + "' from " + p.source() + " failed to load: " + p.message());
        }
        registry.get(id); // throws the registry's unknown-id error: the ids that exist and the nearest one
        throw new IllegalStateException("benchmark pack '" + id + "' is neither loaded nor failed");
    }

    // ---------------------------------------------------------------- the rules

    /**
     * The rules of the benchmark pack format (docs/benchmark-packs.md) that a built {@link BenchmarkPack}
     * can break, each violation with the field path of the JSON format ({@code entries[3].statistics.p50})
     * and the problem. Empty: the pack is valid. The JSON loader and the testkit apply the same rules.
     */
    public static List<Violation> check(BenchmarkPack pack) {
        List<Violation> out = new ArrayList<>();
        if (pack.id() == null || !ID.matcher(pack.id()).matches()) {
            out.add(new Violation("id", "'" + pack.id() + "' is not lower-case [a-z0-9-]+"));
        }
        blank(out, "version", pack.version(), true);
        blank(out, "vendor", pack.vendor(), true);
        blank(out, "title", pack.title(), true);
        List<BenchmarkEntry> entries = pack.entries();
        if (entries == null || entries.isEmpty()) {
            out.add(new Violation("entries", "a pack needs at least one entry"));
            return out;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            String at = "entries[" + i + "]";
            BenchmarkEntry e = entries.get(i);
            if (e == null) {
                out.add(new Violation(at, "is null"));
                continue;
            }
            checkEntry(at + ".", e, out);
            String key = e.metric() + " " + e.segment() + " " + e.kind();
            Integer first = seen.putIfAbsent(key, i);
            if (first != null) {
                out.add(new Violation(at, "a second " + e.kind().code() + " entry for metric '" + e.metric() + "' in segment '" + e.segment()
                        + "' (the first is entries[" + first + "]); one metric has at most one entry of each kind per segment"));
            }
            if (e.segment() != null && ID.matcher(e.segment()).matches()) {
                String title = pack.segmentTitle(e.segment());
                if (title == null || title.isBlank()) {
                    out.add(new Violation(at + ".segment", "segment '" + e.segment() + "' has a blank title"));
                }
            }
        }
        return out;
    }

    /** The rules for one entry; {@code at} prefixes the field paths ({@code entries[3].}). */
    public static List<Violation> check(BenchmarkEntry e, String at) {
        List<Violation> out = new ArrayList<>();
        checkEntry(at, e, out);
        return out;
    }

    private static void checkEntry(String at, BenchmarkEntry e, List<Violation> out) {
        Metric metric = METRICS.get(e.metric());
        if (metric == null) {
            out.add(new Violation(at + "metric", "unknown metric '" + e.metric() + "'; known: " + String.join(", ", METRICS.keySet())));
        }
        if (!ID.matcher(e.segment()).matches()) {
            out.add(new Violation(at + "segment", "'" + e.segment() + "' is not lower-case [a-z0-9-]+"));
        }
        BenchmarkEntry.Kind kind = e.kind();
        boolean hasStats = !e.statistics().isEmpty();
        switch (kind) {
            case FIGURE:
                if (!hasStats) {
                    out.add(new Violation(at + "statistics", "a figure needs at least one statistic (p25, p50, p75, p80, p90, mean)"));
                }
                absent(out, at + "range", e.range().isPresent(), kind, "use kind range for a published range");
                absent(out, at + "relation", e.relation().isPresent(), kind, "use kind relative");
                if (e.period() == null) {
                    out.add(new Violation(at + "period", "a figure needs the period it covers, as the source states it"));
                }
                break;
            case RANGE:
                if (e.range().isEmpty()) {
                    out.add(new Violation(at + "range", "a range entry needs a range {low, high}"));
                }
                absent(out, at + "statistics", hasStats, kind, "use kind figure for statistics");
                absent(out, at + "relation", e.relation().isPresent(), kind, "use kind relative");
                break;
            case RELATIVE:
                if (e.relation().isEmpty()) {
                    out.add(new Violation(at + "relation", "a relative entry needs a relation {metric, direction}"));
                } else if (!METRICS.containsKey(e.relation().get().metric())) {
                    out.add(new Violation(at + "relation.metric", "unknown metric '" + e.relation().get().metric() + "'; known: "
                            + String.join(", ", METRICS.keySet())));
                }
                if (e.range().isEmpty() && !hasStats) {
                    out.add(new Violation(at + "range", "a relative entry needs a range or statistics (the difference as a share)"));
                }
                break;
            case DEFINITION:
            case NOT_PUBLISHED:
                absent(out, at + "statistics", hasStats, kind, "it holds no figure");
                absent(out, at + "range", e.range().isPresent(), kind, "it holds no figure");
                absent(out, at + "relation", e.relation().isPresent(), kind, "it holds no figure");
                break;
            default:
                throw new IllegalStateException("kind " + kind);
        }
        if (kind == BenchmarkEntry.Kind.DEFINITION && (e.definition() == null || e.definition().isBlank())) {
            out.add(new Violation(at + "definition", "a definition entry needs the source's definition"));
        }
        boolean relativeLower = kind == BenchmarkEntry.Kind.RELATIVE && e.relation().isPresent()
                && e.relation().get().direction() == BenchmarkEntry.Direction.LOWER;
        boolean share = kind == BenchmarkEntry.Kind.RELATIVE ? relativeLower : metric != null && metric.unit() == Metric.Unit.RATIO;
        String shareWhy = kind == BenchmarkEntry.Kind.RELATIVE ? "a share lower than the reference is at most 1 (100%)"
                : e.metric() + " is a share between 0 and 1 (0.0162 for 1.62%)";
        for (Map.Entry<Statistic, BigDecimal> s : e.statistics().entrySet()) {
            number(out, at + "statistics." + s.getKey().code(), s.getValue(), share, shareWhy);
        }
        BigDecimal previous = null;
        Statistic previousStat = null;
        for (Statistic s : ORDERED) {
            BigDecimal v = e.statistics().get(s);
            if (v == null) {
                continue;
            }
            if (previous != null && v.compareTo(previous) < 0) {
                out.add(new Violation(at + "statistics." + s.code(), show(v) + " is below " + previousStat.code() + " ("
                        + show(previous) + "); statistics must satisfy p25 <= p50 <= p75 <= p80 <= p90"));
            }
            previous = v;
            previousStat = s;
        }
        e.range().ifPresent(r -> {
            number(out, at + "range.low", r.low(), share, shareWhy);
            number(out, at + "range.high", r.high(), share, shareWhy);
            if (r.high().compareTo(r.low()) < 0) {
                out.add(new Violation(at + "range.high", show(r.high()) + " is below range.low (" + show(r.low()) + ")"));
            }
        });
        blank(out, at + "relation.period", e.relation().map(BenchmarkEntry.Relation::period).orElse(null), false);
        checkCurrency(at, e, metric, out);
        blank(out, at + "definition", e.definition(), false);
        blank(out, at + "period", e.period(), false);
        blank(out, at + "sample", e.sample(), false);
        boolean needsSource = kind != BenchmarkEntry.Kind.NOT_PUBLISHED;
        blank(out, at + "source.title", e.sourceTitle(), needsSource);
        blank(out, at + "source.publisher", e.publisher(), needsSource);
        if (e.sourceUrl() != null) {
            String problem = urlProblem(e.sourceUrl());
            if (problem != null) {
                out.add(new Violation(at + "source.url", problem));
            }
        }
        if (e.retrieved() == null) {
            out.add(new Violation(at + "retrieved", "missing: the ISO date the figure was read (2026-11-22)"));
        }
        if (kind == BenchmarkEntry.Kind.NOT_PUBLISHED) {
            if (e.verification() != null) {
                out.add(new Violation(at + "flag", "a not_published entry has no figure to flag: remove the flag"));
            }
            if (e.underlyingVerification().isPresent()) {
                out.add(new Violation(at + "underlying_flag", "a not_published entry has no figure to flag: remove the underlying flag"));
            }
            if (e.note() == null || e.note().isBlank()) {
                out.add(new Violation(at + "note", "a not_published entry needs a note saying what was looked for and not found"));
            }
        } else if (e.verification() == null) {
            out.add(new Violation(at + "flag", "missing: V, V2, U or D"));
        }
        if (e.verification() == Verification.D && (e.note() == null || e.note().isBlank())) {
            out.add(new Violation(at + "note", "a derived (D) figure needs its formula in the note"));
        }
        if (e.underlyingVerification().orElse(null) == Verification.D) {
            out.add(new Violation(at + "underlying_flag", "D describes a figure derived here, not the data behind a source; use V, V2 or U"));
        }
        e.band().ifPresent(b -> {
            if (kind != BenchmarkEntry.Kind.FIGURE) {
                out.add(new Violation(at + "band", "only a figure has a band"));
            } else if (b.signum() <= 0 || b.compareTo(BigDecimal.ONE) > 0) {
                out.add(new Violation(at + "band", show(b) + " is not in (0, 1]: the low bound is band x centre"));
            }
        });
        blank(out, at + "quote", e.quote(), false);
        blank(out, at + "note", e.note(), false);
    }

    private static void checkCurrency(String at, BenchmarkEntry e, Metric metric, List<Violation> out) {
        boolean moneyFigure = metric != null && metric.unit() == Metric.Unit.MONEY
                && (e.kind() == BenchmarkEntry.Kind.FIGURE || e.kind() == BenchmarkEntry.Kind.RANGE);
        String c = e.currency();
        if (c == null) {
            if (moneyFigure) {
                out.add(new Violation(at + "currency", "missing: " + e.metric() + " is money; give the ISO 4217 code (GBP, USD, EUR)"));
            }
            return;
        }
        if (!moneyFigure) {
            out.add(new Violation(at + "currency", "'" + c + "' given, but a " + e.kind().code() + " entry of " + e.metric()
                    + " holds no money amount: remove it"));
            return;
        }
        if (!c.matches("[A-Z]{3}")) {
            out.add(new Violation(at + "currency", "'" + c + "' is not an ISO 4217 code (three upper-case letters: GBP, USD, EUR)"));
            return;
        }
        try {
            Currency.getInstance(c);
        } catch (IllegalArgumentException ex) {
            out.add(new Violation(at + "currency", "'" + c + "' is not an ISO 4217 currency code"));
        }
    }

    private static void number(List<Violation> out, String path, BigDecimal v, boolean share, String shareWhy) {
        if (v.abs().compareTo(MAX_VALUE) > 0) {
            out.add(new Violation(path, "is larger than 1e12"));
        } else if (v.scale() > MAX_SCALE && v.stripTrailingZeros().scale() > MAX_SCALE) {
            out.add(new Violation(path, "has more than " + MAX_SCALE + " decimal places"));
        } else if (v.signum() < 0) {
            out.add(new Violation(path, show(v) + " is negative; benchmark figures are never negative"));
        } else if (share && v.compareTo(BigDecimal.ONE) > 0) {
            out.add(new Violation(path, show(v) + " is above 1: " + shareWhy));
        }
    }

    /** A number for a message: plain, unless it is absurdly large or long (then scientific, never a million digits). */
    private static String show(BigDecimal v) {
        return v.abs().compareTo(MAX_VALUE) > 0 || v.scale() > 2 * MAX_SCALE ? v.toString() : v.toPlainString();
    }

    /** Null when {@code url} is an absolute http(s) URL with a host; else the problem. */
    public static String urlProblem(String url) {
        try {
            URI u = new URI(url);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return "'" + url + "' is not an http(s) URL";
            }
            if (u.getHost() == null || u.getHost().isBlank()) {
                return "'" + url + "' has no host";
            }
            return null;
        } catch (URISyntaxException ex) {
            return "'" + url + "' is not a URL: " + ex.getReason();
        }
    }

    private static void blank(List<Violation> out, String path, String v, boolean required) {
        if (v == null) {
            if (required) {
                out.add(new Violation(path, "missing"));
            }
        } else if (v.isBlank()) {
            out.add(new Violation(path, "is blank"));
        }
    }

    private static void absent(List<Violation> out, String path, boolean present, BenchmarkEntry.Kind kind, String hint) {
        if (present) {
            out.add(new Violation(path, "not allowed in a " + kind.code() + " entry; " + hint));
        }
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        return m.replace('\n', ' ');
    }

    @Override
    public String toString() {
        return "benchmark packs " + packs.keySet() + (failed.isEmpty() ? "" : ", failed " + failed.keySet());
    }

    /** A loaded pack: its id, the pack, and the jar (or folder) its provider came from. */
    public static final class Loaded {
        private final String id;
        private final BenchmarkPack pack;
        private final String source;

        Loaded(String id, BenchmarkPack pack, String source) {
            this.id = id;
            this.pack = pack;
            this.source = source;
        }

        public String id() {
            return id;
        }

        public BenchmarkPack pack() {
            return pack;
        }

        public String source() {
            return source;
        }

        @Override
        public String toString() {
            return id + " from " + source;
        }
    }

    /** One broken rule: the field path in the pack format and the problem. */
    public static final class Violation {
        private final String path;
        private final String problem;

        public Violation(String path, String problem) {
            this.path = java.util.Objects.requireNonNull(path, "path is null");
            this.problem = java.util.Objects.requireNonNull(problem, "problem is null");
        }

        /** {@code entries[3].statistics.p50}. */
        public String path() {
            return path;
        }

        public String problem() {
            return problem;
        }

        @Override
        public String toString() {
            return path + ": " + problem;
        }
    }
}

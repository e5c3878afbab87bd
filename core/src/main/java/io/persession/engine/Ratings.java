package io.persession.engine;

import io.persession.spi.BenchmarkEntry;
import io.persession.spi.BenchmarkPack;
import io.persession.spi.Metric;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every entry of one pack segment rated against the user's figures: the metrics persession computes in
 * {@link StandardMetrics} order, then the segment's other entries (shown, not rated). The headline is
 * revenue per session, else session RPM. Immutable.
 */
public final class Ratings {
    /** The metrics whose rating is the headline, in order of preference. */
    public static final List<String> HEADLINE_METRICS = List.of("revenue_per_session", "session_rpm");

    private final BenchmarkPack pack;
    private final String segment;
    private final Map<String, Rating> ratings;

    private Ratings(BenchmarkPack pack, String segment, Map<String, Rating> ratings) {
        this.pack = pack;
        this.segment = segment;
        this.ratings = ratings;
    }

    /**
     * Rates every metric of {@code segment} in {@code pack}, against the entry
     * {@link BenchmarkPack#entry(String, String)} picks (its figure, else its first other entry, which
     * says why there is no label).
     *
     * @throws IllegalArgumentException when the pack has no such segment (the message lists its segments)
     */
    public static Ratings of(BenchmarkPack pack, String segment, Figures figures) {
        Objects.requireNonNull(pack, "pack is null");
        Objects.requireNonNull(segment, "segment is null");
        if (!pack.segments().contains(segment)) {
            throw new IllegalArgumentException(unknownSegment(pack, segment));
        }
        Map<String, BenchmarkEntry> byMetric = new LinkedHashMap<>();
        for (BenchmarkEntry e : pack.entries()) {
            if (e.segment().equals(segment) && !byMetric.containsKey(e.metric())) {
                byMetric.put(e.metric(), pack.entry(e.metric(), segment).orElse(e));
            }
        }
        Map<String, Rating> out = new LinkedHashMap<>();
        for (Metric m : StandardMetrics.ALL) {
            BenchmarkEntry e = byMetric.remove(m.id());
            if (e != null) {
                out.put(m.id(), Rating.rate(pack, e, figures));
            }
        }
        for (BenchmarkEntry e : byMetric.values()) {
            out.put(e.metric(), Rating.rate(pack, e, figures));
        }
        return new Ratings(pack, segment, java.util.Collections.unmodifiableMap(out));
    }

    /**
     * The segment of {@code pack} to rate against: {@code segment}, or the pack's only one when {@code segment} is null.
     *
     * @throws IllegalArgumentException for a segment the pack lacks, or none given for a pack with several (the message
     *                                  lists them, naming {@code --segment})
     */
    public static String segment(BenchmarkPack pack, String segment) {
        String s = segment == null ? null : segment.trim();
        if (s == null) {
            if (pack.segments().size() != 1) {
                throw new IllegalArgumentException("--pack " + pack.id() + " needs --segment: its segments are " + String.join(", ", pack.segments()));
            }
            return pack.segments().iterator().next();
        }
        if (!pack.segments().contains(s)) {
            throw new IllegalArgumentException(unknownSegment(pack, s));
        }
        return s;
    }

    /** "Benchmark pack 'p' has no segment 's'. Its segments: a, b." */
    public static String unknownSegment(BenchmarkPack pack, String segment) {
        return "benchmark pack '" + pack.id() + "' has no segment '" + segment + "'; its segments: " + String.join(", ", pack.segments());
    }

    public BenchmarkPack pack() {
        return pack;
    }

    public String segment() {
        return segment;
    }

    /** Ratings by metric id. */
    public Map<String, Rating> all() {
        return ratings;
    }

    public Optional<Rating> get(String metric) {
        return Optional.ofNullable(ratings.get(metric));
    }

    /** The rating of revenue per session, else of session RPM; empty when the segment has neither. */
    public Optional<Rating> headline() {
        for (String id : HEADLINE_METRICS) {
            if (ratings.containsKey(id)) {
                return Optional.of(ratings.get(id));
            }
        }
        return Optional.empty();
    }

    /** The metrics rated, for messages. */
    List<String> metrics() {
        return new ArrayList<>(ratings.keySet());
    }
}

package io.persession.spi;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A set of published benchmark figures from one vendor, versioned. Numbers only: the host rates a
 * user's metrics against them. Immutable and thread-safe.
 */
public interface BenchmarkPack {
    /** Lower-case {@code [a-z0-9-]+}, unique among installed packs. */
    String id();

    /** The pack's own version ({@code 2026.11}). */
    String version();

    /** Who publishes the pack. */
    String vendor();

    /** A short title for people. */
    String title();

    /** Every entry. */
    List<BenchmarkEntry> entries();

    /** The segments, in the order of first appearance. */
    default Set<String> segments() {
        Set<String> out = new LinkedHashSet<>();
        for (BenchmarkEntry e : entries()) {
            out.add(e.segment());
        }
        return out;
    }

    /** The entry for a metric in a segment. */
    default Optional<BenchmarkEntry> entry(String metric, String segment) {
        return entries().stream().filter(e -> e.metric().equals(metric) && e.segment().equals(segment)).findFirst();
    }
}

package io.persession.spi;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A set of published benchmark figures from one vendor, versioned. Numbers only: the host rates a
 * user's metrics against them. Immutable and thread-safe.
 */
public interface BenchmarkPack {
    /** Pack and segment ids: lower-case {@code [a-z0-9-]+}, as every plugin id. */
    Pattern ID_PATTERN = SessionDefinition.ID_PATTERN;

    /** Lower-case {@code [a-z0-9-]+}, unique among installed packs. */
    String id();

    /** The pack's own version ({@code 2026.11}). */
    String version();

    /** Who publishes the pack. */
    String vendor();

    /** A short title for people. */
    String title();

    /** Every entry; unmodifiable. At most one entry per metric, segment and kind. */
    List<BenchmarkEntry> entries();

    /** The segments, in the order of first appearance. */
    default Set<String> segments() {
        Set<String> out = new LinkedHashSet<>();
        for (BenchmarkEntry e : entries()) {
            out.add(e.segment());
        }
        return out;
    }

    /**
     * A title for people for a segment id ({@code uk-all}: "UK, all IRP Commerce markets"); the id
     * itself when the pack has none.
     */
    default String segmentTitle(String segment) {
        return segment;
    }

    /**
     * The entry for a metric in a segment: its {@link BenchmarkEntry.Kind#FIGURE} (the one to rate
     * against) when there is one, else the first other entry (a definition, a range, or a statement
     * that no figure is published, which says why there is nothing to rate against).
     */
    default Optional<BenchmarkEntry> entry(String metric, String segment) {
        Optional<BenchmarkEntry> figure = entries().stream()
                .filter(e -> e.kind() == BenchmarkEntry.Kind.FIGURE && e.metric().equals(metric) && e.segment().equals(segment))
                .findFirst();
        return figure.isPresent() ? figure
                : entries().stream().filter(e -> e.metric().equals(metric) && e.segment().equals(segment)).findFirst();
    }
}

package io.persession.benchmarks;

import io.persession.spi.BenchmarkEntry;
import io.persession.spi.BenchmarkPack;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A pack read by {@link BenchmarkPackLoader}. Immutable. */
final class JsonBenchmarkPack implements BenchmarkPack {
    private final String id;
    private final String version;
    private final String vendor;
    private final String title;
    private final Map<String, String> segments;
    private final List<BenchmarkEntry> entries;
    private final String source;

    JsonBenchmarkPack(String id, String version, String vendor, String title, Map<String, String> segments, List<BenchmarkEntry> entries,
                      String source) {
        this.id = id;
        this.version = version;
        this.vendor = vendor;
        this.title = title;
        this.segments = Collections.unmodifiableMap(new LinkedHashMap<>(segments));
        this.entries = List.copyOf(entries);
        this.source = source;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public String vendor() {
        return vendor;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public List<BenchmarkEntry> entries() {
        return entries;
    }

    /** The declared segments, in the pack's order. */
    @Override
    public Set<String> segments() {
        return segments.keySet();
    }

    @Override
    public String segmentTitle(String segment) {
        return segments.getOrDefault(segment, segment);
    }

    @Override
    public String toString() {
        return "benchmark pack '" + id + "' " + version + " (" + source + ")";
    }
}

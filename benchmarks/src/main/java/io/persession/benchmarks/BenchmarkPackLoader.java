package io.persession.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.persession.engine.BenchmarkPacks;
import io.persession.spi.Basis;
import io.persession.spi.BenchmarkEntry;
import io.persession.spi.BenchmarkPack;
import io.persession.spi.Statistic;
import io.persession.spi.Verification;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads and validates a benchmark pack in the JSON pack format (docs/benchmark-packs.md; the schema is
 * the resource {@value #SCHEMA_RESOURCE}). Safe on untrusted input: at most {@value #MAX_BYTES} bytes,
 * nesting at most {@value #MAX_DEPTH} deep, numbers of at most {@value #MAX_NUMBER_LENGTH} characters,
 * duplicate keys and unknown fields rejected, strict JSON (no comments, no NaN). Then every rule of the
 * format ({@link BenchmarkPacks#check}) is applied. The first problem found is thrown as one
 * {@link InvalidBenchmarkPackException} naming the pack, the field path and the problem.
 *
 * <p>Thread-safe; the packs it returns are immutable.
 */
public final class BenchmarkPackLoader {
    /** The version of the pack format this loader reads (the {@code format} field). */
    public static final int FORMAT = 1;
    /** Largest pack accepted, in bytes (1 MiB). */
    public static final int MAX_BYTES = 1 << 20;
    /** Deepest nesting of objects and arrays accepted. */
    public static final int MAX_DEPTH = 16;
    /** Longest number literal accepted, in characters. */
    public static final int MAX_NUMBER_LENGTH = 40;
    /** The published JSON Schema of the format, a resource of this jar. */
    public static final String SCHEMA_RESOURCE = "/io/persession/benchmarks/benchmark-pack.schema.json";

    static final Set<String> PACK_FIELDS = fields("$schema", "format", "id", "version", "vendor", "title", "segments", "entries");
    static final Set<String> SEGMENT_FIELDS = fields("id", "title");
    static final Set<String> ENTRY_FIELDS = fields("metric", "segment", "kind", "statistics", "range", "relation", "definition", "basis",
            "currency", "tax_included", "shipping_included", "refunds_netted", "period", "sample", "source", "retrieved", "flag",
            "underlying_flag", "band", "quote", "note");
    static final Set<String> SOURCE_FIELDS = fields("title", "url", "publisher");
    static final Set<String> RANGE_FIELDS = fields("low", "high");
    static final Set<String> RELATION_FIELDS = fields("metric", "direction", "period");

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxDocumentLength(MAX_BYTES)
                            .maxNestingDepth(MAX_DEPTH)
                            .maxNumberLength(MAX_NUMBER_LENGTH)
                            .maxStringLength(64 * 1024)
                            .maxNameLength(256)
                            .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private BenchmarkPackLoader() {
    }

    /** Loads a pack file. */
    public static BenchmarkPack load(Path file) {
        String source = file.toAbsolutePath().normalize().toString();
        try (InputStream in = Files.newInputStream(file)) {
            return load(readLimited(in, source), source, null);
        } catch (NoSuchFileException e) {
            throw new InvalidBenchmarkPackException(source, "", "file not found");
        } catch (IOException e) {
            throw new InvalidBenchmarkPackException(source, "", "cannot read: " + e.getMessage(), e);
        }
    }

    /** Loads a pack from a URL, usually a class path resource ({@code jar:file:/plugins/acme.jar!/com/acme/acme.json}). */
    public static BenchmarkPack load(URL url) {
        return load(url, null);
    }

    /**
     * Loads a pack from JSON bytes.
     *
     * @param source what to call the pack in errors (a file, or a resource and its jar)
     */
    public static BenchmarkPack load(byte[] json, String source) {
        return load(json, source, null);
    }

    /**
     * Loads the pack in the class path resource {@code resource} of {@code anchor}'s class loader (as
     * {@link Class#getResource}) and checks that its id is {@code expectedId}.
     */
    public static BenchmarkPack loadResource(Class<?> anchor, String resource, String expectedId) {
        Objects.requireNonNull(anchor, "anchor is null");
        Objects.requireNonNull(resource, "resource is null");
        URL url = anchor.getResource(resource);
        if (url == null) {
            String pack = (expectedId == null ? "" : "'" + expectedId + "' (") + "resource " + resource + " of " + anchor.getName() + " in "
                    + jarOf(anchor) + (expectedId == null ? "" : ")");
            throw new InvalidBenchmarkPackException(pack, "", "resource not found: put the JSON file in the jar at that path "
                    + "(src/main/resources" + (resource.startsWith("/") ? "" : "/" + anchor.getPackageName().replace('.', '/') + "/") + resource + ")");
        }
        return load(url, expectedId);
    }

    private static BenchmarkPack load(URL url, String expectedId) {
        String source = describe(url);
        String name = expectedId == null ? source : "'" + expectedId + "' (" + source + ")";
        try {
            URLConnection c = url.openConnection();
            c.setUseCaches(false); // a jar replaced on disk, or the same jar loaded twice, must not share a cached handle
            try (InputStream in = c.getInputStream()) {
                return load(readLimited(in, name), source, expectedId);
            }
        } catch (IOException e) {
            throw new InvalidBenchmarkPackException(name, "", "cannot read: " + e.getMessage(), e);
        }
    }

    /** Where a resource URL points: {@code /com/acme/acme.json in /plugins/acme.jar}, or a file path. */
    static String describe(URL url) {
        try {
            if ("jar".equals(url.getProtocol())) {
                String spec = url.getPath();
                int bang = spec.indexOf("!/");
                if (bang > 0) {
                    String jar = spec.substring(0, bang);
                    String entry = spec.substring(bang + 1);
                    String jarPath = jar.startsWith("file:") ? Paths.get(new URL(jar).toURI()).toString() : jar;
                    return entry + " in " + jarPath;
                }
            } else if ("file".equals(url.getProtocol())) {
                return Paths.get(url.toURI()).toString();
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // fall through: the URL itself names the pack
        }
        return url.toString();
    }

    private static String jarOf(Class<?> c) {
        try {
            return Paths.get(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (Exception e) {
            return "(unknown jar)";
        }
    }

    private static byte[] readLimited(InputStream in, String name) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new InvalidBenchmarkPackException(name, "", "larger than the limit of " + MAX_BYTES + " bytes (1 MiB)");
        }
        return bytes;
    }

    static BenchmarkPack load(byte[] json, String source, String expectedId) {
        Objects.requireNonNull(json, "json is null");
        Objects.requireNonNull(source, "source is null");
        Reader r = new Reader(source, expectedId);
        if (json.length > MAX_BYTES) {
            throw r.fail("", "larger than the limit of " + MAX_BYTES + " bytes (1 MiB)");
        }
        JsonNode root;
        JsonParser parser = null;
        try {
            parser = MAPPER.createParser(json);
            root = MAPPER.readTree(parser);
            if (root != null && parser.nextToken() != null) {
                throw r.fail("", "not valid JSON: content after the pack's closing brace (line " + parser.currentLocation().getLineNr() + ")");
            }
        } catch (StreamConstraintsException e) {
            throw r.fail(pathOf(parser), "exceeds a safety limit: " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw r.fail(pathOf(parser), "not valid JSON: " + e.getOriginalMessage() + where, e);
        } catch (IOException e) {
            throw r.fail("", "cannot read: " + e.getMessage(), e);
        } finally {
            if (parser != null) {
                try {
                    parser.close();
                } catch (IOException ignored) {
                    // reading from a byte array
                }
            }
        }
        if (root == null || root.isMissingNode()) {
            throw r.fail("", "empty: a pack is a JSON object");
        }
        return r.pack(root);
    }

    /** Where the parser is: {@code entries[3].statistics}. */
    private static String pathOf(JsonParser parser) {
        if (parser == null) {
            return "";
        }
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = parser.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                parts.addFirst("." + c.getCurrentName());
            } else if (c.inArray()) {
                parts.addFirst("[" + Math.max(0, c.getCurrentIndex()) + "]");
            }
        }
        String p = String.join("", parts);
        return p.startsWith(".") ? p.substring(1) : p;
    }

    private static Set<String> fields(String... names) {
        return Set.copyOf(new LinkedHashSet<>(Arrays.asList(names)));
    }

    /** One read: knows what to call the pack (its id once read) for errors. */
    private static final class Reader {
        private final String source;
        private final String expectedId;
        private String id;

        Reader(String source, String expectedId) {
            this.source = source;
            this.expectedId = expectedId;
            this.id = expectedId;
        }

        String name() {
            return id == null ? source : "'" + id + "' (" + source + ")";
        }

        InvalidBenchmarkPackException fail(String path, String problem) {
            return new InvalidBenchmarkPackException(name(), path, problem);
        }

        InvalidBenchmarkPackException fail(String path, String problem, Throwable cause) {
            return new InvalidBenchmarkPackException(name(), path, problem, cause);
        }

        BenchmarkPack pack(JsonNode root) {
            object(root, "", PACK_FIELDS);
            if (root.hasNonNull("$schema")) {
                text(root, "", "$schema", false);
            }
            JsonNode format = root.get("format");
            if (format == null || format.isNull()) {
                throw fail("format", "missing: the pack format version, " + FORMAT);
            }
            if (!format.isIntegralNumber() || format.decimalValue().compareTo(BigDecimal.valueOf(FORMAT)) != 0) {
                throw fail("format", "'" + format + "' is not supported: this persession reads pack format " + FORMAT);
            }
            String packId = text(root, "", "id", true);
            if (expectedId != null && !expectedId.equals(packId)) {
                throw fail("id", "'" + packId + "' differs from the provider's id '" + expectedId + "'; make them equal");
            }
            id = packId;
            String version = text(root, "", "version", true);
            String vendor = text(root, "", "vendor", true);
            String title = text(root, "", "title", true);
            Map<String, String> segments = segments(root);
            JsonNode entriesNode = array(root, "", "entries");
            if (entriesNode.isEmpty()) {
                throw fail("entries", "a pack needs at least one entry");
            }
            List<BenchmarkEntry> entries = new ArrayList<>();
            Set<String> used = new LinkedHashSet<>();
            for (int i = 0; i < entriesNode.size(); i++) {
                BenchmarkEntry e = entry(entriesNode.get(i), "entries[" + i + "]", segments);
                entries.add(e);
                used.add(e.segment());
            }
            int s = 0;
            for (String declared : segments.keySet()) {
                if (!used.contains(declared)) {
                    throw fail("segments[" + s + "].id", "segment '" + declared + "' has no entries: remove it or add its entries");
                }
                s++;
            }
            JsonBenchmarkPack pack = new JsonBenchmarkPack(packId, version, vendor, title, segments, entries, source);
            List<BenchmarkPacks.Violation> violations = BenchmarkPacks.check(pack);
            if (!violations.isEmpty()) {
                throw fail(violations.get(0).path(), violations.get(0).problem());
            }
            return pack;
        }

        private Map<String, String> segments(JsonNode root) {
            JsonNode node = array(root, "", "segments");
            if (node.isEmpty()) {
                throw fail("segments", "a pack declares at least one segment {id, title}");
            }
            Map<String, String> out = new LinkedHashMap<>();
            for (int i = 0; i < node.size(); i++) {
                String at = "segments[" + i + "]";
                JsonNode seg = node.get(i);
                object(seg, at, SEGMENT_FIELDS);
                String sid = text(seg, at, "id", true);
                if (!BenchmarkPack.ID_PATTERN.matcher(sid).matches()) {
                    throw fail(at + ".id", "'" + sid + "' is not lower-case [a-z0-9-]+");
                }
                String stitle = text(seg, at, "title", true);
                if (out.putIfAbsent(sid, stitle) != null) {
                    throw fail(at + ".id", "segment '" + sid + "' is declared twice");
                }
            }
            return out;
        }

        private BenchmarkEntry entry(JsonNode node, String at, Map<String, String> segments) {
            object(node, at, ENTRY_FIELDS);
            String metric = text(node, at, "metric", true);
            String segment = text(node, at, "segment", true);
            if (!segments.containsKey(segment)) {
                throw fail(at + ".segment", "segment '" + segment + "' is not declared in segments; declared: " + String.join(", ", segments.keySet()));
            }
            BenchmarkEntry.Builder b = BenchmarkEntry.builder(metric, segment);
            String kindCode = text(node, at, "kind", false);
            BenchmarkEntry.Kind kind = kindCode == null ? BenchmarkEntry.Kind.FIGURE
                    : code(at + ".kind", kindCode, BenchmarkEntry.Kind.values(), BenchmarkEntry.Kind::code);
            b.kind(kind);
            JsonNode stats = node.get("statistics");
            if (stats != null && !stats.isNull()) {
                object(stats, at + ".statistics", null);
                if (stats.isEmpty()) {
                    throw fail(at + ".statistics", "empty: give at least one of p25, p50, p75, p80, p90, mean, or leave it out");
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = stats.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> f = it.next();
                    Statistic s = code(at + ".statistics." + f.getKey(), f.getKey(), Statistic.values(), Statistic::code);
                    b.statistic(s, number(f.getValue(), at + ".statistics." + f.getKey()));
                }
            }
            JsonNode range = node.get("range");
            if (range != null && !range.isNull()) {
                object(range, at + ".range", RANGE_FIELDS);
                b.range(BenchmarkEntry.Range.of(requiredNumber(range, at + ".range", "low"), requiredNumber(range, at + ".range", "high")));
            }
            JsonNode relation = node.get("relation");
            if (relation != null && !relation.isNull()) {
                String rp = at + ".relation";
                object(relation, rp, RELATION_FIELDS);
                String rm = text(relation, rp, "metric", true);
                BenchmarkEntry.Direction d = code(rp + ".direction", text(relation, rp, "direction", true), BenchmarkEntry.Direction.values(),
                        BenchmarkEntry.Direction::code);
                b.relation(BenchmarkEntry.Relation.of(rm, d, text(relation, rp, "period", false)));
            }
            b.definition(text(node, at, "definition", false));
            b.basis(code(at + ".basis", text(node, at, "basis", true), Basis.values(), Basis::code));
            b.currency(text(node, at, "currency", false));
            b.taxIncluded(bool(node, at, "tax_included"));
            b.shippingIncluded(bool(node, at, "shipping_included"));
            b.refundsNetted(bool(node, at, "refunds_netted"));
            b.period(text(node, at, "period", false));
            b.sample(text(node, at, "sample", false));
            JsonNode source = node.get("source");
            if (source != null && !source.isNull()) {
                String sp = at + ".source";
                object(source, sp, SOURCE_FIELDS);
                b.source(text(source, sp, "title", false), text(source, sp, "url", false), text(source, sp, "publisher", false));
            }
            String retrieved = text(node, at, "retrieved", false);
            if (retrieved != null) {
                b.retrieved(date(at + ".retrieved", retrieved));
            }
            String flag = text(node, at, "flag", false);
            if (flag != null) {
                b.verification(code(at + ".flag", flag, Verification.values(), Verification::name));
            } else if (kind != BenchmarkEntry.Kind.NOT_PUBLISHED) {
                throw fail(at + ".flag", "missing: V, V2, U or D");
            }
            String underlying = text(node, at, "underlying_flag", false);
            if (underlying != null) {
                b.underlyingVerification(code(at + ".underlying_flag", underlying, Verification.values(), Verification::name));
            }
            JsonNode band = node.get("band");
            if (band != null && !band.isNull()) {
                b.band(number(band, at + ".band"));
            }
            b.quote(text(node, at, "quote", false));
            b.note(text(node, at, "note", false));
            return b.build();
        }

        /** {@code node} must be an object whose fields are all in {@code known} ({@code null}: any). */
        private void object(JsonNode node, String at, Set<String> known) {
            if (node == null || !node.isObject()) {
                throw fail(at, "must be a JSON object, not " + kindOf(node));
            }
            if (known == null) {
                return;
            }
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!known.contains(f)) {
                    throw fail(join(at, f), "unknown field; known: " + known.stream().sorted().collect(Collectors.joining(", ")));
                }
            }
        }

        private JsonNode array(JsonNode parent, String at, String field) {
            JsonNode n = parent.get(field);
            if (n == null || n.isNull()) {
                throw fail(join(at, field), "missing: a JSON array");
            }
            if (!n.isArray()) {
                throw fail(join(at, field), "must be a JSON array, not " + kindOf(n));
            }
            return n;
        }

        private String text(JsonNode parent, String at, String field, boolean required) {
            JsonNode n = parent.get(field);
            if (n == null || n.isNull()) {
                if (required) {
                    throw fail(join(at, field), "missing");
                }
                return null;
            }
            if (!n.isTextual()) {
                throw fail(join(at, field), "must be a string, not " + kindOf(n));
            }
            if (required && n.textValue().isBlank()) {
                throw fail(join(at, field), "is blank");
            }
            return n.textValue();
        }

        private Boolean bool(JsonNode parent, String at, String field) {
            JsonNode n = parent.get(field);
            if (n == null || n.isNull()) {
                return null;
            }
            if (!n.isBoolean()) {
                throw fail(join(at, field), "must be true, false or null (unknown), not " + kindOf(n));
            }
            return n.booleanValue();
        }

        private BigDecimal requiredNumber(JsonNode parent, String at, String field) {
            JsonNode n = parent.get(field);
            if (n == null || n.isNull()) {
                throw fail(join(at, field), "missing: a number");
            }
            return number(n, join(at, field));
        }

        private BigDecimal number(JsonNode n, String path) {
            if (n == null || !n.isNumber()) {
                throw fail(path, "must be a JSON number, not " + kindOf(n));
            }
            BigDecimal v = n.decimalValue();
            if (v == null) {
                throw fail(path, "is not a finite number");
            }
            return v;
        }

        private LocalDate date(String path, String value) {
            if (!ISO_DATE.matcher(value).matches()) {
                throw fail(path, "'" + value + "' is not an ISO date (YYYY-MM-DD, e.g. 2026-11-22)");
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw fail(path, "'" + value + "' is not a date: " + e.getMessage());
            }
        }

        private <E> E code(String path, String value, E[] values, java.util.function.Function<E, String> codeOf) {
            for (E v : values) {
                if (codeOf.apply(v).equals(value)) {
                    return v;
                }
            }
            throw fail(path, "'" + value + "' is not one of " + Arrays.stream(values).map(codeOf).collect(Collectors.joining(", ")));
        }

        private static String join(String at, String field) {
            return at.isEmpty() ? field : at + "." + field;
        }

        private static String kindOf(JsonNode n) {
            if (n == null || n.isNull() || n.isMissingNode()) {
                return "null";
            }
            if (n.isTextual()) {
                return "a string";
            }
            if (n.isNumber()) {
                return "a number";
            }
            if (n.isBoolean()) {
                return "a boolean";
            }
            if (n.isArray()) {
                return "an array";
            }
            return "an object";
        }
    }
}

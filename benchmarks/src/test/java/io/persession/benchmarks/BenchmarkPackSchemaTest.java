package io.persession.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.persession.engine.StandardMetrics;
import io.persession.spi.Basis;
import io.persession.spi.BenchmarkEntry;
import io.persession.spi.Metric;
import io.persession.spi.Statistic;
import io.persession.spi.Verification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The published JSON Schema is a resource of the jar, a valid 2020-12 schema, accepts the built-in and
 * test packs, rejects every broken pack whose rule a schema can express, and names exactly the fields,
 * metrics and codes the loader knows.
 */
class BenchmarkPackSchemaTest {
    static List<TestPacks.Case> schemaCases() {
        return TestPacks.invalid().stream().filter(c -> c.schemaCanTell).collect(Collectors.toList());
    }

    private static JsonNode schemaNode() throws IOException {
        try (InputStream in = BenchmarkPackLoader.class.getResourceAsStream(BenchmarkPackLoader.SCHEMA_RESOURCE)) {
            assertNotNull(in, "the schema is published as the resource " + BenchmarkPackLoader.SCHEMA_RESOURCE);
            return TestPacks.JSON.readTree(in);
        }
    }

    private static JsonSchema schema() throws IOException {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaNode());
    }

    private static Set<ValidationMessage> validate(byte[] json) throws IOException {
        return schema().validate(TestPacks.JSON.readTree(json));
    }

    @Test
    void theSchemaIsAValid2020_12Schema() throws IOException {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        JsonSchema meta = factory.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"), SchemaValidatorsConfig.builder().build());
        Set<ValidationMessage> errors = meta.validate(schemaNode());
        assertTrue(errors.isEmpty(), errors.toString());
        assertEquals("https://json-schema.org/draft/2020-12/schema", schemaNode().get("$schema").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/io/persession/benchmarks/packs/ecommerce.json", "/io/persession/benchmarks/packs/publishers.json",
            "/test-packs/valid.json"})
    void theBuiltInAndTestPacksConform(String resource) throws IOException {
        try (InputStream in = BenchmarkPackSchemaTest.class.getResourceAsStream(resource)) {
            Set<ValidationMessage> errors = schema().validate(TestPacks.JSON.readTree(in));
            assertTrue(errors.isEmpty(), resource + ": " + errors);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemaCases")
    void theSchemaRejectsWhatItCanExpress(TestPacks.Case c) throws IOException {
        assertFalse(validate(c.json).isEmpty(), c.name + " must not conform to the schema");
    }

    @Test
    void theSchemaNamesTheLoadersFields() throws IOException {
        JsonNode s = schemaNode();
        assertEquals(BenchmarkPackLoader.PACK_FIELDS, names(s.get("properties")));
        JsonNode entry = s.get("$defs").get("entry");
        assertEquals(BenchmarkPackLoader.ENTRY_FIELDS, names(entry.get("properties")));
        assertEquals(BenchmarkPackLoader.SEGMENT_FIELDS, names(s.get("properties").get("segments").get("items").get("properties")));
        assertEquals(BenchmarkPackLoader.SOURCE_FIELDS, names(entry.get("properties").get("source").get("properties")));
        assertEquals(BenchmarkPackLoader.RANGE_FIELDS, names(entry.get("properties").get("range").get("properties")));
        assertEquals(BenchmarkPackLoader.RELATION_FIELDS, names(entry.get("properties").get("relation").get("properties")));
        assertEquals(Arrays.stream(Statistic.values()).map(Statistic::code).collect(Collectors.toSet()),
                names(s.get("$defs").get("statistics").get("properties")));
    }

    @Test
    void theSchemaNamesTheEngineMetricsAndTheSpiCodes() throws IOException {
        JsonNode d = schemaNode().get("$defs");
        assertEquals(StandardMetrics.ALL.stream().map(Metric::id).collect(Collectors.toSet()), texts(d.get("metric").get("enum")));
        assertEquals(StandardMetrics.ALL.stream().filter(m -> m.unit() == Metric.Unit.MONEY).map(Metric::id).collect(Collectors.toSet()),
                texts(d.get("moneyMetric").get("enum")));
        assertEquals(StandardMetrics.ALL.stream().filter(m -> m.unit() == Metric.Unit.RATIO).map(Metric::id).collect(Collectors.toSet()),
                texts(d.get("ratioMetric").get("enum")));
        assertEquals(Arrays.stream(Verification.values()).map(Verification::name).collect(Collectors.toSet()), texts(d.get("flag").get("enum")));
        JsonNode entry = d.get("entry").get("properties");
        assertEquals(Arrays.stream(Basis.values()).map(Basis::code).collect(Collectors.toSet()), texts(entry.get("basis").get("enum")));
        assertEquals(Arrays.stream(BenchmarkEntry.Kind.values()).map(BenchmarkEntry.Kind::code).collect(Collectors.toSet()),
                texts(entry.get("kind").get("enum")));
        assertEquals(Arrays.stream(BenchmarkEntry.Direction.values()).map(BenchmarkEntry.Direction::code).collect(Collectors.toSet()),
                texts(entry.get("relation").get("properties").get("direction").get("enum")));
        assertEquals(BenchmarkPackLoader.FORMAT, schemaNode().get("properties").get("format").get("const").asInt());
    }

    /** docs/benchmark-packs.md documents every field, kind, basis, flag and metric the loader knows. */
    @Test
    void theFormatDocumentNamesEveryFieldAndCode() throws IOException {
        java.nio.file.Path doc = java.nio.file.Path.of("../docs/benchmark-packs.md");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isRegularFile(doc), doc + " is absent");
        String text = java.nio.file.Files.readString(doc);
        Set<String> expected = new TreeSet<>();
        expected.addAll(BenchmarkPackLoader.PACK_FIELDS);
        expected.addAll(BenchmarkPackLoader.ENTRY_FIELDS);
        expected.addAll(BenchmarkPackLoader.SOURCE_FIELDS);
        expected.addAll(BenchmarkPackLoader.RANGE_FIELDS);
        expected.addAll(BenchmarkPackLoader.RELATION_FIELDS);
        Arrays.stream(BenchmarkEntry.Kind.values()).map(BenchmarkEntry.Kind::code).forEach(expected::add);
        Arrays.stream(Basis.values()).map(Basis::code).forEach(expected::add);
        Arrays.stream(Verification.values()).map(Verification::name).forEach(expected::add);
        Arrays.stream(Statistic.values()).map(Statistic::code).forEach(expected::add);
        StandardMetrics.ALL.stream().map(Metric::id).forEach(expected::add);
        List<String> missing = expected.stream().filter(f -> !text.contains("`" + f + "`") && !text.contains("{" + f + ",")
                && !text.contains(", " + f + "}") && !text.contains(", " + f + ",")).collect(Collectors.toList());
        assertTrue(missing.isEmpty(), "not documented in " + doc + ": " + missing);
        assertTrue(text.contains(BenchmarkPackLoader.SCHEMA_RESOURCE.substring(1)), "the doc names the schema resource");
        assertTrue(text.contains("1 MiB") && text.contains("16 deep") && text.contains("40 characters"), "the doc states the limits");
    }

    private static Set<String> names(JsonNode object) {
        Set<String> out = new TreeSet<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }

    private static Set<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).collect(Collectors.toCollection(TreeSet::new));
    }
}

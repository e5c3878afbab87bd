package io.persession.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.persession.cli.Main;
import io.persession.cli.demo.DemoShop;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Spark job equals {@code persession analyze} on the same input: the whole JSON result (definition, input counts,
 * totals, metrics, session starts, bots, rating, scenarios, leverage) and the rejects file, for every built-in
 * definition and a plugin definition, on a generated shop (bots, malformed rows, late rows, duplicates, refunds) and on
 * the shared third-party logs. Two fields may differ and are left out: where the rejects file is, and
 * {@code regrouped_visitors} (analyze streams and regroups late visitors; the job sorts, so it never needs to). Spark
 * runs with Kryo, as docs/spark.md advises; {@link SparkJobJarIT} runs the job with Java serialization.
 */
class SparkAnalyzeEqualityTest {
    static final Path DATA = Path.of("../../shared/data");
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ZONE = "Europe/Berlin";
    /** Definitions with a zone option: given the shop's zone, as a user would. */
    static final Set<String> ZONED = Set.of("midnight", "ua", "matomo");

    @TempDir
    static Path dir;
    static SparkSession spark;
    static Path shop;
    static List<Path> parts;

    @BeforeAll
    static void setUp() throws IOException {
        spark = LocalSpark.start("persession-equality", true);
        shop = dir.resolve("shop.csv");
        new DemoShop(DemoShop.Config.defaults().withVisitors(1_500).withDays(2)).write(shop);
        parts = split(shop, 4);
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"timeout", "midnight", "campaign", "referral", "ua", "ga4", "matomo", "adobe", "posthog", "by-id", "login-timeout"})
    void everyDefinitionGivesTheSameResultAsAnalyze(String definition) throws IOException {
        List<String> flags = new ArrayList<>(List.of("--definition", definition));
        if (ZONED.contains(definition)) {
            flags.addAll(List.of("--option", "zone=" + ZONE));
        }
        if (definition.equals("by-id")) {
            flags.addAll(List.of("--option", "column=campaign"));
        }
        Run cli = analyze(List.of(shop), flags);
        Run job = spark(List.of(shop.toString()), flags);
        assertSame(cli, job);
        JsonNode totals = job.json.get("totals");
        assertTrue(totals.get("sessions").asLong() > 1_500, "a real workload: " + totals);
        assertTrue(job.json.get("input").get("rejected").asLong() > 0, "the shop has malformed rows");
        assertTrue(job.json.get("input").get("duplicates").asLong() > 0, "the shop has duplicate rows");
        assertTrue(job.json.get("bots").get("sessions").asLong() > 0, "the shop has bots");
    }

    @Test
    void manyFilesInShuffledOrderAndManyPartitionsGiveTheSameResult() throws IOException {
        List<String> shuffled = new ArrayList<>();
        parts.forEach(p -> shuffled.add(p.toString()));
        Collections.shuffle(shuffled, new Random(7));
        assertTrue(!shuffled.equals(parts.stream().map(Path::toString).toList()), "the order given is not the sorted one");
        List<String> flags = List.of("--definition", "ua", "--option", "zone=" + ZONE);

        Run cli = analyze(parts, flags);
        List<String> jobFlags = new ArrayList<>(flags);
        jobFlags.addAll(List.of("--partitions", "7"));
        Run job = spark(shuffled, jobFlags);
        assertSame(cli, job);
        assertEquals(4, job.json.get("input").get("files").size());
        // and a folder of them, read in sorted order
        Run folder = spark(List.of(parts.get(0).getParent().toString()), jobFlags);
        assertEquals(strip(job.json), strip(folder.json));
    }

    /** The canonical columns in Parquet: as text (Spark's CSV reader), and typed (timestamps, decimals), read by both. */
    @ParameterizedTest(name = "typed {0}")
    @ValueSource(booleans = {false, true})
    void canonicalParquetGivesTheSameResultAsAnalyze(boolean typed) throws IOException {
        Path folder = dir.resolve("shop-parquet-" + typed);
        Dataset<Row> csv = spark.read().option("header", "true").option("escape", "\"").csv(shop.toString());
        if (typed) {
            csv = csv.withColumn("timestamp", functions.expr("try_to_timestamp(timestamp)"))
                    .withColumn("revenue", functions.expr("try_cast(revenue as decimal(18,6))"));
        }
        csv.coalesce(1).write().parquet(folder.toString());
        Path part;
        try (var files = Files.list(folder)) {
            part = files.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
        List<String> flags = List.of("--input-format", "parquet", "--definition", "ua", "--option", "zone=" + ZONE);
        Run job = spark(List.of(folder.toString()), flags);
        assertSame(analyze(List.of(part), flags), job);
        Run fromCsv = spark(List.of(shop.toString()), List.of("--definition", "ua", "--option", "zone=" + ZONE));
        assertEquals(fromCsv.json.get("totals").get("revenue"), job.json.get("totals").get("revenue"), "the same money as the CSV");
        assertTrue(job.json.get("totals").get("sessions").asLong() > 1_500, "a real workload: " + job.json.get("totals"));
    }

    @Test
    void sessionsTableHoldsEverySession() throws IOException {
        Path table = dir.resolve("sessions.parquet");
        Run job = spark(List.of(shop.toString()), List.of("--definition", "timeout", "--sessions", table.toString()));
        Dataset<Row> sessions = spark.read().parquet(table.toString());
        long counted = job.json.get("totals").get("sessions").asLong();
        long bots = job.json.get("bots").get("sessions").asLong();
        assertEquals(counted + bots, sessions.count(), "counted sessions and bot sessions");
        assertEquals(bots, sessions.filter(functions.col("bot").isNotNull()).count());
        BigDecimal revenue = sessions.filter(functions.col("bot").isNull()).agg(functions.sum("revenue")).first().getDecimal(0);
        assertEquals(0, new BigDecimal(job.json.get("totals").get("revenue").asText()).compareTo(revenue),
                "revenue of the counted sessions: " + revenue);
        assertEquals(Set.of("EUR"), Set.copyOf(sessions.select("currency").distinct().as(org.apache.spark.sql.Encoders.STRING()).collectAsList()));
    }

    @Test
    void sharedGa360LogUnderUniversalAnalytics() throws IOException {
        Path ga360 = DATA.resolve("ga360-merch-store-2017-08-01/events.csv");
        assumeTrue(Files.isRegularFile(ga360), "the shared data is not here: " + ga360.toAbsolutePath());
        List<String> flags = List.of("--definition", "ua", "--option", "zone=America/Los_Angeles");
        assertSame(analyze(List.of(ga360), flags), spark(List.of(ga360.toString()), flags));
    }

    @Test
    void sharedSnowplowLogWithCurrencyConversion() throws IOException {
        Path snowplow = DATA.resolve("snowplow-ecommerce-test-events/events.csv");
        assumeTrue(Files.isRegularFile(snowplow), "the shared data is not here: " + snowplow.toAbsolutePath());
        List<String> flags = List.of("--currency", "EUR", "--fx", "USD=1");
        Run job = spark(List.of(snowplow.toString()), flags);
        assertSame(analyze(List.of(snowplow), flags), job);
        assertEquals("EUR", job.json.get("totals").get("currency").asText());
    }

    @Test
    void mixedCurrenciesFailAsInAnalyze() {
        Path snowplow = DATA.resolve("snowplow-ecommerce-test-events/events.csv");
        assumeTrue(Files.isRegularFile(snowplow), "the shared data is not here: " + snowplow.toAbsolutePath());
        Outcome o = run(List.of(snowplow.toString(), "--rejects", dir.resolve("mixed-rejects.csv").toString()));
        assertEquals(3, o.code, o.err);
        assertTrue(o.err.contains("mixes currencies") && o.err.contains("EUR") && o.err.contains("USD"), o.err);
    }

    @Test
    void errorsAreOneLineWithTheCliExitCodes() {
        Outcome unknown = run(List.of("--definition", "nope", shop.toString()));
        assertEquals(4, unknown.code, unknown.err);
        assertTrue(unknown.err.contains("timeout") && unknown.err.contains("login-timeout"), "lists the installed definitions: " + unknown.err);
        assertEquals(1, unknown.err.strip().lines().count(), unknown.err);

        Outcome missing = run(List.of(dir.resolve("absent.csv").toString()));
        assertEquals(3, missing.code, missing.err);
        assertTrue(missing.err.contains("absent.csv"), missing.err);

        Path rejects = dir.resolve("strict-rejects.csv");
        Outcome strict = run(List.of("--max-rejects", "0", "--rejects", rejects.toString(), shop.toString()));
        assertEquals(3, strict.code, strict.err);
        assertTrue(strict.err.contains("--max-rejects"), strict.err);
        assertTrue(Files.exists(rejects), "the rejects are written before the run fails");

        Outcome badOption = run(List.of("--bot-option", "behaviour", shop.toString()));
        assertEquals(2, badOption.code, badOption.err);
    }

    // --- the two runs

    record Run(ObjectNode json, List<List<String>> rejects) {
    }

    record Outcome(int code, String out, String err) {
    }

    static Run analyze(List<Path> files, List<String> flags) throws IOException {
        Path rejects = Files.createTempFile(dir, "cli-rejects", ".csv");
        List<String> args = new ArrayList<>(List.of("analyze", "--format", "json", "--progress", "never", "--quiet",
                "--rejects", rejects.toString()));
        args.addAll(flags);
        files.forEach(f -> args.add(f.toString()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err), Map.of());
        assertEquals(0, code, "persession analyze " + args + ": " + err);
        return new Run((ObjectNode) JSON.readTree(out.toString()), rejects(rejects));
    }

    static Run spark(List<String> inputs, List<String> flags) throws IOException {
        Path rejects = Files.createTempFile(dir, "spark-rejects", ".csv");
        List<String> args = new ArrayList<>(List.of("--rejects", rejects.toString()));
        args.addAll(flags);
        args.addAll(inputs);
        Outcome o = run(args);
        assertEquals(0, o.code, "persession-spark " + args + ": " + o.err);
        return new Run((ObjectNode) JSON.readTree(o.out), rejects(rejects));
    }

    static Outcome run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SparkAnalyzeCommand.execute(spark, args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        return new Outcome(code, out.toString(), err.toString());
    }

    static void assertSame(Run cli, Run job) {
        assertEquals(strip(cli.json), strip(job.json));
        assertEquals(cli.rejects, job.rejects, "the same rejected rows, reasons and text, in the same order");
    }

    /** Without the two fields that may differ (see the class comment). */
    static JsonNode strip(ObjectNode json) {
        ObjectNode copy = json.deepCopy();
        ObjectNode input = (ObjectNode) copy.get("input");
        input.remove("rejects_file");
        input.remove("regrouped_visitors");
        return copy;
    }

    /** The rejects file's records, the file column reduced to the file's name (the job names it by URI). */
    static List<List<String>> rejects(Path file) throws IOException {
        List<List<String>> out = new ArrayList<>();
        if (Files.size(file) == 0) {
            return out;
        }
        try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(file)) {
            for (CsvRecord r : csv) {
                List<String> fields = new ArrayList<>(r.getFields());
                fields.set(0, Path.of(fields.get(0).replaceFirst("^file:", "")).getFileName().toString());
                out.add(fields);
            }
        }
        return out;
    }

    /** The file's rows in {@code n} consecutive parts (each with the header), named in order. */
    static List<Path> split(Path file, int n) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String header = lines.get(0);
        List<String> rows = lines.subList(1, lines.size());
        Path folder = Files.createDirectories(dir.resolve("parts"));
        List<Path> out = new ArrayList<>();
        int size = (rows.size() + n - 1) / n;
        int written = 0;
        for (int i = 0; i < n; i++) {
            List<String> part = new ArrayList<>();
            part.add(header);
            part.addAll(rows.subList(Math.min(rows.size(), i * size), Math.min(rows.size(), (i + 1) * size)));
            written += part.size() - 1;
            Path p = folder.resolve("part-" + i + ".csv");
            Files.write(p, part, StandardCharsets.UTF_8);
            out.add(p);
        }
        assertEquals(rows.size(), written, "every row in one part");
        return out;
    }
}

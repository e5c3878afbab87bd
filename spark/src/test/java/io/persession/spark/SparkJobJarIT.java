package io.persession.spark;

import static io.persession.spark.LocalSpark.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The job jar as spark-submit would ship it: failsafe puts {@code persession-spark-*-job.jar} on the class path
 * instead of the modules' classes and their Guava (see the pom), so this checks the merged service files and
 * the relocated Guava, which the {@code referral} definition uses for registrable domains.
 */
class SparkJobJarIT {
    private static final long MINUTE = 60_000L;
    private static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = LocalSpark.start("persession-job-jar");
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void runsFromTheJobJarWithItsRelocatedGuava() {
        String codeSource = io.persession.engine.Sessionizer.class.getProtectionDomain().getCodeSource().getLocation().toString();
        assertTrue(codeSource.endsWith("-job.jar"), "persession classes should come from the job jar, not " + codeSource);
        assertThrows(ClassNotFoundException.class, () -> Class.forName("com.google.common.net.InternetDomainName"),
                "unrelocated Guava on the test class path: the job jar is not what is tested");

        String page = "https://shop.example.com/";
        List<Row> rows = List.of(
                event("e", 0L, page, "https://www.google.com/"),
                // a subdomain of the site itself: internal, no new session
                event("e", MINUTE, page + "cart", "https://blog.example.com/post"),
                // the same referrer as the entry: no new session
                event("e", 2 * MINUTE, page + "item", "https://google.com/search"),
                // another external referrer: a new session
                event("e", 3 * MINUTE, page, "https://www.bing.com/"));

        assertEquals(1, LocalSpark.countSessions(spark, rows, "timeout", Map.of()));
        assertEquals(2, LocalSpark.countSessions(spark, rows, "referral", Map.of()));
    }

    /** What the cluster provides stays out of the job jar, so its versions never clash with the cluster's. */
    @Test
    void theJobJarLeavesOutWhatTheClusterProvides() throws Exception {
        Path jar = Path.of(SparkAnalyzeCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertTrue(jar.getFileName().toString().endsWith("-job.jar"), jar.toString());
        List<String> provided = List.of("org/apache/spark/", "scala/", "org/apache/hadoop/", "org/apache/parquet/", "org/xerial/snappy/",
                "com/fasterxml/jackson/", "org/slf4j/", "ch/qos/logback/", "org/apache/logging/log4j/", "com/google/common/",
                "com/github/benmanes/caffeine/");
        try (java.util.jar.JarFile j = new java.util.jar.JarFile(jar.toFile())) {
            List<String> clashing = j.stream().map(java.util.jar.JarEntry::getName)
                    .filter(n -> provided.stream().anyMatch(n::startsWith)).limit(5).toList();
            assertEquals(List.of(), clashing, "classes the cluster provides (or that must be relocated) in " + jar);
            assertTrue(j.getEntry("io/persession/shaded/guava/common/net/InternetDomainName.class") != null, "Guava, relocated");
            assertTrue(j.getEntry("io/persession/formats/parquet/CanonicalParquetFormat.class") != null, "the Parquet formats");
        }
    }

    /**
     * The whole job from the job jar: the CSV format, the {@code ua} definition, the Yauaa user-agent classifier and the
     * built-in benchmark packs all found through the jar's merged service files; exact figures on a small log with a
     * bot, a duplicate, a malformed row and a campaign change.
     */
    @Test
    void theJobRunsFromTheJobJar(@TempDir Path dir) throws IOException {
        String chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";
        String bot = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
        Path events = dir.resolve("events.csv");
        Files.writeString(events, String.join("\n",
                "timestamp,visitor_id,event,revenue,currency,source,medium,user_agent,event_id,order_id",
                "2024-05-01T10:00:00Z,v1,pageview,,,google,cpc,\"" + chrome + "\",e1,",
                "2024-05-01T10:05:00Z,v1,purchase,40.00,EUR,google,cpc,\"" + chrome + "\",e2,o1",
                "2024-05-01T10:05:00Z,v1,purchase,40.00,EUR,google,cpc,\"" + chrome + "\",e2,o1",
                "2024-05-01T10:10:00Z,v1,pageview,,,newsletter,email,\"" + chrome + "\",e3,",
                "2024-05-01T11:00:00Z,v2,pageview,,,,,\"" + chrome + "\",e4,",
                "2024-05-01T11:01:00Z,v2,purchase,10.50,EUR,,,\"" + chrome + "\",e5,o2",
                "2024-05-01T12:00:00Z,b1,pageview,,,,,\"" + bot + "\",e6,",
                "not-a-time,v3,pageview,,,,,,e7,",
                ""), java.nio.charset.StandardCharsets.UTF_8);
        for (Class<?> c : List.of(SparkAnalyzeCommand.class, nl.basjes.parse.useragent.UserAgentAnalyzer.class, de.siegmar.fastcsv.reader.CsvReader.class)) {
            String source = c.getProtectionDomain().getCodeSource().getLocation().toString();
            assertTrue(source.endsWith("-job.jar"), c.getName() + " should come from the job jar, not " + source);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SparkAnalyzeCommand.execute(spark, new String[] {"--definition", "ua", "--option", "zone=Europe/Berlin",
            "--pack", "ecommerce", "--segment", "all-industries", "--max-rejects", "1", "--rejects", dir.resolve("rejects.csv").toString(),
            events.toString()}, new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, code, err.toString());
        JsonNode json = new ObjectMapper().readTree(out.toString());
        JsonNode input = json.get("input");
        assertEquals(8, input.get("rows").asLong());
        assertEquals(6, input.get("accepted").asLong());
        assertEquals(1, input.get("rejected").asLong());
        assertEquals(1, input.get("duplicates").asLong());
        JsonNode totals = json.get("totals");
        assertEquals(3, totals.get("sessions").asLong(), "v1: google then newsletter (campaign change); v2: one; the bot left out");
        assertEquals("50.50", totals.get("revenue").asText());
        assertEquals(1, json.get("bots").get("by_reason").get("user-agent:robot").get("sessions").asLong());
        assertEquals(Map.of("campaign", 1L, "first", 2L), Map.of("campaign", json.get("session_starts").get("campaign").asLong(),
                "first", json.get("session_starts").get("first").asLong()));
        assertTrue(json.get("rating") != null && !json.get("rating").isNull(), "the ecommerce pack came from the job jar: " + json.get("rating"));
        assertTrue(Files.readString(dir.resolve("rejects.csv")).contains("not-a-time"), "the malformed row is in the rejects file");
    }
}

package io.persession.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.persession.formats.parquet.ParquetRows;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The GA4 sample of {@code ../../shared/data} end to end through the packaged distribution, as Parquet (read by the
 * {@code ga4-export-parquet} plugin from {@code plugins/formats-parquet/}) and as JSON Lines (converted here once from
 * the Parquet file with that plugin's reader, read by the built-in {@code ga4-export}): {@code analyze} and
 * {@code compare} give identical figures, and {@code by-id} on {@code ga_session_id} gives GA4's own session count
 * (distinct user_pseudo_id and ga_session_id pairs) next to the rule-based definitions. Skipped where the data is absent.
 */
class Ga4SampleIT {
    static final Path SAMPLE = SharedDataIT.DATA.resolve("ga4-obfuscated-sample-ecommerce/ga4_events_sampled.snappy.parquet");

    @TempDir
    static Path tmp;
    static Path jsonl;
    /** GA4's own sessions: distinct (user_pseudo_id, ga_session_id), counted from the Parquet rows. */
    static long ga4Sessions;

    @BeforeAll
    static void convert() throws IOException {
        assumeTrue(Files.isRegularFile(SAMPLE), "no shared data at " + SAMPLE.toAbsolutePath());
        assertTrue(Files.isExecutable(SharedDataIT.LAUNCHER), "run the package phase first");
        jsonl = tmp.resolve("ga4_events_sampled.jsonl");
        ObjectMapper json = new ObjectMapper();
        Set<String> sessions = new HashSet<>();
        try (BufferedWriter w = Files.newBufferedWriter(jsonl, StandardCharsets.UTF_8)) {
            ParquetRows.read(SAMPLE, (row, record) -> {
                try {
                    w.write(json.writeValueAsString(record));
                    w.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                for (Object p : (List<?>) record.get("event_params")) {
                    Map<?, ?> m = (Map<?, ?>) p;
                    if ("ga_session_id".equals(m.get("key"))) {
                        sessions.add(record.get("user_pseudo_id") + "/" + ((Map<?, ?>) m.get("value")).get("int_value"));
                    }
                }
            });
        }
        ga4Sessions = sessions.size();
    }

    @Test
    void theParquetFormatComesFromItsPluginFolder() {
        SharedDataIT.Proc p = SharedDataIT.persession(tmp, List.of("formats"));
        assertEquals(0, p.code, p.describe());
        assertTrue(p.out.contains("ga4-export-parquet\n"), p.out);
        assertTrue(p.out.replace('\\', '/').contains("plugins/formats-parquet\n"), "its source is the folder:\n" + p.out);
    }

    @Test
    void analyzeReadsParquetAndJsonLinesAlike() {
        JsonNode parquet = SharedDataIT.persession(tmp, List.of("analyze", SAMPLE.toAbsolutePath().toString(), "--format", "json")).assertPureJson();
        JsonNode json = SharedDataIT.persession(tmp, List.of("analyze", jsonl.toString(), "--format", "json")).assertPureJson();
        assertEquals(24_219, parquet.at("/input/rows").asLong());
        assertEquals(0, parquet.at("/input/rejected").asLong());
        assertEquals(parquet.at("/input/rows").asLong(), parquet.at("/input/accepted").asLong() + parquet.at("/input/duplicates").asLong());
        assertEquals(19_210, parquet.at("/totals/visitors").asLong());
        assertEquals(parquet.get("totals"), json.get("totals"));
        assertEquals(parquet.get("metrics"), json.get("metrics"));
        assertEquals(parquet.at("/input/rows"), json.at("/input/rows"));
    }

    @Test
    void byIdOnGaSessionIdGivesGa4sOwnSessionsBesideTheRules() throws IOException {
        List<String> compare = List.of("compare", "--definitions", "by-id,ga4,timeout", "--option", "by-id.column=ga_session_id");
        SharedDataIT.Proc table = SharedDataIT.persession(tmp, concat(compare, SAMPLE.toAbsolutePath().toString()));
        assertEquals(0, table.code, table.describe());
        String report = "\ncompare on the GA4 sample (Parquet, through plugins/formats-parquet):\n$ persession compare "
                + "../shared/data/ga4-obfuscated-sample-ecommerce/ga4_events_sampled.snappy.parquet --definitions by-id,ga4,timeout --option by-id.column=ga_session_id\n"
                + table.out + "\nGA4's own sessions (distinct user_pseudo_id + ga_session_id): " + ga4Sessions + "\n";
        System.out.println(report);
        Files.writeString(Path.of("target/ga4-compare.txt"), report, StandardCharsets.UTF_8);

        for (Path file : List.of(SAMPLE.toAbsolutePath(), jsonl)) {
            JsonNode j = SharedDataIT.persession(tmp, concat(compare, file.toString(), "--format", "json")).assertPureJson();
            JsonNode defs = j.get("definitions");
            assertEquals("by-id", defs.get(0).at("/definition/id").asText());
            assertEquals(ga4Sessions, defs.get(0).at("/totals/sessions").asLong(), "by-id on ga_session_id is GA4's own count: " + file);
            assertEquals(0, defs.get(0).at("/missing_values/ga_session_id").asLong(), file.toString());
            assertEquals("ga4", defs.get(1).at("/definition/id").asText());
            assertEquals("timeout", defs.get(2).at("/definition/id").asText());
            assertTrue(defs.get(1).at("/totals/sessions").asLong() > 0);
        }
    }

    static List<String> concat(List<String> first, String... more) {
        java.util.ArrayList<String> all = new java.util.ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }
}

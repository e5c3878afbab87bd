package io.persession.cli;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The canonical columns in a typed Parquet file, read by the distribution's {@code parquet} format from its plugin folder,
 * which checks the rows with the CLI's own input reader ({@code io.persession.input} comes from the host).
 */
class CanonicalParquetIT {
    static final Path FILE = Path.of("src/test/resources/cli/canonical.parquet");

    @Test
    void typedParquetIsReadAsTheCsvFormatWould(@TempDir Path tmp) throws IOException {
        Path rejects = tmp.resolve("rejects.csv");
        JsonNode json = SharedDataIT.persession(tmp, List.of("analyze", FILE.toAbsolutePath().toString(), "--input-format", "parquet",
                "--format", "json", "--max-rejects", "2", "--bot-classifiers", "none", "--rejects", rejects.toString())).assertPureJson();
        assertEquals(7, json.at("/input/rows").asLong());
        assertEquals(4, json.at("/input/accepted").asLong());
        assertEquals(2, json.at("/input/rejected").asLong());
        assertEquals(1, json.at("/input/duplicate_events").asLong());
        assertEquals(3, json.at("/totals/sessions").asLong(), "v1: two visits an hour apart; v2: one");
        assertEquals("50.49", json.at("/totals/revenue").asText(), "40.50 + 9.99, decimals exact");
        List<String> lines = Files.readAllLines(rejects);
        assertEquals(3, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(1).contains(",6,bad-revenue: negative revenue '-3.000000'"), lines.get(1));
        assertTrue(lines.get(2).contains(",7,bad-timestamp: empty timestamp"), lines.get(2));
    }

    @Test
    void autoKeepsReadingParquetAsGa4() {
        SharedDataIT.Proc p = SharedDataIT.persession(Path.of("target"), List.of("analyze", FILE.toAbsolutePath().toString(), "--format", "json"));
        assertEquals(3, p.code, p.describe());
        assertTrue(p.err.contains("event_timestamp"), "auto chose ga4-export-parquet, which names its missing column: " + p.err);
    }
}

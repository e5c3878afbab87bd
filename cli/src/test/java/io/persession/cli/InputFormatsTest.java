package io.persession.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Input formats through the real command line: detection, {@code --input-format}, {@code --input-option}, and the
 * same bad-input guarantees as the canonical CSV for every format (rejects file with file, line and reason; rows read =
 * accepted + rejected + duplicates; exit codes).
 */
class InputFormatsTest {
    private static final String UA = "Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0";
    static final String ACCESS_LOG = String.join("\n",
            "203.0.113.7 - - [10/Oct/2000:13:55:36 -0700] \"GET /?utm_source=news&utm_medium=email HTTP/1.1\" 200 2326 \"-\" \"" + UA + "\"",
            "203.0.113.7 - - [10/Oct/2000:13:55:37 -0700] \"GET /app.js HTTP/1.1\" 200 100 \"https://shop.example/\" \"" + UA + "\"",
            "203.0.113.7 - - [10/Oct/2000:15:00:00 -0700] \"GET /products HTTP/1.1\" 200 100 \"-\" \"" + UA + "\"",
            "198.51.100.2 - - [10/Oct/2000:13:57:00 -0700] \"GET /about HTTP/1.1\" 200 0 \"-\" \"curl/8.0\"",
            "garbage from 203.0.113.7",
            "") ;

    @TempDir
    Path dir;

    Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void formatsListsEveryInstalledFormat() {
        Cli.Result r = Cli.run("formats").assertOk();
        for (String id : List.of("access-log", "csv", "ga4-export", "jsonl", "snowplow")) {
            assertTrue(r.out().lines().anyMatch(l -> l.equals(id)), id + " listed:\n" + r.out());
        }
        assertFalse(r.out().contains("ga4-export-parquet"), "Parquet is a plugin folder of the distribution, not on the CLI's class path");
        assertTrue(r.out().contains("recognised by: a .csv name; else any text that is not JSON (the fallback)"), r.out());
        assertTrue(r.out().contains("--input-option access-log.salt="), r.out());
        assertTrue(r.out().contains("from: "), r.out());
    }

    @Test
    void accessLogIsDetectedAndRejectsReconcileWithoutTheAddress() throws IOException {
        Path log = write("access.log", ACCESS_LOG);
        Path rejects = dir.resolve("rejects.csv");
        JsonNode j = Cli.run("analyze", log.toString(), "--rejects", rejects.toString(), "--max-rejects", "1", "--format", "json",
                "--input-option", "access-log.salt=s3cret", "--bot-classifiers", "none").assertOk().json();
        JsonNode in = j.get("input");
        assertEquals(5, in.get("rows").asLong());
        assertEquals(4, in.get("accepted").asLong());
        assertEquals(1, in.get("rejected").asLong());
        assertEquals(in.get("rows").asLong(), in.get("accepted").asLong() + in.get("rejected").asLong() + in.get("duplicates").asLong());
        assertEquals(3, j.at("/totals/pageviews").asLong(), "the .js request is an other event");
        assertEquals(2, j.at("/totals/visitors").asLong());
        assertEquals(3, j.at("/totals/sessions").asLong(), "the 15:00 page is a new session after 30 minutes");
        String text = Cli.read(rejects);
        List<Map<String, String>> rows = Cli.csv(text);
        assertEquals(1, rows.size());
        assertEquals(log.toString(), rows.get(0).get("file"));
        assertEquals("5", rows.get(0).get("line"));
        assertTrue(rows.get(0).get("reason").startsWith("bad-line: not in the combined log format"), rows.get(0).get("reason"));
        assertFalse(text.contains("203.0.113.7"), "no raw address in the rejects file:\n" + text);
        assertEquals("[address masked] from [address masked]", rows.get(0).get("row"));
    }

    @Test
    void tooManyRejectsIsExitCode3ForEveryFormat() throws IOException {
        Path log = write("access.log", ACCESS_LOG);
        String m = Cli.run("analyze", log.toString(), "--rejects", dir.resolve("r.csv").toString(), "--max-rejects", "0").assertFailed(3).message();
        assertTrue(m.contains("1 of 5 rows rejected, more than --max-rejects 0 allows"), m);
    }

    @Test
    void snowplowTsvGzippedWithByIdOnDomainSessionId() throws IOException {
        String[] fields = new String[131];
        StringBuilder b = new StringBuilder();
        String[][] events = {
                {"2021-03-01 12:00:00.000", "page_view", "e1", "d1", "s1", ""},
                {"2021-03-01 12:10:00.000", "page_view", "e2", "d1", "s1", ""},
                {"2021-03-01 12:15:00.000", "transaction", "e3", "d1", "s2", "20.00"},
                {"2021-03-01 12:15:00.000", "transaction", "e3", "d1", "s2", "20.00"},
        };
        for (String[] e : events) {
            Arrays.fill(fields, "");
            fields[3] = e[0];    // collector_tstamp
            fields[5] = e[1];    // event
            fields[6] = e[2];    // event_id
            fields[15] = e[3];   // domain_userid
            fields[123] = e[4];  // domain_sessionid
            fields[61] = e[5];   // tr_total
            fields[108] = e[5].isEmpty() ? "" : "EUR"; // tr_currency
            b.append(String.join("\t", fields)).append('\n');
        }
        b.append("not\tenough\tfields\n");
        Path gz = dir.resolve("enriched.tsv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(b.toString().getBytes(StandardCharsets.UTF_8));
        }
        Path rejects = dir.resolve("rejects.csv");
        JsonNode j = Cli.run("compare", gz.toString(), "--definitions", "by-id,timeout", "--option", "by-id.column=domain_sessionid",
                "--rejects", rejects.toString(), "--max-rejects", "1", "--format", "json").assertOk().json();
        JsonNode in = j.get("input");
        assertEquals(5, in.get("rows").asLong());
        assertEquals(3, in.get("accepted").asLong());
        assertEquals(1, in.get("rejected").asLong());
        assertEquals(1, in.get("duplicates").asLong(), "same event_id");
        assertEquals(2, j.at("/definitions/0/totals/sessions").asLong(), "by-id: s1 and s2");
        assertEquals(1, j.at("/definitions/1/totals/sessions").asLong(), "timeout: one session");
        Map<String, String> reject = Cli.csv(Cli.read(rejects)).get(0);
        assertEquals("5", reject.get("line"));
        assertEquals("field-count: the line has 3 tab-separated fields; an enriched event has 131", reject.get("reason"));
    }

    @Test
    void ga4ExportJsonLinesByExplicitFormatWithCurrencyConversion() throws IOException {
        String purchase = "{\"event_timestamp\":\"1606780900000000\",\"event_name\":\"purchase\",\"user_pseudo_id\":\"u1\",\"event_params\":["
                + "{\"key\":\"currency\",\"value\":{\"string_value\":\"USD\"}},{\"key\":\"ga_session_id\",\"value\":{\"int_value\":\"7\"}}],"
                + "\"ecommerce\":{\"purchase_revenue\":\"10.00\",\"transaction_id\":\"T1\"}}";
        String yen = purchase.replace("USD", "JPY").replace("T1", "T2");
        Path f = write("export.txt", purchase + "\n" + yen + "\n");
        Path rejects = dir.resolve("rejects.csv");
        JsonNode j = Cli.run("analyze", f.toString(), "--input-format", "ga4-export", "--currency", "EUR", "--fx", "USD=0.9",
                "--rejects", rejects.toString(), "--max-rejects", "1", "--format", "json").assertOk().json();
        assertEquals(1, j.at("/input/rejected").asLong());
        assertEquals("9", j.at("/totals/revenue").asText().replaceAll("\\.0+$", ""));
        Map<String, String> reject = Cli.csv(Cli.read(rejects)).get(0);
        assertEquals("2", reject.get("line"));
        assertTrue(reject.get("reason").startsWith("no-rate: revenue in JPY, but the analysis currency is EUR"), reject.get("reason"));
        assertEquals(yen, reject.get("row"));
    }

    @Test
    void unknownFormatsAndOptionsAreUsageErrors() throws IOException {
        Path log = write("access.log", ACCESS_LOG);
        String m = Cli.run("analyze", log.toString(), "--input-format", "acces-log").assertFailed(2).message();
        assertTrue(m.contains("Unknown input format 'acces-log'") && m.contains("Did you mean 'access-log'?"), m);
        m = Cli.run("analyze", log.toString(), "--input-option", "access-log.sallt=x").assertFailed(2).message();
        assertTrue(m.contains("the input format access-log has no option 'sallt'; its options: salt, asset-extensions, site"), m);
        m = Cli.run("analyze", log.toString(), "--input-option", "salt=x").assertFailed(2).message();
        assertTrue(m.contains("name the format"), m);
        m = Cli.run("analyze", log.toString(), "--input-option", "access-log.site=shop").assertFailed(2).message();
        assertTrue(m.contains("expected a scheme and host"), m);
    }

    @Test
    void aDefinitionColumnTheFormatLacksIsExitCode3() throws IOException {
        Path log = write("access.log", ACCESS_LOG);
        String m = Cli.run("analyze", log.toString(), "--definition", "by-id", "--option", "column=ga_session_id").assertFailed(3).message();
        assertTrue(m.contains("access logs have no column 'ga_session_id'"), m);
    }
}

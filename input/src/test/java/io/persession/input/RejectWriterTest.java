package io.persession.input;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RejectWriterTest {
    @TempDir
    Path dir;

    @Test
    void writesQuotedCsvAndCountsByReason() {
        StringWriter out = new StringWriter();
        try (RejectWriter w = new RejectWriter(out)) {
            w.reject("in.csv", 3, "bad-timestamp", "'2017-13-01' is not an ISO-8601 timestamp or epoch milliseconds", "2017-13-01,v1,pageview");
            w.reject("in,2.csv", 7, "bad-json", "malformed \"JSON\"\nsecond line", "{\"a\":");
            w.reject("in.csv", 9, "bad-timestamp", "empty timestamp", null);
            assertEquals(3, w.count());
            assertEquals(Map.of("bad-timestamp", 2L, "bad-json", 1L), w.countsByReason());
            assertTrue(w.writes());
        }
        assertEquals("file,line,reason,row\n"
                + "in.csv,3,bad-timestamp: '2017-13-01' is not an ISO-8601 timestamp or epoch milliseconds,\"2017-13-01,v1,pageview\"\n"
                + "\"in,2.csv\",7,\"bad-json: malformed \"\"JSON\"\" second line\",\"{\"\"a\"\":\"\n"
                + "in.csv,9,bad-timestamp: empty timestamp,\n", out.toString());
    }

    @Test
    void writesToAPath() throws IOException {
        Path f = dir.resolve("rejects.csv");
        try (RejectWriter w = new RejectWriter(f)) {
            w.reject("é.csv", 2, "empty-visitor", "empty visitor_id", "a,,b");
        }
        assertEquals(List.of("file,line,reason,row", "é.csv,2,empty-visitor: empty visitor_id,\"a,,b\""),
                Files.readAllLines(f, StandardCharsets.UTF_8));
    }

    @Test
    void countingOnly() {
        try (RejectWriter w = RejectWriter.countingOnly()) {
            w.reject("a", 1, "field-count", "row has 2 fields, header has 3", "x,y");
            assertEquals(1, w.count());
            assertFalse(w.writes());
        }
    }

    @Test
    void csvLineQuotesWhereNeeded() {
        assertEquals("a,\"b,c\",\"d\"\"e\",\"f\ng\",", RejectWriter.csvLine(List.of("a", "b,c", "d\"e", "f\ng", "")));
    }
}

package io.persession.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.persession.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code by-id} definition through the CLI: sessions given by a column of the input, read from CSV and
 * JSON Lines; events without a value counted and reported; a missing column is a whole-input error.
 *
 * <pre>
 * ann  10:00 s1, 10:05 s1, 10:07 (none), 10:40 s1 (a 33 min gap, same id), 10:41 s2   -> 2 sessions, 1 without
 * ben  10:00 (none), 10:01 b1, 10:02 b2                                                 -> 2 sessions, 1 without
 * under timeout: ann 2 (the 33 min gap), ben 1                                          -> 3 sessions
 * </pre>
 */
class ByIdTest {
    static final String CSV = "timestamp,visitor_id,event,revenue,currency,ga_session_id\n"
            + "2026-03-02T10:00:00Z,ann,pageview,,,s1\n"
            + "2026-03-02T10:05:00Z,ann,pageview,,,s1\n"
            + "2026-03-02T10:07:00Z,ann,add_to_cart,,,\n"
            + "2026-03-02T10:40:00Z,ann,purchase,20.00,EUR,s1\n"
            + "2026-03-02T10:41:00Z,ann,pageview,,,s2\n"
            + "2026-03-02T10:00:00Z,ben,pageview,,,\n"
            + "2026-03-02T10:01:00Z,ben,pageview,,,b1\n"
            + "2026-03-02T10:02:00Z,ben,pageview,,,b2\n";

    @TempDir
    Path dir;

    private Cli.Result run(Path file, String... more) {
        return Cli.run(Cli.args(List.of("analyze", file.toString(), "--rejects", dir.resolve("rejects.csv").toString()), more));
    }

    @Test
    void sessionsFollowTheColumnAndEventsWithoutAValueAreCounted() throws IOException {
        Path csv = Files.writeString(dir.resolve("ids.csv"), CSV);
        JsonNode j = run(csv, "-d", "by-id", "-o", "column=ga_session_id", "-f", "json").assertOk().json();
        assertEquals(4, j.get("totals").get("sessions").asLong());
        assertEquals(2, j.get("session_starts").get("first").asLong());
        assertEquals(2, j.get("session_starts").get("session-id").asLong());
        assertEquals(2, j.get("missing_values").get("ga_session_id").asLong());
        assertEquals("ga_session_id", j.get("definition").get("options").get("column").asText());
        // a timeout splits ann's 33-minute gap, which the tracker's id does not, and not ben's new id
        assertEquals(3, run(csv, "-f", "json").assertOk().json().get("totals").get("sessions").asLong());
        assertFalse(run(csv, "-f", "json").assertOk().json().has("missing_values"), "definitions that read no extra column report none");

        String table = run(csv, "-d", "by-id", "-o", "column=ga_session_id").assertOk().out();
        assertTrue(table.contains("Events without a value in column 'ga_session_id': 2 (they continue the visitor's current session)"), table);
        assertTrue(table.contains("Session starts: first 2 · session-id 2"), table);

        List<Map<String, String>> rows = Cli.csv(Cli.run("sessions", csv.toString(), "--rejects", dir.resolve("rejects.csv").toString(),
                "-d", "by-id", "-o", "column=ga_session_id", "--explain").assertOk().out());
        Map<String, String> s2 = rows.stream().filter(r -> r.get("visitor_id").equals("ann") && r.get("start_reason").equals("session-id"))
                .findFirst().orElseThrow();
        assertEquals("2026-03-02T10:41:00Z", s2.get("start"));
        assertEquals("a new ga_session_id: s2", s2.get("explanation"));
        assertEquals("60.000", s2.get("gap_seconds"));
    }

    @Test
    void jsonLinesAndHeaderCaseAreReadToo() throws IOException {
        Path jsonl = Files.writeString(dir.resolve("ids.jsonl"), String.join("\n",
                "{\"timestamp\":\"2026-03-02T10:00:00Z\",\"visitor_id\":\"ann\",\"event\":\"pageview\",\"ga_session_id\":1001}",
                "{\"timestamp\":\"2026-03-02T10:05:00Z\",\"visitor_id\":\"ann\",\"event\":\"pageview\",\"ga_session_id\":null}",
                "{\"timestamp\":\"2026-03-02T10:06:00Z\",\"visitor_id\":\"ann\",\"event\":\"pageview\"}",
                "{\"timestamp\":\"2026-03-02T10:07:00Z\",\"visitor_id\":\"ann\",\"event\":\"pageview\",\"GA_SESSION_ID\":1002}") + "\n");
        JsonNode j = run(jsonl, "-d", "by-id", "-o", "column=ga_session_id", "-f", "json").assertOk().json();
        assertEquals(2, j.get("totals").get("sessions").asLong());
        assertEquals(2, j.get("missing_values").get("ga_session_id").asLong());
        Path upper = Files.writeString(dir.resolve("upper.csv"), CSV.replaceFirst("ga_session_id", "GA_Session_Id"));
        assertEquals(4, run(upper, "-d", "by-id", "-o", "column=ga_session_id", "-f", "json").assertOk().json().get("totals").get("sessions").asLong());
    }

    @Test
    void aMissingColumnIsAnInputErrorNamingItAndTheDefinition() throws IOException {
        Path csv = Files.writeString(dir.resolve("ids.csv"), CSV);
        String m = run(csv, "-d", "by-id", "-o", "column=domain_sessionid").assertFailed(ExitCode.INPUT).message();
        assertTrue(m.contains("'domain_sessionid'") && m.contains("'by-id'") && m.contains("ga_session_id"), m);
        Path jsonl = Files.writeString(dir.resolve("no-key.jsonl"),
                "{\"timestamp\":\"2026-03-02T10:00:00Z\",\"visitor_id\":\"ann\",\"event\":\"pageview\"}\n");
        String j = run(jsonl, "-d", "by-id", "-o", "column=ga_session_id").assertFailed(ExitCode.INPUT).message();
        assertTrue(j.contains("'ga_session_id'") && j.contains("'by-id'") && j.contains("no object"), j);
        String noColumn = run(csv, "-d", "by-id").assertFailed(ExitCode.USAGE).message();
        assertTrue(noColumn.contains("'column'") && noColumn.contains("by-id"), noColumn);
    }

    @Test
    void comparedWithRuleBasedDefinitions() throws IOException {
        Path csv = Files.writeString(dir.resolve("ids.csv"), CSV);
        JsonNode j = Cli.run("compare", csv.toString(), "--rejects", dir.resolve("rejects.csv").toString(), "--definitions",
                "by-id,timeout,ga4", "--option", "column=ga_session_id", "--format", "json").assertOk().json();
        assertEquals("by-id", j.get("base").asText());
        JsonNode defs = j.get("definitions");
        assertEquals(4, defs.get(0).get("totals").get("sessions").asLong());
        assertEquals(3, defs.get(1).get("totals").get("sessions").asLong());
        Cli.assertNumber("-1", defs.get(1).get("difference").get("sessions").get("absolute"), "timeout has one fewer");
        Cli.assertNumber("-25", defs.get(1).get("difference").get("sessions").get("percent"), "-1/4");
        assertEquals(2, defs.get(0).get("missing_values").get("ga_session_id").asLong());
        assertFalse(defs.get(1).has("missing_values"));
        String table = Cli.run("compare", csv.toString(), "--rejects", dir.resolve("rejects.csv").toString(), "--definitions",
                "by-id,timeout", "--option", "column=ga_session_id").assertOk().out();
        assertTrue(table.contains("Events without 'ga_session_id' (by-id): 2"), table);
        assertTrue(table.contains("session-id"), table);
    }
}

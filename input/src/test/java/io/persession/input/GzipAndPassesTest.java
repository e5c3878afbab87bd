package io.persession.input;

import io.persession.input.InputFiles.Read;
import io.persession.spi.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.persession.input.InputFiles.describe;
import static io.persession.input.InputFiles.gzip;
import static io.persession.input.InputFiles.read;
import static io.persession.input.InputFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GzipAndPassesTest {
    private static final String CSV = "timestamp,visitor_id,event,revenue,currency,page\n"
            + "2017-08-01T07:00:00Z,v1,pageview,,,\"/a\nb\"\n"
            + "bad,v1,pageview,,,/x\n"
            + "2017-08-01T07:01:00Z,v1,purchase,19.99,USD,/thanks\n";
    private static final String JSONL = "{\"timestamp\":\"2017-08-01T07:00:00Z\",\"visitor_id\":\"v1\",\"event\":\"pageview\",\"page\":\"/a\\nb\"}\n"
            + "{\"timestamp\":\"bad\",\"visitor_id\":\"v1\",\"event\":\"pageview\",\"page\":\"/x\"}\n"
            + "{\"timestamp\":\"2017-08-01T07:01:00Z\",\"visitor_id\":\"v1\",\"event\":\"purchase\",\"revenue\":19.99,\"currency\":\"USD\",\"page\":\"/thanks\"}\n";

    @TempDir
    Path dir;

    @Test
    void gzipOfEachFormatReadsLikeThePlainFile() {
        Read csv = read(write(dir, "e.csv", CSV)).assertCounts(3, 1);
        Read csvGz = read(gzip(dir, "e.csv.gz", CSV)).assertCounts(3, 1);
        Read jsonl = read(write(dir, "e.jsonl", JSONL)).assertCounts(3, 1);
        Read jsonlGz = read(gzip(dir, "e.jsonl.gz", JSONL)).assertCounts(3, 1);
        Read sniffedGz = read(gzip(dir, "e.data", JSONL)).assertCounts(3, 1);
        Read sniffedCsvGz = read(gzip(dir, "e.gz", CSV)).assertCounts(3, 1);
        List<String> expected = describe(csv.events);
        for (Read r : List.of(csvGz, jsonl, jsonlGz, sniffedGz, sniffedCsvGz)) {
            assertEquals(expected, describe(r.events));
        }
        // the quoted field of line 2 spans two lines: the bad row starts on line 4
        assertEquals(4, csv.reject(4).line());
        assertEquals(4, csvGz.reject(4).line());
        assertEquals(2, jsonl.reject(2).line());
        assertEquals(2, jsonlGz.reject(2).line());
        assertEquals("/a\nb", csv.events.get(0).page());
        assertEquals(19_990_000L, jsonlGz.events.get(1).revenueMicros());
    }

    @Test
    void secondPassGivesTheSameEventsAndNoNewRejects() throws IOException {
        Path a = write(dir, "a.csv", CSV);
        Path b = gzip(dir, "b.jsonl.gz", JSONL);
        StringWriter out = new StringWriter();
        RejectWriter writer = new RejectWriter(out);
        EventFileReader reader = new EventFileReader(List.of(a, b), InputOptions.defaults(), writer);
        List<Event> first = new ArrayList<>();
        reader.read(first::add, true);
        writer.flush();
        String rejectsAfterFirst = out.toString();
        assertEquals(6, reader.rowsRead());
        assertEquals(2, reader.rowsRejected());
        assertEquals(4, reader.rowsAccepted());
        assertEquals(2, writer.count());

        List<Event> second = new ArrayList<>();
        reader.read(second::add, false);
        writer.flush();
        assertEquals(describe(first), describe(second));
        assertEquals(6, reader.rowsRead());
        assertEquals(2, reader.rowsRejected());
        assertEquals(2, writer.count());
        assertEquals(rejectsAfterFirst, out.toString());
        assertEquals(List.of("a.csv", "b.jsonl.gz"), reader.names());

        List<InputFiles.Reject> rejects = InputFiles.parseRejects(out.toString());
        assertEquals(List.of(a.toString(), b.toString()), rejects.stream().map(InputFiles.Reject::file).collect(java.util.stream.Collectors.toList()));
        assertEquals(List.of(4L, 2L), rejects.stream().map(InputFiles.Reject::line).collect(java.util.stream.Collectors.toList()));

        // a new first pass counts afresh (does not add up)
        List<Event> again = new ArrayList<>();
        reader.read(again::add, true);
        assertEquals(6, reader.rowsRead());
        assertEquals(describe(first), describe(again));
    }

    @Test
    void aFileChangedBetweenPassesIsAnError() throws IOException {
        Path a = write(dir, "a.csv", CSV);
        EventFileReader reader = new EventFileReader(List.of(a), InputOptions.defaults(), null);
        reader.read(e -> { }, true);
        write(dir, "a.csv", CSV + "2017-08-01T07:02:00Z,v2,pageview,,,/c\n");
        InputException e = assertThrows(InputException.class, () -> reader.read(ev -> { }, false));
        assertTrue(e.getMessage().startsWith(a + " changed while it was being read"), e.getMessage());
    }

    @Test
    void withoutARejectWriterRejectsAreOnlyCounted() throws IOException {
        EventFileReader reader = new EventFileReader(List.of(write(dir, "a.csv", CSV)), InputOptions.defaults(), null);
        List<Event> events = new ArrayList<>();
        reader.read(events::add, true);
        assertEquals(3, reader.rowsRead());
        assertEquals(1, reader.rowsRejected());
        assertEquals(java.util.Map.of("bad-timestamp", 1L), reader.rejectsByReason());
        assertEquals(2, events.size());
    }
}

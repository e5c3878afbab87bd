package io.persession.input;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.persession.spi.Event;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Test helpers: write input files, read them, look at events and rejects. */
final class InputFiles {
    static final String HEADER = "timestamp,visitor_id,event,revenue,currency,source,medium,campaign,term,content,click_id,referrer,page,user_agent,event_id,order_id";

    private InputFiles() {
    }

    static Path write(Path dir, String name, String content) {
        try {
            Path p = dir.resolve(name);
            Files.writeString(p, content, StandardCharsets.UTF_8);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path gzip(Path dir, String name, String content) {
        try {
            Path p = dir.resolve(name);
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
                out.write(content.getBytes(StandardCharsets.UTF_8));
            }
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One reject as written to the rejects file. */
    record Reject(String file, long line, String reason, String row) {
        String category() {
            return reason.substring(0, reason.indexOf(':'));
        }
    }

    /** The result of one first-pass read. */
    static final class Read {
        final EventFileReader reader;
        final List<Event> events = new ArrayList<>();
        final List<Reject> rejects = new ArrayList<>();
        final RejectWriter writer;
        final StringWriter rejectsText;

        Read(EventFileReader reader, RejectWriter writer, StringWriter rejectsText) {
            this.reader = reader;
            this.writer = writer;
            this.rejectsText = rejectsText;
        }

        Reject reject(long line) {
            return rejects.stream().filter(r -> r.line() == line).findFirst()
                    .orElseThrow(() -> new AssertionError("no reject at line " + line + " in " + rejects));
        }

        /** Asserts the counting identity and the counts. */
        Read assertCounts(long read, long rejected) {
            assertEquals(read, reader.rowsRead(), "rows read");
            assertEquals(rejected, reader.rowsRejected(), "rows rejected");
            assertEquals(reader.rowsRead(), events.size() + reader.rowsRejected(), "rows read = accepted + rejected");
            assertEquals(rejected, rejects.size(), "rejects written");
            assertEquals(rejected, writer.count(), "rejects counted by the writer");
            return this;
        }
    }

    static Read read(InputOptions options, Path... files) {
        StringWriter text = new StringWriter();
        RejectWriter writer = new RejectWriter(text);
        EventFileReader reader = new EventFileReader(List.of(files), options, writer);
        Read r = new Read(reader, writer, text);
        try {
            reader.read(r.events::add, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writer.close();
        r.rejects.addAll(parseRejects(text.toString()));
        return r;
    }

    static Read read(Path... files) {
        return read(InputOptions.defaults(), files);
    }

    static List<Reject> parseRejects(String csv) {
        List<Reject> out = new ArrayList<>();
        try (CsvReader<CsvRecord> r = CsvReader.builder().ofCsvRecord(csv)) {
            boolean header = true;
            for (CsvRecord rec : r) {
                if (header) {
                    assertEquals(RejectWriter.HEADER, rec.getFields());
                    header = false;
                    continue;
                }
                out.add(new Reject(rec.getField(0), Long.parseLong(rec.getField(1)), rec.getField(2), rec.getField(3)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Every field of an event, to compare events (Event has no equals). */
    static String describe(Event e) {
        return e.timestampMillis() + "|" + e.visitorId() + "|" + e.type() + "|" + e.name() + "|" + e.revenueMicros() + "|"
                + e.currency() + "|" + e.trafficSource().source() + "|" + e.trafficSource().medium() + "|"
                + e.trafficSource().campaign() + "|" + e.trafficSource().term() + "|" + e.trafficSource().content() + "|"
                + e.trafficSource().clickId() + "|" + e.referrer() + "|" + e.page() + "|" + e.userAgent() + "|"
                + e.eventId() + "|" + e.orderId();
    }

    static List<String> describe(List<Event> events) {
        List<String> out = new ArrayList<>(events.size());
        for (Event e : events) {
            out.add(describe(e));
        }
        return out;
    }
}

package io.persession.formats.parquet;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.persession.formats.Ga4ExportFormat;
import io.persession.spi.Event;
import io.persession.spi.EventFormat;
import io.persession.spi.EventType;
import io.persession.spi.FormatContext;
import io.persession.spi.RecordSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The GA4 sample of ../shared/data read as Parquet, and as JSON Lines converted here from the Parquet file with the
 * same reader: both give the very same events. Skipped when the shared data is absent.
 */
class Ga4ParquetFormatTest {
    static final Path SAMPLE = Path.of("../../shared/data/ga4-obfuscated-sample-ecommerce/ga4_events_sampled.snappy.parquet");

    @TempDir
    Path dir;

    @Test
    void parquetAndJsonLinesGiveTheSameEvents() throws Exception {
        assumeTrue(Files.isRegularFile(SAMPLE), "no shared data at " + SAMPLE.toAbsolutePath());
        Path jsonl = toJsonLines(SAMPLE, dir.resolve("ga4_events_sampled.jsonl"));

        Collected parquet = read(new Ga4ParquetFormat(), SAMPLE);
        Collected json = read(new Ga4ExportFormat(), jsonl);

        assertEquals(List.of(), parquet.rejects);
        assertEquals(List.of(), json.rejects);
        assertEquals(24_219, parquet.events.size());
        assertEquals(parquet.described, json.described, "Parquet and its JSON Lines copy read alike, field by field");
        Set<String> users = new HashSet<>();
        long purchases = 0;
        for (Event e : parquet.events) {
            users.add(e.visitorId());
            purchases += e.type() == EventType.PURCHASE ? 1 : 0;
        }
        assertEquals(19_210, users.size());
        assertEquals(624, purchases);
        assertEquals(24_219, parquet.events.stream().filter(e -> e.attribute("ga_session_id") != null).count()
                + parquet.events.stream().filter(e -> e.attribute("ga_session_id") == null).count());
        assertEquals(EventFormat.LIKELY, new Ga4ParquetFormat().recognise("x.parquet", Files.readAllBytes(SAMPLE)));
    }

    /** The Parquet file as JSON Lines in the export's shape (nested event_params, ecommerce, ...), with this module's reader. */
    static Path toJsonLines(Path parquet, Path out) throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            ParquetRows.read(parquet, (row, record) -> {
                try {
                    w.write(json.writeValueAsString(record));
                    w.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return out;
    }

    static Collected read(EventFormat format, Path file) throws IOException {
        Collected c = new Collected();
        try (InputStream in = Files.newInputStream(file)) {
            format.read(in, new FormatContext() {
                @Override
                public String fileName() {
                    return file.toString();
                }

                @Override
                public Optional<Path> path() {
                    return Optional.of(file);
                }

                @Override
                public ZoneId inputZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Map<String, String> options() {
                    return Map.of();
                }

                @Override
                public Map<String, String> columnMap() {
                    return Map.of();
                }

                @Override
                public Map<String, String> extraColumns() {
                    return Map.of("ga_session_id", "session definition 'by-id'");
                }
            }, c);
        }
        return c;
    }

    static final class Collected implements RecordSink {
        final List<Event> events = new ArrayList<>();
        final List<String> described = new ArrayList<>();
        final List<String> rejects = new ArrayList<>();

        @Override
        public void accept(long position, Event e, Supplier<String> raw) {
            events.add(e);
            described.add(position + " " + e.timestampMillis() + " " + e.visitorId() + " " + e.type() + " " + e.name() + " " + e.revenueMicros()
                    + " " + e.currency() + " " + e.orderId() + " " + e.trafficSource() + " " + e.page() + " " + e.referrer() + " " + e.attributes());
        }

        @Override
        public void reject(long position, String category, String message, String raw) {
            rejects.add(position + " " + category + ": " + message);
        }
    }
}

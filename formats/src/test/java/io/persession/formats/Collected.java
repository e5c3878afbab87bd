package io.persession.formats;

import io.persession.spi.Event;
import io.persession.spi.EventFormat;
import io.persession.spi.FormatContext;
import io.persession.spi.RecordSink;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** What a format reported for one file: events and rejects with positions, as the host would count them. */
final class Collected implements RecordSink {
    final List<Long> positions = new ArrayList<>();
    final List<Event> events = new ArrayList<>();
    final List<Supplier<String>> raws = new ArrayList<>();
    final List<String> rejects = new ArrayList<>();
    final List<String> rejectRaws = new ArrayList<>();

    @Override
    public void accept(long position, Event event, Supplier<String> raw) {
        positions.add(position);
        events.add(event);
        raws.add(raw);
    }

    @Override
    public void reject(long position, String category, String message, String raw) {
        rejects.add(position + " " + category + ": " + message);
        rejectRaws.add(raw);
    }

    long rows() {
        return events.size() + rejects.size();
    }

    static Collected read(EventFormat format, String text, Map<String, String> options, Map<String, String> extraColumns) throws IOException {
        Collected c = new Collected();
        format.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), context("test-file", options, extraColumns), c);
        return c;
    }

    static FormatContext context(String name, Map<String, String> options, Map<String, String> extraColumns) {
        return new FormatContext() {
            @Override
            public String fileName() {
                return name;
            }

            @Override
            public Optional<Path> path() {
                return Optional.empty();
            }

            @Override
            public ZoneId inputZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Map<String, String> options() {
                return options;
            }

            @Override
            public Map<String, String> columnMap() {
                return Map.of();
            }

            @Override
            public Map<String, String> extraColumns() {
                return extraColumns;
            }
        };
    }
}

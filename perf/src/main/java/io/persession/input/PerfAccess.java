package io.persession.input;

import io.persession.spi.Event;
import io.persession.spi.RecordSink;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * The perf module's door to the CLI reader's package-private hot paths ({@link RowParser},
 * {@link Timestamps}, {@link CanonicalReader}): the benchmarks call them through here. Lives in the
 * reader's package on the class path only for that; not part of any API.
 */
public final class PerfAccess {
    private PerfAccess() {
    }

    /** A row parser with the default input options. */
    public static final class Rows {
        private final RowParser parser = new RowParser(InputOptions.defaults());

        /** The number of values {@link #parse} expects: the canonical columns in their documented order. */
        public int width() {
            return parser.width();
        }

        /** The event of one row's values, or {@code null} when the row is rejected. */
        public Event parse(String[] values) {
            try {
                return parser.parse(values);
            } catch (RowRejected e) {
                return null;
            }
        }
    }

    /** A timestamp parser for a zone. */
    public static final class Times {
        private final Timestamps timestamps;

        public Times(ZoneId zone) {
            this.timestamps = new Timestamps(zone);
        }

        /** Epoch milliseconds, or {@link Long#MIN_VALUE} when rejected. */
        public long parse(String text) {
            try {
                return timestamps.parse(text);
            } catch (RowRejected e) {
                return Long.MIN_VALUE;
            }
        }
    }

    /** Reads a canonical CSV held in memory (default input options), handing every row to {@code sink}. */
    public static void readCsv(byte[] csv, RecordSink sink) throws IOException {
        CanonicalReader reader = new CanonicalReader(InputOptions.defaults(), Path.of("memory.csv"), "memory.csv", sink);
        reader.read(new ByteArrayInputStream(csv), false);
    }

    /** A sink that only counts. */
    public static final class CountingSink implements RecordSink {
        public long accepted;
        public long rejected;
        public long hash;

        @Override
        public void accept(long position, Event event, Supplier<String> raw) {
            accepted++;
            hash += event.timestampMillis();
        }

        @Override
        public void reject(long position, String category, String message, String raw) {
            rejected++;
        }
    }
}

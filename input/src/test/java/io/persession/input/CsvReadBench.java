package io.persession.input;

import io.persession.spi.Event;
import io.persession.spi.RecordSink;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Not a test: times reading a canonical CSV through the {@code csv} format's reader to a sink that only counts, the
 * FastCSV way and the byte level way. {@code java -cp ... io.persession.input.CsvReadBench FILE [RUNS] [old|new|both]}
 */
public final class CsvReadBench {
    private CsvReadBench() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String which = args.length > 2 ? args[2] : "both";
        for (int run = 1; run <= runs; run++) {
            if (!which.equals("new")) {
                time(file, false, run);
            }
            if (!which.equals("old")) {
                time(file, true, run);
            }
        }
    }

    private static void time(Path file, boolean fast, int run) throws IOException {
        Counting sink = new Counting();
        long t0 = System.nanoTime();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            new CanonicalReader(InputOptions.defaults(), file, file.getFileName().toString(), sink).read(in, false, fast);
        }
        double s = (System.nanoTime() - t0) / 1e9;
        long rows = sink.accepted + sink.rejected;
        System.out.printf("%s run %d: %d rows (%d rejected) in %.2f s: %.0f rows/s, %.0f ns/row (check %d)%n",
                fast ? "new" : "old", run, rows, sink.rejected, s, rows / s, s * 1e9 / rows, sink.hash);
    }

    /** Counts, and sums what keeps the events from being optimised away. */
    private static final class Counting implements RecordSink {
        long accepted;
        long rejected;
        long hash;

        @Override
        public void accept(long position, Event event, Supplier<String> raw) {
            accepted++;
            hash += event.timestampMillis() + event.revenueMicros() + event.name().length();
        }

        @Override
        public void reject(long position, String category, String message, String raw) {
            rejected++;
        }
    }
}

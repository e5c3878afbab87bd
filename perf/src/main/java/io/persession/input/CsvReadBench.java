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
 * FastCSV way and the byte level way, in wall time and in the reading thread's CPU time (steadier on a busy machine).
 * {@code java -cp perf/target/benchmarks.jar io.persession.input.CsvReadBench FILE [RUNS] [MODE]}, MODE one of
 * {@code both} (default), {@code old}, {@code new}; or, to see where the time goes, {@code io} (reading the bytes
 * only), {@code fastcsv} (FastCSV's records only), {@code split} (the byte level records only), {@code values}
 * (records and their values, no events; {@code -Dcols=0,13} only those columns; {@code -Dbuf=BYTES} the buffer).
 */
public final class CsvReadBench {
    private CsvReadBench() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String which = args.length > 2 ? args[2] : "both";
        for (int run = 1; run <= runs; run++) {
            if (which.equals("io")) {
                java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
                long c0 = threads.getCurrentThreadCpuTime();
                long n = 0;
                byte[] b = new byte[1 << 16];
                try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                    int r;
                    while ((r = in.read(b, 0, b.length)) >= 0) {
                        n += r;
                    }
                }
                System.out.printf("io run %d: %d bytes, thread CPU %.2f s%n", run, n, (threads.getCurrentThreadCpuTime() - c0) / 1e9);
                continue;
            }
            if (which.equals("fastcsv")) {
                java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
                long c0 = threads.getCurrentThreadCpuTime();
                long n = 0;
                try (de.siegmar.fastcsv.reader.CsvReader<de.siegmar.fastcsv.reader.CsvRecord> csv = de.siegmar.fastcsv.reader.CsvReader.builder()
                        .skipEmptyLines(true).allowUnclosedQuote(false)
                        .extraFieldStrategy(de.siegmar.fastcsv.reader.FieldMismatchStrategy.IGNORE)
                        .missingFieldStrategy(de.siegmar.fastcsv.reader.FieldMismatchStrategy.IGNORE)
                        .ofCsvRecord(new java.io.InputStreamReader(new BufferedInputStream(Files.newInputStream(file), 1 << 16),
                                java.nio.charset.StandardCharsets.UTF_8))) {
                    for (de.siegmar.fastcsv.reader.CsvRecord rec : csv) {
                        n += rec.getFieldCount();
                    }
                }
                System.out.printf("fastcsv run %d: %d fields, thread CPU %.2f s%n", run, n, (threads.getCurrentThreadCpuTime() - c0) / 1e9);
                continue;
            }
            if (which.equals("split") || which.equals("values")) {
                stages(file, which.equals("values"), run);
                continue;
            }
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
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            new CanonicalReader(InputOptions.defaults(), file, file.getFileName().toString(), sink).read(in, false, fast);
        }
        double s = (System.nanoTime() - t0) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
        long rows = sink.accepted + sink.rejected;
        System.out.printf("%s run %d: %d rows (%d rejected) in %.2f s: %.0f rows/s, %.0f ns/row; thread CPU %.2f s, %.0f ns/row (check %d)%n",
                fast ? "new" : "old", run, rows, sink.rejected, s, rows / s, s * 1e9 / rows, cpu, cpu * 1e9 / rows, sink.hash);
    }

    /** Only the splitting, or the splitting and the values (no events): where the time goes. */
    private static void stages(Path file, boolean values, int run) throws IOException {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = threads.getCurrentThreadCpuTime();
        long rows = 0;
        long check = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            CsvRecordSplitter split = new CsvRecordSplitter(in, Integer.getInteger("buf", 1 << 17));
            split.next(); // the header
            String[] v = new String[RowParser.COLUMNS];
            int[] index = new int[RowParser.COLUMNS];
            String only = System.getProperty("cols");
            for (int i = 0; i < index.length; i++) {
                index[i] = only == null || ("," + only + ",").contains("," + i + ",") ? i : -1;
            }
            CsvRowValues rowValues = new CsvRowValues(index, split);
            while (split.next() == CsvRecordSplitter.RECORD) {
                rows++;
                check += split.fieldCount();
                if (values && split.fieldCount() == RowParser.COLUMNS) {
                    check += rowValues.fill(v);
                }
            }
        }
        double cpu = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
        System.out.printf("%s run %d: %d records, thread CPU %.2f s, %.0f ns/record (check %d)%n",
                values ? "values" : "split", run, rows, cpu, cpu * 1e9 / rows, check);
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

package io.persession.perf;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.persession.cli.demo.DemoShop;
import io.persession.input.PerfAccess;
import io.persession.engine.Aggregator;
import io.persession.engine.SessionListener;
import io.persession.engine.Sessionizer;
import io.persession.spi.Event;
import io.persession.spi.Session;
import io.persession.spi.SessionDefinition;
import io.persession.spi.SessionDefinitionProvider;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;

/**
 * The hot paths of {@code persession analyze}, one benchmark each, on a small deterministic demo log
 * (the demo shop: 300 visitors, one day, about 4,000 rows) held in memory:
 * <ul>
 * <li>{@link #parseRow}: one CSV row's values to an {@link Event} ({@code RowParser});</li>
 * <li>{@link #parseTimestamp}: one ISO-8601 timestamp to epoch millis ({@code Timestamps});</li>
 * <li>{@link #readCsvBuffer}: the whole in-memory CSV through the canonical reader (per op: the whole buffer);</li>
 * <li>{@link #uaRulesOneVisitor}: the {@code ua} definition's rules over one visitor's events ({@code Sessionizer.sessionize});</li>
 * <li>{@link #uaStreamingSessionizer}: the streaming sessionizer over all events (per op: the whole log);</li>
 * <li>{@link #aggregateSession}: one closed session into the {@link Aggregator}.</li>
 * </ul>
 * See perf/README.md for the command.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class HotPathBenchmarks {
    private static final int VISITORS = 300;

    private byte[] csv;
    private String[][] rows;
    private String[] timestamps;
    private List<List<Event>> visitors;
    private List<Event> events;
    private List<Session> sessions;
    private SessionDefinition ua;
    private PerfAccess.Rows rowParser;
    private PerfAccess.Times times;
    private Aggregator aggregator;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        StringWriter out = new StringWriter();
        new DemoShop(DemoShop.Config.defaults().withVisitors(VISITORS).withDays(1)).write(out);
        String text = out.toString();
        csv = text.getBytes(StandardCharsets.UTF_8);
        rowParser = new PerfAccess.Rows();
        times = new PerfAccess.Times(ZoneOffset.UTC);
        List<String[]> all = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(text)) {
            boolean header = true;
            for (CsvRecord r : reader) {
                if (header) {
                    header = false;
                    continue;
                }
                String[] v = new String[rowParser.width()];
                for (int i = 0; i < Math.min(r.getFieldCount(), DemoShop.COLUMNS.size()); i++) {
                    v[i] = r.getField(i);
                }
                all.add(v);
            }
        }
        rows = all.toArray(new String[0][]);
        timestamps = new String[rows.length];
        events = new ArrayList<>();
        Map<String, List<Event>> byVisitor = new LinkedHashMap<>();
        for (int i = 0; i < rows.length; i++) {
            timestamps[i] = rows[i][0] == null ? "" : rows[i][0].trim();
            Event e = rowParser.parse(rows[i]);
            if (e != null) {
                events.add(e);
                byVisitor.computeIfAbsent(e.visitorId(), k -> new ArrayList<>()).add(e);
            }
        }
        visitors = new ArrayList<>(byVisitor.values());
        ua = definition("ua");
        sessions = Sessionizer.sessionize(ua, events);
        aggregator = new Aggregator(List.of(), true, ZoneOffset.UTC);
        if (rows.length == 0 || events.isEmpty() || sessions.isEmpty()) {
            throw new IllegalStateException("the demo log came out empty");
        }
    }

    /** A built-in session definition by id, with default options, found through the SPI. */
    static SessionDefinition definition(String id) {
        for (SessionDefinitionProvider p : ServiceLoader.load(SessionDefinitionProvider.class)) {
            if (p.id().equals(id)) {
                return p.create(Map.of());
            }
        }
        throw new IllegalStateException("no session definition '" + id + "' on the class path");
    }

    private int next(int size) {
        int i = next++;
        if (next >= size) {
            next = 0;
        }
        return i % size;
    }

    @Benchmark
    public Event parseRow() {
        return rowParser.parse(rows[next(rows.length)]);
    }

    @Benchmark
    public long parseTimestamp() {
        return times.parse(timestamps[next(timestamps.length)]);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public long readCsvBuffer() throws IOException {
        PerfAccess.CountingSink sink = new PerfAccess.CountingSink();
        PerfAccess.readCsv(csv, sink);
        return sink.accepted + sink.rejected + sink.hash;
    }

    @Benchmark
    public List<Session> uaRulesOneVisitor() {
        return Sessionizer.sessionize(ua, visitors.get(next(visitors.size())));
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public long uaStreamingSessionizer() {
        long[] count = {0};
        Sessionizer s = new Sessionizer(ua, Duration.ofMinutes(10), new SessionListener() {
            @Override
            public void sessionClosed(Session session) {
                count[0]++;
            }

            @Override
            public void sessionRetracted(Session session) {
                count[0]--;
            }
        });
        long seq = 0;
        for (Event e : events) {
            s.accept(e, ++seq);
        }
        s.finish();
        return count[0];
    }

    @Benchmark
    public Aggregator aggregateSession() {
        aggregator.sessionClosed(sessions.get(next(sessions.size())));
        return aggregator;
    }
}

package io.persession.cli.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import io.persession.engine.Money;
import io.persession.engine.SessionListener;
import io.persession.spi.Session;
import io.persession.spi.TrafficSource;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code persession sessions}: one row per session, as CSV or JSON Lines. Sessions stream to a spool
 * file as they close; sessions the engine takes back in its regroup pass are left out when the spool
 * is copied to the output, so the output holds each session once, right.
 */
public final class SessionRows implements SessionListener, AutoCloseable {
    /** The columns (CSV header, JSON keys). */
    public static final List<String> COLUMNS = List.of("visitor_id", "start", "end", "duration_seconds", "start_reason", "events",
            "pageviews", "purchases", "refunds", "revenue", "currency", "source", "medium", "campaign", "referrer", "landing_page");
    private static final Set<String> NUMERIC = Set.of("duration_seconds", "events", "pageviews", "purchases", "refunds");
    private static final int CURRENCY = COLUMNS.indexOf("currency");
    private static final String NULL = "\u0000";

    private final Path spool;
    private final BufferedWriter spoolWriter;
    private final Set<String> retracted = new HashSet<>();

    public SessionRows() {
        try {
            this.spool = Files.createTempFile("persession-sessions", ".spool");
            this.spoolWriter = Files.newBufferedWriter(spool, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary file for the sessions: " + e.getMessage(), e);
        }
    }

    @Override
    public void sessionClosed(Session s) {
        TrafficSource src = s.trafficSource();
        String[] values = {s.visitorId(), Instant.ofEpochMilli(s.startMillis()).toString(), Instant.ofEpochMilli(s.endMillis()).toString(),
                Long.toString((s.endMillis() - s.startMillis()) / 1000), s.startReason(), Integer.toString(s.eventCount()),
                Integer.toString(s.pageviews()), Integer.toString(s.purchases()), Integer.toString(s.refunds()), Money.format(s.revenueMicros()),
                null, src.source(), src.medium(), src.campaign(), s.firstEvent().referrer(), s.firstEvent().page()};
        try {
            spoolWriter.write(escape(key(s)));
            for (String v : values) {
                spoolWriter.write('\t');
                spoolWriter.write(v == null ? NULL : escape(v));
            }
            spoolWriter.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void sessionRetracted(Session s) {
        retracted.add(escape(key(s)));
    }

    /** Writes the header (CSV), then every session not taken back, with the run's {@code currency} (nullable). */
    public void writeTo(Writer out, boolean json, String currency) throws IOException {
        spoolWriter.flush();
        ObjectMapper mapper = new ObjectMapper();
        CsvWriter csv = json ? null : CsvWriter.builder().lineDelimiter(LineDelimiter.LF).autoFlush(false).build(out);
        if (csv != null) {
            csv.writeRecord(COLUMNS);
        }
        try (BufferedReader r = Files.newBufferedReader(spool, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] parts = line.split("\t", -1);
                if (retracted.contains(parts[0])) {
                    continue;
                }
                List<String> values = new ArrayList<>(COLUMNS.size());
                for (int i = 1; i < parts.length; i++) {
                    values.add(NULL.equals(parts[i]) ? null : unescape(parts[i]));
                }
                values.set(CURRENCY, currency);
                if (csv != null) {
                    List<String> cells = new ArrayList<>(values.size());
                    for (String v : values) {
                        cells.add(v == null ? "" : v);
                    }
                    csv.writeRecord(cells);
                } else {
                    ObjectNode n = mapper.createObjectNode();
                    for (int i = 0; i < COLUMNS.size(); i++) {
                        String c = COLUMNS.get(i);
                        String v = values.get(i);
                        if (v == null) {
                            n.putNull(c);
                        } else if (NUMERIC.contains(c)) {
                            n.put(c, Long.parseLong(v));
                        } else if (c.equals("revenue")) {
                            n.put(c, new java.math.BigDecimal(v));
                        } else {
                            n.put(c, v);
                        }
                    }
                    out.write(mapper.writeValueAsString(n));
                    out.write('\n');
                }
            }
        }
        if (csv != null) {
            csv.flush();
        }
        out.flush();
    }

    @Override
    public void close() {
        try {
            spoolWriter.close();
            Files.deleteIfExists(spool);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String key(Session s) {
        return s.visitorId() + '|' + s.startMillis() + '|' + s.endMillis() + '|' + s.eventCount() + '|' + s.startReason();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(n == 'n' ? '\n' : n == 't' ? '\t' : n == 'r' ? '\r' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}

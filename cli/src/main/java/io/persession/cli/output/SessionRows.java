package io.persession.cli.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import io.persession.engine.BotClassifiers;
import io.persession.engine.Money;
import io.persession.engine.SessionListener;
import io.persession.spi.BotClassifier;
import io.persession.spi.Event;
import io.persession.spi.Options;
import io.persession.spi.Session;
import io.persession.spi.SessionDefinition;
import io.persession.spi.TrafficSource;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code persession sessions}: one row per session, as CSV or JSON Lines. Sessions stream to a spool
 * file as they close; sessions the engine takes back in its regroup pass are left out when the spool
 * is copied to the output (as many rows of a key as were taken back, the earliest first: a regrouped
 * visitor's right sessions may equal ones taken back, and come later), so the output holds each
 * session once, right.
 *
 * <p>The {@code bot} column holds {@code classifier:reason} for a session a bot classifier flags. With
 * {@code explain}, each row also says why the session started: its first event, the visitor's event
 * before it, the gap, and an explanation of the rule that fired.
 */
public final class SessionRows implements SessionListener, AutoCloseable {
    /** The columns (CSV header, JSON keys). */
    public static final List<String> COLUMNS = List.of("visitor_id", "start", "end", "duration_seconds", "start_reason", "events",
            "pageviews", "purchases", "refunds", "revenue", "currency", "source", "medium", "campaign", "referrer", "landing_page", "bot");
    /** The columns {@code --explain} adds. */
    public static final List<String> EXPLAIN_COLUMNS = List.of("start_event", "start_source", "previous_time", "previous_event",
            "previous_page", "gap_seconds", "explanation");
    private static final Set<String> NUMERIC = Set.of("duration_seconds", "events", "pageviews", "purchases", "refunds");
    private static final Set<String> DECIMAL = Set.of("revenue", "gap_seconds");
    private static final int CURRENCY = COLUMNS.indexOf("currency");
    private static final String NULL = "\u0000";

    private final Path spool;
    private final BufferedWriter spoolWriter;
    /** Rows taken back, by key: how many of the earliest rows of that key to leave out. */
    private final Map<String, Integer> retracted = new HashMap<>();
    private final boolean explain;
    private final List<BotClassifier> classifiers;
    private final SessionDefinition definition;
    private final List<String> columns;

    public SessionRows() {
        this(null, List.of(), false);
    }

    /**
     * @param definition  the definition the sessions are cut under (for explanations; may be {@code null})
     * @param classifiers the bot classifiers whose verdict fills the {@code bot} column, in order
     * @param explain     add the {@link #EXPLAIN_COLUMNS}
     */
    public SessionRows(SessionDefinition definition, List<BotClassifier> classifiers, boolean explain) {
        this.definition = definition;
        this.classifiers = List.copyOf(classifiers);
        this.explain = explain;
        List<String> c = new ArrayList<>(COLUMNS);
        if (explain) {
            c.addAll(EXPLAIN_COLUMNS);
        }
        this.columns = List.copyOf(c);
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
        List<String> values = new ArrayList<>(columns.size());
        values.addAll(java.util.Arrays.asList(s.visitorId(), Instant.ofEpochMilli(s.startMillis()).toString(),
                Instant.ofEpochMilli(s.endMillis()).toString(),
                Long.toString((s.endMillis() - s.startMillis()) / 1000), s.startReason(), Integer.toString(s.eventCount()),
                Integer.toString(s.pageviews()), Integer.toString(s.purchases()), Integer.toString(s.refunds()), Money.format(s.revenueMicros()),
                null, src.source(), src.medium(), src.campaign(), s.firstEvent().referrer(), s.firstEvent().page(),
                BotClassifiers.classify(classifiers, s).orElse(null)));
        if (explain) {
            Optional<Event> previous = s.previousEvent();
            TrafficSource entry = s.firstEvent().trafficSource();
            values.add(s.firstEvent().name());
            values.add(entry.isDirect() ? null : entry.toString());
            values.add(previous.map(p -> Instant.ofEpochMilli(p.timestampMillis()).toString()).orElse(null));
            values.add(previous.map(Event::name).orElse(null));
            values.add(previous.map(Event::page).orElse(null));
            values.add(s.gapMillis().map(g -> BigDecimal.valueOf(g, 3).toPlainString()).orElse(null));
            values.add(explanation(s));
        }
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
        retracted.merge(escape(key(s)), 1, Integer::sum);
    }

    /** The columns of this output, in order. */
    public List<String> columns() {
        return columns;
    }

    /** Why the session started, in words: what the rule that fired saw. */
    String explanation(Session s) {
        Optional<Long> gap = s.gapMillis();
        String gapText = gap.map(g -> g == 0 ? "0s" : Options.format(Duration.ofMillis(g))).orElse("");
        switch (s.startReason()) {
            case SessionDefinition.FIRST:
                return "the visitor's first event";
            case "timeout":
                return "no event for " + gapText + ", longer than the inactivity timeout";
            case "midnight":
                return "a new calendar day since the previous event (" + gapText + " before)";
            case "campaign":
                return "arrived with another traffic source: " + s.firstEvent().trafficSource();
            case "referral":
                return "arrived from another site: " + s.firstEvent().referrer();
            case "max-duration":
                return "the previous session had reached its longest duration";
            case "max-events":
                return "the previous session had reached its most events";
            case "session-id":
                if (definition != null && !definition.inputColumns().isEmpty()) {
                    String column = definition.inputColumns().iterator().next();
                    return "a new " + column + ": " + s.firstEvent().attribute(column);
                }
                return "a new session id";
            default:
                return "rule '" + s.startReason() + "' of the definition fired (" + gapText + " after the previous event)";
        }
    }

    /** Writes the header (CSV), then every session not taken back, with the run's {@code currency} (nullable). */
    public void writeTo(Writer out, boolean json, String currency) throws IOException {
        spoolWriter.flush();
        ObjectMapper mapper = new ObjectMapper();
        CsvWriter csv = json ? null : CsvWriter.builder().lineDelimiter(LineDelimiter.LF).autoFlush(false).build(out);
        if (csv != null) {
            csv.writeRecord(columns);
        }
        Map<String, Integer> toSkip = new HashMap<>(retracted);
        try (BufferedReader r = Files.newBufferedReader(spool, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] parts = line.split("\t", -1);
                Integer skip = toSkip.get(parts[0]);
                if (skip != null) {
                    if (skip == 1) {
                        toSkip.remove(parts[0]);
                    } else {
                        toSkip.put(parts[0], skip - 1);
                    }
                    continue;
                }
                List<String> values = new ArrayList<>(columns.size());
                for (int i = 1; i < parts.length; i++) {
                    values.add(NULL.equals(parts[i]) ? null : unescape(parts[i]));
                }
                values.set(CURRENCY, currency);
                if (csv != null) {
                    List<String> cells = new ArrayList<>(values.size());
                    for (String v : values) {
                        cells.add(v == null ? "" : v);
                    }
                    csv.writeRecord(CsvSafety.row(cells));
                } else {
                    ObjectNode n = mapper.createObjectNode();
                    for (int i = 0; i < columns.size(); i++) {
                        String c = columns.get(i);
                        String v = values.get(i);
                        if (v == null) {
                            n.putNull(c);
                        } else if (NUMERIC.contains(c)) {
                            n.put(c, Long.parseLong(v));
                        } else if (DECIMAL.contains(c)) {
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

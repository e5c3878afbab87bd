package io.persession.formats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.persession.spi.Event;
import io.persession.spi.EventFormat;
import io.persession.spi.FormatContext;
import io.persession.spi.OptionSpec;
import io.persession.spi.RecordSink;
import io.persession.spi.SpiVersion;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * {@code ga4-export}: the Google Analytics 4 BigQuery export schema as JSON Lines, the shape BigQuery's JSON export
 * writes (one event per line, nested {@code event_params}, {@code ecommerce}, ...). Mapped by {@link Ga4Events}.
 * A line that is not a JSON object is rejected ({@code bad-json}) with its line number, like a record with a bad value.
 */
public final class Ga4ExportFormat implements EventFormat {
    /**
     * The mapper, made when a file is read in this format: every run makes an instance of each installed format (to
     * know its id), and a mapper costs about 40 ms of start (its date format's locale data).
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS); // decimals by their exact text, never through double
    }

    @Override
    public String id() {
        return "ga4-export";
    }

    @Override
    public String description() {
        return "Google Analytics 4 BigQuery export (events_* tables) as JSON Lines: event_params, ecommerce, collected_traffic_source; "
                + "ga_session_id as a column for --definition by-id.";
    }

    @Override
    public String spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public String recognisedBy() {
        return "JSON whose first object has event_timestamp, event_name and user_pseudo_id";
    }

    @Override
    public int recognise(String fileName, byte[] head) {
        String s = new String(head, StandardCharsets.UTF_8).stripLeading();
        int nl = s.indexOf('\n');
        String first = nl < 0 ? s : s.substring(0, nl);
        if (first.startsWith("{") && first.contains("\"event_timestamp\"") && first.contains("\"user_pseudo_id\"")
                && first.contains("\"event_name\"")) {
            return CERTAIN;
        }
        if (nl < 0 && first.startsWith("{") && s.contains("\"event_timestamp\"") && s.contains("\"user_pseudo_id\"")) {
            return CERTAIN; // a first line longer than the head
        }
        return NO;
    }

    @Override
    public List<OptionSpec> options() {
        return Ga4Events.options();
    }

    @Override
    public void read(InputStream in, FormatContext context, RecordSink sink) throws IOException {
        Ga4Events mapper = new Ga4Events(context);
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        String line;
        long lineNo = 0;
        boolean any = false;
        while ((line = lines.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            if (!any && line.trim().startsWith("[")) {
                throw new io.persession.spi.EventFormatException("a JSON array, not JSON Lines; BigQuery's export with "
                        + "--destination_format NEWLINE_DELIMITED_JSON writes one object per line", lineNo);
            }
            any = true;
            Map<?, ?> record;
            try {
                Object o = Json.MAPPER.readValue(line, Object.class);
                if (!(o instanceof Map)) {
                    sink.reject(lineNo, "bad-json", "the line is not a JSON object", line);
                    continue;
                }
                record = (Map<?, ?>) o;
            } catch (JsonProcessingException e) {
                String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().split("\n")[0];
                sink.reject(lineNo, "bad-json", "malformed JSON: " + (m.length() > 200 ? m.substring(0, 200) : m), line);
                continue;
            }
            Event event;
            try {
                event = mapper.map(record);
            } catch (Values.BadValue b) {
                sink.reject(lineNo, b.category(), b.getMessage(), line);
                continue;
            }
            String text = line;
            sink.accept(lineNo, event, () -> text);
        }
        if (!any) {
            throw new io.persession.spi.EventFormatException("the file has no events", 0);
        }
        mapper.checkExtraColumns(context.fileName(), context.extraColumns());
    }
}

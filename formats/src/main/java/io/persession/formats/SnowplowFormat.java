package io.persession.formats;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import io.persession.spi.Event;
import io.persession.spi.EventFormat;
import io.persession.spi.EventFormatException;
import io.persession.spi.EventType;
import io.persession.spi.FormatContext;
import io.persession.spi.RecordSink;
import io.persession.spi.SpiVersion;
import io.persession.spi.TrafficSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code snowplow}: Snowplow enriched events, either as the enrichment pipeline writes them (TSV, no header, the 131
 * fields in the canonical order of {@link #FIELDS}) or as the CSV export of the warehouse {@code atomic.events} table
 * (a header row naming the columns; any subset holding the required ones).
 *
 * <ul>
 *   <li>Time: {@code derived_tstamp}, else {@code collector_tstamp} (Snowplow's own rule for the best time of an
 *       event); Snowplow timestamps are UTC ({@code 2021-03-01 12:00:00.123}, or ISO-8601 with an offset).</li>
 *   <li>Visitor: {@code domain_userid} (the first-party cookie id, Snowplow's default user identifier), else
 *       {@code network_userid} (the collector's cookie), else {@code user_id} (the business id); none: rejected
 *       ({@code empty-visitor}).</li>
 *   <li>Event: {@code event} {@code page_view} is a pageview, {@code transaction} a purchase with {@code tr_total},
 *       {@code tr_currency} and {@code tr_orderid}; any other is an other event named {@code event_name} (the
 *       self-describing event's name), else {@code event}.</li>
 *   <li>{@code page_url}, {@code page_referrer}, {@code mkt_source}, {@code mkt_medium}, {@code mkt_campaign},
 *       {@code mkt_term}, {@code mkt_content}, {@code mkt_clickid}, {@code useragent}, {@code event_id} (duplicates
 *       share it).</li>
 *   <li>Attributes: any field by its name, such as {@code domain_sessionid} for {@code by-id}.</li>
 *   <li>A TSV line without 131 fields is rejected ({@code field-count}); a bad time {@code bad-timestamp}; a bad total
 *       {@code bad-revenue}.</li>
 * </ul>
 */
public final class SnowplowFormat implements EventFormat {
    /** The enriched event's fields in the canonical TSV order. */
    static final List<String> FIELDS = List.of(("app_id platform etl_tstamp collector_tstamp dvce_created_tstamp event event_id txn_id name_tracker "
            + "v_tracker v_collector v_etl user_id user_ipaddress user_fingerprint domain_userid domain_sessionidx network_userid geo_country "
            + "geo_region geo_city geo_zipcode geo_latitude geo_longitude geo_region_name ip_isp ip_organization ip_domain ip_netspeed page_url "
            + "page_title page_referrer page_urlscheme page_urlhost page_urlport page_urlpath page_urlquery page_urlfragment refr_urlscheme "
            + "refr_urlhost refr_urlport refr_urlpath refr_urlquery refr_urlfragment refr_medium refr_source refr_term mkt_medium mkt_source "
            + "mkt_term mkt_content mkt_campaign contexts se_category se_action se_label se_property se_value unstruct_event tr_orderid "
            + "tr_affiliation tr_total tr_tax tr_shipping tr_city tr_state tr_country ti_orderid ti_sku ti_name ti_category ti_price ti_quantity "
            + "pp_xoffset_min pp_xoffset_max pp_yoffset_min pp_yoffset_max useragent br_name br_family br_version br_type br_renderengine "
            + "br_lang br_features_pdf br_features_flash br_features_java br_features_director br_features_quicktime br_features_realplayer "
            + "br_features_windowsmedia br_features_gears br_features_silverlight br_cookies br_colordepth br_viewwidth br_viewheight os_name "
            + "os_family os_manufacturer os_timezone dvce_type dvce_ismobile dvce_screenwidth dvce_screenheight doc_charset doc_width "
            + "doc_height tr_currency tr_total_base tr_tax_base tr_shipping_base ti_currency ti_price_base base_currency geo_timezone "
            + "mkt_clickid mkt_network etl_tags dvce_sent_tstamp refr_domain_userid refr_dvce_tstamp derived_contexts domain_sessionid "
            + "derived_tstamp event_vendor event_name event_format event_version event_fingerprint true_tstamp").split(" "));
    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder().append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral(' ').append(DateTimeFormatter.ISO_LOCAL_TIME).toFormatter(Locale.ROOT);

    @Override
    public String id() {
        return "snowplow";
    }

    @Override
    public String description() {
        return "Snowplow enriched events: the pipeline's TSV (131 fields, no header) or the warehouse atomic.events table as CSV with a header.";
    }

    @Override
    public String spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public String recognisedBy() {
        return "a first line of 131 tab-separated fields; or a CSV header with collector_tstamp, event_id and domain_userid";
    }

    @Override
    public int recognise(String fileName, byte[] head) {
        String s = new String(head, StandardCharsets.UTF_8).replaceFirst("^[\r\n]+", "");
        int nl = s.indexOf('\n');
        String first = nl < 0 ? s : s.substring(0, nl);
        if (nl > 0 && first.chars().filter(c -> c == '\t').count() == FIELDS.size() - 1) {
            return 90;
        }
        if (first.contains("collector_tstamp") && first.contains("event_id") && first.contains("domain_userid")) {
            return CERTAIN;
        }
        return NO;
    }

    @Override
    public void read(InputStream in, FormatContext context, RecordSink sink) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        reader.mark(1 << 20);
        String first = reader.readLine();
        reader.reset();
        if (first == null) {
            throw new EventFormatException("the file is empty", 0);
        }
        boolean tsv = first.chars().filter(c -> c == '\t').count() >= 100;
        if (tsv) {
            Mapper mapper = new Mapper(FIELDS, context);
            String line;
            long lineNo = 0;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != FIELDS.size()) {
                    sink.reject(lineNo, "field-count", "the line has " + f.length + " tab-separated fields; an enriched event has " + FIELDS.size(), line);
                    continue;
                }
                mapper.emit(lineNo, f, line, sink);
            }
            return;
        }
        try (CsvReader<CsvRecord> csv = CsvReader.builder().skipEmptyLines(true)
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE).missingFieldStrategy(FieldMismatchStrategy.IGNORE).ofCsvRecord(reader)) {
            Mapper mapper = null;
            int width = 0;
            for (CsvRecord rec : csv) {
                long line = rec.getStartingLineNumber();
                if (mapper == null) {
                    mapper = new Mapper(rec.getFields(), context);
                    width = rec.getFieldCount();
                    continue;
                }
                String raw = String.join(",", rec.getFields());
                if (rec.getFieldCount() != width) {
                    sink.reject(line, "field-count", "row has " + rec.getFieldCount() + " fields, header has " + width, raw);
                    continue;
                }
                mapper.emit(line, rec.getFields().toArray(new String[0]), raw, sink);
            }
            if (mapper == null) {
                throw new EventFormatException("the file is empty: expected a header row of atomic.events columns", 0);
            }
        } catch (CsvParseException e) {
            throw new EventFormatException("broken CSV: " + e.getMessage(), 0, e);
        }
    }

    /** Maps the fields of one record, by the column names of the file. */
    private static final class Mapper {
        private final Map<String, Integer> index = new HashMap<>();
        private final String[] extras;
        private final int[] extraIndex;

        Mapper(List<String> names, FormatContext context) {
            for (int i = 0; i < names.size(); i++) {
                index.putIfAbsent(names.get(i).trim().toLowerCase(Locale.ROOT), i);
            }
            if (!index.containsKey("derived_tstamp") && !index.containsKey("collector_tstamp")) {
                throw new EventFormatException("the header has neither derived_tstamp nor collector_tstamp", 1);
            }
            if (!index.containsKey("domain_userid") && !index.containsKey("network_userid") && !index.containsKey("user_id")) {
                throw new EventFormatException("the header has none of domain_userid, network_userid, user_id", 1);
            }
            if (!index.containsKey("event")) {
                throw new EventFormatException("the header has no column event", 1);
            }
            extras = context.extraColumns().keySet().toArray(new String[0]);
            extraIndex = new int[extras.length];
            for (int i = 0; i < extras.length; i++) {
                Integer at = index.get(extras[i].toLowerCase(Locale.ROOT));
                if (at == null) {
                    throw new EventFormatException("no column '" + extras[i] + "', which " + context.extraColumns().get(extras[i])
                            + " reads; Snowplow's session id is domain_sessionid", 1);
                }
                extraIndex[i] = at;
            }
        }

        private String get(String[] f, String name) {
            Integer i = index.get(name);
            if (i == null || i >= f.length) {
                return null;
            }
            String v = f[i].trim();
            return v.isEmpty() || v.equals("\\N") ? null : v;
        }

        void emit(long position, String[] f, String raw, RecordSink sink) {
            try {
                sink.accept(position, map(f), () -> raw);
            } catch (Values.BadValue b) {
                sink.reject(position, b.category(), b.getMessage(), raw);
            }
        }

        private Event map(String[] f) throws Values.BadValue {
            String ts = get(f, "derived_tstamp");
            if (ts == null) {
                ts = get(f, "collector_tstamp");
            }
            if (ts == null) {
                throw new Values.BadValue("bad-timestamp", "neither derived_tstamp nor collector_tstamp");
            }
            long millis = time(ts);
            String visitor = get(f, "domain_userid");
            if (visitor == null) {
                visitor = get(f, "network_userid");
            }
            if (visitor == null) {
                visitor = get(f, "user_id");
            }
            if (visitor == null) {
                throw new Values.BadValue("empty-visitor", "no domain_userid, network_userid or user_id");
            }
            String event = get(f, "event");
            if (event == null) {
                throw new Values.BadValue("missing-event", "empty event");
            }
            Event.Builder b = Event.builder(millis, visitor);
            if (event.equals("page_view")) {
                b.type(EventType.PAGEVIEW).name("page_view");
            } else if (event.equals("transaction")) {
                String total = get(f, "tr_total");
                b.type(EventType.PURCHASE).name("transaction").revenueMicros(total == null ? 0 : Values.micros(total, "tr_total"))
                        .currency(Values.currency(get(f, "tr_currency"))).orderId(get(f, "tr_orderid"));
            } else {
                String name = get(f, "event_name");
                b.type(EventType.OTHER).name(name != null ? name : event);
            }
            b.page(get(f, "page_url")).referrer(get(f, "page_referrer")).userAgent(get(f, "useragent")).eventId(get(f, "event_id"))
                    .trafficSource(TrafficSource.of(Values.clean(get(f, "mkt_source")), Values.clean(get(f, "mkt_medium")),
                            Values.clean(get(f, "mkt_campaign")), Values.clean(get(f, "mkt_term")), Values.clean(get(f, "mkt_content")),
                            Values.clean(get(f, "mkt_clickid"))));
            for (int i = 0; i < extras.length; i++) {
                String v = extraIndex[i] < f.length ? f[extraIndex[i]].trim() : "";
                b.attribute(extras[i], v.equals("\\N") ? null : v);
            }
            return b.build();
        }

        private static long time(String ts) throws Values.BadValue {
            String t = ts.trim();
            try {
                if (t.length() > 19 && (t.endsWith("Z") || t.matches(".*[+-]\\d{2}(:?\\d{2})?$"))) {
                    String iso = t.replace(' ', 'T');
                    if (iso.matches(".*[+-]\\d{2}$")) {
                        iso = iso + ":00";
                    }
                    return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
                }
                LocalDateTime local = t.indexOf('T') > 0 ? LocalDateTime.parse(t) : LocalDateTime.parse(t, LOCAL);
                return local.toInstant(ZoneOffset.UTC).toEpochMilli();
            } catch (DateTimeException e) {
                throw new Values.BadValue("bad-timestamp", Values.quote(ts) + " is not a Snowplow timestamp such as 2021-03-01 12:00:00.123");
            }
        }
    }

}

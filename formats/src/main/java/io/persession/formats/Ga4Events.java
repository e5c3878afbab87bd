package io.persession.formats;

import io.persession.spi.Event;
import io.persession.spi.EventFormatException;
import io.persession.spi.EventType;
import io.persession.spi.FormatContext;
import io.persession.spi.TrafficSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Maps one event of the Google Analytics 4 BigQuery export schema, as a tree of plain Java values (maps, lists,
 * strings, numbers), to an {@link Event}. Shared by {@code ga4-export} (JSON Lines) and the Parquet plugin
 * ({@code ga4-export-parquet}), so that both read the export the same way. Not thread-safe: one per file.
 *
 * <ul>
 *   <li>{@code event_timestamp}: microseconds since the epoch, a string or a number; kept to the millisecond
 *       (truncated toward the past).</li>
 *   <li>{@code user_pseudo_id}: the visitor.</li>
 *   <li>{@code event_name}: {@code page_view} is a pageview, {@code purchase} a purchase, {@code refund} a refund,
 *       {@code ad_impression} an ad impression; any other is an other event; the GA4 name is kept as the name.</li>
 *   <li>Revenue: purchase {@code ecommerce.purchase_revenue}, refund {@code ecommerce.refund_value}, else (and for
 *       {@code ad_impression}) the {@code value} event parameter. Exact: decimal text is read as text; a double
 *       (Parquet) becomes a decimal with {@link BigDecimal#valueOf(double)} and is rounded half-even to a
 *       micro-unit. Currency: the {@code currency} event parameter. Order id: {@code ecommerce.transaction_id},
 *       else the {@code transaction_id} parameter.</li>
 *   <li>Page and referrer: the {@code page_location} and {@code page_referrer} parameters.</li>
 *   <li>Traffic source, for the event: {@code collected_traffic_source} ({@code manual_source}, {@code manual_medium},
 *       {@code manual_campaign_name}, {@code manual_term}, {@code manual_content}, {@code gclid}, else
 *       {@code dclid}) when it has any value; else the event parameters {@code source}, {@code medium},
 *       {@code campaign}, {@code term}, {@code content}. The user-level {@code traffic_source} is the user's
 *       <em>first</em> acquisition, not this session's, so it is not used unless the option {@code first-touch=true}
 *       asks for it as a last fallback. GA's placeholders {@code (direct)}, {@code (none)}, {@code (not set)},
 *       {@code (not provided)} mean none.</li>
 *   <li>Attributes: an extra input column asked for by a session definition ({@code ga_session_id}) is the event
 *       parameter of that key, else a top-level field of that name; a file where no event has it is refused.</li>
 * </ul>
 */
public final class Ga4Events {
    private final boolean firstTouch;
    private final String[] extras;
    private final boolean[] extraSeen;

    public Ga4Events(FormatContext context) {
        String ft = context.options().getOrDefault("first-touch", "false").trim();
        if (!ft.equals("true") && !ft.equals("false")) {
            throw new io.persession.spi.InvalidOptionException("first-touch", "--input-option first-touch must be true or false, not '" + ft + "'");
        }
        this.firstTouch = ft.equals("true");
        this.extras = context.extraColumns().keySet().toArray(new String[0]);
        this.extraSeen = new boolean[extras.length];
    }

    /** The options of both GA4 formats. */
    static List<io.persession.spi.OptionSpec> options() {
        return List.of(io.persession.spi.OptionSpec.of("first-touch", "false",
                "true: an event with neither collected_traffic_source nor source parameters takes the user's first-touch traffic_source"));
    }

    /** The event of one record. */
    public Event map(Map<?, ?> r) throws Values.BadValue {
        Object ts = r.get("event_timestamp");
        long micros;
        if (ts == null || ts.toString().isBlank()) {
            throw new Values.BadValue("bad-timestamp", "no event_timestamp");
        }
        try {
            micros = new BigDecimal(ts.toString().trim()).toBigIntegerExact().longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new Values.BadValue("bad-timestamp", "event_timestamp " + Values.quote(ts.toString()) + " is not whole microseconds since the epoch");
        }
        String visitor = text(r.get("user_pseudo_id"));
        if (visitor == null) {
            throw new Values.BadValue("empty-visitor", "empty user_pseudo_id");
        }
        String name = text(r.get("event_name"));
        if (name == null) {
            throw new Values.BadValue("missing-event", "empty event_name");
        }
        List<?> params = r.get("event_params") instanceof List ? (List<?>) r.get("event_params") : List.of();
        Map<?, ?> ecommerce = r.get("ecommerce") instanceof Map ? (Map<?, ?>) r.get("ecommerce") : Map.of();
        EventType type;
        switch (name) {
            case "page_view":
                type = EventType.PAGEVIEW;
                break;
            case "purchase":
                type = EventType.PURCHASE;
                break;
            case "refund":
                type = EventType.REFUND;
                break;
            case "ad_impression":
                type = EventType.AD_IMPRESSION;
                break;
            default:
                type = EventType.OTHER;
        }
        long revenue = 0;
        String currency = null;
        String orderId = null;
        if (type != EventType.OTHER && type != EventType.PAGEVIEW) {
            Object amount = type == EventType.PURCHASE ? ecommerce.get("purchase_revenue")
                    : type == EventType.REFUND ? ecommerce.get("refund_value") : null;
            if (amount == null) {
                amount = paramValue(params, "value");
            }
            if (amount != null) {
                revenue = amount instanceof Double || amount instanceof Float
                        ? Values.micros(BigDecimal.valueOf(((Number) amount).doubleValue()), "revenue")
                        : Values.micros(amount.toString(), "revenue");
            }
            currency = Values.currency(text(paramValue(params, "currency")));
            orderId = Values.clean(text(ecommerce.get("transaction_id")));
            if (orderId == null) {
                orderId = Values.clean(text(paramValue(params, "transaction_id")));
            }
        }
        Event.Builder b = Event.builder(Math.floorDiv(micros, 1000L), visitor).type(type).name(name)
                .revenueMicros(revenue).currency(currency).orderId(type == EventType.PURCHASE || type == EventType.REFUND ? orderId : null)
                .page(Values.clean(text(paramValue(params, "page_location"))))
                .referrer(Values.clean(text(paramValue(params, "page_referrer"))))
                .trafficSource(source(r, params));
        for (int i = 0; i < extras.length; i++) {
            Object v = paramValue(params, extras[i]);
            if (v == null && r.containsKey(extras[i]) && !(r.get(extras[i]) instanceof Map) && !(r.get(extras[i]) instanceof List)) {
                v = r.get(extras[i]);
            }
            String s = text(v);
            if (s != null) {
                extraSeen[i] = true;
                b.attribute(extras[i], s);
            }
        }
        return b.build();
    }

    /** Fails when an extra column asked for was in no event of the file. */
    public void checkExtraColumns(String fileName, Map<String, String> neededBy) {
        for (int i = 0; i < extras.length; i++) {
            if (!extraSeen[i]) {
                throw new EventFormatException("no event of " + fileName + " has the event parameter or field '" + extras[i] + "', which "
                        + neededBy.get(extras[i]) + " reads; GA4 exports carry ga_session_id as an event parameter", 0);
            }
        }
    }

    private TrafficSource source(Map<?, ?> r, List<?> params) {
        if (r.get("collected_traffic_source") instanceof Map) {
            Map<?, ?> c = (Map<?, ?>) r.get("collected_traffic_source");
            String click = Values.clean(text(c.get("gclid")));
            if (click == null) {
                click = Values.clean(text(c.get("dclid")));
            }
            TrafficSource t = TrafficSource.of(Values.clean(text(c.get("manual_source"))), Values.clean(text(c.get("manual_medium"))),
                    Values.clean(text(c.get("manual_campaign_name"))), Values.clean(text(c.get("manual_term"))),
                    Values.clean(text(c.get("manual_content"))), click);
            if (!t.isDirect()) {
                return t;
            }
        }
        TrafficSource t = TrafficSource.of(Values.clean(text(paramValue(params, "source"))), Values.clean(text(paramValue(params, "medium"))),
                Values.clean(text(paramValue(params, "campaign"))), Values.clean(text(paramValue(params, "term"))),
                Values.clean(text(paramValue(params, "content"))), Values.clean(text(paramValue(params, "gclid"))));
        if (!t.isDirect() || !firstTouch || !(r.get("traffic_source") instanceof Map)) {
            return t;
        }
        Map<?, ?> u = (Map<?, ?>) r.get("traffic_source");
        return TrafficSource.of(Values.clean(text(u.get("source"))), Values.clean(text(u.get("medium"))), Values.clean(text(u.get("name"))),
                null, null, null);
    }

    /** The value of the event parameter {@code key}: string_value, else int_value, double_value, float_value; null when absent. */
    static Object paramValue(List<?> params, String key) {
        for (Object p : params) {
            if (!(p instanceof Map)) {
                continue;
            }
            Map<?, ?> m = (Map<?, ?>) p;
            if (!key.equals(m.get("key")) || !(m.get("value") instanceof Map)) {
                continue;
            }
            Map<?, ?> v = (Map<?, ?>) m.get("value");
            for (String k : new String[] {"string_value", "int_value", "double_value", "float_value"}) {
                Object x = v.get(k);
                if (x != null) {
                    return x;
                }
            }
            return null;
        }
        return null;
    }

    /** A value as text: numbers by their exact text (a double by its shortest text), null for null or blank. */
    static String text(Object v) {
        if (v == null) {
            return null;
        }
        String s;
        if (v instanceof BigDecimal) {
            s = ((BigDecimal) v).toPlainString();
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            s = d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : BigDecimal.valueOf(d).toPlainString();
        } else if (v instanceof Number || v instanceof BigInteger || v instanceof CharSequence || v instanceof Boolean) {
            s = v.toString();
        } else {
            return null;
        }
        s = s.trim();
        return s.isEmpty() ? null : s;
    }
}

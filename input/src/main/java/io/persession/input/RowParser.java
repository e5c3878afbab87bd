package io.persession.input;

import io.persession.spi.Event;
import io.persession.spi.EventType;
import io.persession.spi.TrafficSource;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns one row's raw values (indexed by {@link InputColumn#ordinal()}, then the
 * {@linkplain InputOptions#extraColumns() extra columns} in order; {@code null} when absent) into an
 * {@link Event}, or rejects it with the first problem found, checked in this order: timestamp, visitor_id,
 * event, revenue, revenue on a non-money event, currency. Values are trimmed; empty values are absent.
 *
 * <p>Not thread-safe: it keeps bounded caches of repeated strings (event names, currencies, traffic source
 * fields, pages, referrers, user agents) so that millions of events share their instances.
 */
final class RowParser {
    static final int COLUMNS = InputColumn.values().length;

    private static final int CACHE_LIMIT = 20_000;
    private static final Set<String> CURRENCY_CODES = new HashSet<>();

    static {
        for (Currency c : Currency.getAvailableCurrencies()) {
            CURRENCY_CODES.add(c.getCurrencyCode());
        }
    }

    private final Timestamps timestamps;
    private final String analysisCurrency;
    private final Map<String, BigDecimal> rates;
    private final StringCache eventNames = new StringCache();
    private final Map<String, EventType> eventTypes = new HashMap<>();
    private final Map<String, String> currencies = new HashMap<>();
    private final StringCache sourceStrings = new StringCache();
    private final StringCache pages = new StringCache();
    private final StringCache referrers = new StringCache();
    private final StringCache userAgents = new StringCache();
    /** Extra columns (attributes) read after the canonical ones: their names, and the last value of each, shared while it repeats. */
    private final String[] extraNames;
    private final String[] lastExtra;

    private String lastSource;
    private String lastMedium;
    private String lastCampaign;
    private String lastTerm;
    private String lastContent;
    private String lastClickId;
    private TrafficSource lastTrafficSource = TrafficSource.DIRECT;
    /** One builder for every row (each sets every field anew): no builder object a row. */
    private final Event.Builder builder = Event.builder(0, "-");

    RowParser(InputOptions options) {
        this.timestamps = new Timestamps(options.inputZone());
        this.analysisCurrency = options.currency();
        this.rates = options.rates();
        this.extraNames = options.extraColumns().keySet().toArray(new String[0]);
        this.lastExtra = new String[extraNames.length];
    }

    /** The number of values a row has: the canonical columns, then the extra ones. */
    int width() {
        return COLUMNS + extraNames.length;
    }

    Event parse(String[] v) throws RowRejected {
        return parse(timestamps.parse(trimOrEmpty(v[InputColumn.TIMESTAMP.ordinal()])), v);
    }

    /**
     * As {@link #parse(String[])} for a row whose timestamp is already known to be valid and to be {@code ts}
     * (what the timestamp value gives); {@code v}'s timestamp value is not read.
     */
    Event parse(long ts, String[] v) throws RowRejected {
        return parse(ts, v, false);
    }

    /**
     * As {@link #parse(long, String[])} for prepared values: each is already what {@link #clean} makes of the raw
     * value, and repeated ones already share one instance, so this parser neither trims them nor looks them up in
     * its caches. The event is equal to the one {@link #parse(long, String[])} gives for the raw values; only the
     * string instances it holds may be others (equal ones).
     */
    Event parsePrepared(long ts, String[] v) throws RowRejected {
        return parse(ts, v, true);
    }

    private Event parse(long ts, String[] v, boolean prepared) throws RowRejected {
        String visitor = value(v, InputColumn.VISITOR_ID, prepared);
        if (visitor == null) {
            throw new RowRejected(RejectCategory.EMPTY_VISITOR, "empty visitor_id");
        }
        String name = value(v, InputColumn.EVENT, prepared);
        if (name == null) {
            throw new RowRejected(RejectCategory.MISSING_EVENT, "empty event");
        }
        name = share(eventNames, name, prepared);
        EventType type = eventTypes.get(name);
        if (type == null) {
            type = EventType.fromName(name);
            if (eventTypes.size() < CACHE_LIMIT) {
                eventTypes.put(name, type);
            }
        }
        String revenueText = value(v, InputColumn.REVENUE, prepared);
        long micros = revenueText == null ? 0 : Revenue.parseMicros(revenueText);
        if (micros != 0 && !carriesRevenue(type)) {
            throw new RowRejected(RejectCategory.REVENUE_ON_NON_MONEY_EVENT, "revenue on a " + RowRejected.quote(name)
                    + " event; only purchase, refund and ad events carry revenue");
        }
        String currency = currency(value(v, InputColumn.CURRENCY, prepared));
        if (analysisCurrency != null && currency != null && !currency.equals(analysisCurrency)) {
            BigDecimal rate = rates.get(currency);
            if (rate != null) {
                micros = convert(micros, rate, currency, revenueText);
            } else if (micros != 0) {
                throw new RowRejected(RejectCategory.NO_RATE, "revenue in " + currency + ", but the analysis currency is "
                        + analysisCurrency + " and there is no rate for " + currency + "; add --fx " + currency + "=RATE");
            }
            currency = analysisCurrency;
        }

        Event.Builder b = builder.timestampMillis(ts).visitorId(visitor);
        for (int i = 0; i < extraNames.length; i++) {
            String value = clean(v[COLUMNS + i]);
            if (value != null) {
                if (value.equals(lastExtra[i])) {
                    value = lastExtra[i];
                } else {
                    lastExtra[i] = value;
                }
            }
            b.attribute(extraNames[i], value); // null: the last row's value goes
        }
        return b
                .type(type)
                .name(name)
                .revenueMicros(micros)
                .currency(currency)
                .trafficSource(trafficSource(v, prepared))
                .referrer(share(referrers, value(v, InputColumn.REFERRER, prepared), prepared))
                .page(share(pages, value(v, InputColumn.PAGE, prepared), prepared))
                .userAgent(share(userAgents, value(v, InputColumn.USER_AGENT, prepared), prepared))
                .eventId(value(v, InputColumn.EVENT_ID, prepared))
                .orderId(value(v, InputColumn.ORDER_ID, prepared))
                .build();
    }

    private long convert(long micros, BigDecimal rate, String currency, String revenueText) throws RowRejected {
        if (micros == 0) {
            return 0;
        }
        BigDecimal converted = BigDecimal.valueOf(micros).multiply(rate).setScale(0, RoundingMode.HALF_EVEN);
        if (converted.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new RowRejected(RejectCategory.BAD_REVENUE, "revenue " + RowRejected.quote(revenueText) + " " + currency
                    + " is too large after conversion to " + analysisCurrency);
        }
        return converted.longValue();
    }

    static boolean carriesRevenue(EventType type) {
        return type == EventType.PURCHASE || type == EventType.REFUND || type == EventType.AD_REQUEST
                || type == EventType.AD_IMPRESSION;
    }

    private String currency(String raw) throws RowRejected {
        if (raw == null) {
            return null;
        }
        String code = currencies.get(raw);
        if (code != null) {
            return code;
        }
        String upper = raw.toUpperCase(Locale.ROOT);
        if (raw.length() != 3 || !CURRENCY_CODES.contains(upper)) {
            throw new RowRejected(RejectCategory.UNKNOWN_CURRENCY, "unknown currency code " + RowRejected.quote(raw)
                    + "; use a 3-letter ISO 4217 code such as USD or EUR");
        }
        if (currencies.size() < CACHE_LIMIT) {
            currencies.put(raw, upper);
        }
        return upper;
    }

    private TrafficSource trafficSource(String[] v, boolean prepared) {
        String source = share(sourceStrings, value(v, InputColumn.SOURCE, prepared), prepared);
        String medium = share(sourceStrings, value(v, InputColumn.MEDIUM, prepared), prepared);
        String campaign = share(sourceStrings, value(v, InputColumn.CAMPAIGN, prepared), prepared);
        String term = share(sourceStrings, value(v, InputColumn.TERM, prepared), prepared);
        String content = share(sourceStrings, value(v, InputColumn.CONTENT, prepared), prepared);
        String clickId = value(v, InputColumn.CLICK_ID, prepared);
        if (!(Objects.equals(source, lastSource) && Objects.equals(medium, lastMedium) && Objects.equals(campaign, lastCampaign)
                && Objects.equals(term, lastTerm) && Objects.equals(content, lastContent) && Objects.equals(clickId, lastClickId))) {
            lastSource = source;
            lastMedium = medium;
            lastCampaign = campaign;
            lastTerm = term;
            lastContent = content;
            lastClickId = clickId;
            lastTrafficSource = TrafficSource.of(source, medium, campaign, term, content, clickId);
        }
        return lastTrafficSource;
    }

    /** Column {@code c}'s value: as it is when prepared, else {@link #clean cleaned}. */
    private static String value(String[] v, InputColumn c, boolean prepared) {
        String s = v[c.ordinal()];
        return prepared ? s : clean(s);
    }

    /** {@code s}, shared through {@code cache} unless prepared (and so shared already). */
    private static String share(StringCache cache, String s, boolean prepared) {
        return prepared ? s : cache.get(s);
    }

    /** {@code s} trimmed, or {@code null} when absent or blank. */
    static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim();
        return t.isEmpty() ? null : t;
    }

    private static String trimOrEmpty(String s) {
        return s == null ? "" : s.trim();
    }

    /** Returns an equal string seen before where there is one, so that repeated values share one instance. */
    static final class StringCache {
        private final Map<String, String> map = new HashMap<>();

        String get(String s) {
            if (s == null) {
                return null;
            }
            String c = map.get(s);
            if (c != null) {
                return c;
            }
            if (map.size() < CACHE_LIMIT) {
                map.put(s, s);
            }
            return s;
        }
    }
}

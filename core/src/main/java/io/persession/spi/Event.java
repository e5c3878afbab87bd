package io.persession.spi;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One event of one visitor. Immutable and thread-safe; build one with {@link #builder(long, String)}.
 *
 * <p>Money is exact: {@link #revenueMicros()} is the amount in millionths of the currency unit
 * ({@code 12.34 EUR} is {@code 12_340_000}), never a floating-point number. It is never negative: a
 * {@link EventType#REFUND refund} carries the refunded amount as a positive number and the host
 * subtracts it.
 *
 * <p>Every text field but {@link #visitorId()} may be {@code null} (absent); the host never passes
 * blank strings, it passes {@code null}.
 *
 * <p>Besides the canonical fields an event may carry <em>attributes</em>: values of other input columns
 * that a {@link SessionDefinition#inputColumns() definition asked for} (a tracker's own session id, for
 * example), by column name. Most events carry none, and then they cost nothing.
 */
public final class Event {
    /** One currency unit in {@link #revenueMicros()} units. */
    public static final long MICROS_PER_UNIT = 1_000_000L;

    private final long timestampMillis;
    private final String visitorId;
    private final EventType type;
    private final String name;
    private final long revenueMicros;
    private final String currency;
    private final TrafficSource trafficSource;
    // as given, blank included: the getters say null for blank (see text), so that making an event reads none of
    // these strings, which readers share among events (reading them cost the reading thread about 8% of its time)
    private final String referrer;
    private final String page;
    private final String userAgent;
    private final String eventId;
    private final String orderId;
    private final Map<String, String> attributes;

    private Event(Builder b) {
        this.timestampMillis = b.timestampMillis;
        this.visitorId = b.visitorId;
        this.type = b.type;
        this.name = b.name == null ? b.type.code() : b.name;
        this.revenueMicros = b.revenueMicros;
        this.currency = currency(b.currency);
        this.trafficSource = b.trafficSource;
        this.referrer = b.referrer;
        this.page = b.page;
        this.userAgent = b.userAgent;
        this.eventId = b.eventId;
        this.orderId = b.orderId;
        this.attributes = attributes(b.attributes);
    }

    /** A builder for an event at {@code timestampMillis} (epoch milliseconds, UTC) of {@code visitorId}. */
    public static Builder builder(long timestampMillis, String visitorId) {
        return new Builder(timestampMillis, visitorId);
    }

    /** A builder holding this event's values, to derive a changed copy. */
    public Builder toBuilder() {
        return new Builder(timestampMillis, visitorId).type(type).name(name).revenueMicros(revenueMicros)
                .currency(currency).trafficSource(trafficSource).referrer(referrer).page(page)
                .userAgent(userAgent).eventId(eventId).orderId(orderId).attributes(attributes);
    }

    /** Epoch milliseconds, UTC. */
    public long timestampMillis() {
        return timestampMillis;
    }

    public Instant timestamp() {
        return Instant.ofEpochMilli(timestampMillis);
    }

    /** Never {@code null} or blank. */
    public String visitorId() {
        return visitorId;
    }

    public EventType type() {
        return type;
    }

    /** The event's name as given in the input ({@code pageview}, {@code add_to_cart}, ...); never {@code null}. */
    public String name() {
        return name;
    }

    /** Revenue in micro-units, {@code >= 0}; 0 when the event carries none. */
    public long revenueMicros() {
        return revenueMicros;
    }

    /** ISO 4217 code, upper case (the builder upper-cases it), or {@code null}. */
    public String currency() {
        return currency;
    }

    /** Never {@code null}; {@link TrafficSource#DIRECT} when the event carries no source. */
    public TrafficSource trafficSource() {
        return trafficSource;
    }

    /** The referring URL, or {@code null}. */
    public String referrer() {
        return text(referrer);
    }

    /** The page URL, or {@code null}. */
    public String page() {
        return text(page);
    }

    /** Nullable. */
    public String userAgent() {
        return text(userAgent);
    }

    /** Nullable; events with the same id are duplicates. */
    public String eventId() {
        return text(eventId);
    }

    /** Nullable; purchases with the same order id are one order. */
    public String orderId() {
        return text(orderId);
    }

    /**
     * The value of the input column {@code name} (an attribute a definition asked for), or {@code null}
     * when the event has none. Never blank.
     */
    public String attribute(String name) {
        return attributes.isEmpty() ? null : attributes.get(name);
    }

    /** Every attribute, by column name (unmodifiable; empty, never {@code null}, when there are none). */
    public Map<String, String> attributes() {
        return attributes;
    }

    @Override
    public String toString() {
        return "Event[" + timestamp() + " " + visitorId + " " + name
                + (revenueMicros != 0 ? " " + revenueMicros + "µ" + (currency == null ? "" : " " + currency) : "")
                + (trafficSource.isDirect() ? "" : " " + trafficSource) + "]";
    }

    /** None: the shared empty map; one (the usual case): a compact immutable map; more: in the order set. */
    private static Map<String, String> attributes(Map<String, String> given) {
        if (given == null || given.isEmpty()) {
            return Collections.emptyMap();
        }
        if (given.size() == 1) {
            Map.Entry<String, String> e = given.entrySet().iterator().next();
            return Map.of(e.getKey(), e.getValue());
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(given));
    }

    /** {@code c} trimmed and upper-cased ({@code null} when blank); as it is, without copying, when it already is. */
    private static String currency(String c) {
        if (c == null) {
            return null;
        }
        int n = c.length();
        boolean clean = n > 0;
        for (int i = 0; i < n && clean; i++) {
            char ch = c.charAt(i);
            clean = ch >= 'A' && ch <= 'Z';
        }
        if (clean) {
            return c;
        }
        return c.isBlank() ? null : c.trim().toUpperCase(java.util.Locale.ROOT);
    }

    /** {@code s}, or {@code null} when it is blank; a first char from {@code !} to {@code ~} settles it without a scan. */
    private static String text(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        char first = s.charAt(0);
        return first > ' ' && first < 0x7F || !s.isBlank() ? s : null;
    }

    /**
     * Builds an {@link Event}. Not thread-safe. A builder can be used again: {@link #build()} takes what is set
     * at that moment, and later changes do not touch the events built before (a reader that makes an event a row
     * sets every field anew and keeps one builder).
     */
    public static final class Builder {
        private long timestampMillis;
        private String visitorId;
        private EventType type = EventType.OTHER;
        private String name;
        private long revenueMicros;
        private String currency;
        private TrafficSource trafficSource = TrafficSource.DIRECT;
        private String referrer;
        private String page;
        private String userAgent;
        private String eventId;
        private String orderId;
        private Map<String, String> attributes;

        private Builder(long timestampMillis, String visitorId) {
            timestampMillis(timestampMillis).visitorId(visitorId);
        }

        /** Epoch milliseconds, UTC (as given to {@link Event#builder}). */
        public Builder timestampMillis(long timestampMillis) {
            this.timestampMillis = timestampMillis;
            return this;
        }

        /** Not {@code null} or blank (as given to {@link Event#builder}). */
        public Builder visitorId(String visitorId) {
            Objects.requireNonNull(visitorId, "visitorId is null");
            if (visitorId.isBlank()) {
                throw new IllegalArgumentException("visitorId is blank");
            }
            this.visitorId = visitorId;
            return this;
        }

        public Builder type(EventType type) {
            this.type = Objects.requireNonNull(type, "type is null");
            return this;
        }

        /** The input's event name; the type's own name when not set. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** The type from an input event name, keeping the name ({@link EventType#fromName}). */
        public Builder named(String name) {
            return type(EventType.fromName(name)).name(name.trim());
        }

        public Builder revenueMicros(long revenueMicros) {
            if (revenueMicros < 0) {
                throw new IllegalArgumentException("revenue is negative: " + revenueMicros + " micros");
            }
            this.revenueMicros = revenueMicros;
            return this;
        }

        public Builder currency(String currency) {
            this.currency = currency;
            return this;
        }

        public Builder trafficSource(TrafficSource trafficSource) {
            this.trafficSource = Objects.requireNonNull(trafficSource, "trafficSource is null");
            return this;
        }

        public Builder referrer(String referrer) {
            this.referrer = referrer;
            return this;
        }

        public Builder page(String page) {
            this.page = page;
            return this;
        }

        public Builder userAgent(String userAgent) {
            this.userAgent = userAgent;
            return this;
        }

        public Builder eventId(String eventId) {
            this.eventId = eventId;
            return this;
        }

        public Builder orderId(String orderId) {
            this.orderId = orderId;
            return this;
        }

        /**
         * Sets the attribute {@code name} (an input column's name, not blank) to {@code value}; a
         * {@code null} or blank value removes it (the event has no value for that column).
         */
        public Builder attribute(String name, String value) {
            Objects.requireNonNull(name, "attribute name is null");
            if (name.isBlank()) {
                throw new IllegalArgumentException("attribute name is blank");
            }
            String v = text(value);
            if (v == null) {
                if (attributes != null) {
                    attributes.remove(name);
                }
            } else {
                if (attributes == null) {
                    attributes = new LinkedHashMap<>(4);
                }
                attributes.put(name, v);
            }
            return this;
        }

        /** Sets every attribute of {@code values} (see {@link #attribute(String, String)}). */
        public Builder attributes(Map<String, String> values) {
            for (Map.Entry<String, String> e : values.entrySet()) {
                attribute(e.getKey(), e.getValue());
            }
            return this;
        }

        public Event build() {
            return new Event(this);
        }
    }
}

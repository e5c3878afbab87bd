package io.persession.input;

import io.persession.engine.Suggestions;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How to read input files: the format, the zone of timestamps without an offset, and the column map.
 * Immutable; build one with {@link #builder()}, or take {@link #defaults()}.
 *
 * <ul>
 *   <li>{@link Format#AUTO} (default) picks the format per file by its name, ignoring a trailing
 *       {@code .gz}: {@code .csv} is CSV; {@code .jsonl}, {@code .ndjson}, {@code .json} and
 *       {@code .jsonlines} are JSON Lines; any other name is sniffed from the first non-blank byte of the
 *       (decompressed) content: <code>{</code> means JSON Lines, anything else CSV. Other installed formats
 *       ({@code persession formats}) take part: the one most sure of the name and first bytes wins.</li>
 *   <li>{@link #inputZone()} (default UTC) is the zone of timestamps written without {@code Z} or an
 *       offset.</li>
 *   <li>The column map: {@code event=event_name} reads the canonical column {@code event} from the input
 *       column (CSV header name or JSON key) {@code event_name}. A canonical column not in the map is read
 *       from the column of its own name. Two canonical columns may be read from the same input column.</li>
 *   <li>The analysis currency ({@code --currency}, optional) and exchange rates ({@code --fx USD=0.92}: one
 *       USD is 0.92 units of the analysis currency). With an analysis currency, every row's revenue is
 *       converted into it exactly (micro-units times the rate, rounded half-even to a micro-unit) and the row
 *       carries the analysis currency; a row without a currency is taken to be in it (and left without one);
 *       a row with revenue in
 *       another currency without a rate is rejected ({@link RejectCategory#NO_RATE}). Without an analysis
 *       currency, nothing is converted (rates are then an error).</li>
 *   <li>Extra columns ({@link #extraColumns()}): input columns beyond the canonical ones that a session
 *       definition reads, each with who needs it (for the message when the input lacks it). Their values
 *       become {@link io.persession.spi.Event#attribute(String) event attributes}; a missing column is a
 *       whole-input error.</li>
 * </ul>
 *
 * <p>Errors in options given on the command line ({@link Format#parse}, {@link #parseMapEntry},
 * {@link Builder#inputZone(String)}) are {@link IllegalArgumentException}s with a one-line message: they
 * are usage errors (exit code 2), not unreadable input.
 */
public final class InputOptions {
    /** The input format. */
    public enum Format {
        /** Per file, the installed format that recognises its name and first bytes best. */
        AUTO,
        /** CSV with a header row. */
        CSV,
        /** JSON Lines: one object per line. */
        JSONL,
        /** Another installed {@link io.persession.spi.EventFormat}, named by {@link InputOptions#formatId()}. */
        OTHER;

        /**
         * The format named {@code auto}, {@code csv} or {@code jsonl} (also {@code ndjson}, {@code json}),
         * case-insensitive.
         *
         * @throws IllegalArgumentException naming the valid values
         */
        public static Format parse(String name) {
            String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
            switch (n) {
                case "auto":
                    return AUTO;
                case "csv":
                    return CSV;
                case "jsonl":
                case "ndjson":
                case "json":
                    return JSONL;
                default:
                    throw new IllegalArgumentException("unknown input format '" + name + "'; use auto, csv or jsonl");
            }
        }

        /** {@code auto}, {@code csv} or {@code jsonl}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final InputOptions DEFAULTS = builder().build();

    private final Format format;
    private final String formatId;
    private final Map<String, Map<String, String>> formatOptions;
    private final ZoneId inputZone;
    private final Map<InputColumn, String> columnMap;
    private final String currency;
    private final Map<String, BigDecimal> rates;
    private final Map<String, String> extraColumns;

    private InputOptions(Builder b) {
        this.format = b.format;
        this.formatId = b.formatId;
        Map<String, Map<String, String>> fo = new TreeMap<>();
        b.formatOptions.forEach((k, v) -> fo.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        this.formatOptions = Collections.unmodifiableMap(fo);
        this.inputZone = b.inputZone;
        this.columnMap = Collections.unmodifiableMap(new EnumMap<>(b.columnMap));
        this.currency = b.currency;
        this.rates = Collections.unmodifiableMap(new TreeMap<>(b.rates));
        this.extraColumns = Collections.unmodifiableMap(new LinkedHashMap<>(b.extraColumns));
    }

    /** Format auto, zone UTC, no column map. */
    public static InputOptions defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Format format() {
        return format;
    }

    /**
     * The id of the {@link io.persession.spi.EventFormat} to read every file with ({@code csv}, {@code jsonl},
     * {@code ga4-export}, ...), or {@code auto}: per file, the installed format that recognises it best.
     */
    public String formatId() {
        return formatId;
    }

    /** Format options ({@code --input-option ID.NAME=VALUE}) by format id, then by name (unmodifiable; may be empty). */
    public Map<String, Map<String, String>> formatOptions() {
        return formatOptions;
    }

    /** The zone of timestamps without an offset; UTC unless set. */
    public ZoneId inputZone() {
        return inputZone;
    }

    /** Canonical column to input column, only the entries given (unmodifiable; may be empty). */
    public Map<InputColumn, String> columnMap() {
        return columnMap;
    }

    /** The input column (header name or JSON key) the canonical {@code column} is read from. */
    public String inputColumn(InputColumn column) {
        String mapped = columnMap.get(column);
        return mapped != null ? mapped : column.columnName();
    }

    /** The analysis currency (ISO 4217, upper case), or {@code null}: no conversion. */
    public String currency() {
        return currency;
    }

    /** Exchange rates: currency code to units of {@link #currency()} per unit (unmodifiable, sorted; may be empty). */
    public Map<String, BigDecimal> rates() {
        return rates;
    }

    /**
     * Input columns to read besides the canonical ones, in order, each with who needs it (such as
     * {@code session definition 'by-id' (--option column=ga_session_id)}); unmodifiable, may be empty.
     */
    public Map<String, String> extraColumns() {
        return extraColumns;
    }

    /** True when {@code column} was renamed by the column map. */
    public boolean isMapped(InputColumn column) {
        return columnMap.containsKey(column);
    }

    /**
     * A {@code --fx CODE=RATE} rate: a positive decimal.
     *
     * @throws IllegalArgumentException otherwise (a one-line message naming the flag)
     */
    public static BigDecimal parseRate(String code, String rate) {
        try {
            BigDecimal r = new BigDecimal(rate.trim());
            if (r.signum() > 0) {
                return r;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new IllegalArgumentException("--fx " + code + "=" + rate + ": the rate must be a positive decimal, e.g. --fx "
                + code.toUpperCase(Locale.ROOT) + "=0.92");
    }

    /**
     * Parses one column-map entry {@code canonical=input_column}, such as {@code event=event_name}. The
     * canonical name is case-insensitive; the input column name is trimmed and kept as written.
     *
     * @throws IllegalArgumentException (one line) for an entry without {@code =}, with an empty side, or
     *     with an unknown canonical name (the message lists the canonical names and the nearest one)
     */
    public static Map.Entry<InputColumn, String> parseMapEntry(String entry) {
        String e = entry == null ? "" : entry.trim();
        int eq = e.indexOf('=');
        if (eq < 0) {
            throw new IllegalArgumentException("bad --map entry '" + e + "': expected canonical=input_column, such as event=event_name");
        }
        String key = e.substring(0, eq).trim();
        String value = e.substring(eq + 1).trim();
        if (key.isEmpty() || value.isEmpty()) {
            throw new IllegalArgumentException("bad --map entry '" + e + "': both sides of '=' must be non-empty, such as event=event_name");
        }
        InputColumn column = InputColumn.byName(key).orElseThrow(() -> new IllegalArgumentException(
                "unknown column '" + key + "' in --map " + e + nearest(key) + "; the columns are: " + InputColumn.allNames()));
        return Map.entry(column, value);
    }

    private static String nearest(String key) {
        List<String> names = new ArrayList<>();
        for (InputColumn c : InputColumn.values()) {
            names.add(c.columnName());
        }
        return Suggestions.nearest(key, names).map(n -> " (did you mean '" + n + "'?)").orElse("");
    }

    @Override
    public String toString() {
        return "InputOptions[format=" + formatId + ", inputZone=" + inputZone + ", map=" + columnMap
                + (currency == null ? "" : ", currency=" + currency + ", rates=" + rates) + "]";
    }

    /** Builds {@link InputOptions}. Not thread-safe. */
    public static final class Builder {
        private Format format = Format.AUTO;
        private String formatId = "auto";
        private final Map<String, Map<String, String>> formatOptions = new TreeMap<>();
        private ZoneId inputZone = ZoneOffset.UTC;
        private final Map<InputColumn, String> columnMap = new EnumMap<>(InputColumn.class);
        private String currency;
        private final Map<String, BigDecimal> rates = new TreeMap<>();
        private final Map<String, String> extraColumns = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Also reads the input column {@code name} into each event's attributes; {@code neededBy} says
         * who needs it, for the message when the input lacks it. A column asked for twice keeps the first
         * {@code neededBy}.
         */
        public Builder extraColumn(String name, String neededBy) {
            String n = Objects.requireNonNull(name, "name is null").trim();
            if (n.isEmpty()) {
                throw new IllegalArgumentException("an extra input column needs a name");
            }
            extraColumns.putIfAbsent(n, Objects.requireNonNull(neededBy, "neededBy is null"));
            return this;
        }

        /** Also reads every input column {@code d} needs ({@link io.persession.spi.SessionDefinition#inputColumns()}). */
        public Builder columnsOf(io.persession.spi.SessionDefinition d) {
            for (String column : d.inputColumns()) {
                extraColumn(column, "session definition '" + d.id() + "'" + (d.options().isEmpty() ? ""
                        : " (options " + d.options().entrySet().stream().map(o -> o.getKey() + "=" + o.getValue())
                                .collect(java.util.stream.Collectors.joining(", ")) + ")"));
            }
            return this;
        }

        /**
         * The analysis currency: revenue is converted into it (see {@link InputOptions}).
         *
         * @throws IllegalArgumentException for a code that is not ISO 4217
         */
        public Builder currency(String code) {
            this.currency = code == null ? null : currencyCode("--currency", code);
            return this;
        }

        /**
         * One unit of {@code code} is {@code rate} units of the analysis currency.
         *
         * @throws IllegalArgumentException for a code that is not ISO 4217 or a rate that is not positive
         */
        public Builder rate(String code, BigDecimal rate) {
            String c = currencyCode("--fx", code);
            if (rate == null || rate.signum() <= 0) {
                throw new IllegalArgumentException("--fx " + c + "=" + rate + ": the rate must be a positive decimal, such as --fx " + c + "=0.92");
            }
            rates.put(c, rate);
            return this;
        }

        public Builder format(Format format) {
            this.format = Objects.requireNonNull(format, "format is null");
            if (format != Format.OTHER) {
                this.formatId = format.id();
            }
            return this;
        }

        /**
         * {@code auto}, {@code csv}, {@code jsonl} (also {@code ndjson}, {@code json}), or the id of another
         * installed format (checked when the input is read).
         *
         * @throws IllegalArgumentException for a name that cannot be a format id
         */
        public Builder format(String format) {
            String n = format == null ? "" : format.trim().toLowerCase(Locale.ROOT);
            if (!n.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                return format(Format.parse(format));
            }
            try {
                return format(Format.parse(n));
            } catch (IllegalArgumentException e) {
                this.format = Format.OTHER;
                this.formatId = n;
                return this;
            }
        }

        /** An option of the format {@code formatId} ({@code --input-option ID.NAME=VALUE}). */
        public Builder formatOption(String formatId, String name, String value) {
            formatOptions.computeIfAbsent(formatId, k -> new LinkedHashMap<>()).put(name, value);
            return this;
        }

        public Builder inputZone(ZoneId zone) {
            this.inputZone = Objects.requireNonNull(zone, "inputZone is null");
            return this;
        }

        /** @throws IllegalArgumentException for an unknown zone id */
        public Builder inputZone(String zone) {
            try {
                return inputZone(ZoneId.of(zone.trim()));
            } catch (DateTimeException | NullPointerException e) {
                throw new IllegalArgumentException("unknown time zone '" + zone + "'; use an IANA id such as America/New_York, or UTC, or an offset such as +02:00");
            }
        }

        /**
         * Reads {@code canonical} from the input column {@code inputColumn}.
         *
         * @throws IllegalArgumentException when {@code canonical} is already mapped to another column
         */
        public Builder map(InputColumn canonical, String inputColumn) {
            Objects.requireNonNull(canonical, "canonical column is null");
            String in = Objects.requireNonNull(inputColumn, "input column is null").trim();
            if (in.isEmpty()) {
                throw new IllegalArgumentException("--map " + canonical + "= needs an input column name");
            }
            String old = columnMap.get(canonical);
            if (old != null && !old.equals(in)) {
                throw new IllegalArgumentException("column '" + canonical + "' is mapped twice (--map " + canonical + "=" + old
                        + " and --map " + canonical + "=" + in + "); keep one");
            }
            columnMap.put(canonical, in);
            return this;
        }

        /** Adds one {@code canonical=input_column} entry; see {@link InputOptions#parseMapEntry}. */
        public Builder map(String entry) {
            Map.Entry<InputColumn, String> e = parseMapEntry(entry);
            return map(e.getKey(), e.getValue());
        }

        /** Adds every {@code canonical=input_column} entry. */
        public Builder map(Collection<String> entries) {
            for (String e : entries) {
                map(e);
            }
            return this;
        }

        /** @throws IllegalArgumentException when rates are given without an analysis currency */
        public InputOptions build() {
            if (currency == null && !rates.isEmpty()) {
                throw new IllegalArgumentException("--fx " + rates.keySet().iterator().next()
                        + "=... needs --currency: the currency the rates convert into");
            }
            return new InputOptions(this);
        }

        private static String currencyCode(String option, String code) {
            String c = code.trim().toUpperCase(Locale.ROOT);
            try {
                if (c.length() == 3) {
                    Currency.getInstance(c);
                    return c;
                }
            } catch (IllegalArgumentException e) {
                // fall through
            }
            throw new IllegalArgumentException(option + " " + code.trim() + ": unknown currency code; use a 3-letter ISO 4217 code such as USD or EUR");
        }
    }
}

package io.persession.spi;

import java.time.Duration;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading plugin options: the values in force (given or default) and typed parsing with errors that
 * name the option, the value and what is accepted. For use in {@link SessionDefinitionProvider#create}.
 */
public final class Options {
    private static final Pattern DURATION = Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m(?!s))?(?:(\\d+)s)?(?:(\\d+)ms)?");

    private Options() {
    }

    /**
     * Every option of {@code specs} with the value in force: the given one, else the default (options
     * without a default and not given are left out).
     *
     * @throws InvalidOptionException when {@code given} holds a name not in {@code specs}, or lacks a
     *                                {@linkplain OptionSpec#required() required} one
     */
    public static Map<String, String> resolve(String pluginId, List<OptionSpec> specs, Map<String, String> given) {
        Map<String, String> resolved = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (OptionSpec spec : specs) {
            names.add(spec.name());
        }
        for (String name : given.keySet()) {
            if (!names.contains(name)) {
                throw new InvalidOptionException(name, "'" + pluginId + "' has no option '" + name + "'; its options are: "
                        + (names.isEmpty() ? "(none)" : String.join(", ", names)));
            }
        }
        for (OptionSpec spec : specs) {
            String value = given.getOrDefault(spec.name(), spec.defaultValue());
            if (spec.required() && (value == null || value.isBlank())) {
                throw new InvalidOptionException(spec.name(), "'" + pluginId + "' needs the option '" + spec.name() + "': "
                        + spec.description());
            }
            if (value != null) {
                resolved.put(spec.name(), value);
            }
        }
        return resolved;
    }

    /**
     * A duration: {@code 30m}, {@code 1h30m}, {@code 90s}, {@code 500ms}, {@code 1d}, or ISO-8601
     * ({@code PT45M}). Must be positive.
     */
    public static Duration duration(String option, String value) {
        String v = value.trim();
        Duration d = null;
        try {
            if (v.regionMatches(true, 0, "P", 0, 1)) {
                d = Duration.parse(v.toUpperCase(Locale.ROOT));
            } else {
                Matcher m = DURATION.matcher(v.toLowerCase(Locale.ROOT));
                if (!v.isEmpty() && m.matches()) {
                    d = Duration.ofDays(group(m, 1)).plusHours(group(m, 2)).plusMinutes(group(m, 3))
                            .plusSeconds(group(m, 4)).plusMillis(group(m, 5));
                }
            }
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            d = null;
        }
        if (d == null || d.isNegative() || d.isZero()) {
            throw new InvalidOptionException(option, "option '" + option + "': '" + value
                    + "' is not a positive duration; use e.g. 30m, 1h30m, 90s, 500ms or ISO-8601 PT45M");
        }
        if (d.getNano() % 1_000_000 != 0) {
            throw new InvalidOptionException(option, "option '" + option + "': '" + value
                    + "' is finer than a millisecond; event times are whole milliseconds, so use e.g. 500ms");
        }
        return d;
    }

    /** A duration that must lie within {@code [min, max]}. */
    public static Duration duration(String option, String value, Duration min, Duration max) {
        Duration d = duration(option, value);
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw new InvalidOptionException(option, "option '" + option + "': '" + value + "' is out of range; accepted: "
                    + format(min) + " to " + format(max));
        }
        return d;
    }

    /** An IANA time-zone id such as {@code Europe/Paris}, or {@code UTC}. */
    public static ZoneId zone(String option, String value) {
        try {
            return ZoneId.of(value.trim());
        } catch (DateTimeException e) {
            throw new InvalidOptionException(option, "option '" + option + "': '" + value
                    + "' is not a time-zone id; use an IANA id such as Europe/Paris, America/Los_Angeles or UTC");
        }
    }

    /** A whole number within {@code [min, max]}. */
    public static long integer(String option, String value, long min, long max) {
        long n;
        try {
            n = Long.parseLong(value.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new InvalidOptionException(option, "option '" + option + "': '" + value + "' is not a whole number; accepted: "
                    + min + " to " + max);
        }
        if (n < min || n > max) {
            throw new InvalidOptionException(option, "option '" + option + "': " + n + " is out of range; accepted: " + min + " to " + max);
        }
        return n;
    }

    /** A comma-separated list; blanks dropped, values trimmed. */
    public static List<String> list(String value) {
        List<String> out = new ArrayList<>();
        for (String s : Arrays.asList(value.split(","))) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }

    /** {@code 30m}, {@code 1h30m}, {@code 7h55m}, {@code 500ms}: the short form {@link #duration} reads. */
    public static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        StringBuilder b = new StringBuilder();
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        long seconds = d.toSecondsPart();
        long millis = d.toMillisPart();
        if (days > 0) {
            b.append(days).append('d');
        }
        if (hours > 0) {
            b.append(hours).append('h');
        }
        if (minutes > 0) {
            b.append(minutes).append('m');
        }
        if (seconds > 0) {
            b.append(seconds).append('s');
        }
        if (millis > 0) {
            b.append(millis).append("ms");
        }
        return b.toString();
    }

    private static long group(Matcher m, int i) {
        String g = m.group(i);
        return g == null ? 0 : Long.parseLong(g);
    }
}

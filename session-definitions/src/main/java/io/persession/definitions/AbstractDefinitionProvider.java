package io.persession.definitions;

import io.persession.spi.InvalidOptionException;
import io.persession.spi.OptionSpec;
import io.persession.spi.Options;
import io.persession.spi.SessionDefinition;
import io.persession.spi.SessionDefinitionProvider;
import io.persession.spi.SessionRule;
import io.persession.spi.SpiVersion;

import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the built-in providers share: id, description and option specs held once, options resolved
 * with {@link Options#resolve} (unknown names rejected, defaults applied), typed parsing whose errors
 * name option, value and what is accepted, and the values in force shown normalised
 * ({@code PT30M} is shown as {@code 30m}).
 */
abstract class AbstractDefinitionProvider implements SessionDefinitionProvider {
    /** Accepted range of every duration option unless a provider narrows it. */
    static final Duration MIN_DURATION = Duration.ofMillis(1);
    static final Duration MAX_DURATION = Duration.ofDays(3650);

    static final String TIMEOUT = "timeout";
    static final String ZONE = "zone";
    static final String INTERNAL_HOSTS = "internal-hosts";
    static final String MAX_DURATION_OPTION = "max-duration";
    static final String MAX_EVENTS = "max-events";

    static final String DEFAULT_TIMEOUT = "30m";

    private final String id;
    private final String description;
    private final List<OptionSpec> options;

    AbstractDefinitionProvider(String id, String description, OptionSpec... options) {
        this.id = Objects.requireNonNull(id, "id is null");
        this.description = Objects.requireNonNull(description, "description is null");
        this.options = List.of(options);
    }

    @Override
    public final String id() {
        return id;
    }

    /** Built in: compiled with this persession, so always the current SPI version. */
    @Override
    public final String spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final List<OptionSpec> options() {
        return options;
    }

    @Override
    public final SessionDefinition create(Map<String, String> options) {
        Objects.requireNonNull(options, "options is null");
        Values values = new Values(id, Options.resolve(id, this.options, options));
        List<SessionRule> rules = rules(values);
        Set<String> columns = inputColumns(values);
        return SessionDefinition.of(id, description, values.inForce(), rules, columns);
    }

    /** The rules, in the order they are asked, built from the option values. */
    abstract List<SessionRule> rules(Values values);

    /** The input columns beyond the canonical ones the rules read ({@link SessionDefinition#inputColumns()}); default none. */
    Set<String> inputColumns(Values values) {
        return Set.of();
    }

    @Override
    public String toString() {
        return id + " " + options;
    }

    static OptionSpec zoneSpec(String whose) {
        return OptionSpec.of(ZONE, "UTC", "IANA time zone whose midnight ends sessions (" + whose
                + "), e.g. Europe/Paris or America/New_York");
    }

    static OptionSpec internalHostsSpec() {
        return OptionSpec.of(INTERNAL_HOSTS, "", "comma-separated hosts whose referrals never start a session,"
                + " with their subdomains (payment providers, your other domains), e.g. paypal.com,checkout.stripe.com;"
                + " empty for none; the site's own registrable domain is always internal");
    }

    /**
     * The resolved option values of one {@link #create} call, read typed. Each read records the value
     * in its normalised form; {@link #inForce()} shows them.
     */
    static final class Values {
        private final String pluginId;
        private final Map<String, String> resolved;
        private final Map<String, String> normalised = new LinkedHashMap<>();

        Values(String pluginId, Map<String, String> resolved) {
            this.pluginId = pluginId;
            this.resolved = resolved;
        }

        /** A positive duration from 1ms to 3650d. */
        Duration duration(String name) {
            return duration(name, MIN_DURATION, MAX_DURATION);
        }

        Duration duration(String name, Duration min, Duration max) {
            Duration d = Options.duration(name, raw(name), min, max);
            normalised.put(name, Durations.format(d));
            return d;
        }

        ZoneId zone(String name) {
            ZoneId z = Options.zone(name, raw(name));
            normalised.put(name, z.getId());
            return z;
        }

        int integer(String name, int min, int max) {
            int n = (int) Options.integer(name, raw(name), min, max);
            normalised.put(name, Integer.toString(n));
            return n;
        }

        /** A text value, trimmed; must not be blank. */
        String text(String name) {
            String v = raw(name).trim();
            if (v.isEmpty()) {
                throw new InvalidOptionException(name, "option '" + name + "' of '" + pluginId + "' is blank; give a value");
            }
            normalised.put(name, v);
            return v;
        }

        /** Comma-separated host names (or URLs, whose host is taken); each lower case, without {@code www.}. */
        Set<String> hosts(String name) {
            String value = raw(name);
            Set<String> hosts = new LinkedHashSet<>();
            for (String entry : Options.list(value)) {
                String h = Hosts.internalHost(entry);
                if (h == null) {
                    throw new InvalidOptionException(name, "option '" + name + "': '" + entry + "' in '" + value
                            + "' is not a host name; use comma-separated hosts such as paypal.com,checkout.stripe.com");
                }
                hosts.add(h);
            }
            normalised.put(name, String.join(",", hosts));
            return hosts;
        }

        private String raw(String name) {
            String value = resolved.get(name);
            if (value == null) {
                throw new InvalidOptionException(name, "option '" + name + "' of '" + pluginId + "' has no value; give one");
            }
            return value;
        }

        /** Every resolved option, in the provider's order, normalised where it was read. */
        Map<String, String> inForce() {
            Map<String, String> out = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : resolved.entrySet()) {
                String v = normalised.get(e.getKey());
                if (v == null) {
                    throw new IllegalStateException("option '" + e.getKey() + "' of '" + pluginId + "' was never read");
                }
                out.put(e.getKey(), v);
            }
            return out;
        }
    }
}

package io.persession.spi;

import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A session definition: how one visitor's events are cut into sessions. Created by a
 * {@link SessionDefinitionProvider} from options; every result names the definition's id and the
 * options it was created with.
 *
 * <p>Semantics (implemented by the host): a visitor's first event starts a session with reason
 * {@code first}. For each later event, in time order, if the gap since the session's last event is
 * longer than the smallest {@link SessionRule#inactivityLimit() inactivity limit} of the rules, a new
 * session starts with the reason of the rule owning that limit; otherwise the rules are asked in
 * order and the first that fires names the reason; if none fires the event continues the session.
 *
 * <p>Immutable and thread-safe.
 */
public interface SessionDefinition {
    /** Plugin ids: lower-case letters, digits and dashes. */
    Pattern ID_PATTERN = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** The reason of a visitor's first session. */
    String FIRST = "first";

    /** The id of the provider that created this definition. */
    String id();

    /** One sentence: what it does and whose behaviour it follows. */
    String description();

    /** Every option with the value in force (defaults included), in the provider's order. */
    Map<String, String> options();

    /** The rules, in the order they are asked; never empty for a definition that splits at all. */
    List<SessionRule> rules();

    /**
     * Input columns beyond the canonical ones that this definition's rules read, as
     * {@link Event#attribute(String) event attributes} (a tracker's own session id column, for
     * example). The host reads them from the input, fails when the input lacks one (naming it and
     * this definition), and counts the events without a value. Default: none.
     */
    default Set<String> inputColumns() {
        return Set.of();
    }

    /** The smallest inactivity limit of the rules, with the rule owning it. */
    default Optional<SessionRule> inactivityRule() {
        return rules().stream()
                .filter(r -> r.inactivityLimit().isPresent())
                .min(Comparator.comparing((SessionRule r) -> r.inactivityLimit().orElseThrow()));
    }

    /** The gap after which a session always ends, when any rule promises one. */
    default Optional<Duration> inactivityLimit() {
        return inactivityRule().flatMap(SessionRule::inactivityLimit);
    }

    /** A definition from its parts; the map and list are copied. */
    static SessionDefinition of(String id, String description, Map<String, String> options, List<SessionRule> rules) {
        return new SimpleSessionDefinition(id, description, options, rules, Set.of());
    }

    /** A definition from its parts, reading the given {@link #inputColumns() input columns}; all are copied. */
    static SessionDefinition of(String id, String description, Map<String, String> options, List<SessionRule> rules,
                                Set<String> inputColumns) {
        return new SimpleSessionDefinition(id, description, options, rules, inputColumns);
    }

    /** The plain implementation behind {@link #of}. */
    final class SimpleSessionDefinition implements SessionDefinition {
        private final String id;
        private final String description;
        private final Map<String, String> options;
        private final List<SessionRule> rules;
        private final Set<String> inputColumns;

        private SimpleSessionDefinition(String id, String description, Map<String, String> options, List<SessionRule> rules,
                                        Set<String> inputColumns) {
            this.id = Objects.requireNonNull(id, "id is null");
            if (!ID_PATTERN.matcher(id).matches()) {
                throw new IllegalArgumentException("definition id '" + id + "' is not lower-case [a-z0-9-]+");
            }
            this.description = Objects.requireNonNull(description, "description is null");
            this.options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(options, "options is null")));
            this.rules = List.copyOf(Objects.requireNonNull(rules, "rules is null"));
            for (SessionRule rule : this.rules) {
                String reason = Objects.requireNonNull(rule.reason(), "rule reason is null");
                if (!ID_PATTERN.matcher(reason).matches() || FIRST.equals(reason)) {
                    throw new IllegalArgumentException("rule reason '" + reason + "' of definition '" + id
                            + "' must be lower-case [a-z0-9-]+ and not 'first'");
                }
            }
            for (String c : Objects.requireNonNull(inputColumns, "inputColumns is null")) {
                if (c == null || c.isBlank()) {
                    throw new IllegalArgumentException("definition '" + id + "' asks for a blank input column");
                }
            }
            this.inputColumns = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(inputColumns));
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public Map<String, String> options() {
            return options;
        }

        @Override
        public List<SessionRule> rules() {
            return rules;
        }

        @Override
        public Set<String> inputColumns() {
            return inputColumns;
        }

        @Override
        public String toString() {
            return id + options;
        }
    }
}

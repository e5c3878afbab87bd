package io.persession.spi;

import java.util.Objects;

/**
 * One option a plugin accepts: its name, its default (as text, {@code null} when none), what it means,
 * and whether it is {@linkplain #required() required}. Immutable.
 */
public final class OptionSpec {
    private final String name;
    private final String defaultValue;
    private final String description;
    private final boolean required;

    private OptionSpec(String name, String defaultValue, String description, boolean required) {
        this.name = Objects.requireNonNull(name, "name is null");
        if (!SessionDefinition.ID_PATTERN.matcher(name).matches()) {
            throw new IllegalArgumentException("option name '" + name + "' is not lower-case [a-z0-9-]+");
        }
        this.defaultValue = defaultValue;
        this.description = Objects.requireNonNull(description, "description is null");
        this.required = required;
    }

    public static OptionSpec of(String name, String defaultValue, String description) {
        return new OptionSpec(name, defaultValue, description, false);
    }

    /**
     * An option without a default that must be given: {@link Options#resolve} rejects a creation
     * without it, naming it.
     */
    public static OptionSpec required(String name, String description) {
        return new OptionSpec(name, null, description, true);
    }

    public String name() {
        return name;
    }

    /** Nullable: an option without a default is unset unless given. */
    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** True when the option has no default and must be given. */
    public boolean required() {
        return required;
    }

    @Override
    public String toString() {
        return name + (required ? " (required)" : defaultValue == null ? "" : "=" + defaultValue);
    }
}

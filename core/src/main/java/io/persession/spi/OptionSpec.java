package io.persession.spi;

import java.util.Objects;

/** One option a plugin accepts: its name, its default (as text, {@code null} when none) and what it means. Immutable. */
public final class OptionSpec {
    private final String name;
    private final String defaultValue;
    private final String description;

    private OptionSpec(String name, String defaultValue, String description) {
        this.name = Objects.requireNonNull(name, "name is null");
        if (!SessionDefinition.ID_PATTERN.matcher(name).matches()) {
            throw new IllegalArgumentException("option name '" + name + "' is not lower-case [a-z0-9-]+");
        }
        this.defaultValue = defaultValue;
        this.description = Objects.requireNonNull(description, "description is null");
    }

    public static OptionSpec of(String name, String defaultValue, String description) {
        return new OptionSpec(name, defaultValue, description);
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

    @Override
    public String toString() {
        return name + (defaultValue == null ? "" : "=" + defaultValue);
    }
}

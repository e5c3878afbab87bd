package io.persession.cli;

import java.util.Map;
import java.util.Objects;

/** The process environment, bound in Guice so that tests can give their own. */
public final class Environment {
    private final Map<String, String> variables;

    public Environment(Map<String, String> variables) {
        this.variables = Map.copyOf(Objects.requireNonNull(variables, "variables is null"));
    }

    public Map<String, String> variables() {
        return variables;
    }

    /** True when colour is unwanted (NO_COLOR set). */
    public boolean noColor() {
        return variables.containsKey("NO_COLOR");
    }
}

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

    /**
     * Whether to colour output going to a terminal ({@code terminal}) or not: never with {@code NO_COLOR},
     * always with {@code CLICOLOR_FORCE} set (other than {@code 0}), else only on a terminal.
     */
    public boolean color(boolean terminal) {
        if (noColor()) {
            return false;
        }
        String force = variables.get("CLICOLOR_FORCE");
        if (force != null && !force.isEmpty() && !"0".equals(force)) {
            return true;
        }
        return terminal;
    }
}

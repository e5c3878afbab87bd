package io.persession.cli;

import io.persession.engine.PluginRegistry;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * How the listing commands ({@code formats}, {@code definitions}, {@code packs}) print installed plugins:
 * each plugin's id, its details, the jar it came from and a blank line; then the plugins that failed to
 * load, and the exit code (4 if any failed).
 */
final class PluginListing {
    private PluginListing() {
    }

    /**
     * Lists every entry of {@code registry}: its id, the lines {@code details} prints, {@code from: <jar>}
     * and a blank line; then its problems, as {@link #problems} does.
     *
     * @return {@link ExitCode#OK}, or {@link ExitCode#PLUGIN} if a plugin failed to load
     */
    static <T> int list(PrintWriter out, PluginRegistry<T> registry, BiConsumer<PrintWriter, PluginRegistry.Entry<T>> details) {
        for (PluginRegistry.Entry<T> e : registry.entries()) {
            out.println(e.id());
            details.accept(out, e);
            out.println("  from: " + e.source());
            out.println();
        }
        return problems(out, registry.problems());
    }

    /**
     * Prints {@code failed to load: <problem>} for each problem and flushes {@code out}.
     *
     * @return {@link ExitCode#OK} if there are none, else {@link ExitCode#PLUGIN}
     */
    static int problems(PrintWriter out, List<PluginRegistry.Problem> problems) {
        for (PluginRegistry.Problem p : problems) {
            out.println("failed to load: " + p);
        }
        out.flush();
        return problems.isEmpty() ? ExitCode.OK : ExitCode.PLUGIN;
    }

    /** One option: {@code   <flag> <name>=<value>} and its description indented below. */
    static void option(PrintWriter out, String flag, String name, String value, String description) {
        out.printf("  %s %s=%s%n      %s%n", flag, name, value, description);
    }
}

package io.persession.cli;

import io.persession.engine.PluginRegistry;
import io.persession.spi.OptionSpec;
import io.persession.spi.SessionDefinitionProvider;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code persession definitions}: the installed session definitions, their options and where each came from. */
@Command(name = "definitions", mixinStandardHelpOptions = true,
        description = "List the installed session definitions: id, description, options with defaults, and the jar each came from.")
public final class DefinitionsCommand implements Callable<Integer> {
    private final Environment environment;

    @Spec
    CommandSpec spec;

    @Mixin
    PluginOptions plugins;

    @Inject
    DefinitionsCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        Plugins installed = Plugins.load(plugins.folders(environment.variables()));
        PrintWriter out = spec.commandLine().getOut();
        for (PluginRegistry.Entry<SessionDefinitionProvider> e : installed.definitions().entries()) {
            SessionDefinitionProvider p = e.instance();
            out.println(e.id());
            out.println("  " + p.description());
            if (p.options().isEmpty()) {
                out.println("  options: none");
            }
            for (OptionSpec o : p.options()) {
                out.printf("  --option %s=%s%n      %s%n", o.name(), o.required() ? "(required)" : o.defaultValue() == null ? "" : o.defaultValue(),
                        o.description());
            }
            out.println("  from: " + e.source());
            out.println();
        }
        for (PluginRegistry.Problem p : installed.definitions().problems()) {
            out.println("failed to load: " + p);
        }
        out.flush();
        return installed.definitions().problems().isEmpty() ? ExitCode.OK : ExitCode.PLUGIN;
    }
}

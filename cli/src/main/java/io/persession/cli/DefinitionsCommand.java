package io.persession.cli;

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
        return PluginListing.list(out, installed.definitions(), (w, e) -> {
            SessionDefinitionProvider p = e.instance();
            w.println("  " + p.description());
            if (p.options().isEmpty()) {
                w.println("  options: none");
            }
            for (OptionSpec option : p.options()) {
                PluginListing.option(w, "--option", option.name(),
                        option.required() ? "(required)" : option.defaultValue() == null ? "" : option.defaultValue(), option.description());
            }
        });
    }
}

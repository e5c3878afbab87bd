package io.persession.cli;

import io.persession.spi.EventFormat;
import io.persession.spi.OptionSpec;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code persession formats}: the installed input formats, how each is recognised, and where each came from. */
@Command(name = "formats", mixinStandardHelpOptions = true,
        description = "List the installed input formats: id, description, how a file is recognised, options, and the jar each came from.")
public final class FormatsCommand implements Callable<Integer> {
    private final Environment environment;

    @Spec
    CommandSpec spec;

    @Mixin
    PluginOptions plugins;

    @Inject
    FormatsCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        Plugins installed = Plugins.load(plugins.folders(environment.variables()));
        PrintWriter out = spec.commandLine().getOut();
        return PluginListing.list(out, installed.eventFormats(), (w, e) -> {
            EventFormat f = e.instance();
            w.println("  " + f.description());
            w.println("  recognised by: " + f.recognisedBy());
            for (OptionSpec option : f.options()) {
                PluginListing.option(w, "--input-option", e.id() + "." + option.name(),
                        option.defaultValue() == null ? "" : option.defaultValue(), option.description());
            }
        });
    }
}

package io.persession.cli;

import io.persession.engine.PluginRegistry;
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
        for (PluginRegistry.Entry<EventFormat> e : installed.eventFormats().entries()) {
            EventFormat f = e.instance();
            out.println(e.id());
            out.println("  " + f.description());
            out.println("  recognised by: " + f.recognisedBy());
            for (OptionSpec o : f.options()) {
                out.printf("  --input-option %s.%s=%s%n      %s%n", e.id(), o.name(), o.defaultValue() == null ? "" : o.defaultValue(), o.description());
            }
            out.println("  from: " + e.source());
            out.println();
        }
        for (PluginRegistry.Problem p : installed.eventFormats().problems()) {
            out.println("failed to load: " + p);
        }
        out.flush();
        return installed.eventFormats().problems().isEmpty() ? ExitCode.OK : ExitCode.PLUGIN;
    }
}

package io.persession.cli;

import io.persession.cli.output.SessionRows;
import io.persession.engine.Engine;
import io.persession.spi.BotClassifier;
import io.persession.spi.SessionDefinition;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code persession sessions FILE...}: one row per session with its start reason. */
@Command(name = "sessions", mixinStandardHelpOptions = true,
        description = "One row per session (visitor, start, end, events, pageviews, purchases, revenue, traffic source, start reason, "
                + "bot), as CSV or JSON Lines; --explain adds why each session started. Bot sessions are listed, marked in the bot "
                + "column; the row order follows when sessions end.")
public final class SessionsCommand implements Callable<Integer> {
    /** Output formats of this command. */
    enum RowFormat { CSV, JSONL }

    private final Environment environment;

    @Spec
    CommandSpec spec;

    @Mixin
    InputArgs input;

    @Mixin
    DefinitionArgs definition;

    @Mixin
    PluginOptions plugins;

    @Mixin
    OutputArgs output;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "csv", description = "csv or jsonl. Default: ${DEFAULT-VALUE}.")
    RowFormat format;

    @Option(names = "--explain", description = "For each session, also the event that started it (start_event, start_source), the "
            + "visitor's event before it (previous_time, previous_event, previous_page), the gap (gap_seconds) and why the rule fired "
            + "(explanation).")
    boolean explain;

    @Mixin
    BotArgs bots;

    @Inject
    SessionsCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        Plugins installed = Plugins.load(plugins.folders(environment.variables()));
        SessionDefinition def = definition.create(installed);
        List<BotClassifier> classifiers = bots.create(installed);
        Engine engine = new Engine(input.lateness(), List.of(), true);
        try (SessionRows rows = new SessionRows(def, classifiers, explain)) {
            input.formats = installed.eventFormats();
            Engine.Result result = input.analyze(engine, List.of(def), d -> rows).result;
            try (PrintWriter out = output.open(spec.commandLine().getOut())) {
                rows.writeTo(out, format == RowFormat.JSONL, result.first().totals().currency());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ExitCode.OK;
    }
}

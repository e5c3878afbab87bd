package io.persession.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.persession.cli.output.AnalysisCsv;
import io.persession.cli.output.AnalysisJson;
import io.persession.cli.output.AnalysisTable;
import io.persession.cli.output.Format;
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

/** {@code persession analyze FILE...}: sessions, revenue per session, session RPM and the rest. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Sessionize event files under one session definition and compute revenue per session, session RPM, page RPM, "
                + "revenue per visitor, conversion and order value.")
public final class AnalyzeCommand implements Callable<Integer> {
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

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "table, json or csv. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--include-bots", description = "Count sessions flagged as bot traffic in every metric (they are still reported).")
    boolean includeBots;

    @Inject
    AnalyzeCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        Plugins installed = Plugins.load(plugins.folders(environment.variables()));
        SessionDefinition def = definition.create(installed);
        List<BotClassifier> classifiers = Commands.classifiers(installed);
        Engine engine = new Engine(input.lateness(), classifiers, includeBots);
        InputArgs.Analysis analysis = input.analyze(engine, List.of(def), d -> null);
        Engine.Result result = analysis.result;
        try (PrintWriter out = output.open(spec.commandLine().getOut())) {
            write(out, format, analysis);
        }
        return ExitCode.OK;
    }

    /** Writes the result of one definition in {@code format}. */
    static void write(PrintWriter out, Format format, InputArgs.Analysis analysis) {
        Engine.Result result = analysis.result;
        switch (format) {
            case JSON:
                ObjectNode json = AnalysisJson.analysis(result.input(), result.first(), analysis.rejectsFile);
                try {
                    out.println(AnalysisJson.mapper().writeValueAsString(json));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                break;
            case CSV:
                AnalysisCsv.write(out, result.input(), List.of(result.first()));
                break;
            default:
                AnalysisTable.write(out, result.input(), result.first(), analysis.rejectsFile);
                break;
        }
        out.flush();
    }
}

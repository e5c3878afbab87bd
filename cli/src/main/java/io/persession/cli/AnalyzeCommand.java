package io.persession.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.persession.cli.output.AnalysisCsv;
import io.persession.report.AnalysisJson;
import io.persession.cli.output.AnalysisTable;
import io.persession.cli.output.BenchmarkCsv;
import io.persession.report.BenchmarkJson;
import io.persession.cli.output.BenchmarkTable;
import io.persession.report.InsightReport;
import io.persession.cli.output.Format;
import io.persession.cli.output.HtmlReport;
import io.persession.engine.ChangeDecomposition;
import io.persession.engine.Engine;
import io.persession.engine.Figures;
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

    @Mixin
    PackArgs benchmark;

    @Mixin
    BaselineArgs baseline;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "table, json, csv or html (one self-contained file with charts; use with --output). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--include-bots", description = "Count sessions flagged as bot traffic in every metric (they are still reported).")
    boolean includeBots;

    @Mixin
    BotArgs bots;

    @Inject
    AnalyzeCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        Plugins installed = Plugins.load(plugins.folders(environment.variables()));
        SessionDefinition def = definition.create(installed);
        PackArgs.Choice choice = benchmark.choose(installed);
        List<BotClassifier> classifiers = bots.create(installed);
        Engine engine = new Engine(input.lateness(), classifiers, includeBots, input.dayZone());
        input.formats = installed.eventFormats();
        InputArgs.Analysis analysis = input.analyze(engine, List.of(def), d -> null);
        Engine.Result result = analysis.result;
        InsightReport report = InsightReport.of(choice.insights(Figures.of(result.first().totals())));
        if (baseline.given()) {
            InputArgs.Analysis before = baseline.analyze(input, engine, def);
            report = InsightReport.of(report.insights().withChange(ChangeDecomposition.of(before.result.first().totals(), result.first().totals())))
                    .withBaseline(before.result.input(), before.rejectsFile);
        }
        report = report.withColor(environment.color(output.toTerminal()));
        try (PrintWriter out = output.open(spec.commandLine().getOut())) {
            write(out, format, analysis, report);
        }
        return ExitCode.OK;
    }

    /** Writes the result of one definition in {@code format}. */
    static void write(PrintWriter out, Format format, InputArgs.Analysis analysis) {
        write(out, format, analysis, null);
    }

    /** Writes the result of one definition in {@code format}, with rating, scenarios, leverage and change unless {@code report} is null. */
    static void write(PrintWriter out, Format format, InputArgs.Analysis analysis, InsightReport report) {
        Engine.Result result = analysis.result;
        switch (format) {
            case JSON:
                ObjectNode json = AnalysisJson.analysis(result.input(), result.first(), analysis.rejectsFile);
                if (report != null) {
                    BenchmarkJson.addTo(json, report);
                }
                try {
                    out.println(AnalysisJson.mapper().writeValueAsString(json));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                break;
            case CSV:
                if (report == null) {
                    AnalysisCsv.write(out, result.input(), List.of(result.first()));
                } else {
                    AnalysisCsv.write(out, result.input(), List.of(result.first()), r -> BenchmarkCsv.columns(report));
                }
                break;
            case HTML:
                HtmlReport.analysis(out, "Revenue per session report", result.input(), result.first(), analysis.rejectsFile, report, null);
                break;
            default:
                AnalysisTable.write(out, result.input(), result.first(), analysis.rejectsFile);
                if (report != null) {
                    BenchmarkTable.write(out, report);
                }
                break;
        }
        out.flush();
    }
}

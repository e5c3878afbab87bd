package io.persession.cli;

import io.persession.cli.demo.DemoShop;
import io.persession.cli.output.CompareOutput;
import io.persession.cli.output.Comparison;
import io.persession.cli.output.Format;
import io.persession.cli.output.HtmlReport;
import io.persession.report.InsightReport;
import io.persession.engine.Figures;
import io.persession.cli.output.Numbers;
import io.persession.engine.Engine;
import io.persession.engine.SessionDefinitions;
import io.persession.spi.SessionDefinition;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code persession demo}: generate the synthetic shop and run the full analysis on it. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generate a week of a synthetic shop's events (deterministic) and analyse it: the main job, with no input of your own.")
public final class DemoCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(DemoCommand.class);
    /** Other definitions the demo shows side by side with the chosen one. */
    private static final List<String> ALSO = List.of("timeout", "ga4", "ua", "matomo", "adobe");

    private final Environment environment;

    @Spec
    CommandSpec spec;

    @Mixin
    DefinitionArgs definition;

    @Mixin
    PluginOptions plugins;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "persession-demo",
            description = "Folder for the generated log and the rejects. Default: ${DEFAULT-VALUE}.")
    Path dir;

    @Option(names = "--visitors", paramLabel = "N", defaultValue = "30000", description = "Visitors to generate. Default: ${DEFAULT-VALUE}.")
    int visitors;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Random seed; the same seed gives the same log. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "table, json, csv or html (one self-contained report with charts; use with --output). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Mixin
    OutputArgs output;

    @Mixin
    PackArgs benchmark;

    @Option(names = "--progress", paramLabel = "WHEN", defaultValue = "auto",
            description = "Progress of the read on stderr: auto (a bar when stderr is a terminal, else a log line every 10 s), always or never. "
                    + "Default: ${DEFAULT-VALUE}.")
    Progress.Mode progress;

    @Option(names = "--include-bots", description = "Count the crawlers' sessions in every metric (they are still reported).")
    boolean includeBots;

    @Mixin
    BotArgs bots;

    @Inject
    DemoCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        if (visitors < 1 || visitors > DemoShop.Config.MAX_VISITORS) {
            throw new UsageException("--visitors " + visitors + " is out of range; accepted: 1 to " + DemoShop.Config.MAX_VISITORS);
        }
        Plugins installed = Plugins.load(plugins.folders(environment.variables()));
        SessionDefinition chosen = definition.create(installed);
        PackArgs.Choice choice = benchmark.choose(installed);
        List<SessionDefinition> all = new ArrayList<>(List.of(chosen));
        for (String id : ALSO) {
            if (!id.equals(chosen.id()) && installed.definitions().entries().stream().anyMatch(e -> e.id().equals(id))) {
                // the others in the shop's own zone where they have one (midnight resets happen at the shop's midnight)
                boolean zoned = installed.definitions().get(id).options().stream().anyMatch(o -> o.name().equals("zone"));
                all.add(SessionDefinitions.create(installed.definitions(), id,
                        zoned ? Map.of("zone", DemoShop.Config.DEFAULT_ZONE.getId()) : Map.of()));
            }
        }

        Path log = dir.resolve("shop-events.csv");
        DemoShop.Summary summary;
        try {
            Files.createDirectories(dir);
            summary = new DemoShop(DemoShop.Config.defaults().withVisitors(visitors).withSeed(seed)).write(log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo log to " + log + ": " + e.getMessage(), e);
        }
        LOG.info("Wrote the demo log {} ({} rows)", log, summary.rows());

        InputArgs input = InputArgs.of(List.of(log), dir.resolve("rejects.csv"));
        input.progress = progress;
        input.progressErr = spec.commandLine().getErr();
        // days in the shop's zone, like its midnight resets
        Engine engine = new Engine(input.lateness(), bots.create(installed), includeBots, DemoShop.Config.DEFAULT_ZONE);
        input.formats = installed.eventFormats();
        InputArgs.Analysis analysis = input.analyze(engine, all, d -> null);

        if (format == Format.HTML) {
            InsightReport report = InsightReport.of(choice.insights(Figures.of(analysis.result.first().totals())));
            try (PrintWriter html = output.open(spec.commandLine().getOut())) {
                HtmlReport.analysis(html, "persession demo: a synthetic shop (seed " + seed + ")", analysis.result.input(),
                        analysis.result.first(), analysis.rejectsFile, report,
                        new Comparison(analysis.result.input(), analysis.result.definitions(), analysis.rejectsFile));
            }
            return ExitCode.OK;
        }
        PrintWriter out = output.open(spec.commandLine().getOut());
        if (format != Format.TABLE) {
            AnalyzeCommand.write(out, format, analysis);
            out.close();
            return ExitCode.OK;
        }
        out.println("persession demo: a synthetic shop (seed " + seed + ")");
        out.println("Generated " + log + ": " + Numbers.count(summary.rows()) + " rows from " + Numbers.count(summary.visitors())
                + " visitors over " + DemoShop.Config.DEFAULT_DAYS + " days in " + DemoShop.Config.DEFAULT_ZONE
                + ", with campaigns, referrals, refunds, ads, duplicates, "
                + Numbers.count(summary.botVisitors()) + " bot visitors and " + Numbers.count(summary.malformedRows()) + " malformed rows.");
        out.println();
        AnalyzeCommand.write(out, format, analysis);
        out.println();
        out.println("The same traffic under other session definitions, from the same single read (the denominator decides session RPM;"
                + " page RPM does not depend on sessions: session RPM = page RPM x pages per session):");
        out.println();
        CompareOutput.sideBySide(out, new Comparison(analysis.result.input(), analysis.result.definitions(), analysis.rejectsFile));
        out.println();
        out.println("The crawlers (" + Numbers.count(summary.botVisitors()) + " visitors with bot user agents, some fetching 100+ pages in"
                + " under 100 s) are " + (includeBots ? "counted in every figure above (--include-bots)." : "kept out of every figure above:"
                + " see 'Bot traffic' for what was excluded and why; --include-bots counts them."));
        out.println();
        out.println("Next: ./persession analyze " + log + " --definition ua --option zone=Europe/Berlin --format json");
        out.println("      ./persession compare " + log + " --definitions timeout,ga4,ua,matomo,adobe --option zone=Europe/Berlin");
        out.println("      ./persession sessions " + log + " --definition ua --option zone=Europe/Berlin --explain | head");
        out.println("      ./persession sessions " + log + " --definition matomo --option zone=Europe/Berlin | head");
        out.println("      ./persession definitions");
        out.println("      ./persession demo --format html --output demo-report.html   (the report with charts, to open in a browser)");
        out.close();
        return ExitCode.OK;
    }
}

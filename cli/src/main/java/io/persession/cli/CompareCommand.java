package io.persession.cli;

import io.persession.cli.output.Comparison;
import io.persession.cli.output.CompareOutput;
import io.persession.cli.output.Format;
import io.persession.cli.output.HtmlReport;
import io.persession.engine.Engine;
import io.persession.engine.PluginRegistry;
import io.persession.engine.SessionDefinitions;
import io.persession.spi.BotClassifier;
import io.persession.spi.OptionSpec;
import io.persession.spi.SessionDefinition;
import io.persession.spi.SessionDefinitionProvider;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Callable;

/**
 * {@code persession compare FILE... --definitions a,b,c}: one traffic, several session definitions, side by
 * side over one read of the input, with the difference of each to the first and how many sessions each
 * rule started.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Sessionize event files under several session definitions in one read and show them side by side: sessions, "
                + "revenue per session, session RPM, page RPM, pages per session, conversion rate, the difference of each to the first "
                + "definition, and how many sessions each rule started.")
public final class CompareCommand implements Callable<Integer> {
    static final String DEFAULT_DEFINITIONS = "timeout,ga4,ua,matomo,adobe";

    private final Environment environment;

    @Spec
    CommandSpec spec;

    @Mixin
    InputArgs input;

    @Option(names = {"-d", "--definitions"}, paramLabel = "ID[,ID...]", split = ",", defaultValue = DEFAULT_DEFINITIONS,
            description = "Session definitions to compare, the first being the base of the differences. Default: ${DEFAULT-VALUE}.")
    List<String> definitions;

    @Option(names = {"-o", "--option"}, paramLabel = "[ID.]NAME=VALUE",
            description = "An option for every chosen definition that accepts it (--option zone=Europe/Paris), or for one "
                    + "(--option ua.zone=Europe/Paris); repeatable. An option no chosen definition accepts is an error.")
    List<String> options = new ArrayList<>();

    @Mixin
    PluginOptions plugins;

    @Mixin
    OutputArgs output;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "table, json, csv or html (one self-contained file with charts; use with --output). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--include-bots", description = "Count sessions flagged as bot traffic in every figure (they are still reported).")
    boolean includeBots;

    @Mixin
    BotArgs bots;

    @Inject
    CompareCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        Plugins installed = Plugins.load(plugins.folders(environment.variables()));
        List<SessionDefinition> chosen = create(installed.definitions(), definitions, options);
        List<BotClassifier> classifiers = bots.create(installed);
        Engine engine = new Engine(input.lateness(), classifiers, includeBots, input.dayZone());
        input.formats = installed.eventFormats();
        InputArgs.Analysis analysis = input.analyze(engine, chosen, d -> null);
        Comparison comparison = new Comparison(analysis.result.input(), analysis.result.definitions(), analysis.rejectsFile);
        try (PrintWriter out = output.open(spec.commandLine().getOut())) {
            switch (format) {
                case JSON:
                    CompareOutput.writeJson(out, comparison);
                    break;
                case CSV:
                    CompareOutput.csv(out, comparison);
                    break;
                case HTML:
                    HtmlReport.comparison(out, comparison);
                    break;
                default:
                    CompareOutput.table(out, comparison);
                    break;
            }
            out.flush();
        }
        return ExitCode.OK;
    }

    /**
     * The definitions {@code ids}, each created with the options it accepts: {@code NAME=VALUE} goes to every
     * chosen definition whose provider lists {@code NAME}, {@code ID.NAME=VALUE} to that one only (and wins
     * over a {@code NAME=VALUE} for it).
     *
     * @throws UsageException  an empty or repeated id, a malformed option, an option no chosen definition
     *                         accepts, an {@code ID.} that is not chosen
     * @throws io.persession.engine.PluginException an unknown id
     */
    static List<SessionDefinition> create(PluginRegistry<SessionDefinitionProvider> registry, List<String> ids, List<String> options) {
        List<String> chosen = new ArrayList<>();
        for (String raw : ids) {
            String id = raw.trim();
            if (id.isEmpty()) {
                continue;
            }
            if (chosen.contains(id)) {
                throw new UsageException("--definitions names '" + id + "' twice; each definition is compared once");
            }
            registry.get(id); // unknown: the installed ids and the nearest
            chosen.add(id);
        }
        if (chosen.isEmpty()) {
            throw new UsageException("--definitions is empty; name the definitions to compare, e.g. --definitions " + DEFAULT_DEFINITIONS);
        }
        Map<String, Map<String, String>> given = new LinkedHashMap<>();
        chosen.forEach(id -> given.put(id, new LinkedHashMap<>()));
        Map<String, String> forAll = new LinkedHashMap<>();
        Map<String, Map<String, String>> forOne = new LinkedHashMap<>();
        for (String entry : options) {
            int eq = entry.indexOf('=');
            String key = eq < 0 ? "" : entry.substring(0, eq).trim();
            if (eq < 0 || key.isEmpty()) {
                throw new UsageException("--option '" + entry + "': expected NAME=VALUE or ID.NAME=VALUE, e.g. --option zone=Europe/Paris");
            }
            String value = entry.substring(eq + 1);
            int dot = key.indexOf('.');
            if (dot > 0) {
                String id = key.substring(0, dot);
                String name = key.substring(dot + 1);
                if (!chosen.contains(id)) {
                    throw new UsageException("--option " + key + ": '" + id + "' is not among the compared definitions ("
                            + String.join(", ", chosen) + ")");
                }
                if (forOne.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(name, value) != null) {
                    throw new UsageException("--option " + key + " is given twice");
                }
            } else if (forAll.put(key, value) != null) {
                throw new UsageException("--option " + key + " is given twice");
            }
        }
        for (Map.Entry<String, String> o : forAll.entrySet()) {
            boolean accepted = false;
            for (String id : chosen) {
                if (names(registry.get(id)).contains(o.getKey())) {
                    given.get(id).put(o.getKey(), o.getValue());
                    accepted = true;
                }
            }
            if (!accepted) {
                throw new UsageException("--option " + o.getKey() + "=" + o.getValue() + ": no compared definition accepts option '"
                        + o.getKey() + "'; their options: " + accepted(registry, chosen));
            }
        }
        forOne.forEach((id, opts) -> given.get(id).putAll(opts));
        List<SessionDefinition> out = new ArrayList<>();
        for (String id : chosen) {
            out.add(SessionDefinitions.create(registry, id, given.get(id)));
        }
        return out;
    }

    private static List<String> names(SessionDefinitionProvider p) {
        List<String> names = new ArrayList<>();
        for (OptionSpec s : p.options()) {
            names.add(s.name());
        }
        return names;
    }

    private static String accepted(PluginRegistry<SessionDefinitionProvider> registry, List<String> chosen) {
        StringJoiner j = new StringJoiner("; ");
        for (String id : chosen) {
            List<String> names = names(registry.get(id));
            j.add(id + ": " + (names.isEmpty() ? "(none)" : String.join(", ", names)));
        }
        return j.toString();
    }
}

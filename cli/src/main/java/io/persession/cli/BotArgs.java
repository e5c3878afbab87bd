package io.persession.cli;

import io.persession.input.InputException;
import io.persession.engine.BotClassifiers;
import io.persession.engine.PluginRegistry;
import io.persession.spi.BotClassifier;
import io.persession.spi.BotClassifierProvider;
import io.persession.spi.InvalidOptionException;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which bot classifiers run and with what options: {@code --bot-classifiers}, {@code --bot-option
 * ID.NAME=VALUE}, {@code --bot-visitors FILE}. By default every installed classifier runs with its
 * defaults, the built-in ones first (visitor-list, user-agent, behaviour: the first that flags a session
 * names the reason), then the others by id.
 */
public final class BotArgs {
    static final String VISITOR_LIST = "visitor-list";

    @Option(names = "--bot-classifiers", paramLabel = "ID[,ID...]", split = ",",
            description = "Bot classifiers to apply, in this order (the first that flags a session names the reason); 'none' for none. "
                    + "Default: every installed one (visitor-list, user-agent, behaviour, then others by id).")
    List<String> classifiers;

    @Option(names = "--bot-option", paramLabel = "ID.NAME=VALUE",
            description = "An option of a bot classifier, e.g. --bot-option behaviour.max-events=200 --bot-option behaviour.window=1m (repeatable).")
    List<String> options = new ArrayList<>();

    @Option(names = "--bot-visitors", paramLabel = "FILE",
            description = "Visitor ids that are bot traffic, one a line (blank lines and # comments ignored): --bot-option visitor-list.file=FILE.")
    Path botVisitors;

    /** The classifiers these flags select, created with their options, in order. */
    List<BotClassifier> create(Plugins plugins) {
        PluginRegistry<BotClassifierProvider> registry = plugins.botClassifiers();
        Map<String, Map<String, String>> byId = parseOptions();
        if (botVisitors != null) {
            checkReadable(botVisitors);
            String before = byId.computeIfAbsent(VISITOR_LIST, k -> new LinkedHashMap<>()).put("file", botVisitors.toString());
            if (before != null && !before.equals(botVisitors.toString())) {
                throw new UsageException("--bot-visitors " + botVisitors + " and --bot-option visitor-list.file=" + before + " disagree; give one");
            }
        }
        List<String> ids = ids(registry);
        for (String id : byId.keySet()) {
            registry.get(id); // an unknown id: the installed ones and the nearest
            if (!ids.contains(id)) {
                throw new UsageException((id.equals(VISITOR_LIST) && botVisitors != null ? "--bot-visitors" : "--bot-option " + id + ".*")
                        + ": bot classifier '" + id + "' is not applied (--bot-classifiers " + String.join(",", ids.isEmpty() ? List.of("none") : ids)
                        + "); add it there");
            }
        }
        List<BotClassifier> out = new ArrayList<>();
        for (String id : ids) {
            try {
                out.add(BotClassifiers.create(registry, id, byId.getOrDefault(id, Map.of())));
            } catch (InvalidOptionException e) {
                String m = e.getMessage();
                throw new InvalidOptionException(e.option(), m.contains("'" + id + "'") ? m : "bot classifier '" + id + "': " + m
                        + " (--bot-option " + id + "." + e.option() + "=VALUE)");
            }
        }
        return out;
    }

    /** Every installed classifier, with its defaults, in the default order. */
    static List<BotClassifier> defaults(Plugins plugins) {
        return new BotArgs().create(plugins);
    }

    private List<String> ids(PluginRegistry<BotClassifierProvider> registry) {
        if (classifiers == null) {
            return BotClassifiers.defaultIds(registry);
        }
        List<String> ids = new ArrayList<>();
        for (String raw : classifiers) {
            String id = raw.trim();
            if (id.isEmpty()) {
                continue;
            }
            if (id.equals("none")) {
                if (classifiers.stream().map(String::trim).filter(s -> !s.isEmpty()).count() > 1) {
                    throw new UsageException("--bot-classifiers none cannot be combined with classifier ids");
                }
                return List.of();
            }
            registry.get(id);
            if (ids.contains(id)) {
                throw new UsageException("--bot-classifiers names '" + id + "' twice");
            }
            ids.add(id);
        }
        return ids;
    }

    private Map<String, Map<String, String>> parseOptions() {
        Map<String, Map<String, String>> byId = new LinkedHashMap<>();
        for (String entry : options) {
            int eq = entry.indexOf('=');
            int dot = entry.indexOf('.');
            if (eq < 0 || dot < 1 || dot > eq - 2) {
                throw new UsageException("--bot-option '" + entry + "': expected ID.NAME=VALUE, e.g. --bot-option behaviour.max-events=200");
            }
            String id = entry.substring(0, dot).trim();
            String name = entry.substring(dot + 1, eq).trim();
            String value = entry.substring(eq + 1);
            String before = byId.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(name, value);
            if (before != null) {
                throw new UsageException("--bot-option " + id + "." + name + " is given twice");
            }
        }
        return byId;
    }

    private static void checkReadable(Path file) {
        if (!Files.exists(file)) {
            throw new InputException("--bot-visitors: file not found: " + file + " (a list of visitor ids, one a line); check the path", file, 0, null);
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new InputException("--bot-visitors: cannot read " + file + " (" + (Files.isDirectory(file) ? "a directory" : "permission denied")
                    + "); give a readable file of visitor ids", file, 0, null);
        }
    }
}

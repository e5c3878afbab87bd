package io.persession.spark;

import io.persession.engine.BotClassifiers;
import io.persession.engine.Engine;
import io.persession.engine.SessionDefinitions;
import io.persession.input.InputOptions;
import io.persession.spi.BotClassifier;
import io.persession.spi.SessionDefinition;

import java.io.Serializable;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * What to compute, as plain values: the only thing (with the file list) that travels from the driver to the
 * executors. Each JVM re-creates the definition, the bot classifiers and the reading options from it through its
 * own plugins ({@link JobPlugins}), so a plugin's objects never cross the wire.
 */
public final class JobSpec implements Serializable {
    private static final long serialVersionUID = 1L;

    String definition = "timeout";
    LinkedHashMap<String, String> definitionOptions = new LinkedHashMap<>();
    String inputFormat = "auto";
    LinkedHashMap<String, LinkedHashMap<String, String>> formatOptions = new LinkedHashMap<>();
    String inputZone = "UTC";
    ArrayList<String> map = new ArrayList<>();
    String currency;
    LinkedHashMap<String, String> fx = new LinkedHashMap<>();
    String maxRejects = "1%";
    /** Null: every installed classifier in the default order. */
    ArrayList<String> botClassifiers;
    LinkedHashMap<String, LinkedHashMap<String, String>> botOptions = new LinkedHashMap<>();
    boolean includeBots;

    /** The session definition, created through this JVM's plugins. */
    SessionDefinition definition(JobPlugins plugins) {
        return SessionDefinitions.create(plugins.definitions, definition.trim(), definitionOptions);
    }

    /** The bot classifiers, in order, created through this JVM's plugins. */
    List<BotClassifier> classifiers(JobPlugins plugins) {
        return plugins.classifiers.computeIfAbsent(botClassifiers + " " + botOptions, k -> createClassifiers(plugins));
    }

    private List<BotClassifier> createClassifiers(JobPlugins plugins) {
        List<String> ids = botClassifiers == null ? BotClassifiers.defaultIds(plugins.botClassifiers) : botClassifiers;
        for (String id : botOptions.keySet()) {
            plugins.botClassifiers.get(id); // unknown: lists the installed ones
            if (!ids.contains(id)) {
                throw new JobUsageException("--bot-option " + id + ".*: bot classifier '" + id + "' is not applied (--bot-classifiers "
                        + (ids.isEmpty() ? "none" : String.join(",", ids)) + "); add it there");
            }
        }
        List<BotClassifier> out = new ArrayList<>();
        for (String id : ids) {
            out.add(BotClassifiers.create(plugins.botClassifiers, id, botOptions.getOrDefault(id, new LinkedHashMap<>())));
        }
        return List.copyOf(out);
    }

    /** How to read the files for {@code d} (its extra input columns included). */
    InputOptions inputOptions(SessionDefinition d) {
        try {
            InputOptions.Builder b = InputOptions.builder().format(inputFormat).inputZone(inputZone).map(map).columnsOf(d);
            if (currency != null) {
                b.currency(currency);
            }
            fx.forEach((code, rate) -> b.rate(code, InputOptions.parseRate(code, rate)));
            formatOptions.forEach((id, options) -> options.forEach((name, value) -> b.formatOption(id, name, value)));
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new JobUsageException(e.getMessage());
        }
    }

    /** The engine of {@code persession analyze} with the same flags: bot handling and the days' zone. */
    Engine engine(List<BotClassifier> classifiers) {
        return new Engine(Engine.DEFAULT_LATENESS, classifiers, includeBots, dayZone());
    }

    private ZoneId dayZone() {
        try {
            return ZoneId.of(inputZone.trim());
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    /** The definition's id and options, for messages. */
    @Override
    public String toString() {
        return definition + (definitionOptions.isEmpty() ? "" : " " + definitionOptions) + (includeBots ? ", bots included" : "");
    }
}

package io.persession.cli;

import io.persession.engine.SessionDefinitions;
import io.persession.spi.SessionDefinition;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code --definition ID} and {@code --option k=v}. */
public final class DefinitionArgs {
    @Option(names = {"-d", "--definition"}, paramLabel = "ID", defaultValue = "timeout",
            description = "Session definition id (see 'persession definitions'). Default: ${DEFAULT-VALUE} (30-minute inactivity).")
    String definition;

    @Option(names = {"-o", "--option"}, paramLabel = "NAME=VALUE",
            description = "An option of the definition, e.g. --option timeout=45m --option zone=Europe/Paris (repeatable).")
    Map<String, String> options = new LinkedHashMap<>();

    SessionDefinition create(Plugins plugins) {
        return SessionDefinitions.create(plugins.definitions(), definition.trim(), options);
    }
}

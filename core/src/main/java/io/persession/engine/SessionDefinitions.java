package io.persession.engine;

import io.persession.spi.InvalidOptionException;
import io.persession.spi.OptionSpec;
import io.persession.spi.SessionDefinition;
import io.persession.spi.SessionDefinitionProvider;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Creating definitions from installed providers, with the host's checks around plugin code. */
public final class SessionDefinitions {
    private SessionDefinitions() {
    }

    /**
     * The definition {@code id} created with {@code options}.
     *
     * @throws PluginException        unknown id, or the provider failed or broke its contract
     * @throws InvalidOptionException an option the provider does not accept, or a bad value
     */
    public static SessionDefinition create(PluginRegistry<SessionDefinitionProvider> registry, String id, Map<String, String> options) {
        SessionDefinitionProvider provider = registry.get(id);
        List<String> names = new ArrayList<>();
        for (OptionSpec spec : provider.options()) {
            names.add(spec.name());
        }
        for (String name : options.keySet()) {
            if (!names.contains(name)) {
                throw new InvalidOptionException(name, "session definition '" + id + "' has no option '" + name + "'; its options are: "
                        + (names.isEmpty() ? "(none)" : String.join(", ", names)));
            }
        }
        SessionDefinition definition;
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(provider.getClass().getClassLoader());
        try {
            definition = provider.create(Map.copyOf(options));
        } catch (InvalidOptionException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw new PluginException("session definition '" + id + "' (" + PluginRegistry.sourceOf(provider.getClass())
                    + ") failed to create a definition: " + e, e);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        if (definition == null || !id.equals(definition.id())) {
            throw new PluginException("session definition '" + id + "' (" + PluginRegistry.sourceOf(provider.getClass())
                    + ") returned " + (definition == null ? "null" : "a definition with id '" + definition.id() + "'")
                    + " instead of a definition with id '" + id + "'");
        }
        return definition;
    }
}

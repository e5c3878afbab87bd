package io.persession.engine.plugins;

import io.persession.spi.OptionSpec;
import io.persession.spi.SessionDefinition;
import io.persession.spi.SessionDefinitionProvider;

import java.util.List;
import java.util.Map;

/** Behaves like a plugin missing one of its dependencies. */
public class LinkageDefinitionProvider implements SessionDefinitionProvider {
    @Override
    public String spiVersion() {
        return io.persession.spi.SpiVersion.CURRENT;
    }

    @Override
    public String id() {
        return "half-installed";
    }

    @Override
    public String description() {
        return "misses a class";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of();
    }

    @Override
    public SessionDefinition create(Map<String, String> options) {
        throw new NoClassDefFoundError("com/example/Missing");
    }
}

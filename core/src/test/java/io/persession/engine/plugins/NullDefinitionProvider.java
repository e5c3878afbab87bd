package io.persession.engine.plugins;

import io.persession.spi.OptionSpec;
import io.persession.spi.SessionDefinition;
import io.persession.spi.SessionDefinitionProvider;

import java.util.List;
import java.util.Map;

/** Breaks the contract: returns null. */
public class NullDefinitionProvider implements SessionDefinitionProvider {
    @Override
    public String spiVersion() {
        return io.persession.spi.SpiVersion.CURRENT;
    }

    @Override
    public String id() {
        return "null-def";
    }

    @Override
    public String description() {
        return "returns null";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of();
    }

    @Override
    public SessionDefinition create(Map<String, String> options) {
        return null;
    }
}

package io.persession.engine.plugins;

import io.persession.spi.OptionSpec;
import io.persession.spi.SessionDefinition;
import io.persession.spi.SessionDefinitionProvider;

import java.util.List;
import java.util.Map;

/** Breaks the contract: its definitions carry another id. */
public class WrongIdDefinitionProvider implements SessionDefinitionProvider {
    @Override
    public String spiVersion() {
        return io.persession.spi.SpiVersion.CURRENT;
    }

    @Override
    public String id() {
        return "wrong-id";
    }

    @Override
    public String description() {
        return "returns a definition named other";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of();
    }

    @Override
    public SessionDefinition create(Map<String, String> options) {
        return SessionDefinition.of("other", "other", Map.of(), List.of());
    }
}

package io.persession.engine.plugins;

import io.persession.spi.OptionSpec;
import io.persession.spi.SessionDefinition;
import io.persession.spi.SessionDefinitionProvider;

import java.util.List;
import java.util.Map;

public class ThrowingDefinitionProvider implements SessionDefinitionProvider {

    @Override

    public String spiVersion() {

        return io.persession.spi.SpiVersion.CURRENT;

    }

    public static volatile ClassLoader lastContextLoader;

    @Override
    public String id() {
        return "explodes";
    }

    @Override
    public String description() {
        return "fails in create";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of();
    }

    @Override
    public SessionDefinition create(Map<String, String> options) {
        lastContextLoader = Thread.currentThread().getContextClassLoader();
        throw new IllegalStateException("kaboom in create");
    }
}

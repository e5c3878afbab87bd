package io.persession.cli;

import com.google.inject.ConfigurationException;
import com.google.inject.Injector;
import jakarta.inject.Inject;
import picocli.CommandLine;

import java.util.Objects;

/**
 * Lets picocli create commands through Guice (constructor injection), and everything Guice has no
 * binding for (converters, mixins, picocli's own classes) through picocli's default factory.
 */
final class GuiceFactory implements CommandLine.IFactory {
    private final Injector injector;

    @Inject
    GuiceFactory(Injector injector) {
        this.injector = Objects.requireNonNull(injector, "injector is null");
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        try {
            return injector.getInstance(cls);
        } catch (ConfigurationException e) {
            return CommandLine.defaultFactory().create(cls);
        }
    }
}

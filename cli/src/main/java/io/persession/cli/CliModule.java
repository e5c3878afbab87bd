package io.persession.cli;

import com.google.inject.AbstractModule;

import java.util.Objects;

/**
 * The CLI's bindings. Explicit bindings only (Airlift's way): every class Guice creates is named here.
 * Plugins never contribute modules.
 */
final class CliModule extends AbstractModule {
    private final Environment environment;

    CliModule(Environment environment) {
        this.environment = Objects.requireNonNull(environment, "environment is null");
    }

    @Override
    protected void configure() {
        binder().requireExplicitBindings();
        binder().disableCircularProxies();
        bind(Environment.class).toInstance(environment);
        bind(GuiceFactory.class);
        bind(PersessionCommand.class);
        bind(AnalyzeCommand.class);
        bind(SessionsCommand.class);
        bind(DefinitionsCommand.class);
        bind(DemoCommand.class);
        bind(CalcCommand.class);
        bind(PacksCommand.class);
        bind(CompareCommand.class);
        bind(FormatsCommand.class);
    }
}

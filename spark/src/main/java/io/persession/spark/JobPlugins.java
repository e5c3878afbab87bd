package io.persession.spark;

import io.persession.engine.PluginRegistry;
import io.persession.spi.BenchmarkPackProvider;
import io.persession.spi.BotClassifierProvider;
import io.persession.spi.EventFormat;
import io.persession.spi.SessionDefinitionProvider;

import io.persession.spi.BotClassifier;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The plugins on this JVM's class path, driver or executor: ServiceLoader over the thread's context class loader,
 * which on an executor holds the job jar and every jar given with {@code --jars}. Only ids and options travel to
 * executors; each JVM finds the plugins itself, once per class loader.
 */
final class JobPlugins {
    private static final Map<ClassLoader, JobPlugins> LOADED = new ConcurrentHashMap<>();

    final PluginRegistry<SessionDefinitionProvider> definitions;
    final PluginRegistry<BotClassifierProvider> botClassifiers;
    final PluginRegistry<EventFormat> formats;
    final PluginRegistry<BenchmarkPackProvider> benchmarkPacks;
    /** Bot classifiers by their ids and options: thread-safe by contract, so created once per JVM (Yauaa's rules take seconds). */
    final Map<String, List<BotClassifier>> classifiers = new ConcurrentHashMap<>();

    private JobPlugins(ClassLoader loader) {
        definitions = PluginRegistry.load("session definition", SessionDefinitionProvider.class, SessionDefinitionProvider::id,
                SessionDefinitionProvider::spiVersion, loader, Map.of());
        botClassifiers = PluginRegistry.load("bot classifier", BotClassifierProvider.class, BotClassifierProvider::id,
                BotClassifierProvider::spiVersion, loader, Map.of());
        formats = PluginRegistry.load("input format", EventFormat.class, EventFormat::id, EventFormat::spiVersion, loader, Map.of());
        benchmarkPacks = PluginRegistry.load("benchmark pack", BenchmarkPackProvider.class, BenchmarkPackProvider::id,
                BenchmarkPackProvider::spiVersion, loader, Map.of());
    }

    /** The plugins of the current thread's context class loader (this class's loader when there is none). */
    static JobPlugins here() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = JobPlugins.class.getClassLoader();
        }
        return LOADED.computeIfAbsent(loader, JobPlugins::new);
    }
}

package io.persession.cli;

import io.persession.engine.PluginException;
import io.persession.engine.PluginRegistry;
import io.persession.spi.BenchmarkPackProvider;
import io.persession.spi.BotClassifierProvider;
import io.persession.spi.EventFormat;
import io.persession.spi.SessionDefinitionProvider;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The installed plugins: built-in ones on the CLI's class path, and jars in the plugin folders (the
 * distribution's {@code plugins/}, {@code PERSESSION_PLUGINS}, {@code --plugins}), each jar behind its
 * own child-first {@link PluginClassLoader} whose parent is the CLI's: a jar's bundled dependencies win
 * over the host's (two vendors' copies of one library do not collide), while the SPI, the benchmark pack
 * base classes, SLF4J and the JDK always come from the host. Every provider goes through the SPI version
 * handshake, and a jar that bundles the SPI itself is refused (see {@link PluginRegistry}).
 *
 * <p>A plugin with dependencies may be a folder instead of one jar: {@code plugins/NAME/*.jar} is one plugin,
 * all its jars behind one class loader (the distribution ships the Parquet format so, in
 * {@code plugins/formats-parquet/}); its source in messages is the folder.
 */
public final class Plugins {
    private final List<Path> folders;
    private final PluginRegistry<SessionDefinitionProvider> definitions;
    private final PluginRegistry<BotClassifierProvider> botClassifiers;
    private final PluginRegistry<BenchmarkPackProvider> benchmarkPacks;
    private PluginRegistry<EventFormat> eventFormats;

    private Plugins(List<Path> folders, PluginRegistry<SessionDefinitionProvider> definitions, PluginRegistry<BotClassifierProvider> botClassifiers,
                    PluginRegistry<BenchmarkPackProvider> benchmarkPacks) {
        this.folders = List.copyOf(folders);
        this.definitions = definitions;
        this.botClassifiers = botClassifiers;
        this.benchmarkPacks = benchmarkPacks;
    }

    /**
     * Loads the plugins of the given folders (missing folders are an error, empty ones are fine).
     *
     * @throws PluginException for a missing folder or two plugins with one id
     */
    public static Plugins load(List<Path> folders) {
        ClassLoader host = Plugins.class.getClassLoader();
        Map<Path, ClassLoader> jars = new LinkedHashMap<>();
        for (Path folder : folders) {
            for (Path jar : jarsIn(folder)) {
                jars.put(jar, new PluginClassLoader("plugin:" + jar.getFileName(), url(jar), host));
            }
            for (Path dir : pluginFoldersIn(folder)) {
                List<Path> inside = jarsIn(dir);
                if (!inside.isEmpty()) {
                    URL[] urls = inside.stream().map(Plugins::url).toArray(URL[]::new);
                    jars.put(dir, new PluginClassLoader("plugin:" + dir.getFileName(), urls, host));
                }
            }
        }
        Plugins plugins = new Plugins(folders,
                PluginRegistry.load("session definition", SessionDefinitionProvider.class, SessionDefinitionProvider::id,
                        SessionDefinitionProvider::spiVersion, host, jars),
                PluginRegistry.load("bot classifier", BotClassifierProvider.class, BotClassifierProvider::id, BotClassifierProvider::spiVersion,
                        host, jars),
                PluginRegistry.load("benchmark pack", BenchmarkPackProvider.class, BenchmarkPackProvider::id, BenchmarkPackProvider::spiVersion,
                        host, jars));
        plugins.eventFormats = PluginRegistry.load("input format", EventFormat.class, EventFormat::id, EventFormat::spiVersion, host, jars);
        return plugins;
    }

    /** Input formats ({@code --input-format ID}; {@code auto} asks each to recognise the file). */
    public PluginRegistry<EventFormat> eventFormats() {
        return eventFormats;
    }

    public PluginRegistry<SessionDefinitionProvider> definitions() {
        return definitions;
    }

    /** Bot classifier providers (a provider's {@code create(options)} makes the classifier). */
    public PluginRegistry<BotClassifierProvider> botClassifiers() {
        return botClassifiers;
    }

    /** Benchmark pack providers (a provider's {@code pack()} loads and validates its pack). */
    public PluginRegistry<BenchmarkPackProvider> benchmarkPacks() {
        return benchmarkPacks;
    }

    /** The plugin folders searched. */
    public List<Path> folders() {
        return folders;
    }

    /** The sub-folders of a plugin folder, each one plugin made of the jars inside it, sorted. */
    private static List<Path> pluginFoldersIn(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> dirs = new ArrayList<>();
            files.filter(Files::isDirectory).sorted().forEach(dirs::add);
            return dirs;
        } catch (IOException e) {
            throw new PluginException("cannot list plugin folder " + folder + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> jarsIn(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new PluginException("plugin folder not found: " + folder + "; create it or fix --plugins / PERSESSION_PLUGINS");
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> jars = new ArrayList<>();
            files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().forEach(jars::add);
            return jars;
        } catch (IOException e) {
            throw new PluginException("cannot list plugin folder " + folder + ": " + e.getMessage(), e);
        }
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new PluginException("bad plugin jar path " + jar + ": " + e.getMessage(), e);
        }
    }
}

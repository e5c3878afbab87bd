package io.persession.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The installed plugins of one kind, found with {@link ServiceLoader} through explicit class loaders
 * and selected by id (Trino's and SLF4J's ways):
 * <ul>
 * <li>each provider is instantiated on its own: one that fails is recorded as a {@link Problem} and
 * the others still load;</li>
 * <li>two plugins with one id: a {@link PluginException} naming both sources;</li>
 * <li>an unknown id: a {@link PluginException} listing the ids that exist and the nearest one;</li>
 * <li>the SPI version handshake ({@link SpiCompatibility}): a plugin compiled against an SPI version
 * this host does not support is refused, as a {@link Problem} naming it, its jar and both versions;</li>
 * <li>a plugin jar that bundles its own copy of the SPI ({@code io/persession/spi/*.class}) is refused
 * before anything is loaded from it.</li>
 * </ul>
 * Immutable once built; thread-safe.
 */
public final class PluginRegistry<T> {
    private static final Logger LOG = LoggerFactory.getLogger(PluginRegistry.class);
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final String HOST = "the class path";
    /** Where the SPI's classes live in a jar: a plugin jar must not bundle them. */
    static final String SPI_PATH = "io/persession/spi/";

    private final String kind;
    private final Map<String, Entry<T>> entries;
    private final List<Problem> problems;

    private PluginRegistry(String kind, Map<String, Entry<T>> entries, List<Problem> problems) {
        this.kind = kind;
        this.entries = Collections.unmodifiableMap(entries);
        this.problems = List.copyOf(problems);
    }

    /**
     * Loads every provider of {@code type} visible to {@code hostLoader}, then those of each plugin
     * loader (only the classes that loader defines itself, so the host's are not found twice).
     *
     * @param kind      what users call these plugins, for messages ("session definition")
     * @param idOf      the plugin's id
     * @param pluginLoaders class loaders of plugin jars, each with the jar's path
     * @throws PluginException when two plugins share an id
     */
    public static <T> PluginRegistry<T> load(String kind, Class<T> type, Function<T, String> idOf, ClassLoader hostLoader,
                                             Map<Path, ClassLoader> pluginLoaders) {
        return load(kind, type, idOf, null, hostLoader, pluginLoaders);
    }

    /**
     * As {@link #load(String, Class, Function, ClassLoader, Map)}, with the SPI version handshake: a
     * provider whose {@code spiVersionOf} this host does not accept ({@link SpiCompatibility#problem}) is
     * refused as a {@link Problem} with its id (so that {@link #get} names why), and the others still load.
     *
     * @param spiVersionOf the SPI version the plugin was compiled against ({@code spiVersion()}); null: no handshake
     */
    public static <T> PluginRegistry<T> load(String kind, Class<T> type, Function<T, String> idOf, Function<T, String> spiVersionOf,
                                             ClassLoader hostLoader, Map<Path, ClassLoader> pluginLoaders) {
        Map<String, Entry<T>> entries = new TreeMap<>();
        List<Problem> problems = new ArrayList<>();
        collect(kind, type, idOf, spiVersionOf, hostLoader, null, entries, problems);
        for (Map.Entry<Path, ClassLoader> p : pluginLoaders.entrySet()) {
            String bundled = bundledSpi(p.getKey(), type);
            if (bundled != null) {
                problems.add(new Problem(p.getKey().toString(), bundled));
                LOG.warn("The plugin jar {} is refused: {}", p.getKey(), bundled);
                continue;
            }
            collect(kind, type, idOf, spiVersionOf, p.getValue(), p.getKey(), entries, problems);
        }
        return new PluginRegistry<>(kind, entries, problems);
    }

    /**
     * Null unless {@code plugin} registers providers of {@code type} and bundles classes of the SPI
     * ({@code io/persession/spi/}); then why it is refused. {@code plugin} is a jar, or a folder whose jars
     * make one plugin. Read as zips: nothing is loaded from them.
     */
    static String bundledSpi(Path plugin, Class<?> type) {
        List<Path> jars = new ArrayList<>();
        if (java.nio.file.Files.isRegularFile(plugin)) {
            jars.add(plugin);
        } else if (java.nio.file.Files.isDirectory(plugin)) {
            try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(plugin)) {
                files.filter(p -> p.getFileName().toString().endsWith(".jar") && java.nio.file.Files.isRegularFile(p)).sorted().forEach(jars::add);
            } catch (IOException | RuntimeException e) {
                return "the plugin folder cannot be read: " + oneLine(e);
            }
        }
        boolean registers = false;
        Path bundling = null;
        List<String> spi = new ArrayList<>();
        for (Path jar : jars) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                registers |= zip.getEntry("META-INF/services/" + type.getName()) != null;
                List<String> here = new ArrayList<>();
                for (java.util.Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                    String name = e.nextElement().getName();
                    if (name.startsWith(SPI_PATH) && name.endsWith(".class")) {
                        here.add(name);
                    }
                }
                if (bundling == null && !here.isEmpty()) {
                    bundling = jar;
                    spi.addAll(here);
                }
            } catch (IOException | RuntimeException e) {
                return "the jar " + (jar.equals(plugin) ? "" : jar + " ") + "cannot be read: " + oneLine(e);
            }
        }
        if (!registers || bundling == null) {
            return null;
        }
        Collections.sort(spi);
        return "the jar " + (bundling.equals(plugin) ? "" : bundling + " ") + "bundles its own copy of persession's SPI (" + spi.get(0)
                + (spi.size() == 1 ? "" : " and " + (spi.size() - 1) + " more") + "), so nothing is loaded from "
                + (bundling.equals(plugin) ? "it" : "the plugin") + "; the SPI must come from persession: declare persession-core with"
                + " <scope>provided</scope> and do not shade it into the plugin jar";
    }

    private static <T> void collect(String kind, Class<T> type, Function<T, String> idOf, Function<T, String> spiVersionOf, ClassLoader loader,
                                    Path jar, Map<String, Entry<T>> entries, List<Problem> problems) {
        Iterator<ServiceLoader.Provider<T>> it = ServiceLoader.load(type, loader).stream().iterator();
        while (true) {
            ServiceLoader.Provider<T> provider;
            try {
                if (!it.hasNext()) {
                    break;
                }
                provider = it.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                String source = jar == null ? HOST : jar.toString();
                if (jar != null && problems.stream().anyMatch(p -> p.source.equals(HOST) && p.message.equals(oneLine(e)))) {
                    continue; // the host's own bad entry, seen again through the jar's parent loader
                }
                problems.add(new Problem(source, oneLine(e)));
                LOG.warn("A {} provider in {} could not be loaded: {}", kind, source, oneLine(e));
                continue;
            }
            Class<? extends T> cls = provider.type();
            if (jar != null && cls.getClassLoader() != loader) {
                continue;
            }
            String source = jar != null ? jar.toString() : sourceOf(cls);
            T instance;
            String id;
            ClassLoader previous = Thread.currentThread().getContextClassLoader();
            Thread.currentThread().setContextClassLoader(cls.getClassLoader());
            try {
                instance = provider.get();
                id = idOf.apply(instance);
            } catch (RuntimeException | ServiceConfigurationError | LinkageError e) {
                problems.add(new Problem(source, cls.getName() + ": " + oneLine(e)));
                LOG.warn("The {} provider {} from {} failed to load: {}", kind, cls.getName(), source, oneLine(e));
                continue;
            } finally {
                Thread.currentThread().setContextClassLoader(previous);
            }
            if (id == null || !ID.matcher(id).matches()) {
                problems.add(new Problem(source, cls.getName() + ": id '" + id + "' is not lower-case [a-z0-9-]+"));
                LOG.warn("The {} provider {} from {} has an invalid id '{}'", kind, cls.getName(), source, id);
                continue;
            }
            if (spiVersionOf != null) {
                String refused = handshake(spiVersionOf, instance, cls);
                if (refused != null) {
                    String m = cls.getName() + " (" + kind + " '" + id + "') is refused: " + refused;
                    problems.add(new Problem(source, m, id));
                    LOG.warn("The {} provider {} from {} is refused: {}", kind, cls.getName(), source, refused);
                    continue;
                }
            }
            Entry<T> existing = entries.get(id);
            if (existing != null) {
                throw new PluginException(capitalise(kind) + " '" + id + "' is provided twice: by " + existing.source + " ("
                        + existing.instance.getClass().getName() + ") and by " + source + " (" + cls.getName()
                        + "); remove one of the two jars");
            }
            entries.put(id, new Entry<>(id, instance, source));
        }
    }

    /** Null when the plugin states an SPI version this host accepts; else why not. */
    private static <T> String handshake(Function<T, String> spiVersionOf, T instance, Class<?> cls) {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(cls.getClassLoader());
        try {
            return SpiCompatibility.problem(spiVersionOf.apply(instance));
        } catch (AbstractMethodError e) {
            return "it has no spiVersion(), so it was compiled against a persession SPI older than 1.0; this persession has SPI "
                    + io.persession.spi.SpiVersion.CURRENT + ": rebuild the plugin against it";
        } catch (RuntimeException | LinkageError e) {
            return "spiVersion() failed: " + oneLine(e);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /**
     * The plugin with this id.
     *
     * @throws PluginException for an id that is not installed (the ids that are, and the nearest), or a
     *                         plugin that was refused (its jar and why)
     */
    public T get(String id) {
        Entry<T> e = entries.get(id);
        if (e == null) {
            for (Problem p : problems) {
                if (id.equals(p.id)) {
                    throw new PluginException(capitalise(kind) + " '" + id + "' from " + p.source + " cannot be used: " + p.message);
                }
            }
            StringBuilder m = new StringBuilder("Unknown ").append(kind).append(" '").append(id).append("'. ");
            if (entries.isEmpty()) {
                m.append("None is installed.");
            } else {
                m.append("Available: ").append(String.join(", ", entries.keySet())).append('.');
                String nearest = nearest(id);
                if (nearest != null) {
                    m.append(" Did you mean '").append(nearest).append("'?");
                }
            }
            if (!problems.isEmpty()) {
                m.append(" (").append(problems.size()).append(" provider(s) failed to load: ").append(problems.get(0)).append(')');
            }
            throw new PluginException(m.toString());
        }
        return e.instance;
    }

    /** Every plugin, sorted by id. */
    public List<Entry<T>> entries() {
        return List.copyOf(entries.values());
    }

    /** Providers that failed to load. */
    public List<Problem> problems() {
        return problems;
    }

    /** The installed id closest to {@code id}, when it looks like a typo of it, or {@code null}. */
    String nearest(String id) {
        return Suggestions.nearest(id, entries.keySet()).orElse(null);
    }

    /** The jar or folder a class was loaded from. */
    public static String sourceOf(Class<?> cls) {
        try {
            CodeSource cs = cls.getProtectionDomain().getCodeSource();
            URL location = cs == null ? null : cs.getLocation();
            return location == null ? "(unknown)" : Paths.get(location.toURI()).toString();
        } catch (Exception e) {
            return "(unknown)";
        }
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Throwable c = e.getCause();
        if (c != null && c.getMessage() != null && !m.contains(c.getMessage())) {
            m = m + ": " + c.getMessage();
        }
        return m.replace('\n', ' ');
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    @Override
    public String toString() {
        return kind + " registry " + entries.keySet();
    }

    /** One installed plugin: its id, the instance, and where it came from (jar path). */
    public static final class Entry<T> {
        private final String id;
        private final T instance;
        private final String source;

        Entry(String id, T instance, String source) {
            this.id = id;
            this.instance = instance;
            this.source = source;
        }

        public String id() {
            return id;
        }

        public T instance() {
            return instance;
        }

        public String source() {
            return source;
        }
    }

    /** A provider that failed to load: where, and why. */
    public static final class Problem {
        private final String source;
        private final String message;
        private final String id;

        Problem(String source, String message) {
            this(source, message, null);
        }

        Problem(String source, String message, String id) {
            this.source = source;
            this.message = message;
            this.id = id;
        }

        /** The id of the plugin, when it was known (a plugin refused by the SPI version handshake); else null. */
        public String id() {
            return id;
        }

        public String source() {
            return source;
        }

        public String message() {
            return message;
        }

        @Override
        public String toString() {
            return source + ": " + message;
        }
    }
}

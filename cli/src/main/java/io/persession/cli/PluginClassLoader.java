package io.persession.cli;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The class loader of one plugin jar: child-first, so that a plugin's own dependencies (bundled in its
 * jar) win over the host's and two vendors' copies of one library do not collide, except for the host's
 * API, which always comes from persession: the JDK, the SPI ({@code io.persession.spi}), the benchmark
 * pack base classes ({@code io.persession.benchmarks}, which vendors extend), the input host's helpers for
 * formats ({@code io.persession.input}: {@code CanonicalRows}, which the canonical Parquet format uses) and SLF4J
 * ({@code org.slf4j}). A class the jar does not hold comes from the host (the parent), as usual.
 *
 * <p>Resources follow the same order: the jar's own first (a pack's JSON, its services files), then the
 * host's.
 */
final class PluginClassLoader extends URLClassLoader {
    /** Packages (and their subpackages) that always come from the host: what plugins and persession share. */
    static final List<String> HOST_PACKAGES = List.of("io.persession.spi.", "io.persession.benchmarks.", "io.persession.input.", "org.slf4j.");

    static {
        ClassLoader.registerAsParallelCapable();
    }

    private final ClassLoader platform = ClassLoader.getPlatformClassLoader();

    PluginClassLoader(String name, URL jar, ClassLoader host) {
        super(name, new URL[] {jar}, host);
    }

    /** One plugin made of several jars (a plugin folder {@code plugins/NAME/*.jar}: the plugin and its dependencies). */
    PluginClassLoader(String name, URL[] jars, ClassLoader host) {
        super(name, jars, host);
    }

    /** True for a class that must come from the host without looking in the jar: {@code java.*}, or one of {@link #HOST_PACKAGES}. */
    static boolean fromHost(String className) {
        for (String p : HOST_PACKAGES) {
            if (className.startsWith(p)) {
                return true;
            }
        }
        return className.startsWith("java."); // the rest of the JDK: asked of the platform class loader first
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null && !fromHost(name)) {
                try {
                    c = platform.loadClass(name); // any other class of the JDK's modules
                } catch (ClassNotFoundException notJdk) {
                    try {
                        c = findClass(name); // the jar's own copy first
                    } catch (ClassNotFoundException notInJar) {
                        c = null;
                    }
                }
            }
            if (c == null) {
                return super.loadClass(name, resolve); // the host: the API, and what the jar does not hold
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    @Override
    public URL getResource(String name) {
        if (!hostResource(name)) {
            URL own = findResource(name);
            if (own != null) {
                return own;
            }
        }
        return super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        if (hostResource(name)) {
            return super.getResources(name);
        }
        List<URL> urls = new ArrayList<>(Collections.list(findResources(name)));
        ClassLoader parent = getParent();
        Enumeration<URL> inherited = parent == null ? ClassLoader.getSystemResources(name) : parent.getResources(name);
        for (URL u : Collections.list(inherited)) {
            if (!urls.contains(u)) {
                urls.add(u);
            }
        }
        return Collections.enumeration(urls);
    }

    /** A resource inside a host package ({@code io/persession/spi/...}) is the host's. */
    private static boolean hostResource(String name) {
        String asClass = name.replace('/', '.');
        return !name.startsWith("META-INF/") && fromHost(asClass);
    }
}

package io.persession.engine;

import io.persession.engine.plugins.AlphaPlugin;
import io.persession.engine.plugins.BetaPlugin;
import io.persession.engine.plugins.DupPlugin;
import io.persession.engine.plugins.EmptyPlugin;
import io.persession.engine.plugins.FolderBrokenPlugin;
import io.persession.engine.plugins.FolderHostPlugin;
import io.persession.engine.plugins.FolderJarPlugin;
import io.persession.engine.plugins.FolderPlugin;
import io.persession.engine.plugins.FolderTwinPlugin;
import io.persession.engine.plugins.GammaDeltaPlugin;
import io.persession.engine.plugins.MissingBase;
import io.persession.engine.plugins.TestPlugin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PluginRegistryTest {
    private static final ClassLoader HOST = PluginRegistryTest.class.getClassLoader();
    private static final String PKG = "io.persession.engine.plugins.";

    @TempDir
    Path tmp;

    /**
     * A class loader for a plugin jar that defines the classes in its jar itself (parent last for those)
     * and cannot see the {@code hidden} classes (a dependency missing from the plugin folder).
     */
    static class JarFirstLoader extends URLClassLoader {
        private final java.util.Set<String> hidden;

        JarFirstLoader(Path jar, ClassLoader parent, String... hidden) throws IOException {
            super(new URL[] {jar.toUri().toURL()}, parent);
            this.hidden = java.util.Set.of(hidden);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (hidden.contains(name)) {
                throw new ClassNotFoundException(name);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null && findResource(name.replace('.', '/') + ".class") != null) {
                    c = findClass(name);
                }
                if (c == null) {
                    return super.loadClass(name, resolve);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }

    /** A jar with a services file for {@code service} listing {@code providers}, and copies of {@code classes}. */
    private Path jar(String name, Class<?> service, List<String> providers, Class<?>... classes) throws IOException {
        Path jar = tmp.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
            j.putNextEntry(new JarEntry("META-INF/services/" + service.getName()));
            j.write((String.join("\n", providers) + "\n").getBytes(StandardCharsets.UTF_8));
            j.closeEntry();
            for (Class<?> c : classes) {
                String path = c.getName().replace('.', '/') + ".class";
                j.putNextEntry(new JarEntry(path));
                try (InputStream in = HOST.getResourceAsStream(path)) {
                    j.write(in.readAllBytes());
                }
                j.closeEntry();
            }
        }
        return jar;
    }

    private static PluginRegistry<TestPlugin> testPlugins() {
        return PluginRegistry.load("test plugin", TestPlugin.class, TestPlugin::id, HOST, Map.of());
    }

    private static List<String> ids(PluginRegistry<?> r) {
        return r.entries().stream().map(PluginRegistry.Entry::id).collect(Collectors.toList());
    }

    @Test
    void hostProvidersLoadSortedByIdWithTheirSource() {
        PluginRegistry<TestPlugin> r = testPlugins();
        assertEquals(List.of("alpha", "beta", "gamma-delta"), ids(r));
        assertInstanceOf(AlphaPlugin.class, r.get("alpha"));
        assertInstanceOf(BetaPlugin.class, r.get("beta"));
        assertInstanceOf(GammaDeltaPlugin.class, r.get("gamma-delta"));
        String classPath = PluginRegistry.sourceOf(AlphaPlugin.class);
        assertTrue(classPath.contains("test-classes"), classPath);
        for (PluginRegistry.Entry<TestPlugin> e : r.entries()) {
            assertEquals(classPath, e.source());
            assertSame(r.get(e.id()), e.instance());
        }
        assertThrows(UnsupportedOperationException.class, () -> r.entries().clear());
    }

    @Test
    void failingProvidersAreRecordedAsProblemsWhileTheOthersLoad() {
        List<PluginRegistry.Problem> problems = testPlugins().problems();
        assertEquals(5, problems.size(), problems.toString());
        String all = problems.toString();

        PluginRegistry.Problem throwing = find(problems, "ThrowingPlugin");
        assertTrue(throwing.message().contains("boom from constructor"), throwing.message());
        assertEquals(PluginRegistry.sourceOf(AlphaPlugin.class), throwing.source());

        PluginRegistry.Problem upper = find(problems, "UpperCaseIdPlugin");
        assertTrue(upper.message().contains("'Upper-Case'"), upper.message());

        PluginRegistry.Problem nullId = find(problems, "NullIdPlugin");
        assertTrue(nullId.message().contains("'null'"), nullId.message());

        PluginRegistry.Problem missing = find(problems, "DoesNotExist");
        assertEquals("the class path", missing.source());

        find(problems, "NotAPlugin");
        for (PluginRegistry.Problem p : problems) {
            assertFalse(p.message().contains("\n"), "one line: " + p.message());
            assertTrue(p.toString().startsWith(p.source() + ": "));
        }
        assertFalse(all.contains("AlphaPlugin"), all);
    }

    private static PluginRegistry.Problem find(List<PluginRegistry.Problem> problems, String text) {
        return problems.stream().filter(p -> p.message().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no problem mentions " + text + ": " + problems));
    }

    @Test
    void twoHostProvidersWithOneIdFailNamingBoth() {
        PluginException e = assertThrows(PluginException.class,
                () -> PluginRegistry.load("dup plugin", DupPlugin.class, DupPlugin::id, HOST, Map.of()));
        String m = e.getMessage();
        assertTrue(m.startsWith("Dup plugin 'same' is provided twice"), m);
        assertTrue(m.contains(PKG + "DupOnePlugin"), m);
        assertTrue(m.contains(PKG + "DupTwoPlugin"), m);
        assertTrue(m.contains(PluginRegistry.sourceOf(DupPlugin.class)), m);
    }

    @Test
    void unknownIdListsTheAvailableIdsAndTheNearest() {
        PluginRegistry<TestPlugin> r = testPlugins();
        PluginException e = assertThrows(PluginException.class, () -> r.get("alpah"));
        String m = e.getMessage();
        assertTrue(m.startsWith("Unknown test plugin 'alpah'."), m);
        assertTrue(m.contains("Available: alpha, beta, gamma-delta."), m);
        assertTrue(m.contains("Did you mean 'alpha'?"), m);
        assertTrue(m.contains("5 provider(s) failed to load"), "mentions the problems: " + m);

        assertTrue(assertThrows(PluginException.class, () -> r.get("gama-delta")).getMessage().contains("Did you mean 'gamma-delta'?"));
        assertTrue(assertThrows(PluginException.class, () -> r.get("bet")).getMessage().contains("Did you mean 'beta'?"));
        assertTrue(assertThrows(PluginException.class, () -> r.get("Alpha")).getMessage().contains("Did you mean 'alpha'?"));
    }

    @Test
    void farOffIdGetsNoSuggestion() {
        PluginRegistry<TestPlugin> r = testPlugins();
        String m = assertThrows(PluginException.class, () -> r.get("zzzzzzzzzzzz")).getMessage();
        assertTrue(m.contains("Available: alpha, beta, gamma-delta."), m);
        assertFalse(m.contains("Did you mean"), m);
        assertNull(r.nearest("completely-unrelated-name"));
        assertEquals("beta", r.nearest("betaa"));
        assertEquals("gamma-delta", r.nearest("gamma_delta"));
    }

    @Test
    void noPluginInstalled() {
        PluginRegistry<EmptyPlugin> r = PluginRegistry.load("empty plugin", EmptyPlugin.class, EmptyPlugin::id, HOST, Map.of());
        assertTrue(r.entries().isEmpty());
        assertTrue(r.problems().isEmpty());
        String m = assertThrows(PluginException.class, () -> r.get("x")).getMessage();
        assertEquals("Unknown empty plugin 'x'. None is installed.", m);
    }

    @Test
    void aJarNamingAHostClassDoesNotLoadItTwice() throws IOException {
        Path jar = jar("only-services.jar", FolderPlugin.class, List.of(PKG + "FolderHostPlugin"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, HOST)) {
            PluginRegistry<FolderPlugin> r = PluginRegistry.load("folder plugin", FolderPlugin.class, FolderPlugin::id, HOST,
                    Map.of(jar, loader));
            assertEquals(List.of("host-one"), ids(r));
            assertEquals(PluginRegistry.sourceOf(FolderHostPlugin.class), r.entries().get(0).source());
            assertSame(HOST, r.get("host-one").getClass().getClassLoader());
            assertTrue(r.problems().isEmpty(), r.problems().toString());
        }
    }

    @Test
    void aJarLoadsItsOwnClassesAndRecordsAMissingOne() throws IOException {
        Path jar = jar("vendor.jar", FolderPlugin.class,
                List.of(PKG + "FolderHostPlugin", PKG + "FolderJarPlugin", PKG + "NoSuchFolderPlugin"), FolderJarPlugin.class);
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        try (JarFirstLoader loader = new JarFirstLoader(jar, HOST)) {
            PluginRegistry<FolderPlugin> r = PluginRegistry.load("folder plugin", FolderPlugin.class, FolderPlugin::id, HOST,
                    Map.of(jar, loader));
            assertEquals(List.of("from-jar", "host-one"), ids(r));
            FolderPlugin fromJar = r.get("from-jar");
            assertSame(loader, fromJar.getClass().getClassLoader(), "defined by the jar's loader");
            assertFalse(fromJar instanceof FolderJarPlugin, "not the host's copy of the class");
            assertSame(loader, fromJar.contextLoaderAtCreation(), "created with the jar's loader as context loader");
            assertEquals(jar.toString(), r.entries().get(0).source());
            assertEquals(PluginRegistry.sourceOf(FolderHostPlugin.class), r.entries().get(1).source());

            assertEquals(1, r.problems().size(), r.problems().toString());
            PluginRegistry.Problem p = r.problems().get(0);
            assertEquals(jar.toString(), p.source());
            assertTrue(p.message().contains("NoSuchFolderPlugin"), p.message());
        }
        assertSame(before, Thread.currentThread().getContextClassLoader(), "context loader restored");
    }

    @Test
    void aJarWithAnIdTheHostHasFailsNamingBothSources() throws IOException {
        Path jar = jar("twin.jar", FolderPlugin.class, List.of(PKG + "FolderTwinPlugin"), FolderTwinPlugin.class);
        try (JarFirstLoader loader = new JarFirstLoader(jar, HOST)) {
            PluginException e = assertThrows(PluginException.class, () -> PluginRegistry.load("folder plugin",
                    FolderPlugin.class, FolderPlugin::id, HOST, Map.of(jar, loader)));
            String m = e.getMessage();
            assertTrue(m.startsWith("Folder plugin 'host-one' is provided twice"), m);
            assertTrue(m.contains(PluginRegistry.sourceOf(FolderHostPlugin.class)), m);
            assertTrue(m.contains(jar.toString()), m);
            assertTrue(m.contains(PKG + "FolderHostPlugin"), m);
            assertTrue(m.contains(PKG + "FolderTwinPlugin"), m);
        }
    }

    @Test
    void twoJarsWithOneIdFailNamingBothJars() throws IOException {
        Path a = jar("vendor-a.jar", FolderPlugin.class, List.of(PKG + "FolderJarPlugin"), FolderJarPlugin.class);
        Path b = jar("vendor-b.jar", FolderPlugin.class, List.of(PKG + "FolderJarPlugin"), FolderJarPlugin.class);
        try (JarFirstLoader la = new JarFirstLoader(a, HOST); JarFirstLoader lb = new JarFirstLoader(b, HOST)) {
            Map<Path, ClassLoader> loaders = new LinkedHashMap<>();
            loaders.put(a, la);
            loaders.put(b, lb);
            PluginException e = assertThrows(PluginException.class, () -> PluginRegistry.load("folder plugin",
                    FolderPlugin.class, FolderPlugin::id, HOST, loaders));
            assertTrue(e.getMessage().contains("'from-jar'"), e.getMessage());
            assertTrue(e.getMessage().contains(a.toString()), e.getMessage());
            assertTrue(e.getMessage().contains(b.toString()), e.getMessage());
        }
    }

    @Test
    void hostProblemsAreNotReportedAgainAgainstAPluginJar() throws IOException {
        // a plugin jar whose services file only names a good host class: the jar itself is fine, so the
        // problems are the host's five, none of them attributed to the jar
        Path jar = jar("innocent.jar", TestPlugin.class, List.of(PKG + "AlphaPlugin"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, HOST)) {
            PluginRegistry<TestPlugin> r = PluginRegistry.load("test plugin", TestPlugin.class, TestPlugin::id, HOST,
                    Map.of(jar, loader));
            assertEquals(List.of("alpha", "beta", "gamma-delta"), ids(r));
            List<PluginRegistry.Problem> blamingTheJar = r.problems().stream()
                    .filter(p -> p.source().equals(jar.toString())).collect(Collectors.toList());
            assertTrue(blamingTheJar.isEmpty(), "problems of the host's services file blamed on " + jar + ": " + blamingTheJar);
            assertEquals(5, r.problems().size(), r.problems().toString());
        }
    }

    @Test
    void aProviderWhoseDependencyIsMissingIsAProblemWhileTheOthersLoad() throws IOException {
        // the common plugin failure: a provider class that cannot be linked (NoClassDefFoundError while
        // ServiceLoader loads it); it must become a Problem, not abort loading every plugin
        Path jar = jar("half-installed.jar", FolderPlugin.class,
                List.of(PKG + "FolderBrokenPlugin", PKG + "FolderJarPlugin"), FolderBrokenPlugin.class, FolderJarPlugin.class);
        try (JarFirstLoader loader = new JarFirstLoader(jar, HOST, MissingBase.class.getName())) {
            PluginRegistry<FolderPlugin> r = assertDoesNotThrow(() -> PluginRegistry.load("folder plugin", FolderPlugin.class,
                    FolderPlugin::id, HOST, Map.of(jar, loader)));
            assertEquals(List.of("from-jar", "host-one"), ids(r));
            assertEquals(1, r.problems().size(), r.problems().toString());
            assertEquals(jar.toString(), r.problems().get(0).source());
            assertTrue(r.problems().get(0).message().contains("MissingBase")
                    || r.problems().get(0).message().contains("FolderBrokenPlugin"), r.problems().toString());
        }
    }

    @Test
    void aMalformedServicesFileIsAProblemAndDoesNotHang() throws IOException {
        Path jar = jar("malformed.jar", FolderPlugin.class, List.of("this is not a class name!"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, HOST)) {
            PluginRegistry<FolderPlugin> r = assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> PluginRegistry.load("folder plugin", FolderPlugin.class, FolderPlugin::id, HOST, Map.of(jar, loader)));
            assertEquals(List.of("host-one"), ids(r));
            assertEquals(1, r.problems().size(), r.problems().toString());
            assertEquals(jar.toString(), r.problems().get(0).source());
        }
    }

    @Test
    void sourceOfAJdkClassIsUnknown() {
        assertEquals("(unknown)", PluginRegistry.sourceOf(String.class));
        assertTrue(testPlugins().toString().contains("[alpha, beta, gamma-delta]"));
    }

    @Test
    void aPluginStatingAnSpiVersionThisHostDoesNotSupportIsRefusedWhileTheOthersLoad() {
        PluginRegistry<TestPlugin> r = PluginRegistry.load("test plugin", TestPlugin.class, TestPlugin::id,
                p -> p.id().equals("beta") ? "2.0" : io.persession.spi.SpiVersion.CURRENT, HOST, Map.of());
        assertEquals(List.of("alpha", "gamma-delta"), ids(r));
        PluginRegistry.Problem refused = find(r.problems(), "BetaPlugin");
        assertEquals("beta", refused.id());
        assertEquals(PluginRegistry.sourceOf(BetaPlugin.class), refused.source());
        assertEquals(PKG + "BetaPlugin (test plugin 'beta') is refused: it was compiled against persession SPI 2.0 but this persession has SPI "
                + io.persession.spi.SpiVersion.CURRENT + ", which runs plugins compiled against SPI 1.0 only; use a build of the plugin for SPI 1.0,"
                + " or a persession with SPI 2.x", refused.message());
        PluginException e = assertThrows(PluginException.class, () -> r.get("beta"));
        assertEquals("Test plugin 'beta' from " + refused.source() + " cannot be used: " + refused.message(), e.getMessage());
        assertNull(find(r.problems(), "ThrowingPlugin").id(), "a plugin that failed before it told its id");
    }

    @Test
    void aPluginWithoutSpiVersionIsRefusedWithTheReason() {
        PluginRegistry<TestPlugin> r = PluginRegistry.load("test plugin", TestPlugin.class, TestPlugin::id, p -> {
            if (p.id().equals("alpha")) {
                throw new AbstractMethodError("spiVersion");
            }
            if (p.id().equals("beta")) {
                throw new IllegalStateException("no version today");
            }
            return null;
        }, HOST, Map.of());
        assertTrue(ids(r).isEmpty(), ids(r).toString());
        assertTrue(find(r.problems(), "AlphaPlugin").message().contains("it has no spiVersion(), so it was compiled against a persession SPI older"),
                r.problems().toString());
        assertTrue(find(r.problems(), "BetaPlugin").message().endsWith("is refused: spiVersion() failed: no version today"), r.problems().toString());
        assertTrue(find(r.problems(), "GammaDeltaPlugin").message().contains("it states no SPI version (spiVersion() returned null)"));
    }

    @Test
    void aJarBundlingTheSpiIsRefusedBeforeAnythingIsLoadedFromIt() throws IOException {
        Path jar = tmp.resolve("fat.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
            j.putNextEntry(new JarEntry("META-INF/services/" + FolderPlugin.class.getName()));
            j.write((PKG + "FolderJarPlugin\n").getBytes(StandardCharsets.UTF_8));
            j.closeEntry();
            for (Class<?> c : List.of(FolderJarPlugin.class, io.persession.spi.Event.class, io.persession.spi.SpiVersion.class)) {
                String path = c.getName().replace('.', '/') + ".class";
                j.putNextEntry(new JarEntry(path));
                try (InputStream in = HOST.getResourceAsStream(path)) {
                    j.write(in.readAllBytes());
                }
                j.closeEntry();
            }
        }
        java.util.concurrent.atomic.AtomicInteger lookups = new java.util.concurrent.atomic.AtomicInteger();
        try (JarFirstLoader loader = new JarFirstLoader(jar, HOST) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                lookups.incrementAndGet();
                return super.loadClass(name, resolve);
            }

            @Override
            public java.util.Enumeration<URL> getResources(String name) throws IOException {
                lookups.incrementAndGet();
                return super.getResources(name);
            }
        }) {
            PluginRegistry<FolderPlugin> r = PluginRegistry.load("folder plugin", FolderPlugin.class, FolderPlugin::id, null, HOST, Map.of(jar, loader));
            assertEquals(List.of("host-one"), ids(r));
            assertEquals(1, r.problems().size(), r.problems().toString());
            PluginRegistry.Problem p = r.problems().get(0);
            assertEquals(jar.toString(), p.source());
            assertEquals("the jar bundles its own copy of persession's SPI (io/persession/spi/Event.class and 1 more), so nothing is loaded from it;"
                    + " the SPI must come from persession: declare persession-core with <scope>provided</scope> and do not shade it into the plugin jar",
                    p.message());
            assertEquals(0, lookups.get(), "nothing was looked up through the jar's class loader");
        }
    }

    @Test
    void aJarBundlingTheSpiButNoPluginOfTheKindIsNotReportedForThatKind() throws IOException {
        Path jar = jar("other-kind.jar", TestPlugin.class, List.of(PKG + "AlphaPlugin"), io.persession.spi.Event.class);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, HOST)) {
            PluginRegistry<FolderPlugin> r = PluginRegistry.load("folder plugin", FolderPlugin.class, FolderPlugin::id, null, HOST, Map.of(jar, loader));
            assertTrue(r.problems().isEmpty(), r.problems().toString());
            assertTrue(PluginRegistry.bundledSpi(jar, TestPlugin.class).startsWith("the jar bundles its own copy of persession's SPI (io/persession/spi/Event.class)"));
            assertNull(PluginRegistry.bundledSpi(jar, FolderPlugin.class));
            assertNull(PluginRegistry.bundledSpi(tmp.resolve("no-such.jar"), TestPlugin.class));
        }
    }

    @Test
    void aPluginFolderWhoseJarsBundleTheSpiIsRefusedNamingTheJar() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("vendor-folder"));
        Path services = jar("services.jar", FolderPlugin.class, List.of(PKG + "FolderJarPlugin"), FolderJarPlugin.class);
        Files.move(services, folder.resolve("a-plugin.jar"));
        assertNull(PluginRegistry.bundledSpi(folder, FolderPlugin.class), "a folder plugin without the SPI is fine");
        Path core = jar("core.jar", TestPlugin.class, List.of(), io.persession.spi.Event.class);
        Path shaded = Files.move(core, folder.resolve("b-core-copy.jar"));
        assertEquals("the jar " + shaded + " bundles its own copy of persession's SPI (io/persession/spi/Event.class), so nothing is loaded from"
                + " the plugin; the SPI must come from persession: declare persession-core with <scope>provided</scope> and do not shade it into the"
                + " plugin jar", PluginRegistry.bundledSpi(folder, FolderPlugin.class));
        assertNull(PluginRegistry.bundledSpi(folder, EmptyPlugin.class), "nothing of that kind registered in the folder");
    }
}

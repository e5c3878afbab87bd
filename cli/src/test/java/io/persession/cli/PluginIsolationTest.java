package io.persession.cli;

import io.persession.engine.PluginRegistry;
import io.persession.spi.SessionDefinitionProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Plugin jars behind their own child-first class loaders, built at test time from tiny sources: two
 * vendors bundling different versions of one third-party class each see their own (and not the host's),
 * while the SPI and SLF4J always come from persession; a plugin that throws is reported by name and jar
 * and the others keep working.
 */
class PluginIsolationTest {
    @TempDir
    Path tmp;

    /** A provider of definition {@code id} whose description says which {@code com.thirdparty.Lib} it sees. */
    private static String provider(String pkg, String id, String constructorBody, String createBody) {
        return "package " + pkg + ";\n"
                + "import io.persession.spi.*;\nimport java.util.*;\n"
                + "public final class Provider implements SessionDefinitionProvider {\n"
                + "  public Provider() {" + constructorBody + "}\n"
                + "  public String id() { return \"" + id + "\"; }\n"
                + "  public String spiVersion() { return SpiVersion.CURRENT; }\n"
                + "  public String description() { return \"sees Lib \" + com.thirdparty.Lib.version(); }\n"
                + "  public List<OptionSpec> options() { return List.of(); }\n"
                + "  public SessionDefinition create(Map<String, String> o) {" + createBody
                + " return SessionDefinition.of(id(), description(), Map.of(), List.of()); }\n"
                + "}\n";
    }

    private static String lib(String version) {
        return "package com.thirdparty;\npublic final class Lib { public static String version() { return \"" + version + "\"; } }\n";
    }

    /** Compiles {@code sources} (class name to source) against persession-core and jars them with a services file for {@code provider}. */
    private Path pluginJar(Path folder, String name, String provider, Map<String, String> sources) throws IOException {
        Path src = Files.createTempDirectory(tmp, "src");
        Path classes = Files.createTempDirectory(tmp, "classes");
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
                PluginRegistry.sourceOf(SessionDefinitionProvider.class), "--release", "17", "-proc:none"));
        for (Map.Entry<String, String> s : sources.entrySet()) {
            Path file = src.resolve(s.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, s.getValue());
            args.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        assertEquals(0, javac.run(null, null, errors, args.toArray(new String[0])), errors.toString(StandardCharsets.UTF_8));
        Path jar = folder.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out); Stream<Path> files = Files.walk(classes)) {
            j.putNextEntry(new JarEntry("META-INF/services/" + SessionDefinitionProvider.class.getName()));
            j.write((provider + "\n").getBytes(StandardCharsets.UTF_8));
            j.closeEntry();
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                j.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                j.write(Files.readAllBytes(f));
                j.closeEntry();
            }
        }
        return jar;
    }

    private static Map<String, String> sources(String... nameAndSource) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < nameAndSource.length; i += 2) {
            m.put(nameAndSource[i], nameAndSource[i + 1]);
        }
        return m;
    }

    @Test
    void twoVendorsBundlingDifferentVersionsOfOneLibraryEachSeeTheirOwn() throws Exception {
        assertEquals("host", com.thirdparty.Lib.version(), "the host has a copy of its own too");
        Path folder = Files.createDirectories(tmp.resolve("plugins"));
        Path a = pluginJar(folder, "vendor-a.jar", "vendora.Provider", sources("vendora.Provider", provider("vendora", "vendor-a", "", ""),
                "com.thirdparty.Lib", lib("1.0"),
                // a bundled copy of an SLF4J class and of an SPI class' package neighbour must not shadow the host's
                "org.slf4j.LoggerFactory", "package org.slf4j;\npublic final class LoggerFactory { }\n"));
        Path b = pluginJar(folder, "vendor-b.jar", "vendorb.Provider", sources("vendorb.Provider", provider("vendorb", "vendor-b", "", ""),
                "com.thirdparty.Lib", lib("2.0")));

        Plugins plugins = Plugins.load(List.of(folder));
        assertTrue(plugins.definitions().problems().isEmpty(), plugins.definitions().problems().toString());
        SessionDefinitionProvider pa = plugins.definitions().get("vendor-a");
        SessionDefinitionProvider pb = plugins.definitions().get("vendor-b");
        assertEquals("sees Lib 1.0", pa.description());
        assertEquals("sees Lib 2.0", pb.description());

        ClassLoader la = pa.getClass().getClassLoader();
        ClassLoader lb = pb.getClass().getClassLoader();
        assertInstanceOf(PluginClassLoader.class, la);
        assertNotSame(la, lb, "one class loader per jar");
        Class<?> libA = la.loadClass("com.thirdparty.Lib");
        assertSame(la, libA.getClassLoader(), "the jar's own copy first, not the host's");
        assertNotSame(libA, lb.loadClass("com.thirdparty.Lib"));
        assertSame(LoggerFactory.class, la.loadClass("org.slf4j.LoggerFactory"), "SLF4J always comes from the host");
        assertSame(SessionDefinitionProvider.class, la.loadClass(SessionDefinitionProvider.class.getName()), "the SPI always comes from the host");
        assertSame(String.class, la.loadClass("java.lang.String"));
        assertSame(java.sql.Timestamp.class, la.loadClass("java.sql.Timestamp"), "the JDK's modules come from the JDK");
        assertSame(com.thirdparty.Lib.class, getClass().getClassLoader().loadClass("com.thirdparty.Lib"));
        assertEquals(a.toString(), plugins.definitions().entries().stream().filter(e -> e.id().equals("vendor-a")).findFirst().orElseThrow().source());
        assertTrue(la.getResource("com/thirdparty/Lib.class").toString().contains(a.getFileName().toString()), "resources: the jar's own first");
        assertTrue(lb.getResource("com/thirdparty/Lib.class").toString().contains(b.getFileName().toString()));

        Cli.Result r = Cli.run("definitions", "--plugins", folder.toString());
        assertEquals(0, r.code(), r.describe());
        assertTrue(r.out().contains("vendor-a\n  sees Lib 1.0\n") && r.out().contains("vendor-b\n  sees Lib 2.0\n"), r.describe());
    }

    @Test
    void theHostsApiPackagesAreFixed() {
        assertTrue(PluginClassLoader.fromHost("io.persession.spi.SessionDefinitionProvider"));
        assertTrue(PluginClassLoader.fromHost("io.persession.benchmarks.ResourceBenchmarkPackProvider"));
        assertTrue(PluginClassLoader.fromHost("io.persession.input.CanonicalRows"), "formats check canonical columns with the host's reader");
        assertTrue(PluginClassLoader.fromHost("org.slf4j.Logger"));
        assertTrue(PluginClassLoader.fromHost("java.util.List"));
        assertFalse(PluginClassLoader.fromHost("com.fasterxml.jackson.databind.ObjectMapper"), "a plugin may bring its own Jackson");
        assertFalse(PluginClassLoader.fromHost("io.persession.spix.Foo"));
        assertFalse(PluginClassLoader.fromHost("com.google.common.base.Strings"));
    }

    @Test
    void aPluginThatThrowsIsReportedByNameAndJarAndTheOthersKeepWorking() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("plugins"));
        pluginJar(folder, "good.jar", "vendora.Provider", sources("vendora.Provider", provider("vendora", "vendor-a", "", ""),
                "com.thirdparty.Lib", lib("1.0")));
        Path ctor = pluginJar(folder, "ctor.jar", "vendorc.Provider", sources("vendorc.Provider",
                provider("vendorc", "vendor-c", " if (true) throw new IllegalStateException(\"no licence key\"); ", ""), "com.thirdparty.Lib", lib("1.0")));
        Path create = pluginJar(folder, "create.jar", "vendord.Provider", sources("vendord.Provider",
                provider("vendord", "vendor-d", "", " if (true) throw new IllegalStateException(\"database down\"); "), "com.thirdparty.Lib", lib("1.0")));
        Path events = Files.writeString(tmp.resolve("events.csv"), "timestamp,visitor_id,event\n2026-03-02T10:00:00Z,v1,pageview\n");

        Cli.Result list = Cli.run("definitions", "--plugins", folder.toString());
        assertEquals(ExitCode.PLUGIN, list.code(), list.describe());
        String failed = list.out().lines().filter(l -> l.startsWith("failed to load: ")).findFirst().orElseThrow();
        assertTrue(failed.startsWith("failed to load: " + ctor + ": vendorc.Provider: ") && failed.endsWith("could not be instantiated: no licence key"),
                failed);
        assertTrue(list.out().contains("vendor-a\n") && list.out().contains("vendor-d\n") && list.out().contains("timeout\n"), list.describe());

        Cli.Result failing = Cli.run("analyze", events.toString(), "--definition", "vendor-d", "--plugins", folder.toString());
        assertEquals(ExitCode.PLUGIN, failing.code(), failing.describe());
        String m = failing.message();
        assertTrue(m.contains("'vendor-d'") && m.contains(create.toString()) && m.contains("database down"), m);

        Cli.Result missing = Cli.run("analyze", events.toString(), "--definition", "vendor-c", "--plugins", folder.toString());
        assertEquals(ExitCode.PLUGIN, missing.code(), missing.describe());
        assertTrue(missing.message().contains("no licence key"), missing.describe());

        Cli.Result ok = Cli.run("analyze", events.toString(), "--definition", "vendor-a", "--format", "json", "--plugins", folder.toString());
        assertEquals(0, ok.code(), ok.describe());
        assertEquals("vendor-a", ok.json().get("definition").get("id").asText());
    }
}

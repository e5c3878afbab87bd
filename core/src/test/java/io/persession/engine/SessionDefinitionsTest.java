package io.persession.engine;

import io.persession.engine.plugins.GoodDefinitionProvider;
import io.persession.engine.plugins.ThrowingDefinitionProvider;
import io.persession.spi.InvalidOptionException;
import io.persession.spi.SessionDefinition;
import io.persession.spi.SessionDefinitionProvider;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link SessionDefinitions#create}: the host's checks around provider code. The providers are test
 * classes registered through a services file in a temporary folder, so no real plugin is involved.
 */
class SessionDefinitionsTest {
    private static final String PKG = "io.persession.engine.plugins.";
    private static URLClassLoader loader;
    private static PluginRegistry<SessionDefinitionProvider> registry;

    @BeforeAll
    static void registry(@TempDir Path dir) throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(SessionDefinitionProvider.class.getName()), String.join("\n",
                PKG + "GoodDefinitionProvider", PKG + "ThrowingDefinitionProvider", PKG + "LinkageDefinitionProvider",
                PKG + "WrongIdDefinitionProvider", PKG + "NullDefinitionProvider") + "\n");
        loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, SessionDefinitionsTest.class.getClassLoader());
        registry = PluginRegistry.load("session definition", SessionDefinitionProvider.class, SessionDefinitionProvider::id,
                loader, Map.of());
        assertTrue(registry.problems().isEmpty(), registry.problems().toString());
    }

    @AfterAll
    static void close() throws IOException {
        loader.close();
    }

    @Test
    void createsWithDefaultsAndGivenOptions() {
        SessionDefinition d = SessionDefinitions.create(registry, "good", Map.of());
        assertEquals("good", d.id());
        assertEquals(Map.of("timeout", "30m", "zone", "UTC"), d.options());
        assertEquals(Duration.ofMinutes(30), d.inactivityLimit().orElseThrow());

        SessionDefinition d2 = SessionDefinitions.create(registry, "good", Map.of("timeout", "45m", "max-events", "100"));
        assertEquals(Duration.ofMinutes(45), d2.inactivityLimit().orElseThrow());
        assertEquals(List.of("timeout", "zone", "max-events"), List.copyOf(d2.options().keySet()));
        assertEquals("100", d2.options().get("max-events"));
    }

    @Test
    void theProviderGetsAnImmutableCopyOfTheOptions() {
        Map<String, String> given = new HashMap<>(Map.of("timeout", "10m"));
        SessionDefinitions.create(registry, "good", given);
        Map<String, String> seen = GoodDefinitionProvider.lastGiven;
        assertEquals(given, seen);
        assertNotSame(given, seen);
        assertThrows(UnsupportedOperationException.class, () -> seen.put("zone", "UTC"));
    }

    @Test
    void unknownOptionNamesItAndListsTheValidOnes() {
        InvalidOptionException e = assertThrows(InvalidOptionException.class,
                () -> SessionDefinitions.create(registry, "good", Map.of("timeot", "5m")));
        assertEquals("timeot", e.option());
        String m = e.getMessage();
        assertTrue(m.contains("'timeot'"), m);
        assertTrue(m.contains("'good'"), m);
        assertTrue(m.contains("timeout, zone, max-events"), m);
    }

    @Test
    void unknownOptionOfAProviderWithoutOptions() {
        InvalidOptionException e = assertThrows(InvalidOptionException.class,
                () -> SessionDefinitions.create(registry, "wrong-id", Map.of("x", "1")));
        assertTrue(e.getMessage().contains("(none)"), e.getMessage());
    }

    @Test
    void aBadValueIsTheProvidersInvalidOptionExceptionUnchanged() {
        InvalidOptionException e = assertThrows(InvalidOptionException.class,
                () -> SessionDefinitions.create(registry, "good", Map.of("timeout", "abc")));
        assertEquals("timeout", e.option());
        assertTrue(e.getMessage().contains("'abc'"), e.getMessage());
        InvalidOptionException z = assertThrows(InvalidOptionException.class,
                () -> SessionDefinitions.create(registry, "good", Map.of("zone", "Mars/Olympus")));
        assertEquals("zone", z.option());
    }

    @Test
    void aProviderThatThrowsIsAPluginExceptionNamingItsId() {
        PluginException e = assertThrows(PluginException.class, () -> SessionDefinitions.create(registry, "explodes", Map.of()));
        assertTrue(e.getMessage().contains("'explodes'"), e.getMessage());
        assertTrue(e.getMessage().contains("kaboom in create"), e.getMessage());
        assertInstanceOf(IllegalStateException.class, e.getCause());
    }

    @Test
    void aProviderMissingAClassIsAPluginException() {
        PluginException e = assertThrows(PluginException.class,
                () -> SessionDefinitions.create(registry, "half-installed", Map.of()));
        assertTrue(e.getMessage().contains("'half-installed'"), e.getMessage());
        assertInstanceOf(NoClassDefFoundError.class, e.getCause());
    }

    @Test
    void aDefinitionWithAnotherIdIsAPluginException() {
        PluginException e = assertThrows(PluginException.class, () -> SessionDefinitions.create(registry, "wrong-id", Map.of()));
        assertTrue(e.getMessage().contains("'wrong-id'"), e.getMessage());
        assertTrue(e.getMessage().contains("'other'"), e.getMessage());
    }

    @Test
    void aNullDefinitionIsAPluginException() {
        PluginException e = assertThrows(PluginException.class, () -> SessionDefinitions.create(registry, "null-def", Map.of()));
        assertTrue(e.getMessage().contains("'null-def'") && e.getMessage().contains("null"), e.getMessage());
    }

    @Test
    void unknownIdIsAPluginExceptionWithTheNearest() {
        PluginException e = assertThrows(PluginException.class, () -> SessionDefinitions.create(registry, "goood", Map.of()));
        assertTrue(e.getMessage().contains("Unknown session definition 'goood'"), e.getMessage());
        assertTrue(e.getMessage().contains("Did you mean 'good'?"), e.getMessage());
    }

    @Test
    void createRunsWithTheProvidersLoaderAsContextLoaderAndRestoresIt() throws IOException {
        Thread t = Thread.currentThread();
        ClassLoader original = t.getContextClassLoader();
        try (URLClassLoader other = new URLClassLoader(new URL[0], null)) {
            t.setContextClassLoader(other);
            SessionDefinitions.create(registry, "good", Map.of());
            assertSame(GoodDefinitionProvider.class.getClassLoader(), GoodDefinitionProvider.lastContextLoader);
            assertSame(other, t.getContextClassLoader());
            assertThrows(PluginException.class, () -> SessionDefinitions.create(registry, "explodes", Map.of()));
            assertSame(ThrowingDefinitionProvider.class.getClassLoader(), ThrowingDefinitionProvider.lastContextLoader);
            assertSame(other, t.getContextClassLoader(), "restored after a failure too");
        } finally {
            t.setContextClassLoader(original);
        }
    }
}

package io.persession.testkit;

import io.persession.spi.OptionSpec;

import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The checks every plugin contract makes of its provider, whatever the kind of plugin: registration
 * with {@link ServiceLoader}, the id, descriptions and option specs. Each contract keeps its own tests
 * and calls these.
 */
final class PluginChecks {
    private PluginChecks() {
    }

    /**
     * Fails unless {@code provider}'s class is public and concrete, has a public no-argument constructor,
     * and is registered for {@code service} in {@code META-INF/services}, found with the provider's own class
     * loader as the host does.
     *
     * @return the registration {@link ServiceLoader} found (not yet instantiated)
     */
    static <S> ServiceLoader.Provider<S> assertRegistered(Class<S> service, S provider) {
        Class<?> type = provider.getClass();
        assertTrue(Modifier.isPublic(type.getModifiers()) && !Modifier.isAbstract(type.getModifiers()),
                () -> type.getName() + " must be a public, concrete class for ServiceLoader");
        try {
            assertTrue(Modifier.isPublic(type.getConstructor().getModifiers()));
        } catch (NoSuchMethodException e) {
            fail(type.getName() + " needs a public no-argument constructor for ServiceLoader");
        }
        String servicesFile = "META-INF/services/" + service.getName();
        Optional<ServiceLoader.Provider<S>> found = ServiceLoader.load(service, type.getClassLoader())
                .stream().filter(p -> p.type() == type).findFirst();
        assertTrue(found.isPresent(), () -> type.getName() + " is not registered: add its class name as a line of "
                + servicesFile + " in your jar's resources (src/main/resources/" + servicesFile + ")");
        return found.orElseThrow();
    }

    /** Fails unless {@code id} gives a non-null id matching {@code pattern}, the same on a second call; returns it. */
    static String assertIdValidAndStable(Supplier<String> id, Pattern pattern) {
        String first = id.get();
        assertNotNull(first, "id() returned null");
        assertTrue(pattern.matcher(first).matches(), () -> "id '" + first + "' is not lower-case [a-z0-9-]+");
        assertEquals(first, id.get(), "id() must return the same id every time");
        return first;
    }

    /** Fails if {@code s} is null or blank, saying "{@code what} is blank". */
    static void assertNotBlank(String s, String what) {
        assertTrue(s != null && !s.isBlank(), () -> what + " is blank");
    }

    /** Fails unless option names are unique and every option has a non-blank description; returns the names. */
    static Set<String> assertOptionSpecsWellFormed(List<OptionSpec> specs) {
        assertNotNull(specs, "options() returned null; return an empty list for no options");
        Set<String> names = new HashSet<>();
        for (OptionSpec spec : specs) {
            assertTrue(names.add(spec.name()), () -> "option '" + spec.name() + "' is listed twice");
            assertFalse(spec.description().isBlank(), () -> "option '" + spec.name() + "' has a blank description");
        }
        return names;
    }
}

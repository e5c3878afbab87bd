package io.persession.testkit;

import io.persession.engine.Sessionizer;
import io.persession.spi.BotClassifier;
import io.persession.spi.BotClassifierProvider;
import io.persession.spi.Event;
import io.persession.spi.InvalidOptionException;
import io.persession.spi.OpenSession;
import io.persession.spi.OptionSpec;
import io.persession.spi.Session;
import io.persession.spi.SessionDefinition;
import io.persession.spi.SessionRule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract every {@link BotClassifierProvider} must meet. Extend it in your plugin's tests and return
 * your provider; optionally override {@link #options()}, {@link #invalidOptions()} and {@link #events()}
 * (add traffic your classifier flags, keeping {@code super.events()}).
 *
 * <p>What it checks: registration in {@code META-INF/services}, the SPI version it states
 * ({@code spiVersion()}, which this persession must accept), ids, descriptions and options (defaults
 * accepted, unknown or bad options rejected with an {@link InvalidOptionException} naming the option),
 * and, on the sessions of the contract traffic (cut by a 30-minute timeout), that answers are valid
 * reason codes, deterministic, the same from a second classifier made from the same options, and the same
 * from several threads at once.
 */
public abstract class BotClassifierContract {
    /** An option name no provider is expected to have. */
    protected static final String UNKNOWN_OPTION = "no-such-option";

    private static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** The provider under test: a new instance, as {@link ServiceLoader} would create it. */
    protected abstract BotClassifierProvider provider();

    /** The options to create the classifier under test with; default none (all defaults). */
    protected Map<String, String> options() {
        return Map.of();
    }

    /** Option maps {@link BotClassifierProvider#create} must reject; default one with an unknown option name. */
    protected List<Map<String, String>> invalidOptions() {
        return List.of(Map.of(UNKNOWN_OPTION, "1"));
    }

    /** The traffic whose sessions are classified; override to add your own (keep {@code super.events()}). */
    protected List<Event> events() {
        return ContractTraffic.generate();
    }

    @Test
    @DisplayName("the provider is registered with ServiceLoader and instantiable by it")
    public void providerIsRegistered() {
        PluginChecks.assertRegistered(BotClassifierProvider.class, provider());
    }

    /**
     * The host refuses a plugin compiled against an SPI version it does not support (another major, or a
     * newer minor), so the plugin must state the version it was compiled against: {@code return
     * SpiVersion.CURRENT;}, a constant javac copies into the plugin's class.
     */
    @Test
    @DisplayName("spiVersion() states an SPI version this persession accepts (implement it as: return SpiVersion.CURRENT;)")
    public void spiVersionIsAccepted() {
        BotClassifierProvider provider = provider();
        SpiVersionCheck.check(provider, provider::spiVersion);
    }

    @Test
    @DisplayName("the id is lower-case [a-z0-9-]+ and the created classifier reports the same id")
    public void idIsValidAndStable() {
        BotClassifierProvider provider = provider();
        String id = PluginChecks.assertIdValidAndStable(provider::id, CODE);
        assertEquals(id, create(provider, options()).id(), "the created classifier must carry the provider's id");
    }

    @Test
    @DisplayName("provider and classifier have a non-blank description; option specs are unique and described")
    public void describedAndOptionsWellFormed() {
        BotClassifierProvider provider = provider();
        PluginChecks.assertNotBlank(provider.description(), "the provider's description");
        BotClassifier c = create(provider, options());
        PluginChecks.assertNotBlank(c.description(), "the classifier's description");
        assertNotNull(c.options(), "options() returned null");
        Set<String> names = PluginChecks.assertOptionSpecsWellFormed(provider.options());
        for (String shown : c.options().keySet()) {
            assertTrue(names.contains(shown), () -> "the classifier shows option '" + shown + "' that the provider does not list: " + names);
        }
    }

    @Test
    @DisplayName("every default is accepted, and giving it explicitly changes nothing")
    public void defaultsAreAccepted() {
        BotClassifierProvider provider = provider();
        Map<String, String> required = new LinkedHashMap<>();
        for (OptionSpec spec : provider.options()) {
            if (spec.required()) {
                required.put(spec.name(), options().get(spec.name()));
            }
        }
        BotClassifier defaults = create(provider, required);
        for (OptionSpec spec : provider.options()) {
            if (spec.defaultValue() == null) {
                continue;
            }
            Map<String, String> explicit = new LinkedHashMap<>(required);
            explicit.put(spec.name(), spec.defaultValue());
            assertEquals(defaults.options(), create(provider, explicit).options(),
                    () -> "giving option '" + spec.name() + "' its default '" + spec.defaultValue() + "' must be the same as not giving it");
        }
    }

    @Test
    @DisplayName("an unknown option is rejected with an InvalidOptionException naming it and listing the valid options")
    public void unknownOptionIsRejected() {
        BotClassifierProvider provider = provider();
        Map<String, String> given = new LinkedHashMap<>(options());
        given.put(UNKNOWN_OPTION, "1");
        InvalidOptionException e = assertThrows(InvalidOptionException.class, () -> provider.create(given),
                "an unknown option must be rejected with an InvalidOptionException (Options.resolve does it)");
        assertEquals(UNKNOWN_OPTION, e.option());
        for (OptionSpec valid : provider.options()) {
            assertTrue(e.getMessage().contains(valid.name()), () -> "the message must list the valid option '" + valid.name() + "': " + e.getMessage());
        }
    }

    @Test
    @DisplayName("every map of invalidOptions() is rejected with an InvalidOptionException naming the option")
    public void invalidOptionsAreRejected() {
        BotClassifierProvider provider = provider();
        assertAll(invalidOptions().stream().map(given -> () -> {
            InvalidOptionException e = assertThrows(InvalidOptionException.class, () -> provider.create(given),
                    () -> "options " + given + " must be rejected with an InvalidOptionException");
            assertTrue(given.containsKey(e.option()), () -> "InvalidOptionException.option() is '" + e.option() + "', not one of " + given.keySet());
            assertTrue(e.getMessage().contains(e.option()), () -> "the message must name option '" + e.option() + "': " + e.getMessage());
        }));
    }

    @Test
    @DisplayName("answers are reason codes [a-z0-9-]+, the same asked twice and from a second classifier of the same options")
    public void answersAreValidAndDeterministic() {
        List<Session> sessions = sessions();
        BotClassifier one = create(provider(), options());
        BotClassifier two = create(provider(), options());
        List<Optional<String>> first = classifyAll(one, sessions);
        for (int i = 0; i < sessions.size(); i++) {
            Optional<String> a = first.get(i);
            Session s = sessions.get(i);
            assertNotNull(a, () -> "classify returned null for " + s + "; return Optional.empty()");
            a.ifPresent(r -> assertTrue(CODE.matcher(r).matches(), () -> "reason '" + r + "' for " + s + " is not lower-case [a-z0-9-]+"));
        }
        assertEquals(first, classifyAll(one, sessions), "asked again");
        assertEquals(first, classifyAll(two, sessions), "a second classifier created from the same options");
    }

    @Test
    @DisplayName("one classifier used from several threads at once gives the same answers")
    public void threadSafe() throws Exception {
        List<Session> sessions = sessions();
        BotClassifier c = create(provider(), options());
        List<Optional<String>> expected = classifyAll(create(provider(), options()), sessions);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Optional<String>>>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> classifyAll(c, sessions)));
            }
            for (Future<List<Optional<String>>> r : results) {
                assertEquals(expected, r.get(2, TimeUnit.MINUTES), "from a concurrent thread");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- helpers

    /** The sessions of {@link #events()} under a 30-minute inactivity timeout. */
    protected final List<Session> sessions() {
        return Sessionizer.sessionize(TIMEOUT_30M, events());
    }

    private static List<Optional<String>> classifyAll(BotClassifier c, List<Session> sessions) {
        List<Optional<String>> out = new ArrayList<>(sessions.size());
        for (Session s : sessions) {
            out.add(c.classify(s));
        }
        return out;
    }

    private static BotClassifier create(BotClassifierProvider provider, Map<String, String> options) {
        BotClassifier c;
        try {
            c = provider.create(options);
        } catch (RuntimeException e) {
            throw new AssertionError("'" + provider.id() + "' failed to create a classifier from options " + options + ": " + e, e);
        }
        assertNotNull(c, () -> "'" + provider.id() + "'.create(" + options + ") returned null");
        return c;
    }

    private static final SessionDefinition TIMEOUT_30M = SessionDefinition.of("contract-timeout", "30 minutes of inactivity",
            Map.of(), List.of(new SessionRule() {
                @Override
                public String reason() {
                    return "timeout";
                }

                @Override
                public boolean startsNewSession(OpenSession session, Event next) {
                    return session.gapMillis(next) > Duration.ofMinutes(30).toMillis();
                }

                @Override
                public Optional<Duration> inactivityLimit() {
                    return Optional.of(Duration.ofMinutes(30));
                }
            }));
}

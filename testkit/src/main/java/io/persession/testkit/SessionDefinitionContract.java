package io.persession.testkit;

import io.persession.engine.SessionListener;
import io.persession.engine.Sessionizer;
import io.persession.spi.Event;
import io.persession.spi.InvalidOptionException;
import io.persession.spi.OptionSpec;
import io.persession.spi.Session;
import io.persession.spi.SessionDefinition;
import io.persession.spi.SessionDefinitionProvider;
import io.persession.spi.SessionRule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The contract every {@link SessionDefinitionProvider} must meet. Extend it in your plugin's tests
 * and return your provider:
 *
 * <pre>{@code
 * class MyDefinitionContractTest extends SessionDefinitionContract {
 *     @Override
 *     protected SessionDefinitionProvider provider() {
 *         return new MyDefinitionProvider();
 *     }
 * }
 * }</pre>
 *
 * <p>Optionally override {@link #options()} (the options the definition under test is created
 * with; it must give every {@linkplain OptionSpec#required() required} option), {@link #invalidOptions()} (option maps your provider must reject) and {@link #events()}
 * (the test traffic; call {@code super.events()} and add your own).
 *
 * <p>What it checks: registration in {@code META-INF/services}, the SPI version it states
 * ({@code spiVersion()}, which this persession must accept), ids, descriptions and options
 * (defaults accepted and shown, unknown or bad options rejected with an
 * {@link InvalidOptionException} naming the option), and, on about 2000 deterministic events that
 * hit the edges of timeouts, midnights, daylight-saving days, campaigns and referrers, that the
 * definition cuts traffic into sessions the engine can rely on: a visitor's first session starts
 * with {@code first}, every event lands in exactly one session, sessions do not overlap, the result
 * does not depend on input order, visitor interleaving, runs or threads, streaming gives the same
 * sessions as in-memory, rules are deterministic, side-effect free and keep their
 * {@link SessionRule#inactivityLimit() inactivity limit} promise.
 *
 * <p>The kit loads nothing itself but the registration check, which uses the provider's own class
 * loader, as the host does.
 */
public abstract class SessionDefinitionContract {
    /** An option name no provider is expected to have. */
    protected static final String UNKNOWN_OPTION = "no-such-option";

    /** The provider under test: a new instance, as {@link ServiceLoader} would create it. */
    protected abstract SessionDefinitionProvider provider();

    /** The options to create the definition under test with; default none (all defaults). */
    protected Map<String, String> options() {
        return Map.of();
    }

    /**
     * Option maps {@link SessionDefinitionProvider#create} must reject with an
     * {@link InvalidOptionException} whose message names the option; default one with an unknown
     * option name. Add bad values of your own options.
     */
    protected List<Map<String, String>> invalidOptions() {
        return List.of(Map.of(UNKNOWN_OPTION, "1"));
    }

    /**
     * The test traffic: about 2000 events of some 40 visitors, deterministic. Override to add your
     * own (keep {@code super.events()}). Within one visitor, events with equal timestamps keep their
     * relative order in every reordering the contract tries, as the host guarantees.
     */
    protected List<Event> events() {
        return ContractTraffic.generate();
    }

    // ---------------------------------------------------------------- registration and identity

    /** The host finds plugins only through ServiceLoader; an unregistered provider is invisible. */
    @Test
    @DisplayName("the provider is registered with ServiceLoader and instantiable by it")
    public void providerIsRegistered() {
        SessionDefinitionProvider provider = provider();
        ServiceLoader.Provider<SessionDefinitionProvider> found = PluginChecks.assertRegistered(SessionDefinitionProvider.class, provider);
        assertEquals(provider.id(), found.get().id(), "the instance ServiceLoader creates must report the same id");
    }

    /**
     * The host refuses a plugin compiled against an SPI version it does not support (another major, or a
     * newer minor), so the plugin must state the version it was compiled against: {@code return
     * SpiVersion.CURRENT;}, a constant javac copies into the plugin's class.
     */
    @Test
    @DisplayName("spiVersion() states an SPI version this persession accepts (implement it as: return SpiVersion.CURRENT;)")
    public void spiVersionIsAccepted() {
        SessionDefinitionProvider provider = provider();
        SpiVersionCheck.check(provider, provider::spiVersion);
    }

    /** Users select definitions by id and every result names it: it must be a valid, stable id. */
    @Test
    @DisplayName("the id is lower-case [a-z0-9-]+ and the created definition reports the same id")
    public void idIsValidAndStable() {
        SessionDefinitionProvider provider = provider();
        String id = PluginChecks.assertIdValidAndStable(provider::id, SessionDefinition.ID_PATTERN);
        assertEquals(id, create(provider, options()).id(), "the created definition must carry the provider's id");
        assertEquals(id, create(provider, requiredOnly(provider)).id(), "the definition created with defaults must carry the provider's id");
    }

    /** `persession definitions` and every report show the descriptions. */
    @Test
    @DisplayName("provider and definition have a non-blank description")
    public void descriptionsAreNotBlank() {
        SessionDefinitionProvider provider = provider();
        PluginChecks.assertNotBlank(provider.description(), "the provider's description");
        PluginChecks.assertNotBlank(create(provider, options()).description(), "the definition's description");
    }

    /** Options are shown to users with their defaults and descriptions. */
    @Test
    @DisplayName("option specs have unique names and non-blank descriptions")
    public void optionSpecsAreWellFormed() {
        Set<String> names = PluginChecks.assertOptionSpecsWellFormed(provider().options());
        assertFalse(names.contains(UNKNOWN_OPTION), "'" + UNKNOWN_OPTION + "' is reserved for the contract's unknown-option test");
    }

    /** A default that the provider itself rejects would make the plugin unusable without options. */
    @Test
    @DisplayName("every default is accepted, and every option in force appears in the definition's options()")
    public void defaultsAreAcceptedAndShown() {
        SessionDefinitionProvider provider = provider();
        Map<String, String> required = requiredOnly(provider);
        SessionDefinition defaults = create(provider, required);
        Set<String> names = specNames(provider);
        for (OptionSpec spec : provider.options()) {
            if (spec.defaultValue() == null) {
                continue;
            }
            assertTrue(defaults.options().containsKey(spec.name()),
                    () -> "option '" + spec.name() + "' has a default but is missing from the definition's options(): " + defaults.options());
            Map<String, String> withDefault = new LinkedHashMap<>(required);
            withDefault.put(spec.name(), spec.defaultValue());
            SessionDefinition explicit = create(provider, withDefault);
            assertEquals(defaults.options(), explicit.options(),
                    () -> "giving option '" + spec.name() + "' its default '" + spec.defaultValue() + "' must be the same as not giving it");
        }
        for (String shown : defaults.options().keySet()) {
            assertTrue(names.contains(shown), () -> "the definition shows option '" + shown + "' that the provider does not list: " + names);
        }
    }

    /** A required option has no default to fall back on: leaving it out must fail, naming it. */
    @Test
    @DisplayName("leaving out a required option is rejected with an InvalidOptionException naming it")
    public void requiredOptionsAreRequired() {
        SessionDefinitionProvider provider = provider();
        for (OptionSpec spec : provider.options()) {
            if (!spec.required()) {
                continue;
            }
            assertEquals(null, spec.defaultValue(), () -> "required option '" + spec.name() + "' must not have a default");
            assertTrue(options().containsKey(spec.name()), () -> "options() must give the required option '" + spec.name() + "'");
            Map<String, String> without = new LinkedHashMap<>(options());
            without.remove(spec.name());
            InvalidOptionException e = assertThrows(InvalidOptionException.class, () -> provider.create(without),
                    () -> "creating without the required option '" + spec.name() + "' must fail with an InvalidOptionException");
            assertEquals(spec.name(), e.option());
            assertMessageNames(e, spec.name());
        }
    }

    /** Results name the options in force; giving them back must reproduce the same definition. */
    @Test
    @DisplayName("the options a definition shows include those given, and giving them back reproduces them")
    public void shownOptionsRoundTrip() {
        SessionDefinitionProvider provider = provider();
        SessionDefinition definition = create(provider, options());
        for (String given : options().keySet()) {
            assertTrue(definition.options().containsKey(given),
                    () -> "option '" + given + "' was given but is missing from options(): " + definition.options());
        }
        SessionDefinition again = create(provider, definition.options());
        assertEquals(definition.options(), again.options(), "options() must be normalised: creating from them must show the same");
        assertEquals(canonical(Sessionizer.sessionize(definition, events())), canonical(Sessionizer.sessionize(again, events())),
                "a definition created from another's options() must cut the same sessions");
    }

    /** An unknown option is a typo the user must hear about, with the valid names to pick from. */
    @Test
    @DisplayName("an unknown option is rejected with an InvalidOptionException naming it and listing the valid options")
    public void unknownOptionIsRejected() {
        SessionDefinitionProvider provider = provider();
        Map<String, String> given = new LinkedHashMap<>(options());
        given.put(UNKNOWN_OPTION, "1");
        InvalidOptionException e = assertThrows(InvalidOptionException.class, () -> provider.create(given),
                "an unknown option must be rejected with an InvalidOptionException (Options.resolve does it)");
        assertEquals(UNKNOWN_OPTION, e.option(), "InvalidOptionException.option() must name the unknown option");
        assertMessageNames(e, UNKNOWN_OPTION);
        for (String valid : specNames(provider)) {
            assertTrue(e.getMessage().contains(valid), () -> "the message must list the valid option '" + valid + "': " + e.getMessage());
        }
    }

    /** Bad values must fail early, naming the option, not surface later as a wrong session count. */
    @Test
    @DisplayName("every map of invalidOptions() is rejected with an InvalidOptionException naming the option")
    public void invalidOptionsAreRejected() {
        SessionDefinitionProvider provider = provider();
        List<Map<String, String>> invalid = invalidOptions();
        assertFalse(invalid.isEmpty(), "invalidOptions() is empty; keep at least the unknown option of the default");
        assertAll(invalid.stream().map(given -> () -> {
            InvalidOptionException e = assertThrows(InvalidOptionException.class, () -> provider.create(given),
                    () -> "options " + given + " must be rejected with an InvalidOptionException");
            assertTrue(given.containsKey(e.option()),
                    () -> "InvalidOptionException.option() is '" + e.option() + "', not one of the options given: " + given.keySet());
            assertMessageNames(e, e.option());
        }));
    }

    // ---------------------------------------------------------------- sessions

    /** The host reports why each session started; a visitor's first one has no rule to blame. */
    @Test
    @DisplayName("a visitor's first event starts a session with reason 'first', and no later session has it")
    public void firstEventStartsFirstSession() {
        List<Event> events = events();
        Map<String, List<Session>> byVisitor = byVisitor(Sessionizer.sessionize(definition(), events));
        Map<String, List<Event>> eventsByVisitor = eventsByVisitor(events);
        assertEquals(eventsByVisitor.keySet(), byVisitor.keySet(), "every visitor must have sessions, and only visitors with events");
        for (Map.Entry<String, List<Session>> e : byVisitor.entrySet()) {
            List<Session> sessions = e.getValue();
            assertEquals(SessionDefinition.FIRST, sessions.get(0).startReason(), () -> "first session of " + e.getKey());
            assertEquals(eventsByVisitor.get(e.getKey()).get(0).timestampMillis(), sessions.get(0).startMillis(),
                    () -> "the first session of " + e.getKey() + " must start at the visitor's first event");
            for (int i = 1; i < sessions.size(); i++) {
                Session s = sessions.get(i);
                assertFalse(SessionDefinition.FIRST.equals(s.startReason()), () -> "a later session of " + e.getKey() + " has reason 'first': " + s);
            }
        }
    }

    /** Session counts are the denominator of every metric: no event may be lost or counted twice. */
    @Test
    @DisplayName("every event lands in exactly one session: each visitor's sessions partition its events in time order")
    public void everyEventInExactlyOneSession() {
        List<Event> events = events();
        List<Session> sessions = Sessionizer.sessionize(definition(), events);
        assertEquals(events.size(), sessions.stream().mapToLong(Session::eventCount).sum(), "events in sessions vs events");
        Map<String, List<Event>> eventsByVisitor = eventsByVisitor(events);
        for (Map.Entry<String, List<Session>> e : byVisitor(sessions).entrySet()) {
            List<Event> visitorEvents = eventsByVisitor.get(e.getKey());
            int next = 0;
            for (Session s : e.getValue()) {
                assertTrue(s.eventCount() >= 1, () -> "empty session " + s);
                int from = next;
                int to = next + s.eventCount() - 1;
                assertTrue(to < visitorEvents.size(), () -> "sessions of " + e.getKey() + " hold more events than it has");
                assertEquals(visitorEvents.get(from).timestampMillis(), s.startMillis(), () -> "start of " + s);
                assertEquals(visitorEvents.get(to).timestampMillis(), s.endMillis(), () -> "end of " + s);
                next = to + 1;
            }
            assertEquals(visitorEvents.size(), next, () -> "events of " + e.getKey() + " in its sessions");
        }
    }

    /** Overlapping sessions would mean an event could belong to two of them. */
    @Test
    @DisplayName("a visitor's sessions are in time order and do not overlap")
    public void sessionsDoNotOverlap() {
        for (Map.Entry<String, List<Session>> e : byVisitor(Sessionizer.sessionize(definition(), events())).entrySet()) {
            Session previous = null;
            for (Session s : e.getValue()) {
                assertTrue(s.startMillis() <= s.endMillis(), () -> "session ends before it starts: " + s);
                if (previous != null) {
                    Session p = previous;
                    assertTrue(p.endMillis() <= s.startMillis(), () -> "sessions of " + e.getKey() + " overlap: " + p + " and " + s);
                }
                previous = s;
            }
        }
    }

    /** Logs arrive in any order; the host sorts each visitor's events, and the rules must not care about the rest. */
    @ParameterizedTest(name = "shuffle seed {0}")
    @ValueSource(longs = {1L, 7L, 42L, 2026L, 31337L})
    @DisplayName("the sessions do not depend on input order (shuffled with fixed seeds)")
    public void independentOfInputOrder(long seed) {
        List<Event> events = events();
        SessionDefinition definition = definition();
        Map<String, List<String>> expected = canonical(Sessionizer.sessionize(definition, events));
        List<Event> shuffled = new ArrayList<>(events);
        shuffle(shuffled, new SplittableRandom(seed));
        assertSameSessions(expected, canonical(Sessionizer.sessionize(definition, keepTieOrder(events, shuffled))),
                "input shuffled with seed " + seed);
    }

    /** One visitor's sessions must not depend on other visitors' events around them. */
    @Test
    @DisplayName("the sessions do not depend on how visitors are interleaved")
    public void independentOfInterleaving() {
        List<Event> events = events();
        SessionDefinition definition = definition();
        Map<String, List<String>> expected = canonical(Sessionizer.sessionize(definition, events));
        Map<String, List<Event>> byVisitor = eventsByVisitor(events);

        List<Event> blocks = new ArrayList<>();
        byVisitor.values().forEach(blocks::addAll);
        List<Event> reversedBlocks = new ArrayList<>();
        List<List<Event>> lists = new ArrayList<>(byVisitor.values());
        Collections.reverse(lists);
        lists.forEach(reversedBlocks::addAll);
        List<Event> newestFirst = new ArrayList<>(events);
        newestFirst.sort(Comparator.comparingLong(Event::timestampMillis).reversed());
        List<Event> roundRobin = new ArrayList<>();
        for (int i = 0; roundRobin.size() < events.size(); i++) {
            for (List<Event> l : byVisitor.values()) {
                if (i < l.size()) {
                    roundRobin.add(l.get(i));
                }
            }
        }
        Map<String, List<Event>> orders = new LinkedHashMap<>();
        orders.put("visitors one after another", blocks);
        orders.put("visitors one after another, last visitor first", reversedBlocks);
        orders.put("newest event first", keepTieOrder(events, newestFirst));
        orders.put("visitors round-robin", roundRobin);
        for (Map.Entry<String, List<Event>> o : orders.entrySet()) {
            assertEquals(events.size(), o.getValue().size());
            assertSameSessions(expected, canonical(Sessionizer.sessionize(definition, o.getValue())), o.getKey());
        }
    }

    /** Same input, same answer: no clock, randomness or hidden state. */
    @Test
    @DisplayName("two runs, and two definitions created from the same options, give the same sessions")
    public void deterministic() {
        List<Event> events = events();
        SessionDefinition definition = definition();
        Map<String, List<String>> first = canonical(Sessionizer.sessionize(definition, events));
        assertSameSessions(first, canonical(Sessionizer.sessionize(definition, events)), "second run, same definition");
        assertSameSessions(first, canonical(Sessionizer.sessionize(definition(), events)), "a second definition from the same options");
    }

    /** Reports count sessions by start reason; reasons must be stable codes the definition owns. */
    @Test
    @DisplayName("every split carries a reason code [a-z0-9-]+, not 'first', of one of the definition's rules")
    public void splitReasonsAreValid() {
        SessionDefinition definition = definition();
        assertNotNull(definition.rules(), "rules() returned null; return an empty list for a definition that never splits");
        Set<String> reasons = new HashSet<>();
        for (SessionRule rule : definition.rules()) {
            assertNotNull(rule, "rules() holds null");
            String reason = rule.reason();
            assertNotNull(reason, () -> "rule " + rule + " has a null reason");
            assertTrue(SessionDefinition.ID_PATTERN.matcher(reason).matches() && !SessionDefinition.FIRST.equals(reason),
                    () -> "rule " + rule + " has reason '" + reason + "'; use a lower-case [a-z0-9-]+ code other than 'first'");
            assertEquals(reason, rule.reason(), () -> "rule " + rule + " must return the same reason every time");
            reasons.add(reason);
        }
        for (List<Session> sessions : byVisitor(Sessionizer.sessionize(definition, events())).values()) {
            for (Session s : sessions.subList(1, sessions.size())) {
                assertNotNull(s.startReason());
                assertTrue(reasons.contains(s.startReason()), () -> "session " + s + " has reason '" + s.startReason()
                        + "', not one of the rules' " + reasons);
            }
        }
    }

    /** The CLI streams time-ordered logs; it must agree with the in-memory reference exactly. */
    @Test
    @DisplayName("streaming time-ordered events gives the same sessions as the in-memory sessionizer")
    public void streamingMatchesInMemory() {
        List<Event> events = new ArrayList<>(events());
        events.sort(Comparator.comparingLong(Event::timestampMillis));
        SessionDefinition definition = definition();
        List<Session> streamed = new ArrayList<>();
        Sessionizer sessionizer = new Sessionizer(definition, Duration.ofMinutes(10), new SessionListener() {
            @Override
            public void sessionClosed(Session session) {
                streamed.add(session);
            }

            @Override
            public void sessionRetracted(Session session) {
                fail("time-ordered input must never retract a session: " + session);
            }
        });
        long seq = 0;
        for (Event e : events) {
            sessionizer.accept(e, seq++);
        }
        sessionizer.finish();
        assertTrue(sessionizer.lateVisitors().isEmpty(), () -> "time-ordered input has no late visitors: " + sessionizer.lateVisitors());
        assertEquals(streamed.size(), sessionizer.sessionsClosed());
        assertSameSessions(canonical(Sessionizer.sessionize(definition, events)), canonical(streamed), "streamed");
    }

    /** Rules see only the OpenSession interface and must answer the same, whoever asks and how often. */
    @Test
    @DisplayName("rules are deterministic and side-effect free: asked twice, or in another order, they answer the same")
    public void rulesAreDeterministicAndSideEffectFree() {
        List<Event> events = events();
        SessionDefinition definition = definition();
        List<SessionRule> rules = definition.rules();
        Map<String, List<String>> walked = new TreeMap<>();
        for (Map.Entry<String, List<Event>> v : eventsByVisitor(events).entrySet()) {
            List<String> out = new ArrayList<>();
            ContractSession session = null;
            for (Event e : v.getValue()) {
                if (session == null) {
                    session = new ContractSession(e, SessionDefinition.FIRST);
                    continue;
                }
                boolean[] answers = new boolean[rules.size()];
                for (int i = 0; i < rules.size(); i++) {
                    answers[i] = rules.get(i).startsNewSession(session, e);
                }
                for (int i = rules.size() - 1; i >= 0; i--) {
                    SessionRule rule = rules.get(i);
                    boolean again = rule.startsNewSession(session, e);
                    ContractSession s = session;
                    int k = i;
                    assertEquals(answers[k], again, () -> "rule " + rule + " answered differently when asked again about "
                            + e + " after " + s);
                }
                String reason = splitReason(definition, session, e, answers);
                if (reason == null) {
                    session.add(e);
                } else {
                    out.add(describe(session));
                    session = new ContractSession(e, reason);
                }
            }
            out.add(describe(session));
            walked.put(v.getKey(), out);
        }
        assertSameSessions(canonical(Sessionizer.sessionize(definition, events)), walked,
                "rules asked through the contract's own OpenSession, as the SPI documents it");
    }

    /** The host forgets idle visitors on the strength of this promise; a broken one changes results. */
    @Test
    @DisplayName("a rule with an inactivity limit fires for every gap longer than the limit")
    public void inactivityLimitIsKept() {
        SessionDefinition definition = definition();
        for (SessionRule rule : definition.rules()) {
            Optional<Duration> limit = rule.inactivityLimit();
            assertNotNull(limit, () -> "rule " + rule + " returned null from inactivityLimit(); return Optional.empty()");
            assertEquals(limit, rule.inactivityLimit(), () -> "rule " + rule + " must report the same inactivity limit every time");
            if (limit.isEmpty()) {
                continue;
            }
            assertTrue(!limit.get().isNegative() && !limit.get().isZero(), () -> "rule " + rule + " has a non-positive limit " + limit.get());
            long limitMillis;
            try {
                limitMillis = limit.get().toMillis();
            } catch (ArithmeticException e) {
                continue;
            }
            for (List<Event> visitorEvents : eventsByVisitor(events()).values()) {
                ContractSession session = null;
                for (Event e : visitorEvents) {
                    if (session == null) {
                        session = new ContractSession(e, SessionDefinition.FIRST);
                        continue;
                    }
                    if (limitMillis < Long.MAX_VALUE - session.lastEventMillis()) {
                        Event probe = at(e, session.lastEventMillis() + limitMillis + 1);
                        ContractSession s = session;
                        assertTrue(rule.startsNewSession(session, probe), () -> "rule " + rule + " promises to fire after "
                                + limit.get() + " of inactivity but continued " + s + " with " + probe);
                    }
                    session.add(e);
                }
            }
        }
    }

    /** The host may share one definition between threads. */
    @Test
    @DisplayName("one definition used from several threads at once gives the same sessions")
    public void threadSafe() throws Exception {
        List<Event> events = events();
        SessionDefinition definition = definition();
        Map<String, List<String>> expected = canonical(Sessionizer.sessionize(definition, events));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Map<String, List<String>>>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                List<Event> shuffled = new ArrayList<>(events);
                shuffle(shuffled, new SplittableRandom(1000 + t));
                List<Event> input = keepTieOrder(events, shuffled);
                results.add(pool.submit(() -> canonical(Sessionizer.sessionize(definition, input))));
            }
            for (Future<Map<String, List<String>>> r : results) {
                assertSameSessions(expected, r.get(1, TimeUnit.MINUTES), "from a concurrent thread");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- helpers

    /** The definition under test: {@link #provider()} created with {@link #options()}. */
    private SessionDefinition definition() {
        return create(provider(), options());
    }

    private static SessionDefinition create(SessionDefinitionProvider provider, Map<String, String> options) {
        SessionDefinition d;
        try {
            d = provider.create(options);
        } catch (RuntimeException e) {
            throw new AssertionError("'" + provider.id() + "' failed to create a definition from options " + options + ": " + e, e);
        }
        assertNotNull(d, () -> "'" + provider.id() + "'.create(" + options + ") returned null");
        return d;
    }

    /** The {@linkplain OptionSpec#required() required} options, with their values from {@link #options()}: the least a creation needs. */
    private Map<String, String> requiredOnly(SessionDefinitionProvider provider) {
        Map<String, String> out = new LinkedHashMap<>();
        for (OptionSpec spec : provider.options()) {
            if (spec.required() && options().containsKey(spec.name())) {
                out.put(spec.name(), options().get(spec.name()));
            }
        }
        return out;
    }

    private static Set<String> specNames(SessionDefinitionProvider provider) {
        return provider.options().stream().map(OptionSpec::name).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static void assertMessageNames(InvalidOptionException e, String option) {
        assertNotNull(e.getMessage(), "InvalidOptionException without a message");
        assertTrue(e.getMessage().contains(option), () -> "the message must name option '" + option + "': " + e.getMessage());
    }

    /** The host's semantics (see {@link SessionDefinition}), on the contract's own session. */
    private static String splitReason(SessionDefinition definition, ContractSession session, Event next, boolean[] answers) {
        Optional<SessionRule> inactivity = definition.inactivityRule();
        if (inactivity.isPresent()) {
            long limit;
            try {
                limit = inactivity.get().inactivityLimit().orElseThrow().toMillis();
            } catch (ArithmeticException e) {
                limit = Long.MAX_VALUE;
            }
            if (session.gapMillis(next) > limit) {
                return inactivity.get().reason();
            }
        }
        for (int i = 0; i < answers.length; i++) {
            if (answers[i]) {
                return definition.rules().get(i).reason();
            }
        }
        return null;
    }

    /** Each visitor's events in time order, ties in input order; visitors in first-seen order. */
    private static Map<String, List<Event>> eventsByVisitor(List<Event> events) {
        Map<String, List<Event>> out = new LinkedHashMap<>();
        for (Event e : events) {
            out.computeIfAbsent(e.visitorId(), k -> new ArrayList<>()).add(e);
        }
        out.values().forEach(l -> l.sort(Comparator.comparingLong(Event::timestampMillis)));
        return out;
    }

    /** Sessions per visitor, in the order they came. */
    private static Map<String, List<Session>> byVisitor(List<Session> sessions) {
        Map<String, List<Session>> out = new LinkedHashMap<>();
        for (Session s : sessions) {
            out.computeIfAbsent(s.visitorId(), k -> new ArrayList<>()).add(s);
        }
        return out;
    }

    /** Per visitor (sorted), its sessions in time order as (start, end, count, reason). */
    private static Map<String, List<String>> canonical(List<Session> sessions) {
        Map<String, List<Session>> byVisitor = new TreeMap<>(byVisitor(sessions));
        Map<String, List<String>> out = new TreeMap<>();
        for (Map.Entry<String, List<Session>> e : byVisitor.entrySet()) {
            List<Session> list = new ArrayList<>(e.getValue());
            list.sort(Comparator.comparingLong(Session::startMillis).thenComparingLong(Session::endMillis));
            out.put(e.getKey(), list.stream().map(SessionDefinitionContract::describe).collect(Collectors.toList()));
        }
        return out;
    }

    private static String describe(Session s) {
        return s.startMillis() + ".." + s.endMillis() + " events=" + s.eventCount() + " reason=" + s.startReason();
    }

    private static String describe(ContractSession s) {
        return s.startMillis() + ".." + s.lastEventMillis() + " events=" + s.eventCount() + " reason=" + s.startReason();
    }

    /** Fails naming the first visitor whose sessions differ, instead of dumping everything. */
    private static void assertSameSessions(Map<String, List<String>> expected, Map<String, List<String>> actual, String what) {
        if (expected.equals(actual)) {
            return;
        }
        Set<String> visitors = new TreeSet<>(expected.keySet());
        visitors.addAll(actual.keySet());
        for (String v : visitors) {
            if (!Objects.equals(expected.get(v), actual.get(v))) {
                fail(what + ": sessions of visitor '" + v + "' differ (start..end in epoch millis)\n expected: "
                        + expected.get(v) + "\n   actual: " + actual.get(v));
            }
        }
    }

    private static void shuffle(List<Event> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            Collections.swap(list, i, random.nextInt(i + 1));
        }
    }

    /**
     * {@code permuted} with the events of one visitor at one timestamp put back in their relative
     * order of {@code original}: the host keeps ties in input order, so only such reorderings must
     * leave the result unchanged.
     */
    private static List<Event> keepTieOrder(List<Event> original, List<Event> permuted) {
        Map<Map.Entry<String, Long>, ArrayDeque<Event>> ties = new HashMap<>();
        for (Event e : original) {
            ties.computeIfAbsent(tieKey(e), k -> new ArrayDeque<>()).add(e);
        }
        List<Event> out = new ArrayList<>(permuted.size());
        for (Event e : permuted) {
            out.add(ties.get(tieKey(e)).poll());
        }
        return out;
    }

    private static Map.Entry<String, Long> tieKey(Event e) {
        return new AbstractMap.SimpleImmutableEntry<>(e.visitorId(), e.timestampMillis());
    }

    /** A copy of {@code e} at another time. */
    private static Event at(Event e, long timestampMillis) {
        return Event.builder(timestampMillis, e.visitorId()).type(e.type()).name(e.name()).revenueMicros(e.revenueMicros())
                .currency(e.currency()).trafficSource(e.trafficSource()).referrer(e.referrer()).page(e.page())
                .userAgent(e.userAgent()).eventId(e.eventId()).orderId(e.orderId()).attributes(e.attributes()).build();
    }
}

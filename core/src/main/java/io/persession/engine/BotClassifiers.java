package io.persession.engine;

import io.persession.spi.BotClassifier;
import io.persession.spi.BotClassifierProvider;
import io.persession.spi.InvalidOptionException;
import io.persession.spi.OptionSpec;
import io.persession.spi.Session;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Creating bot classifiers from installed providers, and asking them, with the host's checks around plugin code. */
public final class BotClassifiers {
    private static final Pattern REASON = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private BotClassifiers() {
    }

    /**
     * {@code id:reason} of the first classifier (in the order given) that flags the session, else empty.
     *
     * @throws PluginException when a classifier fails or answers something other than a reason code
     */
    public static Optional<String> classify(List<BotClassifier> classifiers, Session s) {
        for (BotClassifier c : classifiers) {
            Optional<String> flag = ask(c, s);
            if (flag.isPresent()) {
                return flag;
            }
        }
        return Optional.empty();
    }

    /**
     * {@code id:reason} of every classifier that flags the session, in the order given (the first names
     * the session's reason; the others show the overlap).
     *
     * @throws PluginException when a classifier fails or answers something other than a reason code
     */
    public static List<String> classifyAll(List<BotClassifier> classifiers, Session s) {
        List<String> out = List.of();
        for (BotClassifier c : classifiers) {
            Optional<String> flag = ask(c, s);
            if (flag.isPresent()) {
                if (out.isEmpty()) {
                    out = new ArrayList<>(2);
                }
                out.add(flag.get());
            }
        }
        return out;
    }

    /** {@code id:reason} when {@code c} flags the session, else empty; plugin failures become {@link PluginException}s. */
    private static Optional<String> ask(BotClassifier c, Session s) {
        Optional<String> reason;
        try {
            reason = c.classify(s);
        } catch (RuntimeException | LinkageError e) {
            throw new PluginException("bot classifier '" + c.id() + "' (" + PluginRegistry.sourceOf(c.getClass())
                    + ") failed on a session of visitor '" + s.visitorId() + "': " + e, e);
        }
        if (reason == null) {
            throw new PluginException("bot classifier '" + c.id() + "' (" + PluginRegistry.sourceOf(c.getClass())
                    + ") returned null instead of Optional.empty()");
        }
        if (reason.isEmpty()) {
            return reason;
        }
        if (!REASON.matcher(reason.get()).matches()) {
            throw new PluginException("bot classifier '" + c.id() + "' (" + PluginRegistry.sourceOf(c.getClass())
                    + ") gave the reason '" + reason.get() + "'; reasons are lower-case [a-z0-9-]+");
        }
        return Optional.of(c.id() + ":" + reason.get());
    }

    /** The order of the built-in classifiers: the user's own list first, then what the user agent says, then behaviour. */
    public static final List<String> BUILT_IN_ORDER = List.of("visitor-list", "user-agent", "behaviour");

    /**
     * The ids of every installed classifier in the default order: the {@link #BUILT_IN_ORDER built-in ones} first (the first
     * that flags a session names the reason), then the others by id.
     */
    public static List<String> defaultIds(PluginRegistry<BotClassifierProvider> registry) {
        List<String> ids = new ArrayList<>();
        java.util.Set<String> installed = new java.util.LinkedHashSet<>();
        registry.entries().forEach(e -> installed.add(e.id()));
        for (String id : BUILT_IN_ORDER) {
            if (installed.remove(id)) {
                ids.add(id);
            }
        }
        ids.addAll(installed);
        return ids;
    }

    /**
     * The classifier {@code id} created with {@code options}.
     *
     * @throws PluginException        unknown id, or the provider failed or broke its contract
     * @throws InvalidOptionException an option the provider does not accept, or a bad value
     * @throws UncheckedIOException   a file an option names cannot be read
     */
    public static BotClassifier create(PluginRegistry<BotClassifierProvider> registry, String id, Map<String, String> options) {
        BotClassifierProvider provider = registry.get(id);
        List<String> names = new ArrayList<>();
        for (OptionSpec spec : provider.options()) {
            names.add(spec.name());
        }
        for (String name : options.keySet()) {
            if (!names.contains(name)) {
                throw new InvalidOptionException(name, "bot classifier '" + id + "' has no option '" + name + "'; its options are: "
                        + (names.isEmpty() ? "(none)" : String.join(", ", names)));
            }
        }
        BotClassifier classifier;
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(provider.getClass().getClassLoader());
        try {
            classifier = provider.create(Map.copyOf(options));
        } catch (InvalidOptionException | UncheckedIOException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw new PluginException("bot classifier '" + id + "' (" + PluginRegistry.sourceOf(provider.getClass())
                    + ") failed to create a classifier: " + e, e);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        if (classifier == null || !id.equals(classifier.id())) {
            throw new PluginException("bot classifier '" + id + "' (" + PluginRegistry.sourceOf(provider.getClass())
                    + ") returned " + (classifier == null ? "null" : "a classifier with id '" + classifier.id() + "'")
                    + " instead of a classifier with id '" + id + "'");
        }
        return classifier;
    }
}

package io.persession.spi;

import java.util.Optional;

/**
 * Says whether a session is bot traffic, with a reason. Found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.persession.spi.BotClassifier}). Sessions a classifier flags are kept out
 * of every metric by default and reported by reason.
 *
 * <p>Thread-safe and deterministic.
 */
public interface BotClassifier {
    /** Lower-case {@code [a-z0-9-]+}. */
    String id();

    /** One sentence: what it looks at. */
    String description();

    /** A short reason code ({@code user-agent}, {@code too-fast}, ...) when the session is bot traffic, else empty. */
    Optional<String> classify(Session session);
}

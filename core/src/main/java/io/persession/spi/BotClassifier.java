package io.persession.spi;

import java.util.Map;
import java.util.Optional;

/**
 * Says whether a session is bot traffic, with a reason. Created by a {@link BotClassifierProvider} from
 * options; the host asks it about every finished session (under every session definition it runs), with
 * the visitor at hand ({@link Session#visitorId()}). Sessions a classifier flags are kept out of every
 * metric by default and reported by {@code id:reason}, with their sessions, events and revenue.
 *
 * <p>Why per session: a session is what the metrics count, and it carries what bot rules look at (the
 * user agent of its events, how many events came how fast, the visitor). A classifier that judges a
 * visitor does so for each of the visitor's sessions; it must not keep state between calls, since
 * sessions reach it in an order that depends on the input.
 *
 * <p>Contract: thread-safe, and deterministic: the answer depends only on the session (no clock,
 * randomness or I/O during {@link #classify}; a cache of answers is fine).
 */
public interface BotClassifier {
    /** The id of the provider that created it: lower-case {@code [a-z0-9-]+}. */
    String id();

    /** One sentence: what it looks at. */
    String description();

    /** Every option with the value in force (defaults included), in the provider's order. Default: none. */
    default Map<String, String> options() {
        return Map.of();
    }

    /**
     * A short, stable reason code (lower-case {@code [a-z0-9-]+}: {@code robot}, {@code too-fast},
     * {@code listed}, ...) when the session is bot traffic, else empty. The host reports it as
     * {@code id:reason}.
     */
    Optional<String> classify(Session session);
}

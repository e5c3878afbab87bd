package io.persession.spi;

import java.time.Duration;
import java.util.Optional;

/**
 * One reason a session ends. A {@link SessionDefinition} holds several; a new session starts when
 * any of them fires.
 *
 * <p>Contract: pure and deterministic. {@link #startsNewSession} depends only on its arguments (no
 * clock, no I/O, no state kept between calls), so that results do not depend on input order or on
 * how the host schedules work. The host calls it with the visitor's events in time order (ties in
 * input order): {@code next.timestampMillis() >= session.lastEventMillis()}. Implementations must be
 * thread-safe (the host may share one rule between threads).
 */
public interface SessionRule {
    /**
     * The stable code this rule reports as the start reason of the sessions it starts: lower-case
     * {@code [a-z0-9-]+}, e.g. {@code timeout}, {@code midnight}, {@code campaign}, {@code referral},
     * {@code max-duration}, {@code max-events}, or a plugin's own. Not {@code first}, which the host
     * uses for a visitor's first session.
     */
    String reason();

    /** True when {@code next} must start a new session instead of continuing {@code session}. */
    boolean startsNewSession(OpenSession session, Event next);

    /**
     * A promise that lets the host forget idle visitors: when present, this rule fires whenever the
     * gap between the session's last event and the next one is longer than the duration. Rules that
     * make no such promise return empty (the default).
     *
     * <p>When a gap is longer than the smallest such limit of a definition, the host ends the session
     * with the reason of the rule owning that limit without asking the other rules; this keeps start
     * reasons the same whether the visitor was kept in memory or forgotten.
     */
    default Optional<Duration> inactivityLimit() {
        return Optional.empty();
    }
}

package io.persession.definitions;

import io.persession.spi.Event;
import io.persession.spi.OpenSession;
import io.persession.spi.SessionRule;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Inactivity timeout, reason {@code timeout}: a new session starts when the gap between the
 * session's latest event and the next one is longer than the timeout.
 *
 * <p>The boundary differs between products. With {@code exactTimeoutSplits == false} a gap of
 * exactly the timeout continues the session (Adobe Analytics, PostHog, Flink and Spark session
 * windows); with {@code true} it splits, i.e. "the timeout or more" (Universal Analytics, Matomo,
 * whose tracker keeps a visit only while the last action is less than {@code visit_standard_length}
 * ago). Either way {@link #inactivityLimit()} is the timeout: the rule fires whenever the gap is
 * longer, which is all that promise says.
 *
 * <p>Immutable, pure and thread-safe.
 */
public final class InactivityTimeoutRule implements SessionRule {
    /** The reason code of the sessions this rule starts. */
    public static final String REASON = "timeout";

    private final Duration timeout;
    private final boolean exactTimeoutSplits;
    /** The timeout rounded down to whole milliseconds; gaps are whole milliseconds. */
    private final long floorMillis;
    private final boolean wholeMillis;

    /**
     * @param timeout            the longest gap that continues a session; positive
     * @param exactTimeoutSplits whether a gap of exactly {@code timeout} starts a new session
     */
    public InactivityTimeoutRule(Duration timeout, boolean exactTimeoutSplits) {
        this.timeout = Objects.requireNonNull(timeout, "timeout is null");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        this.exactTimeoutSplits = exactTimeoutSplits;
        this.floorMillis = Durations.floorMillis(timeout);
        this.wholeMillis = Durations.isWholeMillis(timeout);
    }

    public Duration timeout() {
        return timeout;
    }

    public boolean exactTimeoutSplits() {
        return exactTimeoutSplits;
    }

    @Override
    public String reason() {
        return REASON;
    }

    @Override
    public boolean startsNewSession(OpenSession session, Event next) {
        long gap = session.gapMillis(next);
        // gap > timeout <=> gap > floor(timeout); gap >= timeout <=> gap >= timeout for whole
        // milliseconds, gap > floor(timeout) otherwise.
        return exactTimeoutSplits && wholeMillis ? gap >= floorMillis : gap > floorMillis;
    }

    /** The timeout, under both boundary semantics: a longer gap always starts a new session. */
    @Override
    public Optional<Duration> inactivityLimit() {
        return Optional.of(timeout);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InactivityTimeoutRule && ((InactivityTimeoutRule) o).timeout.equals(timeout)
                && ((InactivityTimeoutRule) o).exactTimeoutSplits == exactTimeoutSplits;
    }

    @Override
    public int hashCode() {
        return Objects.hash(timeout, exactTimeoutSplits);
    }

    @Override
    public String toString() {
        return "timeout(" + (exactTimeoutSplits ? ">= " : "> ") + Durations.format(timeout) + ")";
    }
}

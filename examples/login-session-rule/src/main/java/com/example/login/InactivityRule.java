package com.example.login;

import io.persession.spi.Event;
import io.persession.spi.OpenSession;
import io.persession.spi.SessionRule;

import java.time.Duration;
import java.util.Optional;

/**
 * Reason {@code timeout}: a gap longer than the timeout starts a new session (exactly the timeout
 * continues). It promises so through {@link #inactivityLimit()}, which lets persession forget idle
 * visitors while it streams.
 */
// tag::timeout-rule[]
final class InactivityRule implements SessionRule {
    private final Duration timeout;

    InactivityRule(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public String reason() {
        return "timeout";
    }

    @Override
    public boolean startsNewSession(OpenSession session, Event next) {
        return session.gapMillis(next) > timeout.toMillis();
    }

    @Override
    public Optional<Duration> inactivityLimit() {
        return Optional.of(timeout);
    }
}
// end::timeout-rule[]

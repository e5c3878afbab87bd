package com.example.login;

import io.persession.spi.Event;
import io.persession.spi.OpenSession;
import io.persession.spi.SessionRule;

import java.util.Set;

/**
 * Reason {@code logout}: the event after a logout event starts a new session; the logout event itself
 * still belongs to the session it ends.
 */
// tag::logout-rule[]
final class LogoutRule implements SessionRule {
    private final Set<String> logoutEvents;

    LogoutRule(Set<String> logoutEvents) {
        this.logoutEvents = Set.copyOf(logoutEvents);
    }

    @Override
    public String reason() {
        return "logout";
    }

    @Override
    public boolean startsNewSession(OpenSession session, Event next) {
        return logoutEvents.contains(session.lastEvent().name());
    }
}
// end::logout-rule[]

package com.example.login;

import io.persession.spi.Event;
import io.persession.spi.OpenSession;
import io.persession.spi.SessionRule;

import java.util.Set;

/**
 * Reason {@code login}: an event whose name is a login event starts a new session (it is the first event
 * of the session the visitor spends logged in). Pure and immutable, as the SPI asks.
 */
// tag::rule[]
final class LoginRule implements SessionRule {
    private final Set<String> loginEvents;

    LoginRule(Set<String> loginEvents) {
        this.loginEvents = Set.copyOf(loginEvents);
    }

    @Override
    public String reason() {
        return "login"; // the start reason persession reports for the sessions this rule starts
    }

    @Override
    public boolean startsNewSession(OpenSession session, Event next) {
        return loginEvents.contains(next.name());
    }
}
// end::rule[]

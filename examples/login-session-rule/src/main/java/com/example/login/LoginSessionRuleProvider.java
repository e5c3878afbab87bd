package com.example.login;

import io.persession.spi.InvalidOptionException;
import io.persession.spi.OptionSpec;
import io.persession.spi.Options;
import io.persession.spi.SessionDefinition;
import io.persession.spi.SessionDefinitionProvider;
import io.persession.spi.SpiVersion;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The session definition {@code login-timeout}: a new session starts when the visitor logs in (the login
 * event opens it) or has logged out (the first event after a logout opens it), and after an inactivity
 * timeout. Which events are logins and logouts is configured by options, since every tracker names them
 * differently.
 *
 * <p>Registered in {@code META-INF/services/io.persession.spi.SessionDefinitionProvider}; persession
 * finds it there when the jar is in its {@code plugins/} folder.
 */
// tag::provider[]
public final class LoginSessionRuleProvider implements SessionDefinitionProvider {
    static final String ID = "login-timeout";
    static final String LOGIN_EVENTS = "login-events";
    static final String LOGOUT_EVENTS = "logout-events";
    static final String TIMEOUT = "timeout";

    private static final List<OptionSpec> OPTIONS = List.of(
            OptionSpec.of(LOGIN_EVENTS, "login", "comma-separated event names that log the visitor in: each starts a new session"),
            OptionSpec.of(LOGOUT_EVENTS, "logout", "comma-separated event names that log the visitor out: the next event starts a new session"),
            OptionSpec.of(TIMEOUT, "30m", "longest gap between two events of one session, 1s to 1d, e.g. 30m, 1h, 90s"));

    @Override
    public String id() {
        return ID;
    }

    // tag::spi-version[]
    @Override
    public String spiVersion() {
        return SpiVersion.CURRENT; // a compile-time constant: javac copies "1.0" into this class
    }
    // end::spi-version[]

    @Override
    public String description() {
        return "A new session when the visitor logs in or out (event names set by options), or after an inactivity timeout.";
    }

    @Override
    public List<OptionSpec> options() {
        return OPTIONS;
    }

    @Override
    public SessionDefinition create(Map<String, String> given) {
        Map<String, String> values = Options.resolve(ID, OPTIONS, given); // unknown names rejected, defaults applied
        Set<String> logins = names(values.get(LOGIN_EVENTS));
        Set<String> logouts = names(values.get(LOGOUT_EVENTS));
        for (String name : logouts) {
            if (logins.contains(name)) {
                throw new InvalidOptionException(LOGOUT_EVENTS, "option '" + LOGOUT_EVENTS + "': '" + name
                        + "' is also in '" + LOGIN_EVENTS + "'; an event either logs the visitor in or out");
            }
        }
        Duration timeout = Options.duration(TIMEOUT, values.get(TIMEOUT), Duration.ofSeconds(1), Duration.ofDays(1));

        Map<String, String> inForce = new LinkedHashMap<>(); // normalised, so that results can be reproduced from them
        inForce.put(LOGIN_EVENTS, String.join(",", logins));
        inForce.put(LOGOUT_EVENTS, String.join(",", logouts));
        inForce.put(TIMEOUT, Options.format(timeout));
        return SessionDefinition.of(ID, description(), inForce,
                List.of(new InactivityRule(timeout), new LoginRule(logins), new LogoutRule(logouts)));
    }

    private static Set<String> names(String value) {
        return new LinkedHashSet<>(Options.list(value));
    }
}
// end::provider[]

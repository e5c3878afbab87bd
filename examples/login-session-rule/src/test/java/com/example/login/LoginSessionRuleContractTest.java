package com.example.login;

import io.persession.spi.Event;
import io.persession.spi.SessionDefinitionProvider;
import io.persession.testkit.SessionDefinitionContract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

// tag::contract[]
/** The testkit's contract: registration, SPI version, ids, options, and sessions the engine can rely on. */
class LoginSessionRuleContractTest extends SessionDefinitionContract {
    @Override
    protected SessionDefinitionProvider provider() {
        return new LoginSessionRuleProvider();
    }

    /** The contract's traffic, plus visitors who log in and out. */
    @Override
    protected List<Event> events() {
        List<Event> events = new ArrayList<>(super.events());
        events.addAll(LoginTraffic.events());
        return events;
    }

    /** Bad values of this rule's own options: each must be rejected, naming the option. */
    @Override
    protected List<Map<String, String>> invalidOptions() {
        return List.of(Map.of(UNKNOWN_OPTION, "1"), Map.of("timeout", "soon"), Map.of("timeout", "0s"),
                Map.of("login-events", "login", "logout-events", "logout,login"));
    }
}
// end::contract[]

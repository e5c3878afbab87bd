package com.example.login;

import io.persession.engine.Sessionizer;
import io.persession.spi.InvalidOptionException;
import io.persession.spi.Session;
import io.persession.spi.SessionDefinition;
import io.persession.spi.SpiVersion;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static com.example.login.LoginTraffic.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the rule does, session by session. */
class LoginSessionRuleTest {
    private static List<String> starts(Map<String, String> options, List<io.persession.spi.Event> events) {
        SessionDefinition d = new LoginSessionRuleProvider().create(options);
        return Sessionizer.sessionize(d, events).stream()
                .sorted(java.util.Comparator.comparingLong(Session::startMillis))
                .map(s -> s.startReason() + "@" + (s.startMillis() - LoginTraffic.T0) / LoginTraffic.MINUTE + "x" + s.eventCount())
                .collect(Collectors.toList());
    }

    @Test
    void aLoginStartsASessionAndTheEventAfterALogoutStartsAnother() {
        List<io.persession.spi.Event> events = List.of(event("v", 0, "pageview"), event("v", 2, "login"), event("v", 3, "pageview"),
                event("v", 10, "logout"), event("v", 11, "pageview"), event("v", 12, "pageview"));
        assertEquals(List.of("first@0x1", "login@2x3", "logout@11x2"), starts(Map.of(), events));
    }

    @Test
    void aLongPauseIsATimeoutWhateverCameBefore() {
        List<io.persession.spi.Event> events = List.of(event("v", 0, "login"), event("v", 1, "logout"), event("v", 40, "pageview"),
                event("v", 45, "pageview"), event("v", 76, "pageview"));
        assertEquals(List.of("first@0x2", "timeout@40x2", "timeout@76x1"), starts(Map.of(), events));
        assertEquals(List.of("first@0x2", "logout@40x3"), starts(Map.of("timeout", "1h"), events));
    }

    @Test
    void eventNamesComeFromTheOptions() {
        List<io.persession.spi.Event> events = List.of(event("v", 0, "pageview"), event("v", 1, "login"), event("v", 2, "signin"),
                event("v", 3, "sign_out"), event("v", 4, "pageview"));
        assertEquals(List.of("first@0x2", "login@2x2", "logout@4x1"),
                starts(Map.of("login-events", "signin", "logout-events", "sign_out"), events));
        assertEquals(List.of("first@0x1", "login@1x1", "login@2x3"), starts(Map.of("login-events", "login, signin", "logout-events", ""), events));
    }

    @Test
    void theOptionsInForceAreNormalised() {
        SessionDefinition d = new LoginSessionRuleProvider().create(Map.of("login-events", " signin , login,signin", "timeout", "PT45M"));
        assertEquals(Map.of("login-events", "signin,login", "logout-events", "logout", "timeout", "45m"), d.options());
        assertEquals("login-timeout", d.id());
    }

    @Test
    void anEventCannotBothLogInAndOut() {
        InvalidOptionException e = assertThrows(InvalidOptionException.class,
                () -> new LoginSessionRuleProvider().create(Map.of("logout-events", "logout,login")));
        assertEquals("logout-events", e.option());
        assertTrue(e.getMessage().contains("'login' is also in 'login-events'"), e.getMessage());
    }

    @Test
    void itStatesTheSpiVersionItWasCompiledAgainst() {
        assertEquals(SpiVersion.CURRENT, new LoginSessionRuleProvider().spiVersion());
    }
}

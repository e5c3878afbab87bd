package io.persession.definitions;

import io.persession.spi.Event;
import io.persession.spi.Session;
import io.persession.spi.SessionDefinition;
import io.persession.spi.SessionDefinitionProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.persession.definitions.TestEvents.pv;
import static io.persession.definitions.TestEvents.reasons;
import static io.persession.definitions.TestEvents.rules;
import static io.persession.definitions.TestEvents.sessionize;
import static io.persession.definitions.TestEvents.utc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@DisplayName("InactivityTimeoutRule")
class InactivityTimeoutRuleTest {
    private static final long T0 = utc("2026-05-01T10:00:00Z");
    private static final long THIRTY = Duration.ofMinutes(30).toMillis();

    /** Gap relative to the timeout, and the reasons under "gap > timeout" and "gap >= timeout". */
    @ParameterizedTest(name = "gap 30m{0}ms: exact continues -> {1}, exact splits -> {2}")
    @CsvSource({
        "-1, 'first', 'first'",
        "0, 'first', 'first,timeout'",
        "1, 'first,timeout', 'first,timeout'",
    })
    @DisplayName("a gap of exactly the timeout, and one millisecond either side, under both boundary semantics")
    void boundary(long delta, String whenExactContinues, String whenExactSplits) {
        Event a = pv(T0);
        Event b = pv(T0 + THIRTY + delta);
        assertEquals(List.of(whenExactContinues.split(",")),
                reasons(sessionize(rules(new InactivityTimeoutRule(Duration.ofMinutes(30), false)), a, b)));
        assertEquals(List.of(whenExactSplits.split(",")),
                reasons(sessionize(rules(new InactivityTimeoutRule(Duration.ofMinutes(30), true)), a, b)));
    }

    @Test
    @DisplayName("the inactivity limit is the timeout under both semantics")
    void inactivityLimit() {
        assertEquals(Optional.of(Duration.ofMinutes(30)), new InactivityTimeoutRule(Duration.ofMinutes(30), false).inactivityLimit());
        assertEquals(Optional.of(Duration.ofMinutes(30)), new InactivityTimeoutRule(Duration.ofMinutes(30), true).inactivityLimit());
        assertEquals("timeout", new InactivityTimeoutRule(Duration.ofMinutes(30), true).reason());
    }

    @Test
    @DisplayName("a timeout with a fraction of a millisecond: gaps are whole milliseconds")
    void fractionalTimeout() {
        Duration t = Duration.ofMillis(1500).plusNanos(500_000);
        for (boolean exact : new boolean[] {false, true}) {
            SessionDefinition d = rules(new InactivityTimeoutRule(t, exact));
            assertEquals(List.of("first"), reasons(sessionize(d, pv(T0), pv(T0 + 1500))));
            assertEquals(List.of("first", "timeout"), reasons(sessionize(d, pv(T0), pv(T0 + 1501))));
        }
    }

    @Test
    @DisplayName("a non-positive timeout is refused")
    void refusesNonPositive() {
        assertThrows(IllegalArgumentException.class, () -> new InactivityTimeoutRule(Duration.ZERO, false));
        assertThrows(IllegalArgumentException.class, () -> new InactivityTimeoutRule(Duration.ofMinutes(-1), true));
        assertThrows(NullPointerException.class, () -> new InactivityTimeoutRule(null, true));
    }

    /** Which products split at a gap of exactly 30 minutes: UA and Matomo do, the others continue. */
    @ParameterizedTest(name = "{0}: exactly 30m splits = {1}")
    @CsvSource({
        "timeout, false", "midnight, false", "campaign, false", "referral, false", "ua, true", "ga4, false",
        "matomo, true", "adobe, false", "posthog, false",
    })
    @DisplayName("each built-in definition's boundary at exactly 30 minutes")
    void builtInBoundaries(String id, boolean exactSplits) {
        SessionDefinitionProvider provider = Providers.byId(id);
        SessionDefinition d = provider.create(Map.of());
        List<Session> exact = sessionize(d, pv(T0), pv(T0 + THIRTY));
        assertEquals(exactSplits ? List.of("first", "timeout") : List.of("first"), reasons(exact));
        assertEquals(List.of("first"), reasons(sessionize(d, pv(T0), pv(T0 + THIRTY - 1))));
        assertEquals(List.of("first", "timeout"), reasons(sessionize(d, pv(T0), pv(T0 + THIRTY + 1))));
    }
}

package com.example.login;

import io.persession.spi.Event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Visitors who log in and out: the traffic the login rules are about. */
final class LoginTraffic {
    static final long T0 = Instant.parse("2026-03-02T10:00:00Z").toEpochMilli();
    static final long MINUTE = 60_000;

    private LoginTraffic() {
    }

    static Event event(String visitor, long minutes, String name) {
        return Event.builder(T0 + minutes * MINUTE, visitor).named(name).page("https://shop.example.com/" + name).build();
    }

    /**
     * Six visitors: a login after browsing, a logout and return, a login right after a logout, a logout
     * followed by a long pause (the timeout names the session), repeated logins, and custom event names.
     */
    static List<Event> events() {
        List<Event> out = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            long day = round * 24 * 60;
            String v = "login-visitor-" + round;
            out.add(event(v, day, "pageview"));
            out.add(event(v, day + 2, "login"));
            out.add(event(v, day + 3, "pageview"));
            out.add(event(v, day + 10, "logout"));
            out.add(event(v, day + 11, "pageview"));
            out.add(event(v, day + 12, "login"));
            out.add(event(v, day + 13, "logout"));
            out.add(event(v, day + 13 + 31 + round, "pageview"));
            out.add(event(v, day + 60, "login"));
            out.add(event(v, day + 60, "login"));
            out.add(event(v, day + 61, "signin"));
            out.add(event(v, day + 62, "signout"));
            out.add(event(v, day + 63, "purchase"));
        }
        return out;
    }
}

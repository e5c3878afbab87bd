package io.persession.engine;

import io.persession.spi.Session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects the sessions a sessionizer or engine hands on, per visitor, honouring retractions: a retracted
 * session is removed, and retracting one that was never handed on fails the test.
 */
final class SessionCollector implements SessionListener {
    private final Map<String, List<SessionSig>> byVisitor = new TreeMap<>();
    int closed;
    int retracted;

    @Override
    public void sessionClosed(Session session) {
        closed++;
        byVisitor.computeIfAbsent(session.visitorId(), k -> new ArrayList<>()).add(SessionSig.of(session));
    }

    @Override
    public void sessionRetracted(Session session) {
        retracted++;
        SessionSig sig = SessionSig.of(session);
        List<SessionSig> list = byVisitor.get(session.visitorId());
        if (list == null || !list.remove(sig)) {
            throw new AssertionError("retracted a session that was never handed on: " + sig);
        }
        if (list.isEmpty()) {
            byVisitor.remove(session.visitorId());
        }
    }

    /** Sessions by visitor (sorted), each visitor's sorted by start. */
    Map<String, List<SessionSig>> sessions() {
        Map<String, List<SessionSig>> out = new TreeMap<>();
        for (Map.Entry<String, List<SessionSig>> e : byVisitor.entrySet()) {
            List<SessionSig> l = new ArrayList<>(e.getValue());
            l.sort(SessionSig.ORDER);
            out.put(e.getKey(), l);
        }
        return out;
    }

    int count() {
        return byVisitor.values().stream().mapToInt(List::size).sum();
    }

    static SessionCollector of(List<Session> sessions) {
        SessionCollector c = new SessionCollector();
        sessions.forEach(c::sessionClosed);
        return c;
    }
}

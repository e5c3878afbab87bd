package io.persession.engine;

import io.persession.spi.Session;

/** Receives sessions as the {@link Sessionizer} closes them. */
public interface SessionListener {
    /** A finished session. */
    void sessionClosed(Session session);

    /**
     * A session handed on earlier that turned out wrong because an event of its visitor arrived too
     * late: take it back. The visitor's right sessions follow through {@link #sessionClosed}. Only
     * called during the engine's regroup pass.
     */
    void sessionRetracted(Session session);
}

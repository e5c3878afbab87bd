package io.persession.engine.plugins;

/** A test-only plugin type whose two host providers share one id. */
public interface DupPlugin {
    String id();
}

package io.persession.engine.plugins;

/** A test-only plugin type nobody provides. */
public interface EmptyPlugin {
    String id();
}

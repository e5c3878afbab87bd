package io.persession.engine.plugins;

/** A test-only plugin type, registered in src/test/resources/META-INF/services. */
public interface TestPlugin {
    String id();
}

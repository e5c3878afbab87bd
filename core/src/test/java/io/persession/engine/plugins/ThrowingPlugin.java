package io.persession.engine.plugins;

public class ThrowingPlugin implements TestPlugin {
    public ThrowingPlugin() {
        throw new IllegalStateException("boom from constructor");
    }

    @Override
    public String id() {
        return "throwing";
    }
}

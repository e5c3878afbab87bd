package io.persession.engine.plugins;

public class NullIdPlugin implements TestPlugin {
    @Override
    public String id() {
        return null;
    }
}

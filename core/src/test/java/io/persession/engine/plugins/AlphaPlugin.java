package io.persession.engine.plugins;

public class AlphaPlugin implements TestPlugin {
    @Override
    public String id() {
        return "alpha";
    }
}

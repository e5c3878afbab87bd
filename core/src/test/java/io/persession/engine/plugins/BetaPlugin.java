package io.persession.engine.plugins;

public class BetaPlugin implements TestPlugin {
    @Override
    public String id() {
        return "beta";
    }
}

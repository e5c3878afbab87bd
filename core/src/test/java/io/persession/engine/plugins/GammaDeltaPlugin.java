package io.persession.engine.plugins;

public class GammaDeltaPlugin implements TestPlugin {
    @Override
    public String id() {
        return "gamma-delta";
    }
}

package io.persession.engine.plugins;

public class DupTwoPlugin implements DupPlugin {
    @Override
    public String id() {
        return "same";
    }
}

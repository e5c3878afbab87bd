package io.persession.engine.plugins;

public class DupOnePlugin implements DupPlugin {
    @Override
    public String id() {
        return "same";
    }
}

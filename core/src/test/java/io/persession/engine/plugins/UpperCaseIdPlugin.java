package io.persession.engine.plugins;

public class UpperCaseIdPlugin implements TestPlugin {
    @Override
    public String id() {
        return "Upper-Case";
    }
}

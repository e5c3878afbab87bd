package io.persession.engine.plugins;

/** Listed in the services file but does not implement {@link TestPlugin}. */
public class NotAPlugin {
    public String id() {
        return "not-a-plugin";
    }
}

package com.thirdparty;

/** The host's copy of a third-party class that plugin jars of {@code PluginIsolationTest} bundle in other versions. */
public final class Lib {
    private Lib() {
    }

    public static String version() {
        return "host";
    }
}

package io.persession.engine;

/**
 * A plugin could not be found, loaded or created: an unknown id, two plugins with one id, a provider
 * that throws, a bad option. The message is one line naming the plugin (and its jar) and what to do.
 * The CLI reports it with exit code 4 (a bad option the user gave: exit code 2).
 */
public class PluginException extends RuntimeException {
    public PluginException(String message) {
        super(message);
    }

    public PluginException(String message, Throwable cause) {
        super(message, cause);
    }
}

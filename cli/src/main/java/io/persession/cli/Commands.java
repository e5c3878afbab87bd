package io.persession.cli;

import io.persession.spi.BotClassifier;

import java.util.List;

/** Small pieces several commands share. */
final class Commands {
    private Commands() {
    }

    /**
     * Every installed bot classifier, created with its defaults, in the default order (the built-in ones
     * first: visitor-list, user-agent, behaviour; then others by id). Commands with bot flags use
     * {@link BotArgs#create} instead.
     */
    static List<BotClassifier> classifiers(Plugins plugins) {
        return BotArgs.defaults(plugins);
    }
}

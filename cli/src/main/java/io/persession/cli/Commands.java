package io.persession.cli;

import io.persession.engine.PluginRegistry;
import io.persession.spi.BotClassifier;

import java.util.ArrayList;
import java.util.List;

/** Small pieces several commands share. */
final class Commands {
    private Commands() {
    }

    /** Every installed bot classifier, in id order. */
    static List<BotClassifier> classifiers(Plugins plugins) {
        List<BotClassifier> out = new ArrayList<>();
        for (PluginRegistry.Entry<BotClassifier> e : plugins.botClassifiers().entries()) {
            out.add(e.instance());
        }
        return out;
    }
}

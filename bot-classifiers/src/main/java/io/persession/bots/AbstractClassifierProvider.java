package io.persession.bots;

import io.persession.spi.BotClassifier;
import io.persession.spi.BotClassifierProvider;
import io.persession.spi.OptionSpec;
import io.persession.spi.Options;
import io.persession.spi.SpiVersion;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What the built-in providers share: id, description and option specs held once, options resolved with {@link Options#resolve}. */
abstract class AbstractClassifierProvider implements BotClassifierProvider {
    private final String id;
    private final String description;
    private final List<OptionSpec> options;

    AbstractClassifierProvider(String id, String description, OptionSpec... options) {
        this.id = Objects.requireNonNull(id, "id is null");
        this.description = Objects.requireNonNull(description, "description is null");
        this.options = List.of(options);
    }

    @Override
    public final String id() {
        return id;
    }

    /** Built in: compiled with this persession, so always the current SPI version. */
    @Override
    public final String spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final List<OptionSpec> options() {
        return options;
    }

    @Override
    public final BotClassifier create(Map<String, String> options) {
        Objects.requireNonNull(options, "options is null");
        return classifier(Options.resolve(id, this.options, options));
    }

    /** The classifier for the options in force (given or default; options without a default and not given are absent). */
    abstract BotClassifier classifier(Map<String, String> resolved);

    @Override
    public String toString() {
        return id + " " + options;
    }
}

package io.persession.spi;

import java.util.List;
import java.util.Map;

/**
 * Creates a {@link BotClassifier} from options. Found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.persession.spi.BotClassifierProvider}) and selected by {@link #id()},
 * exactly like a {@link SessionDefinitionProvider}.
 *
 * <p>Implementations need a public no-argument constructor that does no work (load heavy resources
 * in {@link #create}, or lazily on first use); they must be thread-safe.
 */
public interface BotClassifierProvider {
    /** The id users select it by: lower-case {@code [a-z0-9-]+}, unique among installed plugins. */
    String id();

    /**
     * The SPI version this plugin was compiled against: implement it as {@code return SpiVersion.CURRENT;}
     * so that the constant is compiled into the plugin (see {@link SpiVersion}). The host refuses a plugin
     * whose version it does not support (another major version, or a newer minor), naming it, its jar and
     * both versions.
     */
    String spiVersion();

    /** One sentence: what it looks at and which reason codes it reports. */
    String description();

    /** The options {@link #create} accepts, in the order to show them. */
    List<OptionSpec> options();

    /**
     * A classifier for these options. The host passes only option names listed in {@link #options()}
     * (it rejects any other name with an error listing the valid ones); options not given are absent
     * from the map, and the provider applies its defaults. The created classifier's
     * {@link BotClassifier#id()} is this provider's id.
     *
     * @throws InvalidOptionException        for a bad value: the message names the option, the value and what is accepted
     * @throws java.io.UncheckedIOException  when a file an option names cannot be read
     */
    BotClassifier create(Map<String, String> options);
}

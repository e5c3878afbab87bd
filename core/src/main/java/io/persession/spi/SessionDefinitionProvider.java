package io.persession.spi;

import java.util.List;
import java.util.Map;

/**
 * Creates a {@link SessionDefinition} from options. Found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.persession.spi.SessionDefinitionProvider}) and selected by
 * {@link #id()}.
 *
 * <p>Implementations need a public no-argument constructor that does no work; they must be
 * thread-safe.
 */
public interface SessionDefinitionProvider {
    /** The id users select it by: lower-case {@code [a-z0-9-]+}, unique among installed plugins. */
    String id();

    /**
     * The SPI version this plugin was compiled against: implement it as {@code return SpiVersion.CURRENT;}
     * so that the constant is compiled into the plugin (see {@link SpiVersion}). The host refuses a plugin
     * whose version it does not support (another major version, or a newer minor), naming it, its jar and
     * both versions.
     */
    String spiVersion();

    /** One sentence: what it does and whose behaviour it follows. */
    String description();

    /** The options {@link #create} accepts, in the order to show them. */
    List<OptionSpec> options();

    /**
     * A definition for these options. The host passes only option names listed in {@link #options()}
     * (it rejects any other name with an error listing the valid ones); options not given are absent
     * from the map, and the provider applies its defaults. The created definition's
     * {@link SessionDefinition#options()} holds every option with the value in force.
     *
     * @throws InvalidOptionException for a bad value: the message names the option, the value and what is accepted
     */
    SessionDefinition create(Map<String, String> options);
}

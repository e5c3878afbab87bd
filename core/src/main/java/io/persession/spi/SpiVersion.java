package io.persession.spi;

/**
 * The version of this SPI, for the handshake between persession (the host) and a plugin.
 *
 * <p>Every provider ({@link SessionDefinitionProvider}, {@link BenchmarkPackProvider},
 * {@link BotClassifierProvider}, {@link EventFormat}) implements {@code spiVersion()} as
 *
 * <pre>{@code
 * @Override
 * public String spiVersion() {
 *     return SpiVersion.CURRENT;
 * }
 * }</pre>
 *
 * {@link #CURRENT} is a compile-time constant, so {@code javac} copies its value into the plugin's own
 * class file: the plugin reports the SPI version it was <em>compiled</em> against, whatever persession
 * runs it later. (A default method in the SPI could only report the host's version.)
 *
 * <p>Versions are {@code MAJOR.MINOR}. The host accepts a plugin compiled against the same major
 * version and an equal or lower minor: a minor release only adds (default methods, new types, new
 * factory methods), so an older plugin still links; a plugin compiled against a newer minor may call
 * what this host lacks, and a new major breaks compatibility. Any other plugin is refused, naming the
 * plugin, its jar and both versions, and the other plugins still load.
 */
public final class SpiVersion {
    /** The version of the SPI in this jar: {@code MAJOR.MINOR}. */
    public static final String CURRENT = "1.0";

    private SpiVersion() {
    }
}

package io.persession.spi;

/**
 * Supplies a {@link BenchmarkPack}. Found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.persession.spi.BenchmarkPackProvider}) and selected by {@link #id()}.
 * Most vendors ship a JSON resource and extend {@code io.persession.benchmarks.ResourceBenchmarkPackProvider}.
 *
 * <p>Needs a public no-argument constructor that does no work: loading happens in {@link #pack()}.
 */
public interface BenchmarkPackProvider {
    /** The pack's id. */
    String id();

    /**
     * The SPI version this plugin was compiled against: implement it as {@code return SpiVersion.CURRENT;}
     * so that the constant is compiled into the plugin (see {@link SpiVersion}). The host refuses a plugin
     * whose version it does not support (another major version, or a newer minor), naming it, its jar and
     * both versions.
     */
    String spiVersion();

    /**
     * Loads the pack. The host calls it once and keeps the result, but it must be idempotent and
     * thread-safe (return the same pack, or an equal one, on every call from any thread), and the pack's
     * {@link BenchmarkPack#id()} must equal {@link #id()}. The host checks the pack against the format's
     * rules ({@code io.persession.engine.BenchmarkPacks#check}); a pack that breaks one is not used.
     *
     * @throws RuntimeException when the pack is invalid: the message names the pack, the field path and the problem
     */
    BenchmarkPack pack();
}

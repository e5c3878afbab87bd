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
     * Loads the pack. Called once; the host keeps the result.
     *
     * @throws RuntimeException when the pack is invalid: the message names the pack, the field path and the problem
     */
    BenchmarkPack pack();
}

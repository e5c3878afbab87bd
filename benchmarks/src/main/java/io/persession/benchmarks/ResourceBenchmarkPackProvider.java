package io.persession.benchmarks;

import io.persession.spi.BenchmarkPack;
import io.persession.spi.BenchmarkPackProvider;

import java.util.Objects;

/**
 * A {@link BenchmarkPackProvider} whose pack is a JSON resource in the provider's own jar, in the pack
 * format of {@link BenchmarkPackLoader}. A vendor's provider is a few lines:
 *
 * <pre>{@code
 * public final class AcmePackProvider extends ResourceBenchmarkPackProvider {
 *     public AcmePackProvider() {
 *         super("acme-retail", "/com/acme/acme-retail.json");
 *     }
 *
 *     @Override
 *     public String spiVersion() {
 *         return SpiVersion.CURRENT;
 *     }
 * }
 * }</pre>
 *
 * listed in {@code META-INF/services/io.persession.spi.BenchmarkPackProvider}. The resource is read
 * through the subclass's class loader ({@link Class#getResource}: an absolute path starts with
 * {@code /}, a relative one is relative to the subclass's package). {@link #pack()} loads and validates
 * it once, on first use, and returns the same pack (or throws the same
 * {@link InvalidBenchmarkPackException}) on every later call. Thread-safe.
 *
 * <p><b>The SPI version.</b> This class leaves {@link #spiVersion()} abstract on purpose: it is compiled
 * into persession, so any value it returned would be the version of the persession that runs the
 * plugin, not of the one the vendor compiled against, and the handshake would always pass. The
 * vendor's subclass implements it as {@code return SpiVersion.CURRENT;}, which {@code javac} inlines
 * into the vendor's own class file (a compile-time constant), as every other plugin does. (A constructor
 * argument would inline the constant as well; a method keeps one idiom for every kind of plugin, and the
 * compiler reminds a vendor who forgets it.)
 */
public abstract class ResourceBenchmarkPackProvider implements BenchmarkPackProvider {
    private final String id;
    private final String resource;
    private final Object lock = new Object();
    private volatile BenchmarkPack pack;
    private RuntimeException failure; // guarded by lock

    /**
     * @param id       the pack's id: the {@code id} in the JSON must be the same
     * @param resource the JSON resource, e.g. {@code /com/acme/acme-retail.json}
     */
    protected ResourceBenchmarkPackProvider(String id, String resource) {
        this.id = Objects.requireNonNull(id, "id is null");
        this.resource = Objects.requireNonNull(resource, "resource is null");
    }

    @Override
    public final String id() {
        return id;
    }

    /**
     * The SPI version the vendor's subclass was compiled against: implement it as
     * {@code return SpiVersion.CURRENT;} (see the class comment for why it is not implemented here).
     */
    @Override
    public abstract String spiVersion();

    /** The JSON resource's path, as given to the constructor. */
    public final String resource() {
        return resource;
    }

    /**
     * The pack, loaded and validated on first call.
     *
     * @throws InvalidBenchmarkPackException when the resource is missing or the pack is invalid (every call)
     */
    @Override
    public final BenchmarkPack pack() {
        BenchmarkPack p = pack;
        if (p != null) {
            return p;
        }
        synchronized (lock) {
            if (pack != null) {
                return pack;
            }
            if (failure != null) {
                throw failure;
            }
            try {
                pack = BenchmarkPackLoader.loadResource(getClass(), resource, id);
                return pack;
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
        }
    }

    @Override
    public String toString() {
        return getClass().getName() + "[" + id + ", " + resource + "]";
    }
}

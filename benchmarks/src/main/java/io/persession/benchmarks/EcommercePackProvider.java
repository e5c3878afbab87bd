package io.persession.benchmarks;

import io.persession.spi.SpiVersion;

/**
 * The built-in {@code ecommerce} pack: revenue per session (visit), conversion rate and average order
 * value from public sources (IRP Commerce UK markets, Salesforce Shopping Index, Dynamic Yield,
 * Littledata, Contentsquare, Oberlo), each figure with its provenance.
 */
public final class EcommercePackProvider extends ResourceBenchmarkPackProvider {
    public EcommercePackProvider() {
        super("ecommerce", "/io/persession/benchmarks/packs/ecommerce.json");
    }

    /** Built in: compiled with this persession. */
    @Override
    public String spiVersion() {
        return SpiVersion.CURRENT;
    }
}

package com.acme.benchmarks;

import io.persession.benchmarks.ResourceBenchmarkPackProvider;
import io.persession.spi.SpiVersion;

/**
 * Acme's benchmark pack {@code acme-retail}: the JSON resource next to this class, checked by
 * persession when first used. This is the whole provider a vendor writes.
 */
// tag::provider[]
public final class AcmePackProvider extends ResourceBenchmarkPackProvider {
    public AcmePackProvider() {
        super("acme-retail", "/com/acme/benchmarks/acme-retail.json");
    }

    /** The SPI version this jar was compiled against: the constant is copied into this class by javac. */
    @Override
    public String spiVersion() {
        return SpiVersion.CURRENT;
    }
}
// end::provider[]

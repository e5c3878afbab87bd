package com.acme.benchmarks;

import io.persession.benchmarks.ResourceBenchmarkPackProvider;

/**
 * Acme's benchmark pack {@code acme-retail}: the JSON resource next to this class, checked by
 * persession when first used. This is the whole provider a vendor writes.
 */
public final class AcmePackProvider extends ResourceBenchmarkPackProvider {
    public AcmePackProvider() {
        super("acme-retail", "/com/acme/benchmarks/acme-retail.json");
    }
}

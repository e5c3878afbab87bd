package io.persession.benchmarks;

import io.persession.spi.BenchmarkPackProvider;
import io.persession.testkit.BenchmarkPackContract;

/** The built-in e-commerce pack passes the contract every pack must pass. */
class EcommercePackContractTest extends BenchmarkPackContract {
    @Override
    protected BenchmarkPackProvider provider() {
        return new EcommercePackProvider();
    }
}

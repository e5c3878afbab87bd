package com.acme.benchmarks;

import io.persession.spi.BenchmarkPackProvider;
import io.persession.testkit.BenchmarkPackContract;

// tag::contract[]
/** A vendor tests their pack by extending the contract: registration, SPI version, id, every entry's rules, thread safety. */
class AcmePackContractTest extends BenchmarkPackContract {
    @Override
    protected BenchmarkPackProvider provider() {
        return new AcmePackProvider();
    }
}
// end::contract[]

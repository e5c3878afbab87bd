package io.persession.benchmarks;

import io.persession.spi.BenchmarkPackProvider;
import io.persession.testkit.BenchmarkPackContract;

/** The built-in publishers pack passes the contract every pack must pass. */
class PublishersPackContractTest extends BenchmarkPackContract {
    @Override
    protected BenchmarkPackProvider provider() {
        return new PublishersPackProvider();
    }
}

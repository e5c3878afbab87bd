package io.persession.benchmarks;

import io.persession.spi.SpiVersion;

/**
 * The built-in {@code publishers} pack: how ad networks define session RPM, page RPM, EPMV and fill
 * rate, the published structural ratios (session versus page RPM, the Q4 to Q1 drop), page RPM
 * ranges that name no data source (flagged U), and the statement that no median session RPM by niche
 * is published.
 */
public final class PublishersPackProvider extends ResourceBenchmarkPackProvider {
    public PublishersPackProvider() {
        super("publishers", "/io/persession/benchmarks/packs/publishers.json");
    }

    /** Built in: compiled with this persession. */
    @Override
    public String spiVersion() {
        return SpiVersion.CURRENT;
    }
}

package io.persession.definitions;

import io.persession.spi.SessionDefinitionProvider;
import io.persession.testkit.SessionDefinitionContract;
import org.junit.jupiter.api.DisplayName;

import java.util.List;
import java.util.Map;

/** The {@code ua} definition meets the plugin contract; its timeout is fixed, so {@code timeout} is an unknown option. */
@DisplayName("contract: ua")
class UniversalAnalyticsDefinitionContractTest extends SessionDefinitionContract {
    @Override
    protected SessionDefinitionProvider provider() {
        return new UniversalAnalyticsDefinitionProvider();
    }

    @Override
    protected Map<String, String> options() {
        return Map.of("zone", "Europe/Paris", "internal-hosts", "www.paypal.com");
    }

    @Override
    protected List<Map<String, String>> invalidOptions() {
        return List.of(
                Map.of("zone", "Europe/Pariss"),
                Map.of("timeout", "30m"),
                Map.of("internal-hosts", "a b"));
    }
}

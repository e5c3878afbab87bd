package io.persession.definitions;

import io.persession.spi.SessionDefinitionProvider;
import io.persession.testkit.SessionDefinitionContract;
import org.junit.jupiter.api.DisplayName;

import java.util.List;
import java.util.Map;

/** The {@code matomo} definition meets the plugin contract, with a site zone that has daylight saving. */
@DisplayName("contract: matomo")
class MatomoDefinitionContractTest extends SessionDefinitionContract {
    @Override
    protected SessionDefinitionProvider provider() {
        return new MatomoDefinitionProvider();
    }

    @Override
    protected Map<String, String> options() {
        return Map.of("zone", "America/New_York");
    }

    @Override
    protected List<Map<String, String>> invalidOptions() {
        return List.of(
                Map.of("zone", "New York"),
                Map.of("timeout", "half an hour"),
                Map.of("internal-hosts", "paypal.com"));
    }
}

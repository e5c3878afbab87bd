package io.persession.definitions;

import io.persession.spi.SessionDefinitionProvider;
import io.persession.testkit.SessionDefinitionContract;
import org.junit.jupiter.api.DisplayName;

import java.util.List;
import java.util.Map;

/** The {@code ga4} definition meets the plugin contract; timeouts outside 5m..7h55m are rejected. */
@DisplayName("contract: ga4")
class Ga4DefinitionContractTest extends SessionDefinitionContract {
    @Override
    protected SessionDefinitionProvider provider() {
        return new Ga4DefinitionProvider();
    }

    @Override
    protected Map<String, String> options() {
        return Map.of("timeout", "1h");
    }

    @Override
    protected List<Map<String, String>> invalidOptions() {
        return List.of(
                Map.of("timeout", "8h"),
                Map.of("timeout", "4m"),
                Map.of("timeout", "abc"),
                Map.of("zone", "UTC"));
    }
}

package io.persession.definitions;

import io.persession.spi.SessionDefinitionProvider;
import io.persession.testkit.SessionDefinitionContract;
import org.junit.jupiter.api.DisplayName;

import java.util.List;
import java.util.Map;

/** The {@code timeout} definition meets the plugin contract, with a non-default timeout given in ISO-8601. */
@DisplayName("contract: timeout")
class TimeoutDefinitionContractTest extends SessionDefinitionContract {
    @Override
    protected SessionDefinitionProvider provider() {
        return new TimeoutDefinitionProvider();
    }

    @Override
    protected Map<String, String> options() {
        return Map.of("timeout", "PT45M");
    }

    @Override
    protected List<Map<String, String>> invalidOptions() {
        return List.of(
                Map.of("timeout", "soon"),
                Map.of("timeout", "-5m"),
                Map.of("timeout", "0s"),
                Map.of("zone", "UTC"));
    }
}

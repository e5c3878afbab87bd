package io.persession.definitions;

import io.persession.spi.SessionDefinitionProvider;
import io.persession.testkit.SessionDefinitionContract;
import org.junit.jupiter.api.DisplayName;

import java.util.List;
import java.util.Map;

/** The {@code adobe} definition meets the plugin contract, with a hit limit low enough to fire on the contract traffic. */
@DisplayName("contract: adobe")
class AdobeDefinitionContractTest extends SessionDefinitionContract {
    @Override
    protected SessionDefinitionProvider provider() {
        return new AdobeDefinitionProvider();
    }

    @Override
    protected Map<String, String> options() {
        return Map.of("max-events", "40");
    }

    @Override
    protected List<Map<String, String>> invalidOptions() {
        return List.of(
                Map.of("max-events", "0"),
                Map.of("max-events", "many"),
                Map.of("max-duration", "forever"),
                Map.of("timeout", "0m"));
    }
}

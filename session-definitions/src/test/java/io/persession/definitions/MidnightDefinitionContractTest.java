package io.persession.definitions;

import io.persession.spi.SessionDefinitionProvider;
import io.persession.testkit.SessionDefinitionContract;
import org.junit.jupiter.api.DisplayName;

import java.util.List;
import java.util.Map;

/** The {@code midnight} definition meets the plugin contract, in a zone other than UTC. */
@DisplayName("contract: midnight")
class MidnightDefinitionContractTest extends SessionDefinitionContract {
    @Override
    protected SessionDefinitionProvider provider() {
        return new MidnightDefinitionProvider();
    }

    @Override
    protected Map<String, String> options() {
        return Map.of("zone", "America/Los_Angeles");
    }

    @Override
    protected List<Map<String, String>> invalidOptions() {
        return List.of(
                Map.of("zone", "Mars/Olympus"),
                Map.of("timeout", "x"),
                Map.of("internal-hosts", "paypal.com"));
    }
}

package io.persession.definitions;

import io.persession.spi.SessionDefinitionProvider;
import io.persession.testkit.SessionDefinitionContract;
import org.junit.jupiter.api.DisplayName;

import java.util.List;
import java.util.Map;

/** The {@code posthog} definition meets the plugin contract. */
@DisplayName("contract: posthog")
class PostHogDefinitionContractTest extends SessionDefinitionContract {
    @Override
    protected SessionDefinitionProvider provider() {
        return new PostHogDefinitionProvider();
    }

    @Override
    protected Map<String, String> options() {
        return Map.of("max-duration", "1d");
    }

    @Override
    protected List<Map<String, String>> invalidOptions() {
        return List.of(
                Map.of("max-duration", "0s"),
                Map.of("timeout", "thirty"),
                Map.of("max-events", "10"));
    }
}

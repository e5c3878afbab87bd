package io.persession.definitions;

import io.persession.spi.SessionDefinitionProvider;
import io.persession.testkit.SessionDefinitionContract;
import org.junit.jupiter.api.DisplayName;

import java.util.List;
import java.util.Map;

/** The {@code campaign} definition meets the plugin contract. */
@DisplayName("contract: campaign")
class CampaignDefinitionContractTest extends SessionDefinitionContract {
    @Override
    protected SessionDefinitionProvider provider() {
        return new CampaignDefinitionProvider();
    }

    @Override
    protected List<Map<String, String>> invalidOptions() {
        return List.of(
                Map.of("timeout", "30 minutes"),
                Map.of("zone", "UTC"));
    }
}

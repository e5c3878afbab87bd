package io.persession.definitions;

import io.persession.spi.SessionDefinitionProvider;
import io.persession.testkit.SessionDefinitionContract;
import org.junit.jupiter.api.DisplayName;

import java.util.List;
import java.util.Map;

/** The {@code referral} definition meets the plugin contract, with internal hosts given as a host and as a URL. */
@DisplayName("contract: referral")
class ReferralDefinitionContractTest extends SessionDefinitionContract {
    @Override
    protected SessionDefinitionProvider provider() {
        return new ReferralDefinitionProvider();
    }

    @Override
    protected Map<String, String> options() {
        return Map.of("internal-hosts", "paypal.com, https://checkout.stripe.com/pay");
    }

    @Override
    protected List<Map<String, String>> invalidOptions() {
        return List.of(
                Map.of("internal-hosts", "not a host!"),
                Map.of("timeout", "1x"),
                Map.of("zone", "UTC"));
    }
}

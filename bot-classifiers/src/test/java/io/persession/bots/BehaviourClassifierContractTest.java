package io.persession.bots;

import io.persession.spi.BotClassifierProvider;
import io.persession.spi.Event;
import io.persession.testkit.BotClassifierContract;
import org.junit.jupiter.api.DisplayName;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@DisplayName("contract: behaviour")
class BehaviourClassifierContractTest extends BotClassifierContract {
    @Override
    protected BotClassifierProvider provider() {
        return new BehaviourClassifierProvider();
    }

    @Override
    protected List<Map<String, String>> invalidOptions() {
        return List.of(Map.of("max-events", "0"), Map.of("max-events", "many"), Map.of("window", "0s"), Map.of("window", "soon"));
    }

    @Override
    protected List<Event> events() {
        List<Event> out = new ArrayList<>(super.events());
        out.addAll(BotTraffic.crawlersAndBursts());
        return out;
    }
}

package io.persession.definitions;

import io.persession.spi.Event;
import io.persession.spi.SessionDefinitionProvider;
import io.persession.testkit.SessionDefinitionContract;
import org.junit.jupiter.api.DisplayName;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The {@code by-id} definition meets the plugin contract. The contract traffic gets a tracker's session
 * id the way trackers set one (a new id after 30 minutes of inactivity, and now and then at random, as a
 * tracker does on a campaign change), with some events without a value (at session starts too).
 */
@DisplayName("contract: by-id")
class ByIdDefinitionContractTest extends SessionDefinitionContract {
    static final String COLUMN = "session_id";

    @Override
    protected SessionDefinitionProvider provider() {
        return new ByIdDefinitionProvider();
    }

    @Override
    protected Map<String, String> options() {
        return Map.of("column", COLUMN);
    }

    @Override
    protected List<Map<String, String>> invalidOptions() {
        return List.of(Map.of("column", "  "), Map.of("column", COLUMN, "timeout", "30m"));
    }

    @Override
    protected List<Event> events() {
        return withSessionIds(super.events(), COLUMN, 7);
    }

    /** Each visitor's events (in time order) get an id that changes after 30 minutes idle or at random; about 8% get none. */
    static List<Event> withSessionIds(List<Event> events, String column, long seed) {
        Map<String, List<Integer>> byVisitor = new LinkedHashMap<>();
        for (int i = 0; i < events.size(); i++) {
            byVisitor.computeIfAbsent(events.get(i).visitorId(), k -> new ArrayList<>()).add(i);
        }
        List<Event> out = new ArrayList<>(events);
        SplittableRandom r = new SplittableRandom(seed);
        Map<String, Integer> counters = new HashMap<>();
        for (Map.Entry<String, List<Integer>> v : byVisitor.entrySet()) {
            List<Integer> idx = new ArrayList<>(v.getValue());
            idx.sort(Comparator.comparingLong((Integer i) -> events.get(i).timestampMillis()).thenComparingInt(i -> i));
            long last = Long.MIN_VALUE;
            String id = null;
            for (int i : idx) {
                Event e = events.get(i);
                if (id == null || e.timestampMillis() - last > 30 * 60_000L || r.nextDouble() < 0.03) {
                    id = v.getKey() + "#" + counters.merge(v.getKey(), 1, Integer::sum);
                }
                last = e.timestampMillis();
                out.set(i, r.nextDouble() < 0.08 ? e : e.toBuilder().attribute(column, id).build());
            }
        }
        return out;
    }
}

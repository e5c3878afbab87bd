package io.persession.engine;

import io.persession.spi.SessionDefinition;
import io.persession.spi.Totals;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/** The outcome of one session definition over the input: totals, metrics, session starts by reason, bots. */
public final class DefinitionResult {
    private final SessionDefinition definition;
    private final Totals totals;
    private final Map<String, Optional<BigDecimal>> metrics;
    private final Map<String, Long> sessionStarts;
    private final Map<String, Aggregator.BotExclusion> botSessions;
    private final boolean botsIncluded;

    DefinitionResult(SessionDefinition definition, Aggregator aggregator, String currency) {
        this.definition = definition;
        this.totals = aggregator.totals(currency);
        this.metrics = StandardMetrics.computeAll(totals);
        this.sessionStarts = aggregator.sessionStarts();
        this.botSessions = aggregator.botSessions();
        this.botsIncluded = aggregator.includesBots();
    }

    public SessionDefinition definition() {
        return definition;
    }

    public Totals totals() {
        return totals;
    }

    /** Metric values by id ({@link StandardMetrics#ALL} order); empty when undefined. */
    public Map<String, Optional<BigDecimal>> metrics() {
        return metrics;
    }

    /** Counted sessions by start reason ({@code first}, {@code timeout}, ...). */
    public Map<String, Long> sessionStarts() {
        return sessionStarts;
    }

    /** Bot sessions by {@code classifier:reason}. */
    public Map<String, Aggregator.BotExclusion> botSessions() {
        return botSessions;
    }

    /** Sessions excluded as bot traffic (0 when bots are included). */
    public long botSessionsExcluded() {
        return botsIncluded ? 0 : botSessions.values().stream().mapToLong(Aggregator.BotExclusion::sessions).sum();
    }

    public boolean botsIncluded() {
        return botsIncluded;
    }
}

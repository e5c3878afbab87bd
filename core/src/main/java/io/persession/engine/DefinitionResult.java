package io.persession.engine;

import io.persession.spi.BotClassifier;
import io.persession.spi.SessionDefinition;
import io.persession.spi.Totals;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
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
    private final Map<String, Long> missingValues;
    private final List<BotClassifier> botClassifiers;
    private final Map<String, Long> botFlags;
    private final Map<java.time.LocalDate, Aggregator.Day> byDay;
    private final java.time.ZoneId dayZone;
    private final Aggregator.Sums sums;

    DefinitionResult(SessionDefinition definition, Aggregator aggregator, String currency) {
        this(definition, aggregator, currency, Map.of());
    }

    DefinitionResult(SessionDefinition definition, Aggregator aggregator, String currency, Map<String, Long> missingValues) {
        this.definition = definition;
        this.totals = aggregator.totals(currency);
        this.metrics = StandardMetrics.computeAll(totals);
        this.sessionStarts = aggregator.sessionStarts();
        this.botSessions = aggregator.botSessions();
        this.botsIncluded = aggregator.includesBots();
        this.missingValues = Collections.unmodifiableMap(new LinkedHashMap<>(missingValues));
        this.botClassifiers = aggregator.classifiers();
        this.botFlags = aggregator.botFlags();
        this.byDay = Collections.unmodifiableMap(aggregator.byDay());
        this.dayZone = aggregator.dayZone();
        this.sums = aggregator.sums();
    }

    /** The additive state behind this result, for {@link PartialResult}. */
    Aggregator.Sums sums() {
        return sums;
    }

    /**
     * Counted sessions and their net revenue by the local date of the session start in {@link #dayZone()},
     * in date order (days without sessions left out).
     */
    public Map<java.time.LocalDate, Aggregator.Day> byDay() {
        return byDay;
    }

    /** The zone of {@link #byDay()}: the definition's {@code zone} option when it has one, else the engine's day zone. */
    public java.time.ZoneId dayZone() {
        return dayZone;
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

    /** Events flagged as bot traffic, excluded from the totals (0 when bots are included). */
    public long botEventsExcluded() {
        return botsIncluded ? 0 : botSessions.values().stream().mapToLong(Aggregator.BotExclusion::events).sum();
    }

    /** Net revenue of the sessions flagged as bot traffic, excluded from the totals (0 when bots are included). */
    public long botRevenueExcludedMicros() {
        return botsIncluded ? 0 : botSessions.values().stream().mapToLong(Aggregator.BotExclusion::revenueMicros).reduce(0L, Math::addExact);
    }

    /** Sessions flagged as bot traffic, whether excluded or (with bots included) counted. */
    public long botSessionsFlagged() {
        return botSessions.values().stream().mapToLong(Aggregator.BotExclusion::sessions).sum();
    }

    public boolean botsIncluded() {
        return botsIncluded;
    }

    /**
     * Sessions each {@code classifier:reason} flags, counting a session once for every classifier that
     * flags it (the overlap), whereas {@link #botSessions()} names each bot session by the first.
     */
    public Map<String, Long> botFlags() {
        return botFlags;
    }

    /** The bot classifiers that were asked, in order (the first that flags a session names its reason). */
    public List<BotClassifier> botClassifiers() {
        return botClassifiers;
    }

    /**
     * For each {@link SessionDefinition#inputColumns() input column} the definition reads, the accepted
     * events (bot traffic included) without a value; empty for definitions that read none.
     */
    public Map<String, Long> missingValues() {
        return missingValues;
    }
}

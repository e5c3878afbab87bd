package io.persession.engine;

import io.persession.spi.BotClassifier;
import io.persession.spi.Event;
import io.persession.spi.EventType;
import io.persession.spi.Session;
import io.persession.spi.SessionDefinition;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs one read of the input through one or more session definitions: de-duplication, one
 * {@link Sessionizer} per definition, bot exclusion and aggregation, and the regroup pass for rows
 * that arrived too late (see {@link Sessionizer}). Results never depend on input order.
 */
public final class Engine {
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    /** How far out of time order rows may be before a visitor needs a second read. */
    public static final Duration DEFAULT_LATENESS = Duration.ofMinutes(10);

    private final Duration lateness;
    private final List<BotClassifier> classifiers;
    private final boolean includeBots;
    private final ZoneId dayZone;
    private long dedupHorizonMillis = Deduplicator.DEFAULT_HORIZON_MILLIS;
    private int dedupCapacity = Deduplicator.DEFAULT_CAPACITY;

    public Engine(Duration lateness, List<BotClassifier> classifiers, boolean includeBots) {
        this(lateness, classifiers, includeBots, ZoneOffset.UTC);
    }

    /**
     * An engine whose results count sessions and revenue by day ({@link DefinitionResult#byDay()}) in the
     * definition's {@code zone} option when it has a valid one, else in {@code dayZone}.
     */
    public Engine(Duration lateness, List<BotClassifier> classifiers, boolean includeBots, ZoneId dayZone) {
        this.lateness = Objects.requireNonNull(lateness, "lateness is null");
        this.classifiers = List.copyOf(classifiers);
        this.includeBots = includeBots;
        this.dayZone = Objects.requireNonNull(dayZone, "dayZone is null");
    }

    /** The zone of a definition's days: its {@code zone} option when valid, else the engine's day zone. */
    ZoneId dayZone(SessionDefinition d) {
        String zone = d.options().get("zone");
        if (zone != null) {
            try {
                return ZoneId.of(zone.trim());
            } catch (DateTimeException e) {
                // not a zone id: fall back
            }
        }
        return dayZone;
    }

    /** A new, empty aggregator for {@code d}'s sessions, with this engine's bot handling and days. */
    Aggregator aggregator(SessionDefinition d) {
        return Aggregator.ofSessionizer(classifiers, includeBots, dayZone(d));
    }

    /**
     * This engine with another exact de-duplication window ({@link Deduplicator}): how much event time,
     * and at most how many ids. For tests: any window gives the same results, a small one more reads.
     */
    Engine dedupWindow(long horizonMillis, int capacity) {
        Engine e = new Engine(lateness, classifiers, includeBots, dayZone);
        e.dedupHorizonMillis = horizonMillis;
        e.dedupCapacity = capacity;
        return e;
    }

    /** An engine with the default lateness, no bot classifiers. */
    public Engine() {
        this(DEFAULT_LATENESS, List.of(), false);
    }

    /** {@link #run(EventInput, List, Function)} with no extra listener. */
    public Result run(EventInput input, List<SessionDefinition> definitions) {
        return run(input, definitions, d -> null);
    }

    /**
     * Reads {@code input} once (twice when some rows are too late) and sessionizes it under every
     * definition.
     *
     * @param extraListener per definition, a listener that also receives its sessions (and, in the
     *                      regroup pass, takes some back), or {@code null}
     * @throws AnalysisException when the input mixes currencies
     * @throws UncheckedIOException when the input cannot be read
     */
    public Result run(EventInput input, List<SessionDefinition> definitions, Function<SessionDefinition, SessionListener> extraListener) {
        if (definitions.isEmpty()) {
            throw new IllegalArgumentException("no session definition given");
        }
        Map<SessionDefinition, Aggregator> aggregators = new LinkedHashMap<>();
        Map<SessionDefinition, SessionListener> listeners = new LinkedHashMap<>();
        List<Sessionizer> sessionizers = new ArrayList<>();
        for (SessionDefinition d : definitions) {
            Aggregator a = aggregator(d);
            aggregators.put(d, a);
            SessionListener listener = both(a, extraListener.apply(d));
            listeners.put(d, listener);
            sessionizers.add(new Sessionizer(d, lateness, listener, ForgottenVisitors.defaultBudgetBytes(definitions.size())));
        }

        try (Deduplicator dedup = new Deduplicator(dedupHorizonMillis, dedupCapacity)) {
            CurrencyCheck currency = new CurrencyCheck();
            MissingValues missing = new MissingValues(definitions);
            long[] accepted = {0};
            // the event ids' fingerprints and the window on the engine's thread, which had time to spare (the reading
            // thread was the busier one)
            read(input, true, (e, position) -> true, (e, position) -> {
                if (dedup.isDuplicate(e, position)) {
                    return;
                }
                accepted[0]++;
                currency.check(e);
                missing.count(e, 1);
                for (Sessionizer s : sessionizers) {
                    s.accept(e, position);
                }
            });
            for (Sessionizer s : sessionizers) {
                s.finish();
            }

            Set<String> late = new HashSet<>();
            for (Sessionizer s : sessionizers) {
                late.addAll(s.lateVisitors());
            }
            Set<String> changed = new HashSet<>();
            Deduplicator.Reconciliation fix = dedup.reconcile();
            if (!fix.isEmpty()) {
                accepted[0] += locate(input, fix, missing, changed);
            }
            Set<String> regrouped = new HashSet<>(late);
            regrouped.addAll(changed);
            if (!regrouped.isEmpty()) {
                regroup(input, sessionizers, listeners, dedup, late, changed, regrouped);
            }

            InputReport report = new InputReport(input.names(), input.rowsRead(), accepted[0], input.rowsRejected(),
                    dedup.duplicateEvents(), dedup.duplicateOrders(), regrouped.size());
            List<DefinitionResult> results = new ArrayList<>();
            for (Map.Entry<SessionDefinition, Aggregator> e : aggregators.entrySet()) {
                results.add(new DefinitionResult(e.getKey(), e.getValue(), currency.currency, missing.of(e.getKey())));
            }
            return new Result(report, results);
        } finally {
            closeAll(sessionizers); // their files, when the run ends early
        }
    }

    private static void closeAll(List<Sessionizer> sessionizers) {
        for (Sessionizer s : sessionizers) {
            s.close();
        }
    }

    /**
     * A read for the rows whose duplicate decision the reconciliation changed: their visitors go to
     * {@code changed} and their missing values are re-counted. Returns the change in accepted events.
     */
    private static long locate(EventInput input, Deduplicator.Reconciliation fix, MissingValues missing, Set<String> changed) {
        LOG.info("{} row(s) repeat an event id first read more than the de-duplication window earlier; reading the input"
                + " again to regroup their visitors", fix.missed());
        long[] delta = {0};
        read(input, false, (e, position) -> {
            if (fix.changes(position)) {
                changed.add(e.visitorId());
                int sign = fix.kept(position) ? 1 : -1;
                delta[0] += sign;
                missing.count(e, sign);
            }
            return false;
        }, (e, position) -> { });
        return delta[0];
    }

    /**
     * The second read, for visitors with late rows and visitors whose duplicate decisions the
     * reconciliation changed: take back what the first read handed on for them (by repeating its work for
     * those visitors, with its decisions), then cut their complete events anew, with the final decisions.
     */
    private void regroup(EventInput input, List<Sessionizer> sessionizers, Map<SessionDefinition, SessionListener> listeners,
                         Deduplicator dedup, Set<String> late, Set<String> changed, Set<String> all) {
        if (!late.isEmpty()) {
            LOG.info("{} visitor(s) had rows more than {} out of time order; reading the input again to regroup them",
                    late.size(), lateness);
        }
        List<Sessionizer> replays = new ArrayList<>();
        List<Set<String>> regrouped = new ArrayList<>();
        for (Sessionizer s : sessionizers) {
            Set<String> visitors = new LinkedHashSet<>(s.lateVisitors()); // in the sessionizer's order, then the others
            visitors.addAll(changed);
            regrouped.add(visitors);
            SessionListener target = listeners.get(s.definition());
            replays.add(Sessionizer.replayFor(s.definition(), lateness, visitors, retracting(target),
                    ForgottenVisitors.defaultBudgetBytes(sessionizers.size())));
        }
        Map<String, List<Event>> events = new HashMap<>();
        try {
            read(input, false, (e, position) -> true, (e, position) -> {
                if (dedup.keptInFirstRead(position)) {
                    for (Sessionizer r : replays) {
                        r.accept(e, position);
                    }
                }
                if (dedup.kept(position) && all.contains(e.visitorId())) {
                    events.computeIfAbsent(e.visitorId(), k -> new ArrayList<>()).add(e);
                }
            });
            for (Sessionizer r : replays) {
                r.finish();
            }
        } finally {
            closeAll(replays);
        }
        for (int i = 0; i < sessionizers.size(); i++) {
            Sessionizer s = sessionizers.get(i);
            List<Event> mine = new ArrayList<>();
            for (String visitor : regrouped.get(i)) {
                mine.addAll(events.getOrDefault(visitor, List.of()));
            }
            Sessionizer.sessionize(s.definition(), mine, listeners.get(s.definition()));
        }
    }

    private static void read(EventInput input, boolean firstPass, ReadAhead.Stage stage, ReadAhead.Sink sink) {
        try {
            ReadAhead.read(input, firstPass, stage, sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SessionListener both(SessionListener a, SessionListener b) {
        if (b == null) {
            return a;
        }
        return new SessionListener() {
            @Override
            public void sessionClosed(Session session) {
                a.sessionClosed(session);
                b.sessionClosed(session);
            }

            @Override
            public void sessionRetracted(Session session) {
                a.sessionRetracted(session);
                b.sessionRetracted(session);
            }
        };
    }

    private static SessionListener retracting(SessionListener target) {
        return new SessionListener() {
            @Override
            public void sessionClosed(Session session) {
                target.sessionRetracted(session);
            }

            @Override
            public void sessionRetracted(Session session) {
                throw new IllegalStateException("a replay never retracts");
            }
        };
    }

    /** Money is never summed across currencies: the first currency on a money event sets it. */
    private static final class CurrencyCheck {
        private String currency;
        private long firstSeen;
        private long count;

        void check(Event e) {
            count++;
            if (e.currency() == null || !carriesMoney(e.type())) {
                return;
            }
            if (currency == null) {
                currency = e.currency();
                firstSeen = count;
            } else if (!currency.equals(e.currency())) {
                throw new AnalysisException("the input mixes currencies " + currency + " (first at accepted event " + firstSeen
                        + ") and " + e.currency() + " (accepted event " + count + ", visitor '" + e.visitorId()
                        + "'); persession never sums across currencies: choose one with --currency " + currency
                        + " and give rates for the others with --fx " + e.currency() + "=RATE");
            }
        }

        private static boolean carriesMoney(EventType t) {
            return t == EventType.PURCHASE || t == EventType.REFUND || t == EventType.AD_IMPRESSION || t == EventType.AD_REQUEST;
        }
    }

    /**
     * Per definition, per {@link SessionDefinition#inputColumns() input column} it reads, the accepted
     * events without a value (bot traffic included: this is about the input).
     */
    private static final class MissingValues {
        private final Map<String, long[]> byColumn = new LinkedHashMap<>();
        private final String[] columns;
        private final long[][] counts;

        MissingValues(List<SessionDefinition> definitions) {
            for (SessionDefinition d : definitions) {
                for (String c : d.inputColumns()) {
                    byColumn.computeIfAbsent(c, k -> new long[1]);
                }
            }
            columns = byColumn.keySet().toArray(new String[0]);
            counts = byColumn.values().toArray(new long[0][]);
        }

        void count(Event e, int sign) {
            for (int i = 0; i < columns.length; i++) {
                if (e.attribute(columns[i]) == null) {
                    counts[i][0] += sign;
                }
            }
        }

        Map<String, Long> of(SessionDefinition d) {
            Map<String, Long> out = new LinkedHashMap<>();
            for (String c : d.inputColumns()) {
                out.put(c, byColumn.get(c)[0]);
            }
            return out;
        }
    }

    /** What a run found: the input report and one result per definition, in the order given. */
    public static final class Result {
        private final InputReport input;
        private final List<DefinitionResult> definitions;

        Result(InputReport input, List<DefinitionResult> definitions) {
            this.input = input;
            this.definitions = List.copyOf(definitions);
        }

        public InputReport input() {
            return input;
        }

        public List<DefinitionResult> definitions() {
            return definitions;
        }

        /** The only (or first) definition's result. */
        public DefinitionResult first() {
            return definitions.get(0);
        }
    }
}

package io.persession.engine;

import io.persession.spi.SessionDefinition;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;

/**
 * The additive outcome of an {@link Engine} run over a share of the input: what a distributed job's task returns
 * for its partition, to be {@linkplain #merge merged} with the others and turned into the one
 * {@linkplain #toResult result} on the driver. Plain values only (no definition, classifier or listener objects),
 * so it is {@link Serializable}.
 *
 * <p>Two conditions make merged parts equal to one run over the whole input, and the caller must ensure both:
 * the parts' visitors are disjoint (partition by visitor: visitor counts are added, not matched), and duplicate
 * event and order ids were removed across the whole input before the parts were run (a part's own de-duplication
 * sees only its share).
 */
public final class PartialResult implements Serializable {
    private static final long serialVersionUID = 1L;

    private final ArrayList<String> definitions;
    private final long accepted;
    private final long duplicateEvents;
    private final long duplicateOrders;
    private final long regroupedVisitors;
    private final String currency;
    private final ArrayList<Aggregator.Sums> sums;
    private final ArrayList<LinkedHashMap<String, Long>> missingValues;

    private PartialResult(List<String> definitions, long accepted, long duplicateEvents, long duplicateOrders, long regroupedVisitors,
                          String currency, ArrayList<Aggregator.Sums> sums, ArrayList<LinkedHashMap<String, Long>> missingValues) {
        // plain mutable collections only: a distributed job may serialize parts with Kryo, which cannot rebuild List.of()
        this.definitions = new ArrayList<>(definitions);
        this.accepted = accepted;
        this.duplicateEvents = duplicateEvents;
        this.duplicateOrders = duplicateOrders;
        this.regroupedVisitors = regroupedVisitors;
        this.currency = currency;
        this.sums = sums;
        this.missingValues = missingValues;
    }

    /** The part of one run (over one partition's events). */
    public static PartialResult of(Engine.Result result) {
        List<String> keys = new ArrayList<>();
        ArrayList<Aggregator.Sums> sums = new ArrayList<>();
        ArrayList<LinkedHashMap<String, Long>> missing = new ArrayList<>();
        String currency = null;
        for (DefinitionResult r : result.definitions()) {
            keys.add(key(r.definition()));
            sums.add(r.sums());
            missing.add(new LinkedHashMap<>(r.missingValues()));
            currency = r.totals().currency();
        }
        InputReport in = result.input();
        return new PartialResult(keys, in.accepted(), in.duplicateEvents(), in.duplicateOrders(), in.regroupedVisitors(), currency,
                sums, missing);
    }

    /**
     * This part and {@code other}, summed.
     *
     * @throws AnalysisException when the two parts hold money in different currencies
     * @throws IllegalArgumentException when they were run under different definitions
     */
    public PartialResult merge(PartialResult other) {
        if (!definitions.equals(other.definitions)) {
            throw new IllegalArgumentException("cannot merge results of " + other.definitions + " into results of " + definitions);
        }
        if (currency != null && other.currency != null && !currency.equals(other.currency)) {
            throw new AnalysisException("the input mixes currencies " + currency + " and " + other.currency
                    + "; persession never sums across currencies: choose one with --currency " + currency
                    + " and give rates for the others with --fx " + other.currency + "=RATE");
        }
        ArrayList<Aggregator.Sums> merged = new ArrayList<>();
        ArrayList<LinkedHashMap<String, Long>> missing = new ArrayList<>();
        for (int i = 0; i < definitions.size(); i++) {
            Aggregator a = new Aggregator(List.of(), false);
            a.add(sums.get(i));
            a.add(other.sums.get(i));
            merged.add(a.sums());
            LinkedHashMap<String, Long> m = new LinkedHashMap<>(missingValues.get(i));
            other.missingValues.get(i).forEach((column, n) -> m.merge(column, n, Math::addExact));
            missing.add(m);
        }
        return new PartialResult(definitions, Math.addExact(accepted, other.accepted),
                Math.addExact(duplicateEvents, other.duplicateEvents), Math.addExact(duplicateOrders, other.duplicateOrders),
                Math.addExact(regroupedVisitors, other.regroupedVisitors), currency != null ? currency : other.currency, merged, missing);
    }

    /** Accepted events (after de-duplication) over the merged parts. */
    public long accepted() {
        return accepted;
    }

    /**
     * The result of the merged parts, as {@code engine} would report one run over the whole input.
     *
     * @param definitions the definitions the parts were run under, in the same order (re-created on the driver from
     *                    their ids and options)
     * @param names the input's names
     * @param rows rows read in the whole input
     * @param rejected rows rejected while reading
     * @param duplicateEvents rows removed as duplicate event ids before the parts were run
     * @param duplicateOrders rows removed as duplicate purchase order ids before the parts were run
     * @throws IllegalStateException when rows != accepted + rejected + duplicates
     */
    public Engine.Result toResult(Engine engine, List<SessionDefinition> definitions, List<String> names, long rows, long rejected,
                                  long duplicateEvents, long duplicateOrders) {
        List<String> keys = new ArrayList<>();
        definitions.forEach(d -> keys.add(key(d)));
        if (!keys.equals(this.definitions)) {
            throw new IllegalArgumentException("the parts were run under " + this.definitions + ", not " + keys);
        }
        InputReport report = new InputReport(names, rows, accepted, rejected, Math.addExact(duplicateEvents, this.duplicateEvents),
                Math.addExact(duplicateOrders, this.duplicateOrders), regroupedVisitors);
        List<DefinitionResult> results = new ArrayList<>();
        for (int i = 0; i < definitions.size(); i++) {
            SessionDefinition d = definitions.get(i);
            Aggregator a = engine.aggregator(d);
            a.add(sums.get(i));
            results.add(new DefinitionResult(d, a, currency, missingValues.get(i)));
        }
        return new Engine.Result(report, results);
    }

    private static String key(SessionDefinition d) {
        return d.id() + d.options();
    }

    @Override
    public String toString() {
        return "PartialResult" + definitions + " accepted=" + accepted + " currency=" + Objects.toString(currency, "-");
    }
}

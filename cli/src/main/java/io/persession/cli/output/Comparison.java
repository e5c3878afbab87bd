package io.persession.cli.output;

import io.persession.engine.DefinitionResult;
import io.persession.engine.InputReport;
import io.persession.engine.StandardMetrics;
import io.persession.spi.Metric;
import io.persession.spi.SessionDefinition;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code persession compare}: several definitions' results over one read of the input, side by side,
 * each with its difference to the first (the base): absolute, and in percent of the base.
 *
 * <p>The figures compared, in order: sessions, revenue per session, session RPM, page RPM, pages per
 * session, conversion rate, and revenue (which differs only where bot sessions differ). A difference is
 * undefined (empty) when either value is; a percentage also when the base is zero.
 */
public final class Comparison {
    /** One compared figure: its id (the JSON key), label, and unit ({@code null} unit: a count). */
    public static final class Figure {
        final String id;
        final String label;
        final Metric.Unit unit;

        Figure(String id, String label, Metric.Unit unit) {
            this.id = id;
            this.label = label;
            this.unit = unit;
        }

        public String id() {
            return id;
        }

        public String label() {
            return label;
        }
    }

    /** The figures, in the order shown. */
    public static final List<Figure> FIGURES = List.of(
            new Figure("sessions", "Sessions", null),
            new Figure(StandardMetrics.REVENUE_PER_SESSION.id(), StandardMetrics.REVENUE_PER_SESSION.label(), Metric.Unit.MONEY),
            new Figure(StandardMetrics.SESSION_RPM.id(), StandardMetrics.SESSION_RPM.label(), Metric.Unit.MONEY),
            new Figure(StandardMetrics.PAGE_RPM.id(), StandardMetrics.PAGE_RPM.label(), Metric.Unit.MONEY),
            new Figure(StandardMetrics.PAGES_PER_SESSION.id(), StandardMetrics.PAGES_PER_SESSION.label(), Metric.Unit.NUMBER),
            new Figure(StandardMetrics.CONVERSION_RATE.id(), StandardMetrics.CONVERSION_RATE.label(), Metric.Unit.RATIO),
            new Figure("revenue", "Revenue", Metric.Unit.MONEY));

    private final InputReport input;
    private final List<DefinitionResult> results;
    private final java.nio.file.Path rejectsFile;

    public Comparison(InputReport input, List<DefinitionResult> results, java.nio.file.Path rejectsFile) {
        if (results.isEmpty()) {
            throw new IllegalArgumentException("nothing to compare");
        }
        this.input = input;
        this.results = List.copyOf(results);
        this.rejectsFile = rejectsFile;
    }

    public InputReport input() {
        return input;
    }

    public List<DefinitionResult> results() {
        return results;
    }

    public java.nio.file.Path rejectsFile() {
        return rejectsFile;
    }

    /** The first definition's result: what the others are compared with. */
    public DefinitionResult base() {
        return results.get(0);
    }

    public SessionDefinition baseDefinition() {
        return base().definition();
    }

    /** The value of {@code figure} under {@code r}; empty when undefined. */
    public static Optional<BigDecimal> value(DefinitionResult r, Figure figure) {
        switch (figure.id) {
            case "sessions":
                return Optional.of(BigDecimal.valueOf(r.totals().sessions()));
            case "revenue":
                return Optional.of(BigDecimal.valueOf(r.totals().revenueMicros(), io.persession.engine.Money.SCALE));
            default:
                return r.metrics().get(figure.id);
        }
    }

    /** {@code r}'s value minus the base's; empty when either is undefined. */
    public Optional<BigDecimal> difference(DefinitionResult r, Figure figure) {
        Optional<BigDecimal> v = value(r, figure);
        Optional<BigDecimal> b = value(base(), figure);
        if (v.isEmpty() || b.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(v.get().subtract(b.get()));
    }

    /** The difference in percent of the base's value (six decimal places); empty when undefined or the base is zero. */
    public Optional<BigDecimal> percent(DefinitionResult r, Figure figure) {
        Optional<BigDecimal> d = difference(r, figure);
        Optional<BigDecimal> b = value(base(), figure);
        if (d.isEmpty() || b.get().signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(d.get().multiply(BigDecimal.valueOf(100)).divide(b.get(), 6, RoundingMode.HALF_EVEN));
    }

    /** Every start reason of any definition: {@code first} first, then the others sorted. */
    public List<String> startReasons() {
        Set<String> reasons = new java.util.TreeSet<>();
        results.forEach(r -> reasons.addAll(r.sessionStarts().keySet()));
        List<String> out = new ArrayList<>();
        if (reasons.remove(SessionDefinition.FIRST)) {
            out.add(SessionDefinition.FIRST);
        }
        out.addAll(reasons);
        return out;
    }

    /** Every input column any definition reads, in order. */
    public List<String> inputColumns() {
        Set<String> columns = new LinkedHashSet<>();
        results.forEach(r -> columns.addAll(r.missingValues().keySet()));
        return new ArrayList<>(columns);
    }

    /** Definition id to its options, for labels. */
    Map<String, Map<String, String>> options() {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        results.forEach(r -> out.put(r.definition().id(), r.definition().options()));
        return out;
    }
}

package io.persession.engine;

import io.persession.spi.BenchmarkPack;

import java.util.Objects;
import java.util.Optional;

/**
 * What turns a revenue-per-session figure into a decision: the rating against a benchmark pack segment
 * (when one is chosen), the scenario lens, the leverage and, between two periods, the change
 * decomposition. Immutable.
 */
public final class Insights {
    private final Figures figures;
    private final Ratings ratings;
    private final Scenarios scenarios;
    private final Leverage leverage;
    private final ChangeDecomposition change;

    private Insights(Figures figures, Ratings ratings, Scenarios scenarios, Leverage leverage, ChangeDecomposition change) {
        this.figures = figures;
        this.ratings = ratings;
        this.scenarios = scenarios;
        this.leverage = leverage;
        this.change = change;
    }

    /**
     * Rating (with a pack), scenarios and leverage for {@code figures}.
     *
     * @param pack    the benchmark pack, or {@code null}
     * @param segment the segment of {@code pack} (ignored without a pack)
     * @param target  the user's target or uplift, or {@code null}
     * @throws IllegalArgumentException when the pack has no such segment
     */
    public static Insights of(Figures figures, BenchmarkPack pack, String segment, Scenarios.Target target) {
        Objects.requireNonNull(figures, "figures is null");
        Ratings ratings = pack == null ? null : Ratings.of(pack, segment, figures);
        return new Insights(figures, ratings, Scenarios.of(figures, ratings, target), Leverage.of(figures, ratings), null);
    }

    /** These insights with a change decomposition against a baseline. */
    public Insights withChange(ChangeDecomposition c) {
        return new Insights(figures, ratings, scenarios, leverage, Objects.requireNonNull(c, "change is null"));
    }

    public Figures figures() {
        return figures;
    }

    /** Empty when no pack was chosen. */
    public Optional<Ratings> ratings() {
        return Optional.ofNullable(ratings);
    }

    public Scenarios scenarios() {
        return scenarios;
    }

    public Leverage leverage() {
        return leverage;
    }

    /** Empty without a baseline. */
    public Optional<ChangeDecomposition> change() {
        return Optional.ofNullable(change);
    }
}

package io.persession.report;

import io.persession.engine.InputReport;
import io.persession.engine.Insights;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** What the writers add to a result: rating, scenarios, leverage and, with a baseline, the change and what was read for it. */
public final class InsightReport {
    private final Insights insights;
    private final InputReport baselineInput;
    private final Path baselineRejects;
    private final boolean color;

    private InsightReport(Insights insights, InputReport baselineInput, Path baselineRejects) {
        this(insights, baselineInput, baselineRejects, false);
    }

    private InsightReport(Insights insights, InputReport baselineInput, Path baselineRejects, boolean color) {
        this.insights = Objects.requireNonNull(insights, "insights is null");
        this.baselineInput = baselineInput;
        this.baselineRejects = baselineRejects;
        this.color = color;
    }

    /** The same report, with the rating in colour (ANSI) in tables when {@code color}. */
    public InsightReport withColor(boolean color) {
        return new InsightReport(insights, baselineInput, baselineRejects, color);
    }

    /** True when tables show the rating in colour. */
    public boolean color() {
        return color;
    }

    public static InsightReport of(Insights insights) {
        return new InsightReport(insights, null, null);
    }

    /** With the baseline's input report and rejects file ({@code null} when none was written). */
    public InsightReport withBaseline(InputReport input, Path rejects) {
        return new InsightReport(insights, Objects.requireNonNull(input, "input is null"), rejects, color);
    }

    public Insights insights() {
        return insights;
    }

    public Optional<InputReport> baselineInput() {
        return Optional.ofNullable(baselineInput);
    }

    public Optional<Path> baselineRejects() {
        return Optional.ofNullable(baselineRejects);
    }
}

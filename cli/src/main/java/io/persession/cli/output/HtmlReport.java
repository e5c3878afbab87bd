package io.persession.cli.output;

import io.persession.report.InsightReport;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.persession.cli.output.chart.Charts;
import io.persession.engine.Aggregator;
import io.persession.engine.ChangeDecomposition;
import io.persession.engine.DefinitionResult;
import io.persession.engine.Figures;
import io.persession.engine.InputReport;
import io.persession.engine.Insights;
import io.persession.engine.Leverage;
import io.persession.engine.Money;
import io.persession.engine.Rating;
import io.persession.engine.Ratings;
import io.persession.engine.Scenarios;
import io.persession.engine.StandardMetrics;
import io.persession.spi.BenchmarkEntry;
import io.persession.spi.Metric;
import io.persession.spi.SessionDefinition;
import io.persession.spi.Totals;
import io.persession.spi.Verification;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code --format html}: one self-contained HTML file (no scripts, no external fonts, styles or links; print
 * CSS for PDF), rendered from the precompiled JTE template {@code report.jte} with charts drawn here as
 * inline SVG. Deterministic: the same result gives the same bytes (no clock, no random ids, sorted maps).
 */
public final class HtmlReport {
    private static final TemplateEngine TEMPLATES =
            TemplateEngine.createPrecompiled(null, ContentType.Html, HtmlReport.class.getClassLoader(), "io.persession.cli.report.templates");

    private HtmlReport() {
    }

    /** Renders {@code model} to a string. */
    public static String render(ReportModel model) {
        StringOutput output = new StringOutput(64 * 1024);
        TEMPLATES.render("report.jte", model, output);
        return output.toString();
    }

    /** Writes the report of one definition: {@code report} (nullable) adds rating, scenarios, leverage and change; {@code others} (nullable) adds the side by side. */
    public static void analysis(PrintWriter out, String title, InputReport input, DefinitionResult r, Path rejectsFile, InsightReport report,
                                Comparison others) {
        out.write(render(analysisModel(title, input, r, rejectsFile, report, others)));
        out.flush();
    }

    /** Writes the report of {@code compare}: the base definition's headline, then every definition side by side. */
    public static void comparison(PrintWriter out, Comparison c) {
        DefinitionResult base = c.base();
        ReportModel m = new ReportModel("Session definitions compared",
                c.results().size() + " session definitions over one read of " + String.join(", ", c.input().names()));
        headline(m, base.totals(), base.metrics(), "under " + base.definition().id() + ", the base of the differences");
        m.section(compareSection(c));
        m.section(inputSection(c.input(), c.rejectsFile(), base, false));
        m.section(daysSection(base));
        m.section(startsSection(base));
        out.write(render(m));
        out.flush();
    }

    /** Writes the report of {@code calc}: {@code inputs} are the given figures, {@code assumptions} what was assumed. */
    public static void calc(PrintWriter out, List<ReportModel.Fact> inputs, List<String> assumptions, Figures figures, List<Metric> shown,
                            InsightReport report) {
        String cur = figures.currency();
        ReportModel m = new ReportModel("Revenue per session calculator", "From " + Numbers.money(figures.revenue(), cur) + " over "
                + Numbers.count(figures.sessions()) + " sessions");
        m.figure("Revenue per session", figures.revenuePerSession().map(v -> Numbers.money(v, cur)).orElse("n/a"), null);
        m.figure("Session RPM", figures.sessionRpm().map(v -> Numbers.money(v, cur)).orElse("n/a"), "revenue per 1,000 sessions");
        m.figure("Sessions", Numbers.count(figures.sessions()), null);
        m.figure("Revenue", Numbers.money(figures.revenue(), cur), null);
        badges(m, report.insights(), cur);
        ReportModel.SectionBuilder in = new ReportModel.SectionBuilder("inputs", "Inputs");
        inputs.forEach(f -> in.fact(f.name(), f.value()));
        assumptions.forEach(a -> in.p("Assumed: " + a + "."));
        m.section(in.build());
        ReportModel.TableBuilder t = new ReportModel.TableBuilder(null).col("Metric", false).col("Value", true).col("Note", false);
        for (Metric metric : shown) {
            Optional<BigDecimal> v = figures.metric(metric.id());
            t.row(metric.label(), Numbers.metric(metric.unit(), v, cur), v.isPresent() ? "" : figures.whyUndefined(metric.id()));
        }
        m.section(new ReportModel.SectionBuilder("metrics", "Metrics").table(t.build()).build());
        insightSections(m, report);
        out.write(render(m));
        out.flush();
    }

    static ReportModel analysisModel(String title, InputReport input, DefinitionResult r, Path rejectsFile, InsightReport report,
                                     Comparison others) {
        Totals t = r.totals();
        ReportModel m = new ReportModel(title, "Session definition " + r.definition().id() + definitionOptions(r.definition())
                + " · " + String.join(", ", input.names()));
        headline(m, t, r.metrics(), null);
        if (report != null) {
            badges(m, report.insights(), t.currency());
        }
        m.section(inputSection(input, rejectsFile, r, true));
        m.section(daysSection(r));
        m.section(startsSection(r));
        m.section(metricsSection(r));
        if (report != null) {
            insightSections(m, report);
        }
        if (others != null && others.results().size() > 1) {
            m.section(compareSection(others));
        }
        return m;
    }

    private static void headline(ReportModel m, Totals t, Map<String, Optional<BigDecimal>> metrics, String note) {
        String cur = t.currency();
        m.figure("Revenue per session", Numbers.metric(Metric.Unit.MONEY, metrics.get("revenue_per_session"), cur), note);
        m.figure("Session RPM", Numbers.metric(Metric.Unit.MONEY, metrics.get("session_rpm"), cur), "revenue per 1,000 sessions");
        m.figure("Sessions", Numbers.count(t.sessions()), Numbers.count(t.visitors()) + " visitors");
        m.figure("Revenue", Numbers.money(t.revenueMicros(), cur), "net: purchases + ads − refunds");
    }

    private static void badges(ReportModel m, Insights insights, String cur) {
        Optional<Ratings> ratings = insights.ratings();
        if (ratings.isEmpty()) {
            m.badge(new ReportModel.Badge("Rating", "Not rated", "none",
                    List.of("No benchmark pack chosen: --pack P --segment S ('persession packs' lists them)."), List.of()));
            return;
        }
        Ratings rs = ratings.get();
        String segmentTitle = rs.pack().segmentTitle(rs.segment());
        m.ratedAgainst("Rated against the benchmark pack " + rs.pack().id() + " " + rs.pack().version() + " (" + rs.pack().title()
                + "), segment " + rs.segment() + (segmentTitle.equals(rs.segment()) ? "" : " (" + segmentTitle + ")") + ".");
        List<String> ids = new ArrayList<>(Ratings.HEADLINE_METRICS);
        rs.all().keySet().stream().filter(id -> !ids.contains(id)).forEach(ids::add);
        for (String id : ids) {
            Optional<Rating> opt = rs.get(id);
            if (opt.isEmpty()) {
                continue;
            }
            Rating r = opt.get();
            List<String> details = new ArrayList<>();
            details.add("Pack " + rs.pack().id() + " " + rs.pack().version() + ", segment " + rs.segment());
            BenchmarkEntry e = r.entry();
            r.centreStatistic().ifPresent(s -> details.add("Statistic " + s.code() + " " + r.centre().map(v -> format(id, v, e.currency())).orElse("")
                    + r.lowBound().map(v -> ", low bound " + format(id, v, e.currency()) + " (" + r.lowBoundRule() + ")").orElse("")));
            Verification v = e.verification();
            details.add("Flag " + (v == null ? "none (nothing to verify)" : v.name() + ": " + v.label()));
            details.add(r.text());
            List<String> warnings = new ArrayList<>();
            if (v == Verification.U || r.caveats().stream().anyMatch(c -> c.contains(Verification.U.label()))) {
                warnings.add(Verification.U.label());
            }
            for (String c : r.caveats()) {
                if (!c.contains(Verification.U.label()) || v != Verification.U) {
                    details.add("Note: " + c);
                }
            }
            String tone = r.label().map(l -> l.name().toLowerCase(Locale.ROOT)).orElse("none");
            m.badge(new ReportModel.Badge(label(id), r.labelText().orElse("Not rated"), tone, details, warnings));
        }
    }

    private static String format(String metricId, BigDecimal v, String currency) {
        Metric m = StandardMetrics.ALL.stream().filter(x -> x.id().equals(metricId)).findFirst().orElse(null);
        return m == null ? v.toPlainString() : Numbers.metric(m.unit(), Optional.of(v), currency);
    }

    private static String label(String metricId) {
        return StandardMetrics.ALL.stream().filter(x -> x.id().equals(metricId)).findFirst().map(Metric::label).orElse(metricId);
    }

    private static ReportModel.Section inputSection(InputReport input, Path rejectsFile, DefinitionResult r, boolean withDefinition) {
        ReportModel.SectionBuilder s = new ReportModel.SectionBuilder("input", withDefinition ? "Session definition and input" : "Input");
        if (withDefinition) {
            SessionDefinition d = r.definition();
            s.fact("Session definition", d.id());
            s.fact("Description", d.description());
            s.fact("Options", d.options().isEmpty() ? "defaults" : AnalysisTable.options(d.options()));
        }
        s.fact("Days counted in", r.dayZone().getId());
        s.fact("Files", String.join(", ", input.names()));
        s.fact("Rows read", Numbers.count(input.rows()));
        s.fact("Accepted", Numbers.count(input.accepted()));
        s.fact("Rejected", Numbers.count(input.rejected()) + (rejectsFile == null ? "" : " (each with its reason in " + rejectsFile + ")"));
        s.fact("Duplicates", Numbers.count(input.duplicates()) + (input.duplicates() > 0 ? " (" + Numbers.count(input.duplicateEvents())
                + " repeated event ids, " + Numbers.count(input.duplicateOrders()) + " repeated order ids)" : ""));
        if (input.regroupedVisitors() > 0) {
            s.fact("Regrouped", Numbers.count(input.regroupedVisitors()) + " visitor(s) with rows far out of time order, read twice");
        }
        String cur = r.totals().currency();
        if (r.botClassifiers().isEmpty()) {
            s.fact("Bots", "not classified (no bot classifier applied)");
        } else if (r.botSessions().isEmpty()) {
            s.fact("Bots", "none flagged");
        } else {
            s.fact("Bots " + (r.botsIncluded() ? "flagged (counted: --include-bots)" : "excluded"),
                    Numbers.count(r.botSessionsFlagged()) + " sessions, " + Numbers.count(r.botEventsExcluded()) + " events, revenue "
                            + Numbers.money(r.botRevenueExcludedMicros(), cur));
            ReportModel.TableBuilder t = new ReportModel.TableBuilder("Bot sessions by reason").col("Classifier and reason", false)
                    .col("Sessions", true).col("Events", true).col("Revenue", true);
            for (Map.Entry<String, Aggregator.BotExclusion> b : r.botSessions().entrySet()) {
                t.row(b.getKey(), Numbers.count(b.getValue().sessions()), Numbers.count(b.getValue().events()),
                        Numbers.money(b.getValue().revenueMicros(), cur));
            }
            s.table(t.build());
        }
        return s.build();
    }

    private static ReportModel.Section daysSection(DefinitionResult r) {
        String cur = r.totals().currency();
        ReportModel.SectionBuilder s = new ReportModel.SectionBuilder("days", "Sessions and revenue per session by day");
        s.p("Each session counts on the calendar day of its start in " + r.dayZone().getId()
                + " (the definition's zone option when it has one, else --input-zone).");
        List<Charts.Day> days = new ArrayList<>();
        ReportModel.TableBuilder t = new ReportModel.TableBuilder(null).col("Day", false).col("Sessions", true).col("Revenue", true)
                .col("Revenue per session", true);
        for (Aggregator.Day d : r.byDay().values()) {
            BigDecimal revenue = Money.toDecimal(d.revenueMicros());
            Optional<BigDecimal> rps = d.sessions() > 0 ? Optional.of(revenue.divide(BigDecimal.valueOf(d.sessions()), 6, RoundingMode.HALF_EVEN))
                    : Optional.empty();
            String rpsText = rps.map(v -> Numbers.money(v, cur)).orElse("n/a");
            days.add(new Charts.Day(dayLabel(d.date()), d.sessions(), rps.map(BigDecimal::doubleValue).orElse(Double.NaN),
                    Numbers.count(d.sessions()), rpsText));
            t.row(d.date() + " " + d.date().getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ROOT), Numbers.count(d.sessions()),
                    Numbers.money(d.revenueMicros(), cur), rpsText);
        }
        if (days.isEmpty()) {
            s.p("No sessions.");
            return s.build();
        }
        s.svg(Charts.days("Sessions and revenue per session by day", days, v -> Numbers.count(Math.round(v)),
                v -> Numbers.money(BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_EVEN), cur)));
        return s.table(t.build()).build();
    }

    private static String dayLabel(LocalDate d) {
        return d.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ROOT) + " " + String.format(Locale.ROOT, "%02d-%02d", d.getMonthValue(), d.getDayOfMonth());
    }

    private static ReportModel.Section startsSection(DefinitionResult r) {
        ReportModel.SectionBuilder s = new ReportModel.SectionBuilder("starts", "Session starts by reason");
        s.p("Why each counted session started: first is a visitor's first event; the others are the rule of " + r.definition().id()
                + " that started a new session.");
        long total = r.totals().sessions();
        List<Charts.Bar> bars = new ArrayList<>();
        ReportModel.TableBuilder t = new ReportModel.TableBuilder(null).col("Reason", false).col("Sessions", true).col("Share", true);
        for (Map.Entry<String, Long> e : ordered(r.sessionStarts())) {
            String share = total == 0 ? "n/a" : Numbers.percent(BigDecimal.valueOf(e.getValue()).divide(BigDecimal.valueOf(total), 6, RoundingMode.HALF_EVEN));
            bars.add(new Charts.Bar(e.getKey(), e.getValue(), Numbers.count(e.getValue()) + " (" + share + ")"));
            t.row(e.getKey(), Numbers.count(e.getValue()), share);
        }
        if (bars.isEmpty()) {
            return s.p("No sessions.").build();
        }
        return s.svg(Charts.bars("Session starts by reason", bars)).table(t.build()).build();
    }

    /** {@code first} first, then by count (descending), then by reason. */
    private static List<Map.Entry<String, Long>> ordered(Map<String, Long> starts) {
        List<Map.Entry<String, Long>> list = new ArrayList<>(starts.entrySet());
        list.sort((a, b) -> {
            boolean fa = a.getKey().equals(SessionDefinition.FIRST);
            boolean fb = b.getKey().equals(SessionDefinition.FIRST);
            if (fa != fb) {
                return fa ? -1 : 1;
            }
            int c = Long.compare(b.getValue(), a.getValue());
            return c != 0 ? c : a.getKey().compareTo(b.getKey());
        });
        return list;
    }

    private static ReportModel.Section metricsSection(DefinitionResult r) {
        Totals t = r.totals();
        String cur = t.currency();
        ReportModel.TableBuilder tb = new ReportModel.TableBuilder(null).col("Metric", false).col("Value", true);
        for (Metric m : StandardMetrics.ALL) {
            tb.row(m.label(), Numbers.metric(m.unit(), r.metrics().get(m.id()), cur));
        }
        ReportModel.TableBuilder totals = new ReportModel.TableBuilder("Totals").col("Figure", false).col("Value", true);
        totals.row("Sessions", Numbers.count(t.sessions())).row("Visitors", Numbers.count(t.visitors()))
                .row("Pageviews", Numbers.count(t.pageviews())).row("Orders", Numbers.count(t.purchases()))
                .row("Converting sessions", Numbers.count(t.convertingSessions()))
                .row("Purchase revenue", Numbers.money(t.purchaseRevenueMicros(), cur)).row("Ad revenue", Numbers.money(t.adRevenueMicros(), cur))
                .row("Refunds", Numbers.money(t.refundMicros(), cur)).row("Net revenue", Numbers.money(t.revenueMicros(), cur));
        return new ReportModel.SectionBuilder("metrics", "Metrics").table(tb.build()).table(totals.build()).build();
    }

    private static void insightSections(ReportModel m, InsightReport report) {
        Insights i = report.insights();
        i.ratings().ifPresent(rs -> m.section(ratingSection(rs, i.figures().currency())));
        m.section(scenarioSection(i.scenarios()));
        m.section(leverageSection(i.leverage()));
        i.change().ifPresent(c -> m.section(changeSection(c, report)));
    }

    private static ReportModel.Section ratingSection(Ratings rs, String cur) {
        ReportModel.TableBuilder t = new ReportModel.TableBuilder(null).col("Metric", false).col("Value", true).col("Rating", false)
                .col("Benchmark", false).col("Source and flag", false);
        for (Map.Entry<String, Rating> e : rs.all().entrySet()) {
            Rating r = e.getValue();
            BenchmarkEntry b = r.entry();
            String bench = r.centre().map(c -> r.centreStatistic().orElseThrow().code() + " " + format(e.getKey(), c, b.currency())
                    + r.lowBound().map(l -> ", low " + format(e.getKey(), l, b.currency())).orElse("")
                    + r.p75().map(p -> ", p75 " + format(e.getKey(), p, b.currency())).orElse("")).orElse(r.reason() == null ? "" : r.reason());
            String src = (b.sourceTitle() == null ? "" : b.sourceTitle() + "; ") + (b.period() == null ? "" : b.period() + "; ")
                    + (b.verification() == null ? "no figure to verify" : b.verification().name() + ": " + b.verification().label());
            t.row(label(e.getKey()), r.value().map(v -> format(e.getKey(), v, cur)).orElse("n/a"), r.labelText().orElse("not rated"), bench, src);
        }
        String title = rs.pack().segmentTitle(rs.segment());
        return new ReportModel.SectionBuilder("rating", "Rating against " + rs.pack().id() + " " + rs.pack().version())
                .p("Segment " + rs.segment() + (title.equals(rs.segment()) ? "" : " (" + title + ")") + ". Strong at or above the centre,"
                        + " Average down to the low bound, Low below it.")
                .table(t.build()).build();
    }

    private static ReportModel.Section scenarioSection(Scenarios s) {
        String cur = s.currency();
        ReportModel.SectionBuilder sec = new ReportModel.SectionBuilder("scenarios", "Scenario lens at " + Numbers.count(s.sessions()) + " sessions");
        sec.p("What the same sessions would earn at the benchmark's and at an optimized revenue per session.");
        List<Charts.Bar> bars = new ArrayList<>();
        ReportModel.TableBuilder t = new ReportModel.TableBuilder(null).col("Scenario", false).col("Revenue per session", true)
                .col("Revenue", true).col("Difference", true).col("From", false);
        for (String name : List.of("current", "benchmark", "optimized")) {
            Optional<Scenarios.Scenario> sc = name.equals("current") ? Optional.of(s.current()) : name.equals("benchmark") ? s.benchmark() : s.optimized();
            if (sc.isEmpty()) {
                t.row(name, "n/a", "n/a", "", s.reasons().getOrDefault(name, ""));
                continue;
            }
            Scenarios.Scenario x = sc.get();
            bars.add(new Charts.Bar(name, x.revenue().doubleValue(), Numbers.money(x.revenue(), cur),
                    name.equals("current") ? "bar" : name.equals("benchmark") ? "bar bar-benchmark" : "bar bar-optimized"));
            t.row(name, x.revenuePerSession().map(v -> Numbers.money(v, cur)).orElse("n/a"), Numbers.money(x.revenue(), cur),
                    name.equals("current") ? "" : BenchmarkTable.signed(x.difference(), cur), x.from());
        }
        if (!bars.isEmpty()) {
            sec.svg(Charts.bars("Revenue at current volume: current, benchmark, optimized", bars));
        }
        return sec.table(t.build()).build();
    }

    private static ReportModel.Section leverageSection(Leverage l) {
        String cur = l.currency();
        ReportModel.SectionBuilder sec = new ReportModel.SectionBuilder("leverage", "Leverage at " + Numbers.count(l.sessions()) + " sessions");
        sec.p("Verdict: " + l.verdictText());
        ReportModel.TableBuilder t = new ReportModel.TableBuilder("Revenue added by +10% of one lever, the others held").col("Lever", false)
                .col("From", true).col("To", true).col("Revenue added", true);
        lever(t, "conversion", l.conversion(), l.reasons().get("conversion_rate"), cur);
        lever(t, "order value", l.orderValue(), l.reasons().get("average_order_value"), cur);
        lever(t, "sessions", l.sessionsLever(), l.reasons().get("sessions"), cur);
        sec.table(t.build());
        if (l.conversionHeadroom().isPresent() || l.orderValueHeadroom().isPresent()) {
            ReportModel.TableBuilder h = new ReportModel.TableBuilder("Headroom to the benchmark").col("Lever", false).col("Current", true)
                    .col("Benchmark", true).col("Revenue added at benchmark", true);
            headroom(h, "conversion", l.conversionHeadroom(), cur);
            headroom(h, "order value", l.orderValueHeadroom(), cur);
            sec.table(h.build());
        }
        l.visitorBasis().ifPresent(v -> sec.note("Visitors: " + v.text()));
        return sec.build();
    }

    private static void lever(ReportModel.TableBuilder t, String name, Optional<Leverage.Lever> lever, String reason, String cur) {
        if (lever.isEmpty()) {
            t.row(name, "n/a", "n/a", reason == null ? "n/a" : "n/a: " + reason);
            return;
        }
        Leverage.Lever x = lever.get();
        Metric.Unit unit = x.metric().equals("conversion_rate") ? Metric.Unit.RATIO
                : x.metric().equals("average_order_value") ? Metric.Unit.MONEY : Metric.Unit.NUMBER;
        boolean sessions = x.metric().equals("sessions");
        t.row(name, sessions ? Numbers.count(x.from().longValue()) : Numbers.metric(unit, Optional.of(x.from()), cur),
                sessions ? Numbers.count(x.to().setScale(0, RoundingMode.HALF_EVEN).longValue()) : Numbers.metric(unit, Optional.of(x.to()), cur),
                BenchmarkTable.signed(x.revenueAdded(), cur));
    }

    private static void headroom(ReportModel.TableBuilder t, String name, Optional<Leverage.Headroom> headroom, String cur) {
        headroom.ifPresent(h -> {
            Metric.Unit unit = h.metric().equals("conversion_rate") ? Metric.Unit.RATIO : Metric.Unit.MONEY;
            t.row(name, Numbers.metric(unit, Optional.of(h.current()), cur), Numbers.metric(unit, Optional.of(h.benchmark()), cur)
                    + " (" + h.rating().centreStatistic().map(s -> s.code()).orElse("") + ")",
                    h.gap().signum() == 0 ? "at or above" : h.revenueAdded().map(a -> BenchmarkTable.signed(a, cur)).orElse("n/a"));
        });
    }

    private static ReportModel.Section changeSection(ChangeDecomposition c, InsightReport report) {
        String cur = c.currency();
        ReportModel.SectionBuilder sec = new ReportModel.SectionBuilder("change", "Change from the baseline");
        sec.p("Revenue " + Numbers.money(c.before().revenue(), cur) + " → " + Numbers.money(c.after().revenue(), cur) + ": "
                + BenchmarkTable.signed(c.revenueChange(), cur) + ", decomposed exactly (" + ChangeDecomposition.method() + ").");
        report.baselineInput().ifPresent(in -> sec.fact("Baseline files", String.join(", ", in.names()))
                .fact("Baseline rows", Numbers.count(in.rows()) + " read, " + Numbers.count(in.accepted()) + " accepted, "
                        + Numbers.count(in.rejected()) + " rejected, " + Numbers.count(in.duplicates()) + " duplicates"));
        Map<String, BigDecimal> cents = c.partsRounded(2);
        List<Charts.Step> steps = new ArrayList<>();
        steps.add(new Charts.Step("baseline revenue", c.before().revenue().doubleValue(), Numbers.money(c.before().revenue(), cur), true));
        ReportModel.TableBuilder t = new ReportModel.TableBuilder(null).col("Part", false).col("Revenue change", true);
        for (String part : ChangeDecomposition.PARTS) {
            BigDecimal v = cents.get(part);
            steps.add(new Charts.Step(BenchmarkTable.partLabel(part), v.doubleValue(), BenchmarkTable.signed(v, cur), false));
            t.row(BenchmarkTable.partLabel(part), BenchmarkTable.signed(v, cur));
        }
        steps.add(new Charts.Step("current revenue", c.after().revenue().doubleValue(), Numbers.money(c.after().revenue(), cur), true));
        t.row("total", BenchmarkTable.signed(c.revenueChange(), cur));
        sec.svg(Charts.waterfall("Revenue change from the baseline, by part", steps,
                v -> Numbers.money(BigDecimal.valueOf(v).setScale(0, RoundingMode.HALF_EVEN), cur)));
        sec.table(t.build());
        c.notes().forEach(n -> sec.note("Note: " + n));
        return sec.build();
    }

    private static ReportModel.Section compareSection(Comparison c) {
        ReportModel.SectionBuilder sec = new ReportModel.SectionBuilder("compare", "Session definitions side by side");
        sec.p("The same traffic under each definition, from one read; differences are to " + c.baseDefinition().id()
                + ". The denominator decides session RPM; page RPM does not depend on sessions.");
        List<Charts.Bar> bars = new ArrayList<>();
        String cur = c.base().totals().currency();
        for (DefinitionResult r : c.results()) {
            Optional<BigDecimal> rps = r.metrics().get("revenue_per_session");
            bars.add(new Charts.Bar(r.definition().id(), r.totals().sessions(), Numbers.count(r.totals().sessions()) + " sessions · "
                    + Numbers.metric(Metric.Unit.MONEY, rps, cur) + " per session"));
        }
        sec.svg(Charts.bars("Sessions by session definition", bars));
        ReportModel.TableBuilder t = new ReportModel.TableBuilder(null).col("Definition", false);
        for (Comparison.Figure f : Comparison.FIGURES) {
            t.col(f.label(), true);
        }
        t.col("Sessions vs " + c.baseDefinition().id(), true);
        Comparison.Figure sessions = Comparison.FIGURES.get(0);
        for (DefinitionResult r : c.results()) {
            List<String> row = new ArrayList<>();
            row.add(r.definition().id());
            for (Comparison.Figure f : Comparison.FIGURES) {
                Optional<BigDecimal> v = Comparison.value(r, f);
                row.add(f.unit == null ? v.map(x -> Numbers.count(x.longValue())).orElse("n/a") : Numbers.metric(f.unit, v, cur));
            }
            row.add(r == c.base() ? "base" : c.percent(r, sessions).map(p -> (p.signum() > 0 ? "+" : "") + p.setScale(1, RoundingMode.HALF_EVEN).toPlainString() + "%")
                    .orElse("n/a"));
            t.row(row.toArray(new String[0]));
        }
        sec.table(t.build());
        for (DefinitionResult r : c.results()) {
            sec.fact(r.definition().id(), r.definition().options().isEmpty() ? "default options" : AnalysisTable.options(r.definition().options()));
        }
        ReportModel.TableBuilder starts = new ReportModel.TableBuilder("Sessions each rule started").col("Reason", false);
        c.results().forEach(r -> starts.col(r.definition().id(), true));
        for (String reason : c.startReasons()) {
            List<String> row = new ArrayList<>();
            row.add(reason);
            c.results().forEach(r -> row.add(Numbers.count(r.sessionStarts().getOrDefault(reason, 0L))));
            starts.row(row.toArray(new String[0]));
        }
        return sec.table(starts.build()).build();
    }

    private static String definitionOptions(SessionDefinition d) {
        return d.options().isEmpty() ? "" : " (" + AnalysisTable.options(d.options()) + ")";
    }
}

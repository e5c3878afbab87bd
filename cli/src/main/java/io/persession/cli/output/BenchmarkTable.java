package io.persession.cli.output;

import io.persession.report.InsightReport;
import io.persession.engine.ChangeDecomposition;
import io.persession.engine.Insights;
import io.persession.engine.Leverage;
import io.persession.engine.Rating;
import io.persession.engine.Ratings;
import io.persession.engine.Scenarios;
import io.persession.engine.StandardMetrics;
import io.persession.spi.BenchmarkEntry;
import io.persession.spi.Metric;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The table sections "Rating", "Scenarios", "Leverage" and "Change" of {@code analyze} and {@code calc}. */
public final class BenchmarkTable {
    private static final String INDENT = "  ";

    private BenchmarkTable() {
    }

    /** Writes every section, each after a blank line. */
    public static void write(PrintWriter out, InsightReport report) {
        Insights i = report.insights();
        String cur = i.figures().currency();
        out.println();
        rating(out, i.ratings().orElse(null), cur, report.color());
        out.println();
        scenarios(out, i.scenarios());
        out.println();
        leverage(out, i.leverage());
        i.change().ifPresent(c -> {
            out.println();
            change(out, c, report);
        });
        out.flush();
    }

    static void rating(PrintWriter out, Ratings ratings, String cur) {
        rating(out, ratings, cur, false);
    }

    /** The rating label in colour: green Strong, yellow Average, red Low (bold); plain when {@code color} is false. */
    static String colored(Rating r, String text, boolean color) {
        if (!color || r.label().isEmpty()) {
            return text;
        }
        String code;
        switch (r.label().get()) {
            case STRONG:
                code = "\u001b[1;32m";
                break;
            case AVERAGE:
                code = "\u001b[1;33m";
                break;
            default:
                code = "\u001b[1;31m";
                break;
        }
        return code + text + "\u001b[0m";
    }

    static void rating(PrintWriter out, Ratings ratings, String cur, boolean color) {
        if (ratings == null) {
            out.println("Rating: no benchmark pack chosen (--pack P --segment S; 'persession packs' lists them)");
            return;
        }
        String title = ratings.pack().segmentTitle(ratings.segment());
        out.println("Rating against " + ratings.pack().id() + " " + ratings.pack().version() + ", segment " + ratings.segment()
                + (title.equals(ratings.segment()) ? "" : " (" + title + ")"));
        for (Map.Entry<String, Rating> e : ratings.all().entrySet()) {
            Rating r = e.getValue();
            Metric m = StandardMetrics.ALL.stream().filter(x -> x.id().equals(e.getKey())).findFirst().orElse(null);
            String label = m == null ? e.getKey() : m.label();
            String value = m == null ? "" : Numbers.metric(m.unit(), r.value(), cur);
            out.printf("%s%-31s %-14s %s%n", INDENT, label, value, colored(r, r.labelText().orElse("not rated"), color));
            String text = r.text();
            String lead = r.labelText().map(l -> l + ": ").orElse("");
            out.println(INDENT + INDENT + (text.startsWith(lead) ? text.substring(lead.length()) : text));
            BenchmarkEntry b = r.entry();
            if (r.centre().isPresent()) {
                out.println(INDENT + INDENT + "centre " + r.centreStatistic().orElseThrow().code() + " " + format(m, r.centre().get(), b.currency())
                        + ", low bound " + format(m, r.lowBound().orElseThrow(), b.currency()) + " (" + r.lowBoundRule() + ")"
                        + r.p75().map(p -> ", p75 " + format(m, p, b.currency())).orElse("") + "; basis " + b.basis().code());
            }
            out.println(INDENT + INDENT + "source: " + source(b));
            for (String c : r.caveats()) {
                out.println(INDENT + INDENT + "note: " + c);
            }
        }
    }

    private static String source(BenchmarkEntry b) {
        List<String> parts = new ArrayList<>();
        if (b.sourceTitle() != null) {
            parts.add(b.sourceTitle());
        }
        if (b.publisher() != null) {
            parts.add(b.publisher());
        }
        if (b.period() != null) {
            parts.add(b.period());
        }
        if (b.sourceUrl() != null) {
            parts.add(b.sourceUrl());
        }
        if (b.retrieved() != null) {
            parts.add("retrieved " + b.retrieved());
        }
        parts.add(b.verification() == null ? "no figure to verify" : b.verification().name() + ": " + b.verification().label());
        return String.join(", ", parts);
    }

    private static String format(Metric m, BigDecimal v, String currency) {
        return m == null ? v.toPlainString() : Numbers.metric(m.unit(), Optional.of(v), currency);
    }

    static void scenarios(PrintWriter out, Scenarios s) {
        String cur = s.currency();
        out.println("Scenarios at " + Numbers.count(s.sessions()) + " sessions");
        for (String name : List.of("current", "benchmark", "optimized")) {
            Optional<Scenarios.Scenario> sc = name.equals("current") ? Optional.of(s.current())
                    : name.equals("benchmark") ? s.benchmark() : s.optimized();
            if (sc.isEmpty()) {
                out.printf("%s%-10s n/a: %s%n", INDENT, name, s.reasons().get(name));
                continue;
            }
            Scenarios.Scenario x = sc.get();
            out.printf("%s%-10s %s per session   revenue %s%s   (%s)%n", INDENT, name,
                    x.revenuePerSession().map(v -> Numbers.money(v, cur)).orElse("n/a"), Numbers.money(x.revenue(), cur),
                    name.equals("current") ? "" : "   " + signed(x.difference(), cur), from(x.from()));
        }
    }

    private static String from(String from) {
        switch (from) {
            case "actual":
                return "today";
            case "p50":
                return "the benchmark median";
            case "mean":
                return "the benchmark mean; no median is published";
            case "p75":
                return "the benchmark p75";
            case "target":
                return "your --target-rps";
            default:
                return "your --uplift";
        }
    }

    static void leverage(PrintWriter out, Leverage l) {
        String cur = l.currency();
        out.println("Leverage at " + Numbers.count(l.sessions()) + " sessions (revenue added by +10% of one lever, the others held)");
        lever(out, "conversion", l.conversion(), l.reasons().get("conversion_rate"), cur);
        lever(out, "order value", l.orderValue(), l.reasons().get("average_order_value"), cur);
        lever(out, "sessions", l.sessionsLever(), l.reasons().get("sessions"), cur);
        headroom(out, "conversion", l.conversionHeadroom(), cur);
        headroom(out, "order value", l.orderValueHeadroom(), cur);
        out.println(INDENT + "Verdict: " + l.verdictText());
        l.visitorBasis().ifPresent(v -> out.println(INDENT + "Visitors: " + v.text()));
    }

    private static void lever(PrintWriter out, String name, Optional<Leverage.Lever> lever, String reason, String cur) {
        if (lever.isEmpty()) {
            out.printf("%s%-13s n/a: %s%n", INDENT, name, reason);
            return;
        }
        Leverage.Lever x = lever.get();
        Metric.Unit unit = x.metric().equals("conversion_rate") ? Metric.Unit.RATIO
                : x.metric().equals("average_order_value") ? Metric.Unit.MONEY : Metric.Unit.NUMBER;
        String from = x.metric().equals("sessions") ? Numbers.count(x.from().longValue()) : Numbers.metric(unit, Optional.of(x.from()), cur);
        String to = x.metric().equals("sessions") ? Numbers.metric(unit, Optional.of(x.to()), cur).replaceAll("\\.00$", "")
                : Numbers.metric(unit, Optional.of(x.to()), cur);
        out.printf("%s%-13s %s   (%s -> %s)%n", INDENT, name, signed(x.revenueAdded(), cur), from, to);
    }

    private static void headroom(PrintWriter out, String name, Optional<Leverage.Headroom> headroom, String cur) {
        headroom.ifPresent(h -> {
            Metric.Unit unit = h.metric().equals("conversion_rate") ? Metric.Unit.RATIO : Metric.Unit.MONEY;
            String benchmark = Numbers.metric(unit, Optional.of(h.benchmark()), cur) + " (" + h.rating().centreStatistic().orElseThrow().code() + ")";
            String current = Numbers.metric(unit, Optional.of(h.current()), cur);
            if (h.gap().signum() == 0) {
                out.println(INDENT + "Headroom: " + name + " " + current + " is at or above its benchmark " + benchmark);
            } else {
                out.println(INDENT + "Headroom: " + name + " " + current + " vs benchmark " + benchmark
                        + h.revenueAdded().map(a -> ": reaching it adds " + signed(a, cur)).orElse(""));
            }
        });
    }

    static void change(PrintWriter out, ChangeDecomposition c, InsightReport report) {
        String cur = c.currency();
        out.println("Change from the baseline" + report.baselineInput().map(in -> " (" + String.join(", ", in.names()) + ")").orElse("")
                + ", " + ChangeDecomposition.method());
        out.println(INDENT + "revenue " + Numbers.money(c.before().revenue(), cur) + " -> " + Numbers.money(c.after().revenue(), cur)
                + ": " + signed(c.revenueChange(), cur) + " = the parts below (to the cent)");
        Map<String, BigDecimal> cents = c.partsRounded(2);
        for (String part : ChangeDecomposition.PARTS) {
            out.printf("%s%s%-31s %s%n", INDENT, INDENT, partLabel(part), signed(cents.get(part), cur));
        }
        for (String note : c.notes()) {
            out.println(INDENT + "note: " + note);
        }
    }

    /** The short label of a part of {@link ChangeDecomposition#PARTS}, as the table and the HTML report show it. */
    static String partLabel(String part) {
        switch (part) {
            case "sessions":
                return "sessions";
            case "conversion_rate":
                return "conversion";
            case "orders_per_converting_session":
                return "orders per converting session";
            case "average_order_value":
                return "order value";
            case "ad_revenue":
                return "ad revenue";
            default:
                return "refunds";
        }
    }

    /** {@code +USD 1,200.00}, {@code -USD 3.00}. */
    static String signed(BigDecimal v, String cur) {
        return (v.signum() < 0 ? "-" : "+") + Numbers.money(v.abs(), cur);
    }
}

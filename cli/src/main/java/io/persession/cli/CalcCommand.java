package io.persession.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.persession.report.AnalysisJson;
import io.persession.report.BenchmarkJson;
import io.persession.cli.output.BenchmarkTable;
import io.persession.cli.output.Format;
import io.persession.cli.output.HtmlReport;
import io.persession.cli.output.ReportModel;
import io.persession.report.InsightReport;
import io.persession.cli.output.Numbers;
import io.persession.engine.Figures;
import io.persession.engine.Insights;
import io.persession.engine.StandardMetrics;
import io.persession.spi.Metric;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code persession calc --revenue R --sessions S}: the calculator for someone with two numbers and no
 * logs. Revenue per session, session RPM, and page RPM, conversion, order value and revenue per visitor
 * where the inputs allow, then the rating (with {@code --pack}), the scenario lens and leverage.
 *
 * <p>Inputs: {@code --sessions} at least 1; {@code --revenue} not negative, at most six decimals;
 * counts not negative. {@code --visitors} at least 1 and at most the sessions (every visitor has a
 * session). Without {@code --converting-sessions} each order counts as one converting session, so
 * {@code --orders} may not exceed the sessions (conversion above 100%); with it, orders may exceed
 * converting sessions (several orders in one session) but converting sessions may exceed neither the
 * sessions nor the orders. With {@code --orders} or {@code --converting-sessions} the revenue is taken as
 * order revenue (no ads, no refunds), so zero orders with revenue is an error. Every violation is one
 * line and exit code 2.
 */
@Command(name = "calc", mixinStandardHelpOptions = true,
        description = "Revenue per session and session RPM from two numbers (no logs needed), with page RPM, conversion, order value and "
                + "revenue per visitor where the inputs allow; the rating against a benchmark pack, the scenario lens and leverage.")
public final class CalcCommand implements Callable<Integer> {
    /** The metrics calc shows, in order. */
    static final List<Metric> SHOWN = List.of(StandardMetrics.REVENUE_PER_SESSION, StandardMetrics.SESSION_RPM, StandardMetrics.PAGE_RPM,
            StandardMetrics.REVENUE_PER_VISITOR, StandardMetrics.CONVERSION_RATE, StandardMetrics.ORDERS_PER_CONVERTING_SESSION,
            StandardMetrics.AVERAGE_ORDER_VALUE, StandardMetrics.PAGES_PER_SESSION, StandardMetrics.SESSIONS_PER_VISITOR);

    private final Environment environment;

    @Spec
    CommandSpec spec;

    @Option(names = "--revenue", required = true, paramLabel = "AMOUNT", description = "Revenue of the period (net: sales + ads - refunds), e.g. 12000.")
    String revenue;

    @Option(names = "--sessions", required = true, paramLabel = "N", description = "Sessions of the period, e.g. 5000.")
    String sessions;

    @Option(names = "--orders", paramLabel = "N", description = "Orders: adds conversion (orders / sessions) and average order value.")
    String orders;

    @Option(names = "--converting-sessions", paramLabel = "N",
            description = "Sessions with at least one order, when sessions hold several orders (default: one per order).")
    String convertingSessions;

    @Option(names = "--pageviews", paramLabel = "N", description = "Pageviews: adds page RPM and pages per session.")
    String pageviews;

    @Option(names = "--visitors", paramLabel = "N", description = "Visitors (users): adds revenue per visitor and how repeat sessions dilute it.")
    String visitors;

    @Option(names = "--currency", paramLabel = "CODE", description = "ISO 4217 code of the revenue (needed to rate against a benchmark in money).")
    String currency;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "table, json or html (one self-contained file with charts; use with --output). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Mixin
    OutputArgs output;

    @Mixin
    PackArgs benchmark;

    @Mixin
    PluginOptions plugins;

    @Inject
    CalcCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        if (format == Format.CSV) {
            throw new UsageException("calc prints --format table, json or html, not csv");
        }
        Inputs in = inputs();
        PackArgs.Choice choice = benchmark.choose(Plugins.load(plugins.folders(environment.variables())));
        Insights insights = choice.insights(in.figures);
        try (PrintWriter out = output.open(spec.commandLine().getOut())) {
            if (format == Format.JSON) {
                try {
                    out.println(AnalysisJson.mapper().writeValueAsString(json(in, insights)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else if (format == Format.HTML) {
                HtmlReport.calc(out, htmlInputs(in), in.assumptions, in.figures, SHOWN, InsightReport.of(insights));
            } else {
                table(out, in, insights, environment.color(output.toTerminal()));
            }
            out.flush();
        }
        return ExitCode.OK;
    }

    private static List<ReportModel.Fact> htmlInputs(Inputs in) {
        List<ReportModel.Fact> facts = new ArrayList<>();
        facts.add(new ReportModel.Fact("Revenue", Numbers.money(in.revenue, in.currency)));
        facts.add(new ReportModel.Fact("Sessions", Numbers.count(in.sessions)));
        if (in.orders != null) {
            facts.add(new ReportModel.Fact("Orders", Numbers.count(in.orders)));
        }
        if (in.convertingSessions != null) {
            facts.add(new ReportModel.Fact("Converting sessions", Numbers.count(in.convertingSessions)));
        }
        if (in.pageviews != null) {
            facts.add(new ReportModel.Fact("Pageviews", Numbers.count(in.pageviews)));
        }
        if (in.visitors != null) {
            facts.add(new ReportModel.Fact("Visitors", Numbers.count(in.visitors)));
        }
        facts.add(new ReportModel.Fact("Currency", in.currency == null ? "not given" : in.currency));
        return facts;
    }

    /** The checked inputs as figures, and what calc assumed. */
    static final class Inputs {
        final BigDecimal revenue;
        final long sessions;
        final Long orders;
        final Long convertingSessions;
        final Long pageviews;
        final Long visitors;
        final String currency;
        final Figures figures;
        final List<String> assumptions = new ArrayList<>();

        Inputs(BigDecimal revenue, long sessions, Long orders, Long convertingSessions, Long pageviews, Long visitors, String currency) {
            this.revenue = revenue;
            this.sessions = sessions;
            this.orders = orders;
            this.convertingSessions = convertingSessions;
            this.pageviews = pageviews;
            this.visitors = visitors;
            this.currency = currency;
            Long converting = convertingSessions;
            if (converting == null && orders != null) {
                converting = orders;
                assumptions.add("each order counts as one converting session (give --converting-sessions when sessions hold several orders)");
            }
            Figures.Builder b = Figures.builder(sessions, revenue).currency(currency).visitors(visitors).pageviews(pageviews).orders(orders)
                    .convertingSessions(converting);
            if (orders != null || convertingSessions != null) {
                b.purchaseRevenue(revenue).adRevenue(BigDecimal.ZERO).refunds(BigDecimal.ZERO);
                assumptions.add("the revenue is order revenue (no ad revenue, no refunds)");
            }
            this.figures = b.build();
        }
    }

    Inputs inputs() {
        BigDecimal r = PackArgs.decimal("--revenue", revenue, "--revenue 12000.50");
        if (r.signum() < 0) {
            throw new UsageException("--revenue " + revenue + " is negative; give the period's revenue, 0 or more");
        }
        if (r.stripTrailingZeros().scale() > 6) {
            throw new UsageException("--revenue " + revenue + " has more than 6 decimal places");
        }
        long s = count("--sessions", sessions);
        if (s < 1) {
            throw new UsageException("--sessions " + sessions + ": revenue per session needs at least 1 session");
        }
        Long o = orders == null ? null : count("--orders", orders);
        Long c = convertingSessions == null ? null : count("--converting-sessions", convertingSessions);
        Long pv = pageviews == null ? null : count("--pageviews", pageviews);
        Long v = visitors == null ? null : count("--visitors", visitors);
        if (v != null && v < 1) {
            throw new UsageException("--visitors " + visitors + ": at least 1 visitor had the " + s + " sessions");
        }
        if (v != null && v > s) {
            throw new UsageException("--visitors " + v + " is more than --sessions " + s + ": every visitor has at least one session");
        }
        if (c != null && c > s) {
            throw new UsageException("--converting-sessions " + c + " is more than --sessions " + s);
        }
        if (c == null && o != null && o > s) {
            throw new UsageException("--orders " + o + " is more than --sessions " + s + ": each order counts as a converting session and conversion"
                    + " cannot exceed 100%; if sessions hold several orders, give --converting-sessions");
        }
        if (c != null && o != null && c > o) {
            throw new UsageException("--converting-sessions " + c + " is more than --orders " + o + ": every converting session has at least one order");
        }
        if (c != null && o != null && c == 0 && o > 0) {
            throw new UsageException("--orders " + o + " with --converting-sessions 0: every order belongs to a converting session");
        }
        if (r.signum() > 0 && ((o != null && o == 0) || (c != null && c == 0))) {
            throw new UsageException("--revenue " + revenue + " with no orders: with --orders or --converting-sessions the revenue is order revenue;"
                    + " leave them out when the revenue is not from orders (ads)");
        }
        return new Inputs(r, s, o, c, pv, v, currency());
    }

    private String currency() {
        if (currency == null) {
            return null;
        }
        String c = currency.trim().toUpperCase(Locale.ROOT);
        try {
            if (c.matches("[A-Z]{3}")) {
                Currency.getInstance(c);
                return c;
            }
        } catch (IllegalArgumentException e) {
            // fall through
        }
        throw new UsageException("--currency '" + currency + "' is not an ISO 4217 code; give e.g. --currency USD");
    }

    private static long count(String option, String value) {
        String v = value.trim();
        try {
            if (v.matches("[+-]?\\d+")) {
                long n = Long.parseLong(v);
                if (n < 0) {
                    throw new UsageException(option + " " + value + " is negative; give a count, 0 or more");
                }
                return n;
            }
        } catch (NumberFormatException e) {
            throw new UsageException(option + " '" + value + "' is too large");
        }
        throw new UsageException(option + " '" + value + "' is not a whole number; give a count, e.g. " + option + " 5000");
    }

    private static ObjectNode json(Inputs in, Insights insights) {
        ObjectNode root = AnalysisJson.mapper().getNodeFactory().objectNode();
        ObjectNode inputs = root.putObject("inputs");
        inputs.set("revenue", BenchmarkJson.money(in.revenue));
        inputs.put("sessions", in.sessions);
        inputs.put("orders", in.orders);
        inputs.put("converting_sessions", in.convertingSessions);
        inputs.put("pageviews", in.pageviews);
        inputs.put("visitors", in.visitors);
        inputs.put("currency", in.currency);
        ArrayNode assumptions = root.putArray("assumptions");
        in.assumptions.forEach(assumptions::add);
        ObjectNode metrics = root.putObject("metrics");
        for (Metric m : SHOWN) {
            Optional<BigDecimal> v = in.figures.metric(m.id());
            if (v.isPresent()) {
                metrics.put(m.id(), v.get().stripTrailingZeros());
            } else {
                metrics.putNull(m.id());
            }
        }
        BenchmarkJson.addTo(root, InsightReport.of(insights));
        return root;
    }

    private static void table(PrintWriter out, Inputs in, Insights insights, boolean color) {
        String cur = in.currency;
        for (Metric m : SHOWN) {
            Optional<BigDecimal> v = in.figures.metric(m.id());
            String why = in.figures.whyUndefined(m.id());
            out.printf("%-31s %s%n", m.label(), v.isPresent() ? Numbers.metric(m.unit(), v, cur)
                    : "n/a (" + (why.contains("unknown") ? missing(m.id()) : why) + ")");
        }
        out.println();
        out.println("From revenue " + Numbers.money(in.revenue, cur) + " over " + Numbers.count(in.sessions) + " sessions"
                + (in.orders == null ? "" : ", " + Numbers.count(in.orders) + " orders")
                + (in.convertingSessions == null ? "" : " in " + Numbers.count(in.convertingSessions) + " converting sessions")
                + (in.pageviews == null ? "" : ", " + Numbers.count(in.pageviews) + " pageviews")
                + (in.visitors == null ? "" : ", " + Numbers.count(in.visitors) + " visitors") + ".");
        for (String a : in.assumptions) {
            out.println("Assumed: " + a + ".");
        }
        BenchmarkTable.write(out, InsightReport.of(insights).withColor(color));
    }

    private static String missing(String metric) {
        switch (metric) {
            case "page_rpm":
            case "pages_per_session":
                return "give --pageviews";
            case "revenue_per_visitor":
            case "sessions_per_visitor":
                return "give --visitors";
            case "conversion_rate":
                return "give --orders or --converting-sessions";
            case "orders_per_converting_session":
                return "give --orders and --converting-sessions";
            case "average_order_value":
                return "give --orders";
            default:
                return "undefined";
        }
    }
}

package io.persession.engine;

import io.persession.spi.Totals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The change of net revenue between a baseline period and the current one, decomposed exactly into its
 * causes (DESIGN.md, "Rating, scenarios, leverage").
 *
 * <p>Purchase revenue is a product of four factors, sessions x conversion_rate x
 * orders_per_converting_session x average_order_value (= sessions x converting/sessions x
 * orders/converting x purchase revenue/orders). Its change is split by the additive log-mean Divisia
 * index, LMDI-I (Ang): the part of factor x is L(PR1, PR0) x ln(x1 / x0), with the logarithmic mean
 * L(a, b) = (a - b) / (ln a - ln b) and L(a, a) = a. The four parts add up to PR1 - PR0 exactly (the
 * logarithms of the factors add up to the logarithm of the product). Ad revenue and refunds are not
 * products of those factors: their changes are parts of their own ({@code ad_revenue} = A1 - A0,
 * {@code refunds} = -(F1 - F0)), so the six parts add up to the change of net revenue.
 *
 * <p>Exact to the micro-unit (and so to the cent): the logarithms are computed in double precision, each
 * LMDI part is rounded half-even to a micro-unit, and what rounding leaves over (the <em>residue</em>: a
 * few micro-units; double precision keeps about 15 significant digits of the largest amount) is added to the LMDI part with the largest absolute value (on a tie, the
 * first in the order sessions, conversion_rate, orders_per_converting_session, average_order_value).
 * {@link #partsRounded(int)} rounds the parts for display (largest remainder) so that the rounded parts
 * still add up to the rounded change.
 *
 * <p>Zero values: LMDI takes logarithms, and ln 0 is undefined. persession uses the standard limit
 * (Ang and Liu 2007, replacing 0 by e and letting e go to 0): when purchase revenue is zero in one period
 * and positive in the other, the factor that is zero (or undefined) in that period takes the whole change
 * of purchase revenue and the other three take 0; the factor is the first of sessions (no sessions),
 * conversion_rate (no converting session), orders_per_converting_session (no order), average_order_value
 * (orders of zero value). Zero in both periods: every purchase part is 0. {@link #notes()} explains each
 * case in words. Immutable.
 */
public final class ChangeDecomposition {
    /** The parts, in order. */
    public static final List<String> PARTS = List.of("sessions", "conversion_rate", "orders_per_converting_session", "average_order_value",
            "ad_revenue", "refunds");
    private static final List<String> FACTORS = PARTS.subList(0, 4);

    private final Figures before;
    private final Figures after;
    private final String currency;
    private final long changeMicros;
    private final Map<String, Long> partsMicros;
    private final long residueMicros;
    private final String residuePart;
    private final List<String> notes;

    private ChangeDecomposition(Figures before, Figures after, String currency, long changeMicros, Map<String, Long> partsMicros,
                                long residueMicros, String residuePart, List<String> notes) {
        this.before = before;
        this.after = after;
        this.currency = currency;
        this.changeMicros = changeMicros;
        this.partsMicros = Collections.unmodifiableMap(partsMicros);
        this.residueMicros = residueMicros;
        this.residuePart = residuePart;
        this.notes = List.copyOf(notes);
    }

    /**
     * Decomposes the change from {@code before} (baseline) to {@code after} (current).
     *
     * @throws AnalysisException when the two periods are in different currencies
     */
    public static ChangeDecomposition of(Totals before, Totals after) {
        Objects.requireNonNull(before, "before is null");
        Objects.requireNonNull(after, "after is null");
        if (before.currency() != null && after.currency() != null && !before.currency().equals(after.currency())) {
            throw new AnalysisException("the baseline is in " + before.currency() + " and the current period in " + after.currency()
                    + "; persession never subtracts across currencies: analyse both in one currency (--currency " + after.currency()
                    + " --fx " + before.currency() + "=RATE)");
        }
        String currency = after.currency() != null ? after.currency() : before.currency();
        long pr0 = before.purchaseRevenueMicros();
        long pr1 = after.purchaseRevenueMicros();
        if (pr0 < 0 || pr1 < 0) {
            throw new IllegalArgumentException("purchase revenue is negative: " + pr0 + ", " + pr1);
        }
        long[][] x = {factors(before), factors(after)};
        long dPr = Math.subtractExact(pr1, pr0);
        double[] effects = new double[4];
        List<String> notes = new ArrayList<>();

        if (pr0 > 0 && pr1 > 0) {
            for (long[] period : x) {
                for (long v : period) {
                    if (v <= 0) {
                        throw new IllegalArgumentException("inconsistent totals: purchase revenue without sessions, converting sessions or orders");
                    }
                }
            }
            double w = logMean(pr1, pr0);
            long[] b = x[0];
            long[] a = x[1];
            // x = {S, C, P, PR}; the factors are S, C/S, P/C, PR/P; each log ratio from one ratio of doubles (a few ulps)
            effects[0] = w * Math.log((double) a[0] / b[0]);
            effects[1] = w * Math.log(((double) a[1] / b[1]) * ((double) b[0] / a[0]));
            effects[2] = w * Math.log(((double) a[2] / b[2]) * ((double) b[1] / a[1]));
            effects[3] = w * Math.log(((double) a[3] / b[3]) * ((double) b[2] / a[2]));
        } else if (pr0 == 0 && pr1 == 0) {
            notes.add("No purchase revenue in either period: sessions, conversion, orders per converting session and order value"
                    + " add nothing (each part is 0).");
        } else {
            int zeroPeriod = pr0 == 0 ? 0 : 1;
            int k = firstZero(x[zeroPeriod]);
            effects[k] = dPr;
            notes.add(zeroNote(zeroPeriod, k, dPr, currency));
        }

        Map<String, Long> parts = new LinkedHashMap<>();
        long sum = 0;
        int largest = 0;
        for (int i = 0; i < 4; i++) {
            long p = BigDecimal.valueOf(effects[i]).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
            parts.put(FACTORS.get(i), p);
            sum += p;
            if (Math.abs(effects[i]) > Math.abs(effects[largest])) {
                largest = i;
            }
        }
        long residue = dPr - sum;
        String residuePart = null;
        if (residue != 0) {
            residuePart = FACTORS.get(largest);
            parts.merge(residuePart, residue, Long::sum);
            notes.add("Rounding the LMDI parts to micro-units left " + residue + " micro-unit(s), added to " + residuePart
                    + " (the largest part) so that the parts add up to the change exactly.");
        }
        parts.put("ad_revenue", Math.subtractExact(after.adRevenueMicros(), before.adRevenueMicros()));
        parts.put("refunds", -Math.subtractExact(after.refundMicros(), before.refundMicros()));
        long change = Math.subtractExact(after.revenueMicros(), before.revenueMicros());
        long total = parts.values().stream().mapToLong(Long::longValue).sum();
        if (total != change) {
            throw new IllegalStateException("the parts add up to " + total + " micro-units, the change is " + change + ": a bug in persession");
        }
        return new ChangeDecomposition(Figures.of(before), Figures.of(after), currency, change, parts, residue, residuePart, notes);
    }

    /** {S, C, P, PR}: sessions, converting sessions, orders, purchase revenue in micro-units. */
    private static long[] factors(Totals t) {
        return new long[] {t.sessions(), t.convertingSessions(), t.purchases(), t.purchaseRevenueMicros()};
    }

    /** L(a, b) = (a - b) / (ln a - ln b), L(a, a) = a; a, b > 0. Stable for a close to b (log1p) and far from it. */
    static double logMean(long a, long b) {
        if (a == b) {
            return a;
        }
        double d = (double) Math.subtractExact(a, b);
        double x = d / b;
        return d / (Math.abs(x) < 0.5 ? Math.log1p(x) : Math.log((double) a / b));
    }

    /** The first of sessions, conversion, orders per converting session, order value that is 0 (or undefined) in a period. */
    private static int firstZero(long[] x) {
        for (int i = 0; i < x.length; i++) {
            if (x[i] == 0) {
                return i;
            }
        }
        throw new IllegalStateException("no zero factor in a period without purchase revenue");
    }

    private static String zeroNote(int zeroPeriod, int k, long dPr, String currency) {
        String period = zeroPeriod == 0 ? "the baseline" : "the current period";
        String why;
        switch (k) {
            case 0:
                why = "had no sessions";
                break;
            case 1:
                why = "had no converting session (conversion 0; orders per converting session and order value undefined)";
                break;
            case 2:
                why = "had no order";
                break;
            default:
                why = "had orders of zero value (order value 0)";
                break;
        }
        return "No purchase revenue in " + period + ": it " + why + ". LMDI's logarithm of zero is taken in the limit (Ang and Liu"
                + " 2007): " + FACTORS.get(k) + " takes the whole change of purchase revenue ("
                + Texts.signedMoney(Money.toDecimal(dPr), currency) + ") and the other purchase factors take 0.";
    }

    /** The baseline's figures (sessions, conversion, ... for display). */
    public Figures before() {
        return before;
    }

    /** The current period's figures. */
    public Figures after() {
        return after;
    }

    /** The currency of both periods ({@code null}: no money in either). */
    public String currency() {
        return currency;
    }

    /** Net revenue after - before, exact. */
    public BigDecimal revenueChange() {
        return Money.toDecimal(changeMicros);
    }

    public long revenueChangeMicros() {
        return changeMicros;
    }

    /** The parts by name ({@link #PARTS} order), exact; they add up to {@link #revenueChange()}. */
    public Map<String, BigDecimal> parts() {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        partsMicros.forEach((k, v) -> out.put(k, Money.toDecimal(v)));
        return out;
    }

    public Map<String, Long> partsMicros() {
        return partsMicros;
    }

    /**
     * The parts rounded to {@code scale} decimals so that they still add up to the change rounded
     * half-even to {@code scale} (largest remainder: each part is rounded down, and the units left over
     * go to the parts with the largest remainders, ties to the earlier part).
     */
    public Map<String, BigDecimal> partsRounded(int scale) {
        BigDecimal unit = BigDecimal.ONE.movePointLeft(scale);
        BigDecimal target = revenueChange().setScale(scale, RoundingMode.HALF_EVEN);
        Map<String, BigDecimal> exact = parts();
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        List<String> byRemainder = new ArrayList<>(exact.keySet());
        Map<String, BigDecimal> remainder = new LinkedHashMap<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> e : exact.entrySet()) {
            BigDecimal down = e.getValue().setScale(scale, RoundingMode.FLOOR);
            out.put(e.getKey(), down);
            remainder.put(e.getKey(), e.getValue().subtract(down));
            sum = sum.add(down);
        }
        byRemainder.sort((a, b) -> remainder.get(b).compareTo(remainder.get(a))); // stable: ties keep PARTS order
        int left = target.subtract(sum).divide(unit, 0, RoundingMode.UNNECESSARY).intValueExact();
        for (int i = 0; i < left; i++) {
            String k = byRemainder.get(i);
            out.put(k, out.get(k).add(unit));
        }
        return out;
    }

    /** Micro-units rounding left over and added to {@link #residuePart()}; 0 when none. */
    public long residueMicros() {
        return residueMicros;
    }

    /** The part the residue was added to; {@code null} when there was none. */
    public String residuePart() {
        return residuePart;
    }

    /** Plain-language notes: zero values and how they were handled, a residue. */
    public List<String> notes() {
        return notes;
    }

    /** The method, for output. */
    public static String method() {
        return "LMDI-I (additive log-mean Divisia index)";
    }
}

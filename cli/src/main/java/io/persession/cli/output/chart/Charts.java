package io.persession.cli.output.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleFunction;

/**
 * The report's charts as inline SVG strings: horizontal bars, sessions and revenue per session by day,
 * and a waterfall. Pure functions of their arguments (no ids, no clock, no hash order): the same data
 * gives the same bytes. Styling is left to the page's CSS classes ({@code bar}, {@code bar-neg},
 * {@code axis}, {@code grid}, {@code label}, {@code value}, {@code line}, {@code dot}).
 */
public final class Charts {
    static final int WIDTH = 860;

    private Charts() {
    }

    /** One bar: its label, value, the value as people read it, and a CSS class ({@code null}: {@code bar}). */
    public static final class Bar {
        final String label;
        final double value;
        final String text;
        final String cls;

        public Bar(String label, double value, String text, String cls) {
            this.label = Objects.requireNonNull(label, "label");
            this.value = value;
            this.text = Objects.requireNonNull(text, "text");
            this.cls = cls;
        }

        public Bar(String label, double value, String text) {
            this(label, value, text, null);
        }
    }

    /** Horizontal bars, one a row, from a zero line (negative values go left of it). */
    public static String bars(String title, List<Bar> bars) {
        int rowH = 30;
        int top = 10;
        int labelW = 160;
        int valueW = 60;
        for (Bar b : bars) {
            valueW = Math.max(valueW, 16 + (int) Math.ceil(b.text.length() * 7.2));
        }
        valueW = Math.min(valueW, 330);
        int height = top * 2 + Math.max(1, bars.size()) * rowH;
        double min = 0;
        double max = 0;
        for (Bar b : bars) {
            min = Math.min(min, b.value);
            max = Math.max(max, b.value);
        }
        double span = max - min == 0 ? 1 : max - min;
        double plotX = labelW;
        double plotW = WIDTH - labelW - valueW;
        double zero = plotX + (0 - min) / span * plotW;
        StringBuilder s = new StringBuilder(Svg.open(WIDTH, height, title));
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double y = top + i * rowH;
            double x1 = plotX + (Math.min(0, b.value) - min) / span * plotW;
            double x2 = plotX + (Math.max(0, b.value) - min) / span * plotW;
            String cls = b.cls != null ? b.cls : b.value < 0 ? "bar bar-neg" : "bar";
            s.append(Svg.text(labelW - 8, y + rowH / 2.0 + 4, "end", "label", Svg.clip(b.label, 30)));
            s.append(Svg.rect(x1, y + 5, Math.max(x2 - x1, b.value == 0 ? 0 : 1), rowH - 10, cls, b.label + ": " + b.text));
            s.append(Svg.text(Math.max(x2, zero) + 6, y + rowH / 2.0 + 4, null, "value", b.text));
        }
        s.append(Svg.line(zero, top - 2, zero, height - top + 2, "axis"));
        return s.append(Svg.close()).toString();
    }

    /** One day: its label, sessions and revenue per session (NaN when it has no sessions). */
    public static final class Day {
        final String label;
        final long sessions;
        final double revenuePerSession;
        final String sessionsText;
        final String rpsText;

        public Day(String label, long sessions, double revenuePerSession, String sessionsText, String rpsText) {
            this.label = Objects.requireNonNull(label, "label");
            this.sessions = sessions;
            this.revenuePerSession = revenuePerSession;
            this.sessionsText = Objects.requireNonNull(sessionsText, "sessionsText");
            this.rpsText = Objects.requireNonNull(rpsText, "rpsText");
        }
    }

    /**
     * Sessions by day as columns (left scale) and revenue per session as a line with dots (right scale).
     * {@code rpsAxis} formats the right scale's ticks.
     */
    public static String days(String title, List<Day> days, DoubleFunction<String> sessionsAxis, DoubleFunction<String> rpsAxis) {
        int height = 300;
        double left = 70;
        double right = WIDTH - 80;
        double top = 20;
        double bottom = height - 50;
        long maxSessions = 1;
        double maxRps = 0;
        double minRps = 0;
        for (Day d : days) {
            maxSessions = Math.max(maxSessions, d.sessions);
            if (!Double.isNaN(d.revenuePerSession)) {
                maxRps = Math.max(maxRps, d.revenuePerSession);
                minRps = Math.min(minRps, d.revenuePerSession);
            }
        }
        double sTop = niceCeiling(maxSessions);
        double rTop = maxRps <= 0 ? 1 : niceCeiling(maxRps);
        double rSpan = rTop - minRps;
        StringBuilder s = new StringBuilder(Svg.open(WIDTH, height, title));
        for (int t = 0; t <= 4; t++) {
            double y = bottom - (bottom - top) * t / 4.0;
            s.append(Svg.line(left, y, right, y, "grid"));
            s.append(Svg.text(left - 6, y + 4, "end", "tick", sessionsAxis.apply(sTop * t / 4.0)));
            s.append(Svg.text(right + 6, y + 4, null, "tick tick-line", rpsAxis.apply(minRps + rSpan * t / 4.0)));
        }
        int n = Math.max(1, days.size());
        double slot = (right - left) / n;
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            Day d = days.get(i);
            double x = left + slot * i;
            double h = (bottom - top) * d.sessions / sTop;
            s.append(Svg.rect(x + slot * 0.15, bottom - h, slot * 0.7, h, "bar", d.label + ": " + d.sessionsText + " sessions, "
                    + d.rpsText + " per session"));
            s.append(Svg.text(x + slot / 2, bottom + 18, "middle", "tick", d.label));
            if (!Double.isNaN(d.revenuePerSession)) {
                points.add(new double[] {x + slot / 2, bottom - (bottom - top) * (d.revenuePerSession - minRps) / rSpan});
            }
        }
        if (points.size() > 1) {
            StringBuilder p = new StringBuilder();
            for (double[] pt : points) {
                p.append(p.length() == 0 ? "" : " ").append(Svg.num(pt[0])).append(',').append(Svg.num(pt[1]));
            }
            s.append("<polyline points=\"").append(p).append("\" class=\"line\"/>");
        }
        for (double[] pt : points) {
            s.append("<circle cx=\"").append(Svg.num(pt[0])).append("\" cy=\"").append(Svg.num(pt[1])).append("\" r=\"4\" class=\"dot\"/>");
        }
        s.append(Svg.line(left, bottom, right, bottom, "axis"));
        // legend
        double ly = height - 14;
        s.append(Svg.rect(left, ly - 9, 12, 10, "bar", null)).append(Svg.text(left + 18, ly, null, "legend", "sessions (left scale)"));
        s.append(Svg.line(left + 200, ly - 4, left + 224, ly - 4, "line")).append("<circle cx=\"").append(Svg.num(left + 212))
                .append("\" cy=\"").append(Svg.num(ly - 4)).append("\" r=\"4\" class=\"dot\"/>")
                .append(Svg.text(left + 232, ly, null, "legend", "revenue per session (right scale)"));
        return s.append(Svg.close()).toString();
    }

    /** One step of a waterfall: a total ({@code total}) drawn from zero, or a change drawn from the running sum. */
    public static final class Step {
        final String label;
        final double value;
        final String text;
        final boolean total;

        public Step(String label, double value, String text, boolean total) {
            this.label = Objects.requireNonNull(label, "label");
            this.value = value;
            this.text = Objects.requireNonNull(text, "text");
            this.total = total;
        }
    }

    /**
     * A waterfall: the first and last steps are totals, those between add up from one to the other. When
     * the changes are small next to the totals, the scale starts above zero (said under the chart) so that
     * they stay visible.
     */
    public static String waterfall(String title, List<Step> steps, DoubleFunction<String> axis) {
        int height = 340;
        double left = 100;
        double right = WIDTH - 20;
        double top = 30;
        double bottom = height - 78;
        double running = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Step st : steps) {
            double from = st.total ? st.value : running;
            double to = st.total ? st.value : running + st.value;
            min = Math.min(min, Math.min(from, to));
            max = Math.max(max, Math.max(from, to));
            running = to;
        }
        if (steps.isEmpty()) {
            min = 0;
            max = 1;
        }
        double pad = (max - min) == 0 ? Math.max(1, Math.abs(max) * 0.1) : (max - min) * 0.25;
        double floor = min - pad;
        if (min >= 0 && floor < 0) {
            floor = 0;
        }
        if (floor > 0 && floor < (max - floor) * 0.5) {
            floor = 0; // close enough to zero: start there
        }
        boolean broken = floor > 0;
        double ceiling = Math.max(max, 0) + pad * 0.4;
        double span = ceiling - floor;
        double lo = floor;
        DoubleFunction<Double> y = v -> bottom - (bottom - top) * (v - lo) / span;
        StringBuilder s = new StringBuilder(Svg.open(WIDTH, height, title));
        for (int t = 0; t <= 4; t++) {
            double v = floor + span * t / 4.0;
            s.append(Svg.line(left, y.apply(v), right, y.apply(v), "grid"));
            s.append(Svg.text(left - 6, y.apply(v) + 4, "end", "tick", axis.apply(v)));
        }
        if (floor <= 0 && ceiling >= 0) {
            s.append(Svg.line(left, y.apply(0), right, y.apply(0), "axis"));
        }
        int n = Math.max(1, steps.size());
        double slot = (right - left) / n;
        running = 0;
        double prevEnd = Double.NaN;
        for (int i = 0; i < steps.size(); i++) {
            Step st = steps.get(i);
            double from = st.total ? Math.max(floor, Math.min(0, st.value)) : running;
            double to = st.total ? st.value : running + st.value;
            double x = left + slot * i;
            double y1 = y.apply(Math.max(from, to));
            double y2 = y.apply(Math.min(from, to));
            String cls = st.total ? "bar bar-total" : st.value < 0 ? "bar bar-neg" : "bar bar-pos";
            if (!Double.isNaN(prevEnd)) {
                s.append(Svg.line(x - slot * 0.15, y.apply(prevEnd), x + slot * 0.15, y.apply(prevEnd), "connector"));
            }
            s.append(Svg.rect(x + slot * 0.15, y1, slot * 0.7, Math.max(1, y2 - y1), cls, st.label + ": " + st.text));
            // labels alternate a little in height so that neighbours do not run into each other
            s.append(Svg.text(x + slot / 2, y1 - 6 - (i % 2) * 13, "middle", "value value-small", st.text));
            List<String> words = wrap(st.label, 14);
            for (int w = 0; w < words.size() && w < 3; w++) {
                s.append(Svg.text(x + slot / 2, bottom + 18 + w * 14, "middle", "tick", words.get(w)));
            }
            running = to;
            prevEnd = to;
        }
        if (broken) {
            s.append(Svg.text(left, height - 8, null, "legend", "The scale starts at " + axis.apply(floor)
                    + ", not at zero, so that the changes show; the totals are cut."));
        }
        return s.append(Svg.close()).toString();
    }

    /** Splits {@code label} into lines of about {@code width} characters at spaces. */
    static List<String> wrap(String label, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : label.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() == 0 ? "" : " ").append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** 1, 2, 2.5 or 5 times a power of ten, at least {@code v}. */
    static double niceCeiling(double v) {
        if (v <= 0) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }
}

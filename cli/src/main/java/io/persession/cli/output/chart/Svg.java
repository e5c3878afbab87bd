package io.persession.cli.output.chart;

import java.util.Locale;

/**
 * Writing inline SVG safely and deterministically: every text and attribute value is escaped (input
 * strings such as campaign names or file names can hold {@code <}, {@code &}, quotes or {@code </svg>}),
 * and every coordinate is written with {@link Locale#ROOT} and one decimal, so the same input gives the
 * same bytes.
 */
public final class Svg {
    private Svg() {
    }

    /** Escapes {@code & < > " '} for use in SVG or HTML text and in double- or single-quoted attributes. */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&':
                    b.append("&amp;");
                    break;
                case '<':
                    b.append("&lt;");
                    break;
                case '>':
                    b.append("&gt;");
                    break;
                case '"':
                    b.append("&#34;");
                    break;
                case '\'':
                    b.append("&#39;");
                    break;
                default:
                    // control characters other than tab and newline are not allowed in XML text
                    b.append(c < 0x20 && c != '\t' && c != '\n' ? ' ' : c);
            }
        }
        return b.toString();
    }

    /** A coordinate: one decimal, {@code .0} dropped, never {@code -0}. */
    public static String num(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            v = 0;
        }
        long tenths = Math.round(v * 10);
        if (tenths == 0) {
            return "0";
        }
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : String.format(Locale.ROOT, "%.1f", tenths / 10.0);
    }

    /** Shortens {@code s} to {@code max} characters with an ellipsis (before escaping). */
    public static String clip(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, Math.max(1, max - 1)) + "\u2026";
    }

    /** {@code <text ...>escaped</text>}. */
    static String text(double x, double y, String anchor, String cls, String content) {
        return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\"" + (anchor == null ? "" : " text-anchor=\"" + anchor + "\"")
                + (cls == null ? "" : " class=\"" + cls + "\"") + ">" + escape(content) + "</text>";
    }

    static String rect(double x, double y, double w, double h, String cls, String title) {
        return "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(Math.max(0, w)) + "\" height=\"" + num(Math.max(0, h))
                + "\" class=\"" + cls + "\">" + (title == null ? "" : "<title>" + escape(title) + "</title>") + "</rect>";
    }

    static String line(double x1, double y1, double x2, double y2, String cls) {
        return "<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" + num(y2) + "\" class=\"" + cls + "\"/>";
    }

    /** The opening tag of a chart: a scalable view box, an accessible name. */
    static String open(int width, int height, String label) {
        return "<svg class=\"chart\" viewBox=\"0 0 " + width + " " + height + "\" width=\"" + width
                + "\" height=\"" + height + "\" role=\"img\" aria-label=\"" + escape(label) + "\"><title>" + escape(label) + "</title>";
    }

    static String close() {
        return "</svg>";
    }
}

package io.persession.spi;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Where a visit came from: source, medium, campaign, term, content and click id. Immutable.
 *
 * <p>Blank values and Google Analytics' placeholders {@code (direct)}, {@code (none)},
 * {@code (not set)} and {@code (not provided)} mean "no value": a source whose six fields are all
 * absent is {@link #isDirect() direct}. Two sources are equal when their six normalised fields are.
 */
public final class TrafficSource {
    /** The traffic source of a direct visit (no field set). */
    public static final TrafficSource DIRECT = new TrafficSource(null, null, null, null, null, null);

    private static final Set<String> PLACEHOLDERS = Set.of("(direct)", "(none)", "(not set)", "(not provided)");

    private final String source;
    private final String medium;
    private final String campaign;
    private final String term;
    private final String content;
    private final String clickId;

    private TrafficSource(String source, String medium, String campaign, String term, String content, String clickId) {
        this.source = source;
        this.medium = medium;
        this.campaign = campaign;
        this.term = term;
        this.content = content;
        this.clickId = clickId;
    }

    /** A traffic source; any argument may be {@code null}, blank or a GA placeholder, meaning absent. */
    public static TrafficSource of(String source, String medium, String campaign, String term, String content, String clickId) {
        String s = normalise(source);
        String m = normalise(medium);
        String c = normalise(campaign);
        String t = normalise(term);
        String co = normalise(content);
        String k = normalise(clickId);
        if (s == null && m == null && c == null && t == null && co == null && k == null) {
            return DIRECT;
        }
        return new TrafficSource(s, m, c, t, co, k);
    }

    /** {@code null} for blank values and GA placeholders, else the value trimmed. */
    public static String normalise(String value) {
        if (value == null) {
            return null;
        }
        String v = value.trim();
        if (v.isEmpty() || PLACEHOLDERS.contains(v.toLowerCase(Locale.ROOT))) {
            return null;
        }
        return v;
    }

    /** True when no field is set: a direct visit, which never splits a session by itself. */
    public boolean isDirect() {
        return source == null && medium == null && campaign == null && term == null && content == null && clickId == null;
    }

    /** Nullable. */
    public String source() {
        return source;
    }

    /** Nullable. */
    public String medium() {
        return medium;
    }

    /** Nullable. */
    public String campaign() {
        return campaign;
    }

    /** Nullable. */
    public String term() {
        return term;
    }

    /** Nullable. */
    public String content() {
        return content;
    }

    /** Nullable: gclid, fbclid, msclkid and the like. */
    public String clickId() {
        return clickId;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof TrafficSource)) {
            return false;
        }
        TrafficSource t = (TrafficSource) o;
        return Objects.equals(source, t.source) && Objects.equals(medium, t.medium)
                && Objects.equals(campaign, t.campaign) && Objects.equals(term, t.term)
                && Objects.equals(content, t.content) && Objects.equals(clickId, t.clickId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, medium, campaign, term, content, clickId);
    }

    /** {@code source / medium / campaign}, or {@code (direct)}. */
    @Override
    public String toString() {
        if (isDirect()) {
            return "(direct)";
        }
        StringBuilder b = new StringBuilder();
        b.append(source == null ? "(none)" : source).append(" / ").append(medium == null ? "(none)" : medium);
        if (campaign != null) {
            b.append(" / ").append(campaign);
        }
        if (term != null) {
            b.append(" / ").append(term);
        }
        if (content != null) {
            b.append(" / ").append(content);
        }
        if (clickId != null) {
            b.append(" / click ").append(clickId);
        }
        return b.toString();
    }
}

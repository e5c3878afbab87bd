package io.persession.cli.output;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What the HTML report shows, as plain strings: the JTE template ({@code src/main/jte/report.jte}) escapes
 * every one of them. Only {@link Section#svg()} is written as is: the charts escape their own text.
 */
public final class ReportModel {
    /** A big number in the headline. */
    public record Figure(String label, String value, String note) {
    }

    /** A rating badge: tone is {@code strong}, {@code average}, {@code low} or {@code none}. */
    public record Badge(String metric, String label, String tone, List<String> details, List<String> warnings) {
    }

    /** A name and its value. */
    public record Fact(String name, String value) {
    }

    /** A table; {@code numeric} marks the right-aligned columns. */
    public record Table(String caption, List<String> headers, List<Boolean> numeric, List<List<String>> rows) {
        public boolean isNumeric(int column) {
            return column < numeric.size() && numeric.get(column);
        }
    }

    /** A section: title, paragraphs, facts, an optional chart (SVG, already escaped), tables and notes after them. */
    public record Section(String id, String title, List<String> paragraphs, List<Fact> facts, String svg, List<Table> tables, List<String> notes) {
        public boolean hasSvg() {
            return svg != null && !svg.isEmpty();
        }
    }

    private final String title;
    private final String subtitle;
    private final List<Figure> headline = new ArrayList<>();
    private final List<Badge> badges = new ArrayList<>();
    private final List<String> headlineNotes = new ArrayList<>();
    private final List<Section> sections = new ArrayList<>();
    private String ratedAgainst;

    ReportModel(String title, String subtitle) {
        this.title = title;
        this.subtitle = subtitle;
    }

    public String title() {
        return title;
    }

    public String subtitle() {
        return subtitle;
    }

    public List<Figure> headline() {
        return Collections.unmodifiableList(headline);
    }

    public List<Badge> badges() {
        return Collections.unmodifiableList(badges);
    }

    public List<String> headlineNotes() {
        return Collections.unmodifiableList(headlineNotes);
    }

    /** The pack and segment the badges rate against, or {@code null}. */
    public String ratedAgainst() {
        return ratedAgainst;
    }

    ReportModel ratedAgainst(String text) {
        this.ratedAgainst = text;
        return this;
    }

    public List<Section> sections() {
        return Collections.unmodifiableList(sections);
    }

    ReportModel figure(String label, String value, String note) {
        headline.add(new Figure(label, value, note));
        return this;
    }

    ReportModel badge(Badge b) {
        badges.add(b);
        return this;
    }

    ReportModel note(String note) {
        headlineNotes.add(note);
        return this;
    }

    ReportModel section(Section s) {
        sections.add(s);
        return this;
    }

    /** A section builder. */
    static final class SectionBuilder {
        private final String id;
        private final String title;
        private final List<String> paragraphs = new ArrayList<>();
        private final List<Fact> facts = new ArrayList<>();
        private final List<Table> tables = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private String svg;

        SectionBuilder(String id, String title) {
            this.id = id;
            this.title = title;
        }

        SectionBuilder p(String text) {
            paragraphs.add(text);
            return this;
        }

        SectionBuilder note(String text) {
            notes.add(text);
            return this;
        }

        SectionBuilder fact(String name, String value) {
            facts.add(new Fact(name, value));
            return this;
        }

        SectionBuilder svg(String svg) {
            this.svg = svg;
            return this;
        }

        SectionBuilder table(Table t) {
            tables.add(t);
            return this;
        }

        Section build() {
            return new Section(id, title, List.copyOf(paragraphs), List.copyOf(facts), svg, List.copyOf(tables), List.copyOf(notes));
        }
    }

    /** A table builder: {@code header(name, numeric)} then rows. */
    static final class TableBuilder {
        private final String caption;
        private final List<String> headers = new ArrayList<>();
        private final List<Boolean> numeric = new ArrayList<>();
        private final List<List<String>> rows = new ArrayList<>();

        TableBuilder(String caption) {
            this.caption = caption;
        }

        TableBuilder col(String name, boolean isNumeric) {
            headers.add(name);
            numeric.add(isNumeric);
            return this;
        }

        TableBuilder row(String... cells) {
            List<String> r = new ArrayList<>();
            for (String c : cells) {
                r.add(c == null ? "" : c);
            }
            rows.add(List.copyOf(r));
            return this;
        }

        Table build() {
            return new Table(caption, List.copyOf(headers), List.copyOf(numeric), List.copyOf(rows));
        }
    }
}

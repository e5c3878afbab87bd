package io.persession.cli.output;

import io.persession.report.InsightReport;
import io.persession.cli.output.chart.Charts;
import io.persession.cli.output.chart.Svg;
import io.persession.engine.Engine;
import io.persession.engine.EventInput;
import io.persession.engine.EventSink;
import io.persession.engine.Figures;
import io.persession.engine.Insights;
import io.persession.spi.BotClassifier;
import io.persession.spi.Event;
import io.persession.spi.EventType;
import io.persession.spi.OpenSession;
import io.persession.spi.Session;
import io.persession.spi.SessionDefinition;
import io.persession.spi.SessionRule;
import io.persession.spi.TrafficSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile strings through every field that can reach the HTML report, including those the built-in plugins
 * would refuse (a plugin's start reason, bot reason, definition description and options, file names):
 * they appear only escaped, in HTML text, attributes and SVG text alike.
 */
class HtmlReportEscapingTest {
    static final String EVIL = "<script>alert(\"x\")</script>'&amp;</svg><img src=x onerror=alert(1)>";

    private static final class Input implements EventInput {
        private final List<Event> events;

        Input(List<Event> events) {
            this.events = events;
        }

        @Override
        public void read(EventSink sink, boolean firstPass) {
            events.forEach(sink::accept);
        }

        @Override
        public long rowsRead() {
            return events.size();
        }

        @Override
        public long rowsRejected() {
            return 0;
        }

        @Override
        public List<String> names() {
            return List.of(EVIL + ".csv", "second " + EVIL + ".jsonl");
        }
    }

    /** Starts a session when the campaign changes, with a hostile reason. */
    private static final SessionRule EVIL_RULE = new SessionRule() {
        @Override
        public String reason() {
            return "campaign-change"; // the host only accepts [a-z0-9-]+ here
        }

        @Override
        public boolean startsNewSession(OpenSession session, Event next) {
            return !Objects.equals(session.trafficSource().campaign(), next.trafficSource().campaign());
        }
    };

    private static final BotClassifier EVIL_BOTS = new BotClassifier() {
        @Override
        public String id() {
            return "evil-bots";
        }

        @Override
        public String description() {
            return EVIL;
        }

        @Override
        public Optional<String> classify(Session session) {
            String ua = session.firstEvent().userAgent();
            return ua != null && ua.startsWith("bot") ? Optional.of("robot") : Optional.empty();
        }
    };

    private static List<Event> events() {
        long t = Instant.parse("2026-03-02T10:00:00Z").toEpochMilli();
        List<Event> out = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String v = EVIL + i;
            TrafficSource src = TrafficSource.of(EVIL, EVIL, EVIL + (i % 2), EVIL, EVIL, EVIL);
            long at = t + i * 86_400_000L;
            out.add(Event.builder(at, v).type(EventType.PAGEVIEW).trafficSource(src).referrer(EVIL).page(EVIL).userAgent(i == 5 ? "bot " + EVIL : EVIL)
                    .eventId(EVIL + "e" + i).build());
            out.add(Event.builder(at + 60_000, v).type(EventType.PURCHASE).revenueMicros(9_500_000L * (i + 1)).currency("EUR")
                    .trafficSource(TrafficSource.of(EVIL, EVIL, EVIL + "other", EVIL, EVIL, EVIL)).orderId(EVIL + "o" + i).build());
            out.add(Event.builder(at + 120_000, v).named(EVIL).page(EVIL).build());
        }
        return out;
    }

    private static String report() {
        Map<String, String> options = new java.util.LinkedHashMap<>();
        options.put(EVIL, EVIL);
        options.put("zone", EVIL);
        SessionDefinition evil = SessionDefinition.of("evil", EVIL, options, List.of(EVIL_RULE));
        SessionDefinition other = SessionDefinition.of("other", "plain", Map.of("k", EVIL), List.of(EVIL_RULE));
        Engine engine = new Engine(Duration.ofMinutes(10), List.of(EVIL_BOTS), false, ZoneId.of("Europe/Paris"));
        Engine.Result result = engine.run(new Input(events()), List.of(evil, other));
        InsightReport insights = InsightReport.of(Insights.of(Figures.of(result.first().totals()), null, null, null));
        return HtmlReport.render(HtmlReport.analysisModel(EVIL, result.input(), result.first(), Path.of(EVIL + ".csv"), insights,
                new Comparison(result.input(), result.definitions(), Path.of(EVIL))));
    }

    @Test
    void everyHostileValueIsEscaped() {
        String html = report();
        assertOnlyEscaped(html);
        assertEquals(4, count(html, "<svg"), "by day, starts (hostile reasons in SVG text), scenarios, side by side");
        assertTrue(html.contains("<title>&lt;script&gt;alert(\"x\")&lt;/script&gt;'&amp;amp;&lt;/svg&gt;&lt;img src=x onerror=alert(1)&gt;</title>"),
                "in the title, double escaping kept: &amp; shows as &amp;amp;");
        assertTrue(html.contains("<dd>&lt;script&gt;alert(\"x\")&lt;/script&gt;'&amp;amp;&lt;/svg&gt;&lt;img src=x onerror=alert(1)&gt;</dd>"),
                "the definition's description");
        assertTrue(html.contains("<dd>&lt;script&gt;alert(\"x\")&lt;/script&gt;'&amp;amp;&lt;/svg&gt;&lt;img src=x onerror=alert(1)&gt;=&lt;script&gt;"),
                "the definition's options");
        assertEquals(report(), html, "deterministic");
    }

    @Test
    void chartsEscapeTheirOwnText() {
        String svg = Charts.bars(EVIL, List.of(new Charts.Bar(EVIL, 3, EVIL), new Charts.Bar("b", -2, "-2")));
        assertOnlyEscaped("<!DOCTYPE html><html><body>" + svg + "</body></html>");
        String days = Charts.days(EVIL, List.of(new Charts.Day(EVIL, 5, 1.5, EVIL, EVIL), new Charts.Day("d", 0, Double.NaN, "0", "n/a")),
                v -> EVIL, v -> EVIL);
        assertOnlyEscaped("<!DOCTYPE html><html><body>" + days + "</body></html>");
        assertTrue(days.contains("class=\"tick\">&lt;script&gt;"), "hostile axis text, escaped in SVG text");
        assertTrue(svg.contains("class=\"label\">&lt;script&gt;"), "a hostile bar label, escaped in SVG text");
        String w = Charts.waterfall(EVIL, List.of(new Charts.Step(EVIL, 10, EVIL, true), new Charts.Step(EVIL, -3, EVIL, false),
                new Charts.Step(EVIL, 7, EVIL, true)), v -> EVIL);
        assertOnlyEscaped("<!DOCTYPE html><html><body>" + w + "</body></html>");
        assertEquals("&lt;&amp;&gt;&#34;&#39; ", Svg.escape("<&>\"'\u0002"));
        assertEquals("0", Svg.num(-0.01));
        assertEquals("12.5", Svg.num(12.46));
        assertEquals("3", Svg.num(3.0));
        assertEquals("-1234567.5", Svg.num(-1234567.5));
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + what.length())) {
            n++;
        }
        return n;
    }

    static void assertOnlyEscaped(String html) {
        String lower = html.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("<script"), "no script element");
        assertFalse(lower.contains("<img"), "no img element");
        assertFalse(html.contains("\u0001"), "no control characters");
        // quotes need no escaping in HTML text; in attributes they are (checked below: no tag is broken open)
        assertFalse(html.contains("'&amp;</svg>"), "no raw closing svg from the input");
        assertEquals(count(lower, "<svg"), count(lower, "</svg>"), "every chart closed exactly once");
        Matcher m = Pattern.compile("<(/?)([a-zA-Z!][a-zA-Z0-9]*)").matcher(html);
        List<String> allowed = List.of("!DOCTYPE", "html", "head", "meta", "title", "style", "body", "main", "header", "h1", "h2", "p", "div",
                "span", "ul", "li", "section", "dl", "dt", "dd", "table", "caption", "thead", "tbody", "tr", "th", "td", "footer", "svg", "rect",
                "text", "line", "polyline", "circle");
        while (m.find()) {
            assertTrue(allowed.contains(m.group(2)), "unexpected element <" + m.group(2) + " in\n" + html);
        }
        // no attribute value broken out of: every attribute is name="value" without < or " inside
        Matcher attrs = Pattern.compile("<[a-zA-Z][^>]*>").matcher(html);
        while (attrs.find()) {
            String tag = attrs.group().replaceAll("\"[^\"<]*\"", "\"\"");
            assertFalse(tag.indexOf('<', 1) >= 0, "a tag broken open: " + attrs.group());
            assertFalse(tag.contains("onerror") || tag.contains("onload"), "an event handler attribute in " + tag);
        }
        assertTrue(html.contains("&lt;script&gt;"), "the hostile strings are there, escaped");
    }
}

package io.persession.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --format html} on analyze, compare, calc and demo: content, self-containment, determinism, escaping. */
class HtmlReportTest {
    @TempDir
    Path dir;

    private Path shop() {
        return Cli.resource("small-shop.csv", dir);
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + what.length())) {
            n++;
        }
        return n;
    }

    private static void assertContains(String text, String... parts) {
        for (String p : parts) {
            assertTrue(text.contains(p), "missing: " + p + "\n" + text);
        }
    }

    /** No scripts, no external resources, one document. */
    static void assertSelfContained(String html) {
        String lower = html.toLowerCase(Locale.ROOT);
        assertTrue(lower.startsWith("<!doctype html>"), html.substring(0, Math.min(200, html.length())));
        assertEquals(1, count(lower, "</html>"));
        for (String banned : List.of("<script", "<link", "<img", "<iframe", "<object", "<embed", "@import", "url(", " src=", " href=",
                "@font-face", "http://", "https://")) {
            assertFalse(lower.contains(banned), "the report must not contain " + banned);
        }
        assertEquals(count(lower, "<svg"), count(lower, "</svg>"), "every chart is closed");
        assertTrue(lower.contains("@media print"), "print CSS");
    }

    @Test
    void analyzeWritesOneSelfContainedReportWithEverySection() throws IOException {
        Path before = dir.resolve("before.csv");
        Files.writeString(before, "timestamp,visitor_id,event,revenue,currency\n2026-02-02T10:00:00Z,a,pageview,,\n"
                + "2026-02-02T10:01:00Z,a,purchase,50.00,USD\n2026-02-03T10:00:00Z,b,pageview,,\n");
        Path out = dir.resolve("out/report.html");
        Cli.Result r = Cli.run("analyze", shop().toString(), "--pack", "test-pack", "--segment", "shop", "--baseline", before.toString(),
                "--format", "html", "--output", out.toString(), "--rejects", dir.resolve("rejects.csv").toString());
        assertEquals(0, r.code(), r.describe());
        assertEquals("", r.out(), "the report goes to --output");
        String html = Files.readString(out);
        assertSelfContained(html);
        // headline and rating badge with pack, segment, statistic and flag
        assertContains(html, "Revenue per session", "$23.10", "Session RPM", "$23,099.00", "class=\"badge strong\"",
                "Pack test-pack 1.0", "segment shop", "Statistic p50 $2.00", "Flag V: verified in the source");
        // definition, options, input
        assertContains(html, "<dt>Session definition</dt><dd>timeout</dd>", "timeout=30m", "<dt>Rows read</dt>", "<dt>Duplicates</dt>",
                "<dt>Days counted in</dt><dd>UTC</dd>", "small-shop.csv");
        // charts and tables: by day, starts, scenarios, leverage, change
        for (String id : List.of("input", "days", "starts", "metrics", "rating", "scenarios", "leverage", "change")) {
            assertTrue(html.contains("<section id=\"" + id + "\">"), id);
        }
        assertEquals(4, count(html, "<svg"), "by day, starts, scenarios, waterfall");
        assertContains(html, "aria-label=\"Sessions and revenue per session by day\"", "aria-label=\"Session starts by reason\"",
                "aria-label=\"Revenue at current volume: current, benchmark, optimized\"", "aria-label=\"Revenue change from the baseline, by part\"",
                "Verdict: ", "2026-03-02 Mon", "LMDI");
    }

    @Test
    void theSameInputGivesTheSameBytes() throws IOException {
        Path a = dir.resolve("a.html");
        Path b = dir.resolve("b.html");
        for (Path p : List.of(a, b)) {
            Cli.Result r = Cli.run("analyze", shop().toString(), "--pack", "test-pack", "--segment", "shop", "--format", "html",
                    "--output", p.toString(), "--rejects", dir.resolve("rejects.csv").toString());
            assertEquals(0, r.code(), r.describe());
        }
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        Cli.Result c1 = Cli.run("compare", shop().toString(), "--format", "html", "--rejects", dir.resolve("r.csv").toString());
        Cli.Result c2 = Cli.run("compare", shop().toString(), "--format", "html", "--rejects", dir.resolve("r.csv").toString());
        assertEquals(c1.out(), c2.out());
    }

    @Test
    void dataNotYetVerifiedIsShownOnTheBadge() {
        Cli.Result r = Cli.run("analyze", shop().toString(), "--pack", "test-pack", "--segment", "mean-only", "--format", "html",
                "--rejects", dir.resolve("rejects.csv").toString());
        assertEquals(0, r.code(), r.describe());
        assertContains(r.out(), "<div class=\"warning\">Data not yet verified</div>", "Statistic mean", "Flag U: Data not yet verified",
                "derived band");
    }

    @Test
    void compareShowsTheDefinitionsSideBySide() {
        Cli.Result r = Cli.run("compare", shop().toString(), "--definitions", "timeout,ua", "--option", "zone=Europe/Paris", "--format", "html",
                "--rejects", dir.resolve("rejects.csv").toString());
        assertEquals(0, r.code(), r.describe());
        assertSelfContained(r.out());
        assertContains(r.out(), "<section id=\"compare\">", "aria-label=\"Sessions by session definition\"", "Sessions each rule started",
                "zone=Europe/Paris", "<td class=\"text\">timeout</td>");
    }

    @Test
    void calcWritesAReportToo() throws IOException {
        Path out = dir.resolve("calc.html");
        Cli.Result r = Cli.run("calc", "--revenue", "12000", "--sessions", "5000", "--orders", "100", "--currency", "USD", "--pack", "test-pack",
                "--segment", "shop", "--format", "html", "--output", out.toString());
        assertEquals(0, r.code(), r.describe());
        String html = Files.readString(out);
        assertSelfContained(html);
        assertContains(html, "$2.40", "$2,400.00", "class=\"badge strong\"", "<section id=\"scenarios\">", "<section id=\"leverage\">",
                "Assumed: each order counts as one converting session");
    }

    /** Every value from the input that can reach the report, hostile. */
    private static final String EVIL = "<script>alert(\"x\")</script>'&amp;</svg><img src=x onerror=alert(1)>";

    @Test
    void hostileInputIsEscapedEverywhere() throws IOException {
        String q = "\"" + EVIL.replace("\"", "\"\"") + "\"";
        StringBuilder csv = new StringBuilder("timestamp,visitor_id,event,revenue,currency,source,medium,campaign,term,content,click_id,"
                + "referrer,page,user_agent,event_id,order_id\n");
        for (int i = 0; i < 4; i++) {
            String t = "2026-03-0" + (2 + i) + "T10:00:00Z";
            csv.append(t).append(',').append(q.replace("x", "x" + i)).append(",pageview,,,").append(q).append(',').append(q).append(',')
                    .append(q).append(',').append(q).append(',').append(q).append(',').append(q).append(',').append(q)
                    .append(',').append(q).append(',').append(i == 3 ? q : "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0")
                    .append(',').append(q.replace("x", "e" + i)).append(",\n");
            csv.append(t.replace("10:00", "10:01")).append(',').append(q.replace("x", "x" + i)).append(',').append(q).append(",,,,,,,,,,,")
                    .append("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0").append(',').append(q.replace("x", "f" + i)).append(",\n");
            csv.append(t.replace("10:00", "10:02")).append(',').append(q.replace("x", "x" + i)).append(",purchase,9.50,USD,,,,,,,,,,")
                    .append(q.replace("x", "g" + i)).append(',').append(q.replace("x", "o" + i)).append('\n');
        }
        csv.append(q).append(',').append(q).append(",pageview,,,,,,,,,,,,,\n"); // rejected: bad timestamp
        Path evilDir = dir.resolve("in <b>&\"'");
        Files.createDirectories(evilDir);
        Path file = evilDir.resolve("ev<script>alert(1)<\\script>&'\"<svg onload=alert(2)>.csv");
        Files.writeString(file, csv.toString(), StandardCharsets.UTF_8);
        Path rejects = evilDir.resolve("rejects<script>.csv");
        Cli.Result a = Cli.run("analyze", file.toString(), "--definition", "campaign", "--pack", "test-pack",
                "--segment", "shop", "--format", "html", "--rejects", rejects.toString(), "--max-rejects", "50%");
        assertEquals(0, a.code(), a.describe());
        assertEscaped(a.out(), 3);
        assertTrue(a.out().contains("<dd>ev&lt;script&gt;alert(1)&lt;\\script&gt;&amp;'\"&lt;svg onload=alert(2)&gt;.csv</dd>"), "the file name, escaped");
        assertTrue(a.out().contains("in &lt;b&gt;&amp;\"'/rejects&lt;script&gt;.csv"), "the rejects path, escaped");

        Cli.Result c = Cli.run("compare", file.toString(), "--definitions", "campaign,timeout",
                "--format", "html", "--rejects", rejects.toString(), "--max-rejects", "50%");
        assertEquals(0, c.code(), c.describe());
        assertEscaped(c.out(), 3);

        Cli.Result s = Cli.run("sessions", file.toString(), "--definition", "timeout", "--rejects", rejects.toString(), "--max-rejects", "50%");
        assertEquals(0, s.code(), s.describe());
    }

    /** Only escaped: no markup from the input, every chart closed exactly once. */
    private static void assertEscaped(String html, int charts) {
        String lower = html.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("<script"), "no script element");
        assertFalse(lower.contains("<img"), "no img element");
        assertFalse(lower.contains("<b>"), "no b element");
        // quotes need no escaping in HTML text; in attributes they are (checked below: no tag is broken open)
        assertEquals(charts, count(lower, "<svg"), html);
        assertEquals(charts, count(lower, "</svg>"));
        // every tag in the document is one the template or the charts write
        Matcher attrs = Pattern.compile("<[a-zA-Z][^>]*>").matcher(html);
        while (attrs.find()) {
            String tag = attrs.group().replaceAll("\"[^\"<]*\"", "\"\"");
            assertFalse(tag.indexOf('<', 1) >= 0 || tag.contains("onerror") || tag.contains("onload"), "a tag broken open: " + attrs.group());
        }
        Matcher m = Pattern.compile("<(/?)([a-zA-Z!][a-zA-Z0-9]*)").matcher(html);
        List<String> allowed = List.of("!DOCTYPE", "html", "head", "meta", "title", "style", "body", "main", "header", "h1", "h2", "p", "div",
                "span", "ul", "li", "section", "dl", "dt", "dd", "table", "caption", "thead", "tbody", "tr", "th", "td", "footer", "svg", "rect",
                "text", "line", "polyline", "circle");
        while (m.find()) {
            assertTrue(allowed.contains(m.group(2)), "unexpected element <" + m.group(2) + " in the report");
        }
        assertTrue(html.contains("&lt;script&gt;"), "the hostile strings are there, escaped");
    }
}

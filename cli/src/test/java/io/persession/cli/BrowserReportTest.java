package io.persession.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo's HTML report in a real browser, as a person would see it: headless Chromium (Debian's
 * {@code chromium} package; {@code .ci/run} installs it) opens the file, driven over the DevTools protocol
 * with the JDK's own WebSocket client (no extra download). Checks that the page logs no console error
 * and throws nothing, that the headline, rating, charts and tables are there and visible, and saves a
 * full-page screenshot to {@code target/report-screenshots/demo-report.png} for review. Skipped, saying
 * why, only where no Chromium is installed.
 */
class BrowserReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Path SCREENSHOTS = Path.of("target", "report-screenshots");

    @TempDir
    Path dir;

    static Path chromium() {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            Path p = Path.of(candidate);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String d : path.split(java.io.File.pathSeparator)) {
            Path p = Path.of(d, "chromium");
            if (!d.isEmpty() && Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    @Test
    void theDemoReportRendersWithoutErrorsAndShowsEverySection() throws Exception {
        Path browser = chromium();
        Assumptions.assumeTrue(browser != null, "Chromium is not installed (Debian: apt-get install -y chromium; .ci/run does it): "
                + "the browser test of the HTML report is skipped");
        Files.createDirectories(SCREENSHOTS);
        Path report = SCREENSHOTS.resolve("demo-report.html").toAbsolutePath();
        Cli.Result r = Cli.run("demo", "--dir", dir.resolve("demo").toString(), "--format", "html", "--output", report.toString(),
                "--pack", "ecommerce", "--segment", "global", "--uplift", "15%", "--progress", "never");
        assertEquals(0, r.code(), r.describe());
        assertEquals("", r.out(), "the report goes to --output, nothing to stdout");

        try (Browser b = Browser.start(browser, dir.resolve("profile"))) {
            String session = b.openPage();
            b.call(session, "Page.enable", Map.of());
            b.call(session, "Runtime.enable", Map.of());
            b.call(session, "Log.enable", Map.of());
            b.call(session, "Emulation.setDeviceMetricsOverride", Map.of("width", 1280, "height", 1000, "deviceScaleFactor", 1, "mobile", false));
            CountDownLatch loaded = b.onEvent("Page.loadEventFired");
            b.call(session, "Page.navigate", Map.of("url", report.toUri().toString()));
            assertTrue(loaded.await(30, TimeUnit.SECONDS), "the page loads");

            JsonNode page = JSON.readTree(b.call(session, "Runtime.evaluate", Map.of("expression", CHECKS, "returnByValue", true))
                    .path("result").path("value").asText());
            String all = page.toPrettyString();
            assertTrue(page.path("title").asText().startsWith("persession demo"), all);
            assertTrue(page.path("headline").asBoolean(), "headline visible: " + all);
            String headline = page.path("headlineText").asText();
            assertTrue(headline.contains("REVENUE PER SESSION") || headline.contains("Revenue per session"), headline);
            assertTrue(headline.contains("€"), "money in euro: " + headline);
            assertEquals(4, page.path("figures").asInt(), all);
            assertTrue(page.path("badges").asInt() >= 1, "rating badges visible: " + all);
            assertTrue(page.path("badgeText").asText().contains("ecommerce"), "the pack on the badge: " + all);
            assertEquals(page.path("chartsTotal").asInt(), page.path("charts").asInt(), "every chart visible: " + all);
            assertTrue(page.path("charts").asInt() >= 4, "by day, starts, scenarios, side by side: " + all);
            assertTrue(page.path("bars").asInt() >= 10, all);
            assertEquals(page.path("tablesTotal").asInt(), page.path("tables").asInt(), "every table visible: " + all);
            assertTrue(page.path("tables").asInt() >= 6, all);
            for (String id : List.of("input", "days", "starts", "metrics", "rating", "scenarios", "leverage", "compare")) {
                assertTrue(page.path("sections").toString().contains("\"" + id + "\""), id + " in " + all);
            }
            assertEquals(0, page.path("scripts").asInt());
            assertEquals(0, page.path("overflowing").asInt(), "no text runs out of a chart: " + all);

            // full page screenshot
            int height = Math.min(16_000, page.path("height").asInt(1000));
            b.call(session, "Emulation.setDeviceMetricsOverride", Map.of("width", 1280, "height", height, "deviceScaleFactor", 1, "mobile", false));
            JsonNode shot = b.call(session, "Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
            byte[] png = Base64.getDecoder().decode(shot.path("data").asText());
            Path out = SCREENSHOTS.resolve("demo-report.png");
            Files.write(out, png);
            assertTrue(png.length > 10_000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "a PNG in " + out.toAbsolutePath());

            List<String> errors = b.errors();
            assertTrue(errors.isEmpty(), "console errors: " + errors);
        }
    }

    /** What the page shows, as JSON: run in the page. */
    private static final String CHECKS = String.join("\n",
            "(() => {",
            "  const vis = el => { if (!el) return false; const r = el.getBoundingClientRect(); const s = getComputedStyle(el);",
            "    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' && Number(s.opacity) > 0; };",
            "  const q = s => Array.from(document.querySelectorAll(s));",
            "  const overflowing = q('svg.chart text').filter(t => { const b = t.getBBox(); const svg = t.ownerSVGElement.viewBox.baseVal;",
            "    return b.x < -1 || b.x + b.width > svg.width + 1; }).length;",
            "  const h = document.getElementById('headline');",
            "  return JSON.stringify({",
            "    title: document.title, headline: vis(h), headlineText: h ? h.innerText : '',",
            "    figures: q('.figure').filter(vis).length, badges: q('.badge').filter(vis).length,",
            "    badgeText: q('.badge').map(b => b.innerText).join(' | '),",
            "    charts: q('svg.chart').filter(vis).length, chartsTotal: q('svg.chart').length, bars: q('svg.chart rect.bar').length,",
            "    tables: q('table').filter(vis).length, tablesTotal: q('table').length, sections: q('section').map(s => s.id),",
            "    scripts: q('script').length, overflowing: overflowing, height: document.documentElement.scrollHeight });",
            "})()");

    /** A headless Chromium and one DevTools protocol connection to it. */
    static final class Browser implements AutoCloseable {
        private final Process process;
        private final WebSocket socket;
        private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
        private final Map<String, CountDownLatch> waits = new ConcurrentHashMap<>();
        private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
        private final AtomicInteger ids = new AtomicInteger();

        private Browser(Process process, WebSocket socket) {
            this.process = process;
            this.socket = socket;
        }

        static Browser start(Path chromium, Path profile) throws Exception {
            Files.createDirectories(profile);
            Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-extensions", "--hide-scrollbars", "--mute-audio",
                    "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "--user-data-dir=" + profile.toAbsolutePath(),
                    "about:blank").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            // the browser prints "DevTools listening on ws://127.0.0.1:PORT/devtools/browser/ID" on stderr
            CompletableFuture<String> endpoint = new CompletableFuture<>();
            Thread reader = new Thread(() -> {
                Pattern ws = Pattern.compile("DevTools listening on (ws://\\S+)");
                try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        Matcher m = ws.matcher(line);
                        if (m.find()) {
                            endpoint.complete(m.group(1));
                        }
                    }
                } catch (IOException e) {
                    // the browser went away
                }
                endpoint.completeExceptionally(new IllegalStateException("Chromium ended without a DevTools endpoint"));
            }, "chromium-stderr");
            reader.setDaemon(true);
            reader.start();
            String url;
            try {
                url = endpoint.get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
                throw e;
            }
            Browser[] self = new Browser[1];
            CountDownLatch ready = new CountDownLatch(1);
            WebSocket socket = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build().newWebSocketBuilder()
                    .buildAsync(URI.create(url), new WebSocket.Listener() {
                        private final StringBuilder text = new StringBuilder();

                        @Override
                        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                            text.append(data);
                            if (last) {
                                String message = text.toString();
                                text.setLength(0);
                                try {
                                    ready.await();
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                                self[0].receive(message);
                            }
                            webSocket.request(1);
                            return null;
                        }
                    }).get(20, TimeUnit.SECONDS);
            self[0] = new Browser(p, socket);
            ready.countDown();
            return self[0];
        }

        private void receive(String message) {
            JsonNode m;
            try {
                m = JSON.readTree(message);
            } catch (IOException e) {
                errors.add("unreadable DevTools message: " + message);
                return;
            }
            if (m.has("id")) {
                CompletableFuture<JsonNode> f = pending.remove(m.get("id").asInt());
                if (f != null) {
                    if (m.has("error")) {
                        f.completeExceptionally(new IllegalStateException("DevTools error: " + m.get("error")));
                    } else {
                        f.complete(m.path("result"));
                    }
                }
                return;
            }
            String method = m.path("method").asText();
            JsonNode params = m.path("params");
            switch (method) {
                case "Runtime.consoleAPICalled":
                    if ("error".equals(params.path("type").asText()) || "assert".equals(params.path("type").asText())) {
                        errors.add("console." + params.path("type").asText() + ": " + params.path("args"));
                    }
                    break;
                case "Runtime.exceptionThrown":
                    errors.add("exception: " + params.path("exceptionDetails"));
                    break;
                case "Log.entryAdded":
                    if ("error".equals(params.path("entry").path("level").asText())) {
                        errors.add("log: " + params.path("entry").path("text").asText() + " " + params.path("entry").path("url").asText());
                    }
                    break;
                default:
                    break;
            }
            CountDownLatch w = waits.get(method);
            if (w != null) {
                w.countDown();
            }
        }

        CountDownLatch onEvent(String method) {
            CountDownLatch l = new CountDownLatch(1);
            waits.put(method, l);
            return l;
        }

        /** A new page target, attached: its session id. */
        String openPage() throws Exception {
            String target = call(null, "Target.createTarget", Map.of("url", "about:blank")).path("targetId").asText();
            return call(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true)).path("sessionId").asText();
        }

        synchronized JsonNode call(String session, String method, Map<String, Object> params) throws Exception {
            int id = ids.incrementAndGet();
            ObjectNode msg = JSON.createObjectNode();
            msg.put("id", id);
            msg.put("method", method);
            msg.set("params", JSON.valueToTree(params));
            if (session != null) {
                msg.put("sessionId", session);
            }
            CompletableFuture<JsonNode> f = new CompletableFuture<>();
            pending.put(id, f);
            socket.sendText(JSON.writeValueAsString(msg), true).get(20, TimeUnit.SECONDS);
            return f.get(60, TimeUnit.SECONDS);
        }

        List<String> errors() {
            synchronized (errors) {
                return new ArrayList<>(errors);
            }
        }

        @Override
        public void close() {
            try {
                socket.sendText("{\"id\":" + ids.incrementAndGet() + ",\"method\":\"Browser.close\"}", true).get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                // closing anyway
            }
            socket.abort();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}

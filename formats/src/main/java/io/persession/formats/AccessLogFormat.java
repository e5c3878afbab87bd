package io.persession.formats;

import io.persession.spi.Event;
import io.persession.spi.EventFormat;
import io.persession.spi.EventFormatException;
import io.persession.spi.EventType;
import io.persession.spi.FormatContext;
import io.persession.spi.InvalidOptionException;
import io.persession.spi.OptionSpec;
import io.persession.spi.RecordSink;
import io.persession.spi.SpiVersion;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code access-log}: web server access logs in the Apache / Nginx <em>combined</em> format
 * ({@code %h %l %u %t "%r" %>s %b "%{Referer}i" "%{User-agent}i"}; fields after the user agent are ignored).
 *
 * <ul>
 *   <li>Visitor: {@code v} + the first 16 bytes (hex) of SHA-256(salt, client address, user agent). The raw address
 *       never leaves this class: not in events, not in the rejects file (the client field of a rejected line, and
 *       any IPv4 address in it, is masked), not in logs. The salt is the option {@code salt}; without it a random
 *       salt made once per run, so visitor ids differ between runs while every count is the same.</li>
 *   <li>A successful (2xx, or 304 Not Modified) {@code GET} of a page is a {@code pageview}; a page is a path whose
 *       extension is not in the option {@code asset-extensions}. A successful GET of an asset is an other event named
 *       {@code asset}; any other request (other methods, redirects, errors) an other event named {@code request}.
 *       They are kept, not dropped, so that every line reconciles (rows read = accepted + rejected + duplicates)
 *       and they still show activity; use a definition whose timeout they do not distort, or filter the log first.</li>
 *   <li>Page: the request target (path and query), prefixed with the option {@code site} when given
 *       ({@code https://example.com}); referrer: the Referer field ({@code -} is none); traffic source: the
 *       {@code utm_*} parameters and the click ids ({@code gclid}, {@code fbclid}, {@code msclkid}, {@code dclid}) of
 *       the request target; user agent: the User-agent field, for bot classification.</li>
 *   <li>Time: {@code [10/Oct/2000:13:55:36 -0700]}, with its own offset ({@code --input-zone} plays no part).</li>
 *   <li>A line that is not in the combined format is rejected ({@code bad-line}); a bad date {@code bad-timestamp}.</li>
 * </ul>
 * Access logs have no columns for session definitions ({@code by-id}): asking for one is an error.
 */
public final class AccessLogFormat implements EventFormat {
    static final String DEFAULT_ASSETS = ".css,.js,.mjs,.png,.jpg,.jpeg,.gif,.svg,.ico,.woff,.woff2,.ttf,.eot,.otf,.map,.webp,.avif,.mp4,.webm,.mp3,.txt,.xml,.json";
    /**
     * One salt per run (per JVM), so that a second read of the file gives the same visitors; made when a file is read
     * in this format, not at every start (every run makes an instance of each installed format).
     */
    private static final class RunSalt {
        static final byte[] BYTES = new SecureRandom().generateSeed(16);
    }

    private static final Pattern COMBINED = Pattern.compile(
            "^(\\S+) (\\S+) (\\S+) \\[([^\\]]+)\\] \"((?:[^\"\\\\]|\\\\.)*)\" (\\d{3}) (\\S+) \"((?:[^\"\\\\]|\\\\.)*)\" \"((?:[^\"\\\\]|\\\\.)*)\"(.*)$");
    private static final Pattern IPV4 = Pattern.compile("\\b\\d{1,3}(?:\\.\\d{1,3}){3}\\b");
    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("dd/MMM/yyyy:HH:mm:ss Z").toFormatter(Locale.ENGLISH);

    @Override
    public String id() {
        return "access-log";
    }

    @Override
    public String description() {
        return "Apache / Nginx combined access logs: pageviews are successful GETs of pages; visitors are salted hashes of address and user agent.";
    }

    @Override
    public String spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public String recognisedBy() {
        return "a first line in the combined log format (host ident user [date] \"request\" status bytes \"referer\" \"user agent\")";
    }

    @Override
    public int recognise(String fileName, byte[] head) {
        String s = new String(head, StandardCharsets.UTF_8).stripLeading();
        int nl = s.indexOf('\n');
        String first = (nl < 0 ? s : s.substring(0, nl)).stripTrailing();
        return COMBINED.matcher(first).matches() ? 90 : NO;
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.of("salt", null, "secret mixed into the visitor hash; default: random per run (visitor ids then differ between runs, counts do not)"),
                OptionSpec.of("asset-extensions", DEFAULT_ASSETS, "comma-separated path extensions that are assets, not pages"),
                OptionSpec.of("site", null, "scheme and host to put before request paths to make page URLs, such as https://example.com"));
    }

    @Override
    public void read(InputStream in, FormatContext context, RecordSink sink) throws IOException {
        if (!context.extraColumns().isEmpty()) {
            String c = context.extraColumns().keySet().iterator().next();
            throw new EventFormatException("access logs have no column '" + c + "', which " + context.extraColumns().get(c)
                    + " reads; use a definition that needs no input column", 0);
        }
        String salt = context.options().get("salt");
        byte[] saltBytes = salt == null ? RunSalt.BYTES : salt.getBytes(StandardCharsets.UTF_8);
        Set<String> assets = new LinkedHashSet<>();
        for (String e : context.options().getOrDefault("asset-extensions", DEFAULT_ASSETS).split(",")) {
            String t = e.trim().toLowerCase(Locale.ROOT);
            if (!t.isEmpty()) {
                assets.add(t.startsWith(".") ? t : "." + t);
            }
        }
        String site = context.options().get("site");
        if (site != null && !site.matches("https?://[^/\\s]+/?")) {
            throw new InvalidOptionException("site", "--input-option access-log.site=" + site + ": expected a scheme and host such as https://example.com");
        }
        if (site != null && site.endsWith("/")) {
            site = site.substring(0, site.length() - 1);
        }
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        String line;
        long lineNo = 0;
        while ((line = lines.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            Matcher m = COMBINED.matcher(line.strip());
            if (!m.matches()) {
                sink.reject(lineNo, "bad-line", "not in the combined log format (host ident user [date] \"request\" status bytes \"referer\" \"user agent\")",
                        mask(line));
                continue;
            }
            long millis;
            try {
                millis = OffsetDateTime.parse(m.group(4), TIME).toInstant().toEpochMilli();
            } catch (DateTimeException e) {
                sink.reject(lineNo, "bad-timestamp", "'" + m.group(4) + "' is not a date such as 10/Oct/2000:13:55:36 -0700", mask(line));
                continue;
            }
            String ua = unescape(m.group(9));
            if ("-".equals(ua)) {
                ua = null;
            }
            sha.reset();
            sha.update(saltBytes);
            sha.update((byte) 0);
            sha.update(m.group(1).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            if (ua != null) {
                sha.update(ua.getBytes(StandardCharsets.UTF_8));
            }
            String visitor = "v" + HexFormat.of().formatHex(sha.digest(), 0, 16);
            String[] request = unescape(m.group(5)).split(" ");
            String method = request.length >= 2 ? request[0] : null;
            String target = request.length >= 2 ? request[1] : null;
            int status = Integer.parseInt(m.group(6));
            boolean ok = status >= 200 && status < 300 || status == 304;
            String name;
            if ("GET".equals(method) && ok && target != null) {
                name = isAsset(target, assets) ? "asset" : "pageview";
            } else {
                name = "request";
            }
            String referrer = unescape(m.group(8));
            Event.Builder b = Event.builder(millis, visitor)
                    .type("pageview".equals(name) ? EventType.PAGEVIEW : EventType.OTHER).name(name)
                    .userAgent(ua)
                    .referrer("-".equals(referrer) ? null : referrer);
            if (target != null) {
                b.page(site != null && target.startsWith("/") ? site + target : target).trafficSource(Urls.source(target));
            }
            String raw = line;
            sink.accept(lineNo, b.build(), () -> mask(raw));
        }
    }

    private static boolean isAsset(String target, Set<String> assets) {
        int end = target.length();
        int q = target.indexOf('?');
        if (q >= 0) {
            end = q;
        }
        int h = target.indexOf('#');
        if (h >= 0 && h < end) {
            end = h;
        }
        String path = target.substring(0, end).toLowerCase(Locale.ROOT);
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        return dot > slash && assets.contains(path.substring(dot));
    }

    /** The line with its client field and every IPv4 address masked, for the rejects file. */
    static String mask(String line) {
        String s = line.strip();
        int sp = s.indexOf(' ');
        String rest = sp < 0 ? "" : s.substring(sp);
        return "[address masked]" + IPV4.matcher(rest).replaceAll("[address masked]");
    }

    private static String unescape(String s) {
        return s.indexOf('\\') < 0 ? s : s.replace("\\\"", "\"").replace("\\\\", "\\");
    }
}

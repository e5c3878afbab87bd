package io.persession.input;

import io.persession.spi.Event;
import io.persession.spi.RecordSink;
import io.persession.spi.TrafficSource;
import org.junit.jupiter.api.Test;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The byte level CSV reading ({@link CsvRecordSplitter}, {@link CsvRowValues}) against the FastCSV reading it
 * replaces: for the same bytes, the same accepted events (line, every field, raw text), the same rejects (line,
 * category, message, raw text) and the same whole-file errors.
 */
class CsvFastPathTest {
    private static final String[] COLUMNS = InputFiles.HEADER.split(",");

    @Test
    void randomFilesReadTheSameBothWays() {
        for (int seed = 0; seed < 3000; seed++) {
            byte[] csv = new Gen(new Random(seed)).file();
            assertSame(csv, InputOptions.defaults(), "seed " + seed);
        }
    }

    @Test
    void randomFilesReadTheSameThroughTinyBuffers() {
        // buffers of a few dozen bytes: records cross the buffer's end, and longer ones go to FastCSV mid-file
        for (int seed = 0; seed < 1500; seed++) {
            byte[] csv = new Gen(new Random(10_000 + seed)).file();
            int maxRecord = 24 + seed * 37 % 600;
            List<String> slow = read(csv, InputOptions.defaults(), false, 0, 0);
            List<String> fast = read(csv, InputOptions.defaults(), true, 1, maxRecord);
            assertEquals(slow, fast, "seed " + (10_000 + seed) + ", max record " + maxRecord + ":\n" + printable(csv));
        }
    }

    @Test
    void randomFilesWithOptionsReadTheSame() {
        InputOptions mapped = InputOptions.builder().map(InputColumn.TIMESTAMP, "ts").map(InputColumn.PAGE, "url")
                .inputZone(ZoneId.of("Europe/Berlin")).build();
        InputOptions extra = InputOptions.builder().extraColumn("session_id", "test").build();
        InputOptions zone = InputOptions.builder().inputZone(ZoneId.of("America/New_York")).build();
        for (int seed = 0; seed < 400; seed++) {
            Gen g = new Gen(new Random(20_000 + seed));
            g.renames = true;
            byte[] csv = g.file();
            assertSame(csv, mapped, "mapped, seed " + seed);
            assertSame(csv, extra, "extra, seed " + seed);
            assertSame(csv, zone, "zone, seed " + seed);
        }
    }

    @Test
    void anExtraColumnLeftBlankGivesNoAttributeAfterARowWithOne() {
        InputOptions extra = InputOptions.builder().extraColumn("session_id", "test").build();
        byte[] csv = ("timestamp,visitor_id,event,session_id\n"
                + "2026-03-01T10:00:00Z,v1,pageview,s1\n"
                + "2026-03-01T10:00:01Z,v2,pageview,\n"
                + "2026-03-01T10:00:02Z,v3,pageview,s1\n").getBytes(StandardCharsets.UTF_8);
        List<String> events = assertSame(csv, extra, "extra column");
        assertEquals(3, events.size(), events.toString());
        assertTrue(events.get(0).contains("{session_id=s1}"), events.get(0));
        assertTrue(events.get(1).contains("\u241f{} |"), events.get(1));
        assertTrue(events.get(2).contains("{session_id=s1}"), events.get(2));
    }

    @Test
    void anOverlongRecordAndBrokenQuotingGoToFastCsvWithTheWholeFilesLines() {
        String row = "2026-03-01T23:00:10.450Z,v1,pageview,,,,,,,,,,/p,ua,e1,\r\n";
        String big = "x".repeat(CsvRecordSplitter.MAX_RECORD + 10);
        String csv = InputFiles.HEADER + "\n" + row + row + "2026-03-01T23:00:11Z,v2,pageview,,,,,,,,,,\"/" + big + "\n\",ua,e2,\n"
                + row + "bad," + row + "\n\n" + row;
        List<String> fast = assertSame(csv.getBytes(StandardCharsets.UTF_8), InputOptions.defaults(), "overlong");
        assertTrue(fast.size() == 6 && fast.get(4).startsWith("R 7 field-count "), fast.toString());

        String unclosed = InputFiles.HEADER + "\n" + row + row + "2026-03-01T23:00:11Z,v2,pageview,,,,,,,,,,\"/a\n" + row.repeat(1000);
        List<String> broken = assertSame(unclosed.getBytes(StandardCharsets.UTF_8), InputOptions.defaults(), "unclosed");
        assertTrue(broken.get(broken.size() - 1).startsWith("X t.csv line 4: broken CSV: Unclosed quoted field"), broken.toString());

        String afterQuote = InputFiles.HEADER + "\n" + row + row + "\r\n\"2026-03-01T23:00:11Z\"é,v2,pageview\n";
        List<String> after = assertSame(afterQuote.getBytes(StandardCharsets.UTF_8), InputOptions.defaults(), "after quote");
        assertTrue(after.get(after.size() - 1).startsWith("X t.csv line 5: broken CSV: Unexpected character after closing quote: 'é'"), after.toString());
    }

    @Test
    void everyByteBelowMinusReadsTheSameAtEveryPlaceInAWord() {
        // the splitter's scans look first at the bytes below '-' (plain fields) and below 0x0E (quoted ones), then at
        // the byte itself: each such byte that ends no field, at each of the eight places of a word, in both kinds
        StringBuilder csv = new StringBuilder("timestamp,visitor_id,event,page,user_agent,referrer\n");
        int rows = 0;
        for (char c = 1; c < '-'; c++) {
            if (c == ',' || c == '\r' || c == '\n') {
                continue;
            }
            for (int at = 0; at < 16; at++) {
                String text = "p".repeat(at) + c + "q".repeat(15 - at);
                String plain = c == '"' && at == 0 ? "x" + text : text; // a quote first would open a quoted field
                String quoted = "\"" + (c == '"' ? text.replace("\"", "\"\"") : text) + "\"";
                csv.append("2026-03-01T23:00:").append(String.format("%02d", rows % 60)).append("Z,v").append(rows)
                        .append(",pageview,").append(plain).append(',').append(quoted).append(",r").append(c).append("s\n");
                rows++;
            }
        }
        List<String> out = assertSame(csv.toString().getBytes(StandardCharsets.UTF_8), InputOptions.defaults(), "bytes below '-'");
        assertEquals(rows, out.size(), out.toString());
        assertTrue(out.stream().allMatch(line -> line.startsWith("A ")), out.toString());
    }

    @Test
    void aRecordWithVeryManyFieldsGoesToFastCsv() {
        String row = "2026-03-01T23:00:10.450Z,v1,pageview\n";
        String wide = "2026-03-01T23:00:11Z,v2,pageview" + ",x".repeat(CsvRecordSplitter.MAX_FIELDS + 10) + "\r\n";
        List<String> out = assertSame(("timestamp,visitor_id,event\n" + row + wide + row).getBytes(StandardCharsets.UTF_8),
                InputOptions.defaults(), "wide");
        assertEquals(3, out.size());
        assertTrue(out.get(1).startsWith("R 3 field-count row has 4109 fields, header has 3"), out.get(1));
        assertTrue(out.get(2).startsWith("A 4 "), out.get(2));
    }

    @Test
    void aSignWithoutHoursIsABadTimestampBothWays() {
        String csv = "timestamp,visitor_id,event\n2026-03-01T23:00:10.450Z,v1,pageview\n2026-03-01T23:00:10+,v1,pageview\n"
                + "2026-03-01T23:00:10-1,v1,pageview\n2026-03-01T23:00:11Z,v1,pageview\n";
        List<String> out = assertSame(csv.getBytes(StandardCharsets.UTF_8), InputOptions.defaults(), "sign at the end");
        assertEquals(4, out.size(), out.toString());
        assertTrue(out.get(1).startsWith("R 3 bad-timestamp"), out.toString());
        assertTrue(out.get(2).startsWith("R 4 bad-timestamp"), out.toString());
        assertTrue(out.get(3).startsWith("A 5 "), out.toString());
    }

    @Test
    void theCommonUtcFormParsesAsTimestampsDoes() throws RowRejected {
        Timestamps timestamps = new Timestamps(ZoneId.of("Europe/Berlin"));
        Random r = new Random(1);
        for (int i = 0; i < 200_000; i++) {
            String s = String.format("%04d-%02d-%02dT%02d:%02d:%02d", r.nextInt(10_000), r.nextInt(14), r.nextInt(33), r.nextInt(26),
                    r.nextInt(62), r.nextInt(62)) + (r.nextBoolean() ? "." + String.format("%03d", r.nextInt(1000)) : "") + "Z";
            if (r.nextInt(10) == 0) {
                char[] c = s.toCharArray();
                c[r.nextInt(c.length)] = "0123456789-:T.Zt z+x".charAt(r.nextInt(20));
                s = new String(c);
            }
            byte[] b = ("," + s + ",").getBytes(StandardCharsets.US_ASCII);
            long fast = Timestamps.parseUtcIso(b, 1, b.length - 1);
            long slow;
            try {
                slow = timestamps.parse(s);
            } catch (RowRejected e) {
                slow = Timestamps.FAILED;
            }
            if (fast != Timestamps.FAILED) {
                assertEquals(slow, fast, s);
            } else if (s.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{3})?Z")) {
                assertEquals(Timestamps.FAILED, slow, s); // the form, but not a valid date-time
            }
        }
    }

    @Test
    void aReadFailureComesAfterTheRecordsBeforeIt() {
        String row = "2026-03-01T23:00:10.450Z,v1,pageview\n";
        byte[] data = ("timestamp,visitor_id,event\n" + row.repeat(200)).getBytes(StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        CanonicalReader reader = new CanonicalReader(InputOptions.defaults(), Path.of("t.csv"), "t.csv", recorder(out));
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> reader.read(new BufferedInputStream(new FailingAfter(data, data.length - 10)), false, true));
        assertEquals("broken", e.getMessage());
        assertEquals(199, out.size()); // all but the row the failure cuts
    }

    @Test
    void theDemoFileReadsTheSame() {
        Path demo = Path.of("/work/data/demo-1000000.csv");
        assumeTrue(Files.isReadable(demo), "no " + demo);
        assertFileSame(demo);
    }

    @Test
    void theSharedDataFilesReadTheSame() throws IOException {
        Path dir = Path.of("..", "..", "shared", "data"); // as RealDataTest: relative to the module
        assumeTrue(Files.isDirectory(dir), "no " + dir);
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".csv") && Files.isRegularFile(p))
                    .sorted().collect(Collectors.toList());
        }
        assumeTrue(!files.isEmpty(), "no CSV under " + dir);
        for (Path f : files) {
            assertFileSame(f);
        }
    }

    /** Reads a (large) file both ways, comparing a 64-bit hash of each record's description. */
    private static void assertFileSame(Path file) {
        long[] slow = readFile(file, false);
        long[] fast = readFile(file, true);
        assertEquals(slow.length, fast.length, file.toString());
        for (int i = 0; i < slow.length; i++) {
            assertEquals(slow[i], fast[i], file + " record " + i);
        }
    }

    private static long[] readFile(Path file, boolean fast) {
        long[][] hashes = {new long[1 << 16]};
        int[] n = {0};
        List<String> one = new ArrayList<>() {
            @Override
            public boolean add(String s) {
                if (n[0] == hashes[0].length) {
                    hashes[0] = Arrays.copyOf(hashes[0], n[0] * 2);
                }
                long h = 1125899906842597L;
                for (int i = 0; i < s.length(); i++) {
                    h = 31 * h + s.charAt(i);
                }
                hashes[0][n[0]++] = h ^ ((long) s.hashCode() << 32);
                return true;
            }
        };
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            new CanonicalReader(InputOptions.defaults(), file, file.getFileName().toString(), recorder(one)).read(in, false, fast);
        } catch (InputException e) {
            one.add("X " + e.getMessage() + " @" + e.line());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Arrays.copyOf(hashes[0], n[0]);
    }

    private static List<String> assertSame(byte[] csv, InputOptions options, String what) {
        List<String> slow = read(csv, options, false, 0, 0);
        List<String> fast = read(csv, options, true, 0, 0);
        assertEquals(slow, fast, what + ":\n" + printable(csv));
        return fast;
    }

    private static List<String> read(byte[] csv, InputOptions options, boolean fast, int buffer, int maxRecord) {
        List<String> out = new ArrayList<>();
        CanonicalReader reader = new CanonicalReader(options, Path.of("t.csv"), "t.csv", recorder(out));
        if (maxRecord > 0) {
            reader.csvBuffer(buffer, maxRecord);
        }
        try {
            reader.read(new BufferedInputStream(new java.io.ByteArrayInputStream(csv), 1 << 16), false, fast);
        } catch (InputException e) {
            out.add("X " + e.getMessage() + " @" + e.line());
        } catch (IOException | RuntimeException e) {
            out.add("E " + e);
        }
        return out;
    }

    private static RecordSink recorder(List<String> out) {
        return new RecordSink() {
            @Override
            public void accept(long position, Event event, Supplier<String> raw) {
                out.add("A " + position + " " + describe(event) + " | " + raw.get());
            }

            @Override
            public void reject(long position, String category, String message, String raw) {
                out.add("R " + position + " " + category + " " + message + " | " + raw);
            }
        };
    }

    /** Every field of an event. */
    static String describe(Event e) {
        TrafficSource t = e.trafficSource();
        return String.join("\u241f", Arrays.asList(Long.toString(e.timestampMillis()), e.visitorId(), e.type().name(), e.name(),
                Long.toString(e.revenueMicros()), e.currency(), t.source(), t.medium(), t.campaign(), t.term(), t.content(),
                t.clickId(), e.referrer(), e.page(), e.userAgent(), e.eventId(), e.orderId(), e.attributes().toString()));
    }

    private static String printable(byte[] csv) {
        String s = new String(csv, StandardCharsets.UTF_8);
        return s.length() > 3000 ? s.substring(0, 3000) + "..." : s;
    }

    /** Random canonical CSV files, mostly well-formed, with every kind of oddity now and then. */
    private static final class Gen {
        private static final String[] EVENTS = {"pageview", "PageView", "ad_request", "ad_impression", "purchase", "refund", "Purchase",
            "add_to_cart", " pageview ", "", "  ", "événement", "\"quoted\""};
        private static final String[] REVENUES = {"", "", "", "12.5", "0.001471", ".99", "+3", "-0", "-1", "1e3", "1,5", " 4.20 ", "abc",
            "1.0000001", "1.5000000", "99999999999999999999", "0"};
        private static final String[] CURRENCIES = {"", "", "EUR", "usd", "XYZ", " EUR ", "€", "EURO", "GBP"};
        private static final String[] SOURCES = {"", "", "", "google", "(none)", "(direct)", "newsletter", "cpc", " fb ", "spring_sale",
            "sneaker damen", "Ünïcødé"};
        private static final String[] UAS = {"", "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/143.0.0.0 Mobile Safari/537.36",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/145.0.0.0 Safari/537.36",
            "curl/8.0", "Bot \"quoted\" agent", "agent,with,commas", "multi\nline\r\nagent\rend", "   "};
        private static final String[] PAGES = {"", "https://shop.example.com/", "https://shop.example.com/c/new-in", "/p/sku-1028",
            "https://shop.example.com/p/ärger?q=1,2", "/x\"y", "日本語/ページ"};
        private static final String[] LINE_ENDS = {"\n", "\n", "\n", "\r\n", "\r\n", "\r"};

        private final Random r;
        boolean renames;

        Gen(Random r) {
            this.r = r;
        }

        byte[] file() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (r.nextInt(20) == 0) {
                out.writeBytes(blank());
            }
            List<String> header = header();
            String eol = LINE_ENDS[r.nextInt(LINE_ENDS.length)];
            if (r.nextInt(10) > 0) {
                write(out, header.stream().map(this::maybeQuote).collect(Collectors.joining(",")) + eol);
            }
            int rows = r.nextInt(25);
            for (int i = 0; i < rows; i++) {
                if (r.nextInt(12) == 0) {
                    out.writeBytes(blank());
                }
                if (r.nextInt(r.nextInt(40) + 1 == 1 ? 3 : 200) == 0) {
                    out.writeBytes(garbage());
                    continue;
                }
                List<byte[]> fields = new ArrayList<>();
                for (String col : header) {
                    fields.add(field(col));
                }
                if (r.nextInt(25) == 0 && !fields.isEmpty()) {
                    fields.remove(r.nextInt(fields.size()));
                }
                if (r.nextInt(25) == 0) {
                    fields.add(field("extra"));
                }
                for (int f = 0; f < fields.size(); f++) {
                    if (f > 0) {
                        out.write(',');
                    }
                    out.writeBytes(fields.get(f));
                }
                if (i < rows - 1 || r.nextInt(4) > 0) {
                    write(out, r.nextInt(8) == 0 ? LINE_ENDS[r.nextInt(LINE_ENDS.length)] : eol);
                }
            }
            if (r.nextInt(15) == 0) {
                out.writeBytes(garbage());
            }
            return out.toByteArray();
        }

        private List<String> header() {
            List<String> cols = new ArrayList<>(Arrays.asList(COLUMNS));
            if (r.nextInt(3) == 0) {
                Collections.shuffle(cols, r);
            }
            if (r.nextInt(3) == 0) {
                cols.removeIf(c -> r.nextInt(4) == 0 && !(c.equals("timestamp") || c.equals("visitor_id") || c.equals("event")));
            }
            if (r.nextInt(30) == 0) {
                cols.remove(r.nextInt(cols.size()));
            }
            if (r.nextInt(6) == 0) {
                cols.add(r.nextInt(cols.size() + 1), "unknown_" + r.nextInt(3));
            }
            if (r.nextInt(6) == 0) {
                cols.add(r.nextInt(cols.size() + 1), "session_id");
            }
            if (r.nextInt(40) == 0) {
                cols.add(cols.get(r.nextInt(cols.size())));
            }
            if (renames || r.nextInt(5) == 0) {
                cols.replaceAll(c -> c.equals("timestamp") && r.nextBoolean() ? "ts" : c.equals("page") && r.nextBoolean() ? "url" : c);
            }
            if (r.nextInt(6) == 0) {
                cols.replaceAll(c -> r.nextInt(3) == 0 ? c.toUpperCase() : r.nextInt(8) == 0 ? " " + c + " " : c);
            }
            return cols;
        }

        private byte[] field(String col) {
            String v;
            switch (col.trim().toLowerCase()) {
                case "timestamp":
                case "ts":
                    v = timestamp();
                    break;
                case "visitor_id":
                    v = pick("v" + Integer.toHexString(r.nextInt(1 << 20)), "v1", "", " v2 ", "vé", "v\"3\"");
                    break;
                case "event":
                    v = EVENTS[r.nextInt(EVENTS.length)];
                    break;
                case "revenue":
                    v = REVENUES[r.nextInt(REVENUES.length)];
                    break;
                case "currency":
                    v = CURRENCIES[r.nextInt(CURRENCIES.length)];
                    break;
                case "source":
                case "medium":
                case "campaign":
                case "term":
                case "content":
                    v = SOURCES[r.nextInt(SOURCES.length)];
                    break;
                case "user_agent":
                    v = UAS[r.nextInt(UAS.length)];
                    break;
                case "page":
                case "url":
                case "referrer":
                    v = PAGES[r.nextInt(PAGES.length)];
                    break;
                case "event_id":
                    v = r.nextInt(5) == 0 ? "" : Long.toHexString(r.nextLong());
                    break;
                default:
                    v = pick("", "x", "s" + r.nextInt(4), "o-" + r.nextInt(100), "a b");
                    break;
            }
            if (r.nextInt(30) == 0) {
                v = " " + v + "\t";
            }
            byte[] bytes = v.getBytes(StandardCharsets.UTF_8);
            if (r.nextInt(40) == 0) {
                bytes = withInvalidUtf8(bytes);
            }
            return encode(bytes);
        }

        private String timestamp() {
            switch (r.nextInt(14)) {
                case 0:
                    return "2026-03-01T23:00:10Z";
                case 1:
                    return "2026-03-01 23:00:10.5+02:00";
                case 2:
                    return "1772406010450";
                case 3:
                    return pick("2026-02-30T10:00:00.000Z", "2026-13-01T10:00:00.000Z", "2026-03-01T24:00:00.000Z", "2026-03-01T23:60:00.000Z",
                            "2026-03-01T23:00:60.000Z", "2024-02-29T12:00:00.000Z", "2023-02-29T12:00:00.000Z");
                case 4:
                    return pick("", "bad", "2026-03-01", "2026-03-01T23:00:10.45Z", "2026-03-01T23:00:10.4500Z", "2026-03-01t23:00:10.450z",
                            "2026-03-01T23:00:10.450", " 2026-03-01T23:00:10.450Z ", "2026-03-01T23:00:1a.450Z", "2026-03-01T23:00:10,450Z",
                            "0000-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999Z", "2026-03-01T23:00:10.450+00:00", "2026-03-01T23:00:10.450 UTC");
                default:
                    return String.format("%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", 1990 + r.nextInt(50), 1 + r.nextInt(12), 1 + r.nextInt(28),
                            r.nextInt(24), r.nextInt(60), r.nextInt(60), r.nextInt(1000));
            }
        }

        /** The value as a CSV field: quoted when it must be, sometimes when it need not be. */
        private byte[] encode(byte[] v) {
            String s = new String(v, StandardCharsets.ISO_8859_1);
            boolean must = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
            if (must || r.nextInt(15) == 0) {
                if (!must && r.nextInt(10) == 0) {
                    return v; // a quote inside an unquoted field (not at its start) stays as it is
                }
                return ("\"" + s.replace("\"", "\"\"") + "\"").getBytes(StandardCharsets.ISO_8859_1);
            }
            return v;
        }

        private String maybeQuote(String name) {
            return r.nextInt(20) == 0 ? "\"" + name + "\"" : name;
        }

        private byte[] withInvalidUtf8(byte[] v) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int at = v.length == 0 ? 0 : r.nextInt(v.length + 1);
            out.write(v, 0, at);
            byte[][] bad = {{(byte) 0xC3}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}, {(byte) 0x80},
                {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF5, (byte) 0x80}, {(byte) 0xE0, (byte) 0x80},
                {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}};
            out.writeBytes(bad[r.nextInt(bad.length)]);
            out.write(v, at, v.length - at);
            return out.toByteArray();
        }

        private byte[] blank() {
            return pick("\n", "\r\n", "\r", "   \n", "\t\r\n", " \u2003 \n", "\"\"\n", ",\n", " , \n", "\u00a0\n").getBytes(StandardCharsets.UTF_8);
        }

        /** Lines that are not rows: broken quoting, stray bytes, and the like. */
        private byte[] garbage() {
            String g = pick("\"unclosed,field\n", "\"closed\"x,1,2\n", "\"closed\" ,1\n", "a\"b\"c,d\n", "\"a\"\"b\",\"\"\"\",\n", ",,,,,\n",
                    "\"multi\r\nline\",\"x\ry\"\n", "\"\"\"\"\n", "2026-03-01T23:00:10.450Z,v,pageview,\"tail\"", "x,\"é\"é\n", "\"a\"\"\n",
                    "\u0001\u0002\n", "\"\n\n\"\n", "lone\r\r\r\n", ",");
            byte[] b = g.getBytes(StandardCharsets.UTF_8);
            return r.nextInt(5) == 0 ? withInvalidUtf8(b) : b;
        }

        private void write(ByteArrayOutputStream out, String s) {
            out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        }

        private String pick(String... options) {
            return options[r.nextInt(options.length)];
        }
    }

    /** Gives {@code data}'s first {@code ok} bytes, then fails. */
    private static final class FailingAfter extends InputStream {
        private final byte[] data;
        private final int ok;
        private int pos;

        FailingAfter(byte[] data, int ok) {
            this.data = data;
            this.ok = ok;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (pos >= ok) {
                throw new IOException("broken");
            }
            int n = Math.min(len, Math.min(ok - pos, 7));
            System.arraycopy(data, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}

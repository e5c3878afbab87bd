package io.persession.input;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.persession.input.InputFiles.gzip;
import static io.persession.input.InputFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class WholeInputErrorTest {
    @TempDir
    Path dir;

    private InputException fail(Path... files) {
        return fail(InputOptions.defaults(), files);
    }

    private InputException fail(InputOptions options, Path... files) {
        EventFileReader reader = new EventFileReader(List.of(files), options, RejectWriter.countingOnly());
        InputException e = assertThrows(InputException.class, () -> reader.read(ev -> { }, true));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e;
    }

    @Test
    void missingFile() {
        Path good = write(dir, "good.csv", "timestamp,visitor_id,event\n2017-08-01T07:00:00Z,v,pageview\n");
        Path missing = dir.resolve("nope.csv");
        List<String> seen = new ArrayList<>();
        EventFileReader reader = new EventFileReader(List.of(good, missing), InputOptions.defaults(), null);
        InputException e = assertThrows(InputException.class, () -> reader.read(ev -> seen.add(ev.visitorId()), true));
        assertTrue(e.getMessage().startsWith("file not found: " + missing), e.getMessage());
        assertEquals(missing, e.file());
        assertTrue(seen.isEmpty(), "all files are checked before any is read");
    }

    @Test
    void directory() {
        assertTrue(fail(dir).getMessage().contains("is a directory"));
    }

    @Test
    void unreadableFile() throws IOException {
        Path f = write(dir, "secret.csv", "timestamp,visitor_id,event\n");
        try {
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
        } catch (UnsupportedOperationException e) {
            assumeTrue(false, "no POSIX permissions");
        }
        assumeTrue(!Files.isReadable(f), "running as a user who can read anything (root)");
        assertTrue(fail(f).getMessage().startsWith("cannot read " + f + ": permission denied"));
    }

    @Test
    void emptyFiles() {
        for (Path f : List.of(write(dir, "empty.csv", ""), write(dir, "blank.csv", "\n \n\t\n"), write(dir, "empty.jsonl", ""),
                gzip(dir, "empty.csv.gz", ""), write(dir, "empty.txt", "\r\n"))) {
            InputException e = fail(f);
            assertTrue(e.getMessage().startsWith(f + " is empty: expected a CSV header row"), e.getMessage());
        }
    }

    @Test
    void missingRequiredColumn() {
        Path f = write(dir, "nots.csv", "time,visitor_id,event\n2017-08-01T07:00:00Z,v,pageview\n");
        InputException e = fail(f);
        assertEquals(f + " has no required column 'timestamp'; the header (line 1) has the columns: time, visitor_id, event; "
                + "rename the column or use --map timestamp=your_column", e.getMessage());
        assertEquals(1, e.line());
    }

    @Test
    void missingMappedColumn() {
        Path f = write(dir, "mapped.csv", "timestamp,visitor_id,event\n");
        InputException e = fail(InputOptions.builder().map("event=event_name").build(), f);
        assertTrue(e.getMessage().startsWith(f + " has no column 'event_name' (read as event by --map event=event_name)"), e.getMessage());
        assertTrue(e.getMessage().endsWith("fix --map event=your_column"), e.getMessage());
    }

    @Test
    void missingRequiredKeyInTheFirstJsonObject() {
        Path f = write(dir, "nokey.jsonl", "\n{\"ts\":\"2017-08-01T07:00:00Z\",\"visitor_id\":\"v\",\"event\":\"pageview\"}\n");
        InputException e = fail(f);
        assertEquals(f + " has no required column 'timestamp'; the first object (line 2) has the keys: ts, visitor_id, event; "
                + "rename the column or use --map timestamp=your_column", e.getMessage());
    }

    @Test
    void duplicateHeaderColumn() {
        Path f = write(dir, "dup.csv", "timestamp,visitor_id,event,page,page\n");
        InputException e = fail(f);
        assertEquals(f + " line 1: the header has the column 'page' twice (columns 4 and 5); rename or remove one", e.getMessage());
        Path g = write(dir, "dup2.csv", "timestamp,visitor_id,Event,event2,EVENT\n");
        assertTrue(fail(g).getMessage().contains("the header has both 'Event' and 'EVENT' for the column event"));
    }

    @Test
    void unclosedQuote() {
        Path f = write(dir, "quote.csv", "timestamp,visitor_id,event,page\n2017-08-01T07:00:00Z,v,pageview,/a\n2017-08-01T07:00:00Z,v,pageview,\"/b\n2017-08-01T07:00:00Z,v,pageview,/c\n");
        InputException e = fail(f);
        assertTrue(e.getMessage().startsWith(f + " line 3: broken CSV: Unclosed quoted field"), e.getMessage());
        assertEquals(3, e.line());
    }

    @Test
    void charactersAfterAClosingQuote() {
        Path f = write(dir, "quote2.csv", "timestamp,visitor_id,event,page\n2017-08-01T07:00:00Z,v,pageview,\"/b\"x\n");
        InputException e = fail(f);
        assertTrue(e.getMessage().startsWith(f + " line 2: broken CSV: Unexpected character after closing quote"), e.getMessage());
    }

    @Test
    void jsonArrayInsteadOfJsonLines() {
        Path f = write(dir, "array.json", "[\n{\"timestamp\":\"2017-08-01T07:00:00Z\",\"visitor_id\":\"v\",\"event\":\"pageview\"}\n]\n");
        assertTrue(fail(f).getMessage().startsWith(f + " holds a JSON array, not JSON Lines"));
    }

    @Test
    void gzNameWithoutGzipData() {
        Path f = write(dir, "plain.csv.gz", "timestamp,visitor_id,event\n");
        assertTrue(fail(f).getMessage().startsWith(f + " is named .gz but is not gzip data"));
    }

    @Test
    void truncatedGzip() throws IOException {
        StringBuilder csv = new StringBuilder("timestamp,visitor_id,event,page\n");
        Random random = new Random(7);
        for (int i = 0; i < 50_000; i++) {
            csv.append("2017-08-01T07:00:00Z,v").append(random.nextInt(1_000_000)).append(",pageview,/p/").append(Long.toHexString(random.nextLong())).append('\n');
        }
        for (String name : List.of("big.csv.gz", "big-no-extension")) {
            Path f = gzip(dir, name, csv.toString());
            byte[] all = Files.readAllBytes(f);
            Files.write(f, java.util.Arrays.copyOf(all, all.length / 2));
            List<String> seen = new ArrayList<>();
            EventFileReader reader = new EventFileReader(List.of(f), InputOptions.defaults(), null);
            InputException e = assertThrows(InputException.class, () -> reader.read(ev -> seen.add(ev.visitorId()), true));
            assertTrue(e.getMessage().startsWith(f + ": the gzip data is truncated or corrupt (Unexpected end of ZLIB input stream) after line "),
                    e.getMessage());
            assertTrue(e.getMessage().endsWith("; re-create or re-download the file (gzip -t " + f + " checks it)"), e.getMessage());
            assertTrue(e.line() > 1000 && e.line() < 50_000, "line " + e.line());
            assertTrue(e.getMessage().contains("after line " + e.line() + ";") || e.getMessage().contains("after line " + e.line() + " "));
            assertFalse(seen.isEmpty());
        }
    }

    @Test
    void corruptGzipTrailer() throws IOException {
        Path f = gzip(dir, "crc.jsonl.gz", "{\"timestamp\":\"2017-08-01T07:00:00Z\",\"visitor_id\":\"v\",\"event\":\"pageview\"}\n");
        byte[] all = Files.readAllBytes(f);
        all[all.length - 8] ^= 0x55; // the CRC-32
        Files.write(f, all);
        InputException e = fail(f);
        assertTrue(e.getMessage().startsWith(f + ": the gzip data is truncated or corrupt (Corrupt GZIP trailer)"), e.getMessage());
    }

    @Test
    void binaryFiles() throws IOException {
        Path parquet = dir.resolve("events.parquet");
        Files.write(parquet, new byte[] {'P', 'A', 'R', '1', 0x15, 0x04, 0x15, 0, 0, 0, 'x'});
        assertEquals(parquet + " is not a text file (it is a Parquet file); persession reads CSV or JSON Lines in UTF-8, gzip allowed",
                fail(parquet).getMessage());
        Path utf16 = dir.resolve("events16.csv");
        Files.write(utf16, "\uFEFFtimestamp,visitor_id,event\n".getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
        assertTrue(fail(utf16).getMessage().contains("it is UTF-16; convert it to UTF-8"));
    }

    @Test
    void headerNamesInMessagesAreOneLineAndShort() {
        Path f = write(dir, "odd.csv", "\"a\nb\"," + "x".repeat(100) + ",c\u007fd\n");
        InputException e = fail(f);
        assertTrue(e.getMessage().contains("has the columns: a\\nb, " + "x".repeat(40) + "..., c?d;"), e.getMessage());
    }

    @Test
    void noFiles() {
        assertThrows(IllegalArgumentException.class, () -> new EventFileReader(List.of(), InputOptions.defaults(), null));
    }
}

package io.persession.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs {@link Main#execute} in-process with {@link StringWriter}s (picocli's recommended way of testing a
 * command line), and the small helpers the CLI tests share: JSON and CSV parsing, test resources.
 */
final class Cli {
    /** Exact: JSON numbers are read as {@link BigDecimal}, trailing content after the JSON value is an error. */
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Cli() {
    }

    /** One command line's exit code, stdout and stderr. */
    record Result(int code, String out, String err) {
        List<String> errLines() {
            return err.lines().filter(l -> !l.isEmpty()).collect(Collectors.toList());
        }

        /** stdout parsed as one JSON value (nothing else may be on it). */
        JsonNode json() {
            return parseJson(out);
        }

        /** For assertion messages. */
        String describe() {
            return "exit " + code + "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err;
        }

        /** Asserts the exit code and that nothing at all went to stdout. */
        Result assertFailed(int expected) {
            assertEquals(expected, code, describe());
            assertEquals("", out, "a failure writes nothing on stdout\n" + describe());
            return this;
        }

        /** Asserts the exit code and an empty stderr (logs go to System.err, not to the err writer). */
        Result assertOk() {
            assertEquals(0, code, describe());
            assertEquals("", err, describe());
            return this;
        }

        /**
         * The error message: exactly one line starting with {@code persession: } (picocli's usage errors may
         * add its "Try ... --help" hint line), and no stack trace.
         */
        String message() {
            assertNoStackTrace(err);
            List<String> lines = errLines();
            assertFalse(lines.isEmpty(), "no message on stderr\n" + describe());
            assertTrue(lines.get(0).startsWith("persession: "), "message line: " + lines.get(0));
            for (String extra : lines.subList(1, lines.size())) {
                assertTrue(extra.startsWith("Try '") && extra.endsWith(" --help' for usage."),
                        "stderr has more than the one-line message: '" + extra + "'\n" + describe());
            }
            return lines.get(0);
        }
    }

    static Result run(String... args) {
        return run(Map.of(), args);
    }

    static Result run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
            code = Main.execute(args, o, e, env);
            o.flush();
            e.flush();
        }
        return new Result(code, out.toString(), err.toString());
    }

    /** The args, with the elements of {@code more} appended (for parameterised command lines). */
    static String[] args(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(Arrays.asList(more));
        return all.toArray(new String[0]);
    }

    static void assertNoStackTrace(String stderr) {
        for (String line : stderr.split("\\R")) {
            assertFalse(line.startsWith("\tat "), "stack trace on stderr without --verbose:\n" + stderr);
            assertFalse(line.contains("Exception in thread"), "uncaught exception on stderr:\n" + stderr);
            assertFalse(line.startsWith("Caused by: "), "stack trace on stderr without --verbose:\n" + stderr);
        }
    }

    static boolean hasStackTrace(String stderr) {
        return stderr.lines().anyMatch(l -> l.startsWith("\tat "));
    }

    static JsonNode parseJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not pure JSON: " + e.getMessage() + "\n" + text, e);
        }
    }

    static BigDecimal decimal(String s) {
        return new BigDecimal(s);
    }

    /** Asserts a JSON number equal in value to {@code expected} (scale ignored). */
    static void assertNumber(String expected, JsonNode n, String what) {
        assertNotNull(n, what + " is missing");
        assertTrue(n.isNumber(), what + " is not a JSON number: " + n);
        assertEquals(0, new BigDecimal(expected).compareTo(n.decimalValue()), what + ": expected " + expected + " but was " + n);
    }

    /** Copies the test resource {@code cli/NAME} into {@code dir}. */
    static Path resource(String name, Path dir) {
        try (InputStream in = Cli.class.getResourceAsStream("/cli/" + name)) {
            assertNotNull(in, "test resource cli/" + name);
            Path target = dir.resolve(name);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The records of a CSV text with a header, each as column -> value. */
    static List<Map<String, String>> csv(String text) {
        try (CsvReader<NamedCsvRecord> r = CsvReader.builder().ofNamedCsvRecord(text)) {
            return r.stream().map(NamedCsvRecord::getFieldsAsMap).collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The header of a CSV text. */
    static List<String> csvHeader(String text) {
        return Arrays.asList(text.lines().findFirst().orElseThrow().split(",", -1));
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

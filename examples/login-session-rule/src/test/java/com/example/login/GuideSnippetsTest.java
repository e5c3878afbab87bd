package com.example.login;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The guide cannot rot: every fenced code block of {@code docs/plugins.md} that follows a marker
 * {@code <!-- snippet: PATH#TAG -->} must equal the region between {@code tag::TAG[]} and
 * {@code end::TAG[]} of that file (a path from the repository's root; without {@code #TAG}, the whole
 * file), indentation removed; the files are the example modules' real, compiled and tested sources.
 * Every {@code java} block must have a marker.
 */
class GuideSnippetsTest {
    static final Path ROOT = Path.of(System.getProperty("persession.root", "../..")).toAbsolutePath().normalize();
    static final Path GUIDE = ROOT.resolve("docs/plugins.md");
    private static final Pattern MARKER = Pattern.compile("<!--\\s*snippet:\\s*(\\S+?)\\s*-->");
    private static final Pattern FENCE = Pattern.compile("^( *)```(\\S*)\\s*$");

    /** One fenced block of the guide: its language, text, line, and the snippet marker before it (or null). */
    static final class Block {
        final String language;
        final String text;
        final int line;
        final String source;

        Block(String language, String text, int line, String source) {
            this.language = language;
            this.text = text;
            this.line = line;
            this.source = source;
        }
    }

    static List<Block> blocks(List<String> lines) {
        List<Block> out = new ArrayList<>();
        String pending = null;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            Matcher marker = MARKER.matcher(l.trim());
            if (marker.matches()) {
                pending = marker.group(1);
                continue;
            }
            Matcher fence = FENCE.matcher(l);
            if (fence.matches()) {
                int start = i;
                String indent = fence.group(1); // a block inside a list item: its lines are indented like its fence
                StringBuilder text = new StringBuilder();
                for (i++; i < lines.size() && !lines.get(i).trim().equals("```"); i++) {
                    String line = lines.get(i);
                    text.append(line.startsWith(indent) ? line.substring(indent.length()) : line.stripLeading()).append('\n');
                }
                if (i == lines.size()) {
                    fail("docs/plugins.md:" + (start + 1) + ": the code block is not closed");
                }
                out.add(new Block(fence.group(2), text.toString(), start + 1, pending));
                pending = null;
            } else if (!l.isBlank()) {
                pending = null; // a marker applies to the block right after it
            }
        }
        return out;
    }

    /** The tagged region of a file (or the whole file), without tag lines, common indentation removed. */
    static String region(String source) throws IOException {
        int hash = source.indexOf('#');
        Path file = ROOT.resolve(hash < 0 ? source : source.substring(0, hash));
        assertTrue(Files.isRegularFile(file), () -> "snippet source " + file + " does not exist");
        List<String> lines = Files.readAllLines(file);
        List<String> region = new ArrayList<>();
        if (hash < 0) {
            region.addAll(lines);
        } else {
            String tag = source.substring(hash + 1);
            int begin = -1;
            int end = -1;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains("tag::" + tag + "[]") && !lines.get(i).contains("end::")) {
                    begin = i;
                } else if (lines.get(i).contains("end::" + tag + "[]")) {
                    end = i;
                    break;
                }
            }
            assertTrue(begin >= 0 && end > begin, () -> "no region tag::" + tag + "[] ... end::" + tag + "[] in " + file);
            for (String l : lines.subList(begin + 1, end)) {
                if (!l.contains("tag::") && !l.contains("end::")) {
                    region.add(l);
                }
            }
        }
        int indent = Integer.MAX_VALUE;
        for (String l : region) {
            if (!l.isBlank()) {
                indent = Math.min(indent, l.length() - l.stripLeading().length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String l : region) {
            out.append(l.isBlank() ? "" : l.substring(indent)).append('\n');
        }
        return out.toString();
    }

    @Test
    void everySnippetOfTheGuideIsTheExamplesCode() throws IOException {
        assertTrue(Files.isRegularFile(GUIDE), GUIDE + " is missing");
        List<Block> blocks = blocks(Files.readAllLines(GUIDE));
        int checked = 0;
        for (Block b : blocks) {
            if (b.source == null) {
                assertFalse(b.language.equals("java"), () -> "docs/plugins.md:" + b.line
                        + ": a java block without a <!-- snippet: PATH#TAG --> marker before it; take it from an example module");
                continue;
            }
            assertEquals(region(b.source), b.text, "docs/plugins.md:" + b.line + " has drifted from " + b.source
                    + "; copy the region again");
            checked++;
        }
        assertTrue(checked >= 5, "expected the guide's snippets, found " + checked);
    }

    /** The guide's table of the SPI's public types names every type of {@code io.persession.spi}, and nothing else. */
    @Test
    void theGuideListsEverySpiType() throws IOException {
        Path spi = ROOT.resolve("core/src/main/java/io/persession/spi");
        List<String> types = new ArrayList<>();
        try (java.util.stream.Stream<Path> files = Files.list(spi)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".java") && !n.equals("package-info.java"))
                    .map(n -> n.substring(0, n.length() - ".java".length())).sorted().forEach(types::add);
        }
        String guide = Files.readString(GUIDE);
        String table = guide.substring(guide.indexOf("## The SPI's public types"));
        List<String> listed = new ArrayList<>();
        Matcher row = Pattern.compile("(?m)^\\| `(\\w+)` \\|").matcher(table);
        while (row.find()) {
            listed.add(row.group(1));
        }
        List<String> missing = new ArrayList<>(types);
        missing.removeAll(listed);
        List<String> extra = new ArrayList<>(listed);
        extra.removeAll(types);
        assertTrue(missing.isEmpty(), "docs/plugins.md, 'The SPI's public types': add a line for each of " + missing);
        assertTrue(extra.isEmpty(), "docs/plugins.md, 'The SPI's public types': no such type in io.persession.spi: " + extra);
    }

    @Test
    void theCheckNoticesDrift() throws IOException {
        List<Block> blocks = blocks(List.of("<!-- snippet: examples/login-session-rule/src/main/java/com/example/login/LoginRule.java#rule -->",
                "```java", "final class LoginRule {", "```", "", "```java", "int x;", "```", "1. a step", "   ```java", "   int y;", "     int z;", "   ```"));
        assertEquals(3, blocks.size());
        assertEquals("int y;\n  int z;\n", blocks.get(2).text);
        assertEquals("examples/login-session-rule/src/main/java/com/example/login/LoginRule.java#rule", blocks.get(0).source);
        assertFalse(region(blocks.get(0).source).equals(blocks.get(0).text), "a changed snippet must not pass");
        assertTrue(region(blocks.get(0).source).startsWith("final class LoginRule implements SessionRule {\n"));
        assertEquals(null, blocks.get(1).source);
    }
}

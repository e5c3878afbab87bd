package io.persession.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Running out of heap is exit code 5 with one line saying how to give persession more, not a stack trace. */
class OutOfMemoryIT {
    @TempDir
    Path dir;

    @Test
    void outOfMemoryIsOneLineAndExitCode5() throws IOException {
        // 400,000 visitors active in the same minute: every one has an open session the 30-minute timeout keeps
        Path file = dir.resolve("crowd.csv");
        try (Writer w = Files.newBufferedWriter(file)) {
            w.write("timestamp,visitor_id,event,page\n");
            for (int i = 0; i < 400_000; i++) {
                w.write("2026-01-01T00:00:" + String.format("%02d", i % 60) + ".000Z,visitor-" + i + ",pageview,https://shop.example.com/p/" + i + "\n");
            }
        }
        SharedDataIT.Proc p = SharedDataIT.persession(dir, List.of("analyze", file.toString(), "--format", "json"),
                Map.of("PERSESSION_OPTS", "-Xmx48m"));
        assertEquals(ExitCode.MEMORY, p.code, p.describe());
        String line = p.errorLine();
        assertTrue(line.startsWith("persession: out of memory"), line);
        assertTrue(line.contains("PERSESSION_OPTS=-Xmx"), line);
        assertEquals("", p.out, "nothing on stdout");
    }
}

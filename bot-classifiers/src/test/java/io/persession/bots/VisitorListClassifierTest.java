package io.persession.bots;

import io.persession.engine.Sessionizer;
import io.persession.spi.BotClassifier;
import io.persession.spi.Session;
import io.persession.spi.SessionDefinition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.persession.bots.BotTraffic.CHROME;
import static io.persession.bots.BotTraffic.T0;
import static io.persession.bots.BotTraffic.visit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("visitor-list: an explicit list of visitor ids")
class VisitorListClassifierTest {
    private static final SessionDefinition ONE = SessionDefinition.of("one", "one session per visitor", Map.of(), List.of());

    @TempDir
    Path dir;

    private static Session session(String visitor) {
        return Sessionizer.sessionize(ONE, visit(visitor, CHROME, T0, 2, 1_000)).get(0);
    }

    @Test
    @DisplayName("listed visitors are bots (reason listed); comments and blank lines are ignored, ids trimmed")
    void listed() throws IOException {
        Path file = Files.writeString(dir.resolve("bots.txt"), "# our load tester\n  loadtest-1  \n\n#loadtest-2\nmonitor\r\n");
        BotClassifier c = new VisitorListClassifierProvider().create(Map.of("file", file.toString()));
        assertEquals(Optional.of("listed"), c.classify(session("loadtest-1")));
        assertEquals(Optional.of("listed"), c.classify(session("monitor")));
        assertEquals(Optional.empty(), c.classify(session("loadtest-2")), "a comment line lists nobody");
        assertEquals(Optional.empty(), c.classify(session("# our load tester")));
        assertEquals(Optional.empty(), c.classify(session("alice")));
        assertEquals(2, ((VisitorListClassifierProvider.VisitorList) c).size());
        assertEquals(Map.of("file", file.toString()), c.options());
        assertTrue(c.description().contains("2 visitor id(s)"), c.description());
    }

    @Test
    @DisplayName("without a file it flags nothing")
    void noFile() {
        BotClassifier c = new VisitorListClassifierProvider().create(Map.of());
        assertEquals(Optional.empty(), c.classify(session("anyone")));
        assertEquals(Map.of(), c.options());
    }

    @Test
    @DisplayName("a missing file is an input error naming it")
    void missingFile() {
        Path missing = dir.resolve("nope.txt");
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> new VisitorListClassifierProvider().create(Map.of("file", missing.toString())));
        assertTrue(e.getCause().getMessage().contains(missing.toString()) && e.getCause().getMessage().contains("not found"),
                e.getCause().getMessage());
        assertThrows(UncheckedIOException.class, () -> new VisitorListClassifierProvider().create(Map.of("file", dir.toString())));
    }
}

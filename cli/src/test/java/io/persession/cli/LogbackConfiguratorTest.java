package io.persession.cli;

import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogbackConfiguratorTest {
    @Test
    void logbackFindsItAndLogsToStderr() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        assertNotNull(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR"), "configured through the ServiceLoader");
    }

    @Test
    void linesArePrefixedYauaaSaysOnlyWarningsAndStackTracesFollowTheirLine() {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter()); // as SLF4J's provider sets it
        LogbackConfigurator configurator = new LogbackConfigurator();
        configurator.setContext(context);
        PrintStream stderr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            configurator.configure(context);
            context.getLogger("io.persession.x").info("read {} rows", 12);
            context.getLogger("io.persession.x").debug("not at INFO");
            context.getLogger("nl.basjes.parse.useragent.UserAgentAnalyzer").info("Yauaa banner");
            context.getLogger("nl.basjes.parse.useragent.UserAgentAnalyzer").warn("a Yauaa warning");
            context.getLogger("io.persession.y").warn("failed", new IllegalStateException("boom"));
        } finally {
            System.setErr(stderr);
            context.stop();
        }
        String nl = System.lineSeparator();
        String[] lines = err.toString(StandardCharsets.UTF_8).split(nl);
        assertEquals("persession: read 12 rows", lines[0], err.toString(StandardCharsets.UTF_8));
        assertEquals("persession: a Yauaa warning", lines[1]);
        assertEquals("persession: failed", lines[2]);
        assertEquals("java.lang.IllegalStateException: boom", lines[3]);
        assertTrue(lines[4].startsWith("\tat io.persession.cli.LogbackConfiguratorTest."), lines[4]);
        assertTrue(err.toString(StandardCharsets.UTF_8).endsWith(nl), "ends with a line");
    }
}

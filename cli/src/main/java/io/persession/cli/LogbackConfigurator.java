package io.persession.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;

/**
 * Logback's configuration in the distribution, found by Logback through {@link java.util.ServiceLoader}: log lines go to
 * stderr as {@code persession: message} (results go to stdout, so that output can be piped), with a stack trace only
 * when one is logged; the root level is the {@code persession.log.level} system property, else INFO ({@link Main} then
 * sets it from {@code --quiet} and {@code --verbose}); Yauaa (the user-agent bot classifier's library) announces itself
 * at INFO, so it logs from WARN up (persession logs its load time itself). Logback's own status messages are dropped.
 * Code, not a {@code logback.xml}: reading the XML took about 70 ms of every start.
 */
public final class LogbackConfigurator extends ContextAwareBase implements Configurator {
    /** The line of an event: the prefix and the message, then the stack trace when there is one. */
    static final class Layout extends LayoutBase<ILoggingEvent> {
        @Override
        public String doLayout(ILoggingEvent e) {
            String line = "persession: " + e.getFormattedMessage() + CoreConstants.LINE_SEPARATOR;
            IThrowableProxy thrown = e.getThrowableProxy();
            return thrown == null ? line : line + ThrowableProxyUtil.asString(thrown); // a line separator after each line
        }
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        context.getStatusManager().add(new NopStatusListener());
        Layout layout = new Layout();
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName("STDERR");
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();
        context.getLogger("nl.basjes").setLevel(Level.WARN);
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(System.getProperty("persession.log.level", "INFO"), Level.INFO));
        root.addAppender(appender);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}

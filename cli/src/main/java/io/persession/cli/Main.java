package io.persession.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import io.persession.input.InputException;
import io.persession.engine.AnalysisException;
import io.persession.engine.PluginException;
import io.persession.spi.InvalidOptionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** {@code persession}: builds the injector, hands the command line to picocli, maps failures to exit codes. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = execute(args, out, err, System.getenv());
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs one command line; returns the exit code. Results go to {@code out}, messages to {@code err}. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env) {
        List<String> argList = Arrays.asList(args);
        boolean verbose = argList.contains("--verbose");
        setLogLevel(verbose ? "DEBUG" : argList.contains("--quiet") ? "WARN" : "INFO");
        Injector injector = Guice.createInjector(Stage.PRODUCTION, new CliModule(new Environment(env)));
        CommandLine cl = new CommandLine(PersessionCommand.class, injector.getInstance(GuiceFactory.class));
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExitCodeExceptionMapper(Main::exitCode);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            int code = exitCode(e);
            commandLine.getErr().println("persession: " + message(e, code));
            if (verbose || code == ExitCode.INTERNAL) {
                e.printStackTrace(commandLine.getErr());
            }
            commandLine.getErr().flush();
            return code;
        });
        cl.setParameterExceptionHandler((e, a) -> {
            CommandLine c = e.getCommandLine();
            c.getErr().println("persession: " + e.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
            c.getErr().flush();
            return ExitCode.USAGE;
        });
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            err.println("persession: " + outOfMemory(e, Runtime.getRuntime().maxMemory()));
            if (verbose) {
                e.printStackTrace(err);
            }
            err.flush();
            return ExitCode.MEMORY;
        }
    }

    /** The one-line message for running out of heap: the limit, and how to raise it. */
    static String outOfMemory(OutOfMemoryError e, long maxHeapBytes) {
        return "out of memory (" + e.getMessage() + "; the Java heap may grow to " + (maxHeapBytes >> 20) + " MB); give persession"
                + " more with PERSESSION_OPTS=-Xmx" + Math.max(1, 2 * (maxHeapBytes >> 30) + 1) + "g (persession holds the visitors"
                + " active within the inactivity limit, every visitor of a definition without one such as by-id, and a"
                + " compact record of the visitors seen most recently, the rest going to disk)";
    }

    static int exitCode(Throwable e) {
        if (e instanceof InvalidOptionException || e instanceof CommandLine.ParameterException || e instanceof UsageException) {
            return ExitCode.USAGE;
        }
        if (e instanceof PluginException) {
            return ExitCode.PLUGIN;
        }
        if (e instanceof InputException || e instanceof AnalysisException || e instanceof UncheckedIOException) {
            return ExitCode.INPUT;
        }
        return ExitCode.INTERNAL;
    }

    private static String message(Throwable e, int code) {
        if (code == ExitCode.INTERNAL) {
            return "internal error (" + e + "); this is a bug in persession, please report it with the stack trace below";
        }
        if (e instanceof UncheckedIOException && e.getCause() != null) {
            return "cannot read input: " + e.getCause().getMessage();
        }
        return e.getMessage();
    }

    /**
     * Sets the root level when Logback is the SLF4J backend (the distribution's); another backend (an embedding host's,
     * such as Spark's Log4j in the Spark job's tests) keeps its own configuration.
     */
    private static void setLogLevel(String level) {
        if (LoggerFactory.getILoggerFactory().getClass().getName().equals("ch.qos.logback.classic.LoggerContext")) {
            Logback.setRootLevel(level);
        }
    }

    /** The only place that touches Logback's classes, loaded only when Logback is there. */
    private static final class Logback {
        static void setRootLevel(String level) {
            ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.toLevel(level));
        }
    }
}

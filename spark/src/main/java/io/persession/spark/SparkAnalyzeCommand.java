package io.persession.spark;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.persession.engine.AnalysisException;
import io.persession.engine.BenchmarkPacks;
import io.persession.engine.Figures;
import io.persession.engine.Insights;
import io.persession.engine.PluginException;
import io.persession.engine.Ratings;
import io.persession.input.InputException;
import io.persession.report.AnalysisJson;
import io.persession.report.BenchmarkJson;
import io.persession.report.InsightReport;
import io.persession.spi.BenchmarkPack;
import io.persession.spi.InvalidOptionException;

import org.apache.spark.sql.SparkSession;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code spark-submit --class io.persession.spark.SparkAnalyzeCommand persession-spark-job.jar [OPTIONS] INPUT...}: the
 * JSON result of {@code persession analyze --format json} for the same input, computed on Spark (docs/spark.md). Exit
 * codes as the CLI's: 0, 2 usage, 3 input, 4 plugin, 70 a bug; errors are one line on stderr.
 */
@Command(name = "persession-spark", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Revenue per session on Spark: the JSON result of 'persession analyze --format json' for event files on any "
                + "Hadoop file system (local, HDFS, S3 ...).")
public final class SparkAnalyzeCommand implements Callable<Integer> {
    static final int OK = 0;
    static final int USAGE = 2;
    static final int INPUT = 3;
    static final int PLUGIN = 4;
    static final int INTERNAL = 70;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Event files, folders of them, or globs; read in sorted order.")
    List<String> inputs = new ArrayList<>();

    @Option(names = {"-d", "--definition"}, paramLabel = "ID", defaultValue = "timeout", description = "Session definition id. Default: ${DEFAULT-VALUE}.")
    String definition;

    @Option(names = {"-o", "--option"}, paramLabel = "NAME=VALUE", description = "An option of the definition (repeatable).")
    Map<String, String> options = new LinkedHashMap<>();

    @Option(names = "--input-format", paramLabel = "FORMAT", defaultValue = "auto", description = "auto, csv, jsonl or an installed format. Default: ${DEFAULT-VALUE}.")
    String inputFormat;

    @Option(names = "--input-option", paramLabel = "ID.NAME=VALUE", description = "An option of an input format (repeatable).")
    List<String> inputOptions = new ArrayList<>();

    @Option(names = "--input-zone", paramLabel = "ZONE", defaultValue = "UTC", description = "Zone of timestamps without an offset. Default: ${DEFAULT-VALUE}.")
    String inputZone;

    @Option(names = "--map", paramLabel = "COLUMN=INPUT", description = "Read a column from another input column (repeatable).")
    List<String> map = new ArrayList<>();

    @Option(names = "--currency", paramLabel = "CODE", description = "The analysis currency (ISO 4217).")
    String currency;

    @Option(names = "--fx", paramLabel = "CODE=RATE", description = "1 CODE = RATE analysis currency (repeatable).")
    Map<String, String> fx = new LinkedHashMap<>();

    @Option(names = "--max-rejects", paramLabel = "N|N%", defaultValue = "1%", description = "More rejected rows is an error (exit 3). Default: ${DEFAULT-VALUE}.")
    String maxRejects;

    @Option(names = "--rejects", paramLabel = "LOCATION", description = "Write rejected rows here (file, line, reason, row). Default: "
            + SparkAnalysis.DEFAULT_REJECTS + ", only when a row is rejected.")
    String rejects;

    @Option(names = "--include-bots", description = "Count sessions flagged as bot traffic in every metric.")
    boolean includeBots;

    @Option(names = "--bot-classifiers", paramLabel = "ID[,ID...]", split = ",", description = "Bot classifiers in order, or none. Default: every installed one.")
    List<String> botClassifiers;

    @Option(names = "--bot-option", paramLabel = "ID.NAME=VALUE", description = "An option of a bot classifier (repeatable).")
    List<String> botOptions = new ArrayList<>();

    @Option(names = "--pack", paramLabel = "ID", description = "Benchmark pack to rate against.")
    String pack;

    @Option(names = "--segment", paramLabel = "SEGMENT", description = "Segment of the pack; may be left out when it has one.")
    String segment;

    @Option(names = "--sessions", paramLabel = "LOCATION", description = "Also write the sessions table here, as Parquet (replaced).")
    String sessions;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "0", description = "Partitions of the shuffles. Default: 4 × Spark's default parallelism.")
    int partitions;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the JSON result to this local file on the driver. Default: standard output.")
    Path output;

    @Option(names = "--verbose", description = "Stack traces with errors.")
    boolean verbose;

    private SparkSession spark;
    private PrintWriter out;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(execute(null, args, out, err));
    }

    /**
     * Runs one command line on {@code spark}; returns the exit code. The JSON goes to {@code out}, errors to {@code err}.
     * With {@code spark} null, the job gets (and afterwards stops) the session spark-submit configured, only once the
     * command line is valid: {@code --help} and usage errors never start Spark.
     */
    public static int execute(SparkSession spark, String[] args, PrintWriter out, PrintWriter err) {
        SparkAnalyzeCommand command = new SparkAnalyzeCommand();
        command.spark = spark;
        command.out = out;
        CommandLine cl = new CommandLine(command);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, c, parsed) -> {
            Throwable cause = cause(e);
            int code = exitCode(cause);
            err.println("persession-spark: " + (code == INTERNAL
                    ? "internal error (" + cause + "); this is a bug in persession, please report it with the stack trace below"
                    : cause.getMessage()));
            if (code == INTERNAL || command.verbose) {
                e.printStackTrace(err);
            }
            err.flush();
            return code;
        });
        cl.setParameterExceptionHandler((e, a) -> {
            err.println("persession-spark: " + e.getMessage());
            err.println("Try 'persession-spark --help' for usage.");
            err.flush();
            return USAGE;
        });
        return cl.execute(args);
    }

    @Override
    public Integer call() throws IOException {
        JobSpec spec = spec();
        if (spark != null) {
            return analyze(spark, spec);
        }
        SparkSession session = SparkSession.builder().appName("persession").getOrCreate();
        try {
            return analyze(session, spec);
        } finally {
            session.stop();
        }
    }

    private int analyze(SparkSession session, JobSpec spec) throws IOException {
        SparkAnalysis.Outcome outcome = new SparkAnalysis(session, spec).rejects(rejects).sessions(sessions).partitions(partitions).run(inputs);
        BenchmarkPack p = null;
        String s = null;
        if (pack != null) {
            p = BenchmarkPacks.load(JobPlugins.here().benchmarkPacks).get(pack.trim());
            try {
                s = Ratings.segment(p, segment);
            } catch (IllegalArgumentException e) {
                throw new JobUsageException(e.getMessage());
            }
        } else if (segment != null) {
            throw new JobUsageException("--segment " + segment + " needs --pack: choose a benchmark pack");
        }
        Insights insights = Insights.of(Figures.of(outcome.result.first().totals()), p, s, null);
        ObjectNode json = AnalysisJson.analysis(outcome.result.input(), outcome.result.first(), outcome.rejectsFile);
        BenchmarkJson.addTo(json, InsightReport.of(insights));
        String text = AnalysisJson.mapper().writeValueAsString(json);
        if (output != null) {
            Files.writeString(output, text + "\n", StandardCharsets.UTF_8);
        } else {
            out.println(text);
            out.flush();
        }
        return OK;
    }

    /** The flags as plain values for the executors. */
    JobSpec spec() {
        JobSpec spec = new JobSpec();
        spec.definition = definition;
        spec.definitionOptions = new LinkedHashMap<>(options);
        spec.inputFormat = inputFormat;
        spec.inputZone = inputZone;
        spec.map = new ArrayList<>(map);
        spec.currency = currency;
        spec.fx = new LinkedHashMap<>(fx);
        spec.maxRejects = maxRejects;
        spec.includeBots = includeBots;
        for (String o : inputOptions) {
            String[] kv = idNameValue("--input-option", o, "access-log.salt=s3cret");
            spec.formatOptions.computeIfAbsent(kv[0], k -> new LinkedHashMap<>()).put(kv[1], kv[2]);
        }
        if (botClassifiers != null) {
            spec.botClassifiers = new ArrayList<>();
            for (String id : botClassifiers) {
                if (!id.isBlank() && !id.trim().equals("none")) {
                    spec.botClassifiers.add(id.trim());
                }
            }
        }
        for (String o : botOptions) {
            String[] kv = idNameValue("--bot-option", o, "behaviour.max-events=200");
            spec.botOptions.computeIfAbsent(kv[0], k -> new LinkedHashMap<>()).put(kv[1], kv[2]);
        }
        return spec;
    }

    private static String[] idNameValue(String flag, String entry, String example) {
        int eq = entry.indexOf('=');
        int dot = entry.indexOf('.');
        if (eq < 0 || dot < 1 || dot > eq - 2) {
            throw new JobUsageException(flag + " '" + entry + "': expected ID.NAME=VALUE, e.g. " + flag + " " + example);
        }
        return new String[] {entry.substring(0, dot).trim(), entry.substring(dot + 1, eq).trim(), entry.substring(eq + 1)};
    }

    /** The exception that says what went wrong: Spark wraps a task's failure; its cause is ours. */
    static Throwable cause(Throwable e) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < 20; depth++, t = t.getCause()) {
            if (exitCode(t) != INTERNAL) {
                return t;
            }
        }
        return e;
    }

    static int exitCode(Throwable e) {
        if (e instanceof InvalidOptionException || e instanceof CommandLine.ParameterException || e instanceof JobUsageException) {
            return USAGE;
        }
        if (e instanceof PluginException) {
            return PLUGIN;
        }
        if (e instanceof InputException || e instanceof AnalysisException || e instanceof UncheckedIOException) {
            return INPUT;
        }
        return INTERNAL;
    }
}

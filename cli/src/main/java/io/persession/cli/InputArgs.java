package io.persession.cli;

import io.persession.input.EventFileReader;
import io.persession.input.InputException;
import io.persession.input.InputOptions;
import io.persession.input.RejectLimit;
import io.persession.input.RejectWriter;
import io.persession.engine.Engine;
import io.persession.engine.InputReport;
import io.persession.engine.SessionListener;
import io.persession.spi.SessionDefinition;
import io.persession.spi.Options;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** The input files and how to read them: shared by every command that reads events. */
public final class InputArgs {
    private static final Logger LOG = LoggerFactory.getLogger(InputArgs.class);
    /** Where rejects go when {@code --rejects} is not given (only created when a row is rejected). */
    static final Path DEFAULT_REJECTS = Path.of("persession-rejects.csv");
    static final String DEFAULT_FORMAT = "auto";
    static final String DEFAULT_ZONE = "UTC";
    static final String DEFAULT_MAX_REJECTS = "1%";
    static final String DEFAULT_LATENESS = "10m";

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Event files: CSV or JSON Lines, gzip allowed.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--input-format", paramLabel = "FORMAT", defaultValue = DEFAULT_FORMAT,
            description = "auto (per file, the installed format that recognises its name and first bytes), csv, jsonl or another "
                    + "installed format (ga4-export, access-log, snowplow, ...; see persession formats). Default: ${DEFAULT-VALUE}.")
    String inputFormat;

    @Option(names = "--input-option", paramLabel = "[ID.]NAME=VALUE",
            description = "An option of an input format, repeatable: --input-option access-log.salt=s3cret; NAME=VALUE goes to the "
                    + "format of --input-format.")
    List<String> inputOptions = new ArrayList<>();

    /** The installed input formats (set by the command from its plugins); null: those on the class path. */
    io.persession.engine.PluginRegistry<io.persession.spi.EventFormat> formats;

    @Option(names = "--input-zone", paramLabel = "ZONE", defaultValue = DEFAULT_ZONE,
            description = "Time zone of timestamps without an offset (IANA id). Default: ${DEFAULT-VALUE}.")
    String inputZone;

    @Option(names = "--map", paramLabel = "COLUMN=INPUT", description = "Read a column from another input column, e.g. --map event=event_name (repeatable).")
    List<String> map = new ArrayList<>();

    @Option(names = "--rejects", paramLabel = "FILE",
            description = "Write rejected rows here (file, line, reason, row). Default: persession-rejects.csv, created only when a row is rejected.")
    Path rejects;

    @Option(names = "--max-rejects", paramLabel = "N|N%", defaultValue = DEFAULT_MAX_REJECTS,
            description = "More rejected rows than this is an error (exit 3): a count or a percentage of rows read. Default: ${DEFAULT-VALUE}.")
    String maxRejects;

    @Option(names = "--lateness", paramLabel = "DURATION", defaultValue = DEFAULT_LATENESS,
            description = "How far out of time order rows may be and still stream; later rows make a second read for their visitors. Default: ${DEFAULT-VALUE}.")
    String lateness;

    @Option(names = "--currency", paramLabel = "CODE",
            description = "The analysis currency (ISO 4217). Needed when the input mixes currencies; rows in others need a rate (--fx).")
    String currency;

    @Option(names = "--fx", paramLabel = "CODE=RATE",
            description = "Convert revenue in CODE to the analysis currency: 1 CODE = RATE (repeatable), e.g. --currency EUR --fx USD=0.92.")
    Map<String, String> fx = new LinkedHashMap<>();

    @Option(names = "--progress", paramLabel = "WHEN", defaultValue = "auto",
            description = "Progress of the read on stderr: auto (a bar when stderr is a terminal, else a log line every 10 s), always (the bar) "
                    + "or never. Default: ${DEFAULT-VALUE}.")
    Progress.Mode progress = Progress.Mode.AUTO;

    /** The command this mixin is in, for its stderr (null when built with {@link #of}). */
    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec mixee;

    /** Where progress goes when there is no command (set by the command that built these arguments). */
    java.io.PrintWriter progressErr;

    /** Where rejects go when {@code --rejects} is not given. */
    Path defaultRejects = DEFAULT_REJECTS;

    /** Input arguments with every default, as if given on the command line with only files and {@code --rejects}. */
    static InputArgs of(List<Path> files, Path rejects) {
        InputArgs a = new InputArgs();
        a.files = new ArrayList<>(files);
        a.rejects = rejects;
        a.inputFormat = DEFAULT_FORMAT;
        a.inputZone = DEFAULT_ZONE;
        a.maxRejects = DEFAULT_MAX_REJECTS;
        a.lateness = DEFAULT_LATENESS;
        return a;
    }

    /**
     * The same input flags for other files (a baseline period): their rejects go beside this input's,
     * named with {@code suffix} ({@code persession-rejects-baseline.csv}).
     */
    InputArgs forOtherFiles(List<Path> otherFiles, String suffix) {
        InputArgs b = new InputArgs();
        b.files = new ArrayList<>(otherFiles);
        b.inputFormat = inputFormat;
        b.inputOptions = new ArrayList<>(inputOptions);
        b.formats = formats;
        b.inputZone = inputZone;
        b.map = new ArrayList<>(map);
        b.maxRejects = maxRejects;
        b.lateness = lateness;
        b.currency = currency;
        b.fx = new LinkedHashMap<>(fx);
        b.progress = progress;
        b.mixee = mixee;
        b.progressErr = progressErr;
        b.rejects = rejects == null ? null : withSuffix(rejects, suffix);
        b.defaultRejects = withSuffix(defaultRejects, suffix);
        return b;
    }

    /** {@code dir/name-suffix.ext} for {@code dir/name.ext}. */
    static Path withSuffix(Path file, String suffix) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return file.resolveSibling(dot > 0 ? name.substring(0, dot) + suffix + name.substring(dot) : name + suffix);
    }

    /**
     * Reads the input once through {@code engine} under every definition, checks the rejects and
     * finishes the rejects file.
     */
    Analysis analyze(Engine engine, List<SessionDefinition> definitions, Function<SessionDefinition, SessionListener> extra) {
        long started = System.nanoTime();
        OpenInput in = open(definitions);
        Engine.Result result;
        try (in; Progress shown = progress(in.reader())) {
            result = engine.run(in.reader(), definitions, extra);
            in.checkRejects(result.input());
        }
        LOG.info("Read {} rows from {} in {} ms", result.input().rows(), String.join(", ", result.input().names()),
                (System.nanoTime() - started) / 1_000_000);
        return new Analysis(result, in.rejectsFile());
    }

    /** Starts the progress display of {@code --progress} for {@code reader}, on the command's stderr. */
    Progress progress(EventFileReader reader) {
        java.io.PrintWriter err = mixee != null ? mixee.commandLine().getErr() : progressErr;
        if (err == null) {
            err = new java.io.PrintWriter(System.err, true);
        }
        return Progress.start(progress == null ? Progress.Mode.AUTO : progress, reader, err, System.getenv());
    }

    /** A finished read: the engine's result and where the rejected rows are ({@code null} when none). */
    static final class Analysis {
        final Engine.Result result;
        final Path rejectsFile;

        Analysis(Engine.Result result, Path rejectsFile) {
            this.result = result;
            this.rejectsFile = rejectsFile;
        }
    }

    /**
     * The zone of the report's days when a definition has no {@code zone} option: {@code --input-zone}
     * (UTC when it is not a valid zone id; reading reports that error).
     */
    java.time.ZoneId dayZone() {
        try {
            return java.time.ZoneId.of(inputZone == null ? DEFAULT_ZONE : inputZone.trim());
        } catch (java.time.DateTimeException e) {
            return java.time.ZoneOffset.UTC;
        }
    }

    Duration lateness() {
        try {
            return Options.duration("--lateness", lateness);
        } catch (IllegalArgumentException e) {
            if ("0".equals(lateness.trim())) {
                return Duration.ZERO;
            }
            throw new UsageException(e.getMessage().replace("option '--lateness'", "--lateness"));
        }
    }

    InputOptions options() {
        return options(List.of());
    }

    /** The reading options, reading also every input column the definitions need (their union). */
    InputOptions options(List<SessionDefinition> definitions) {
        try {
            InputOptions.Builder b = InputOptions.builder().format(inputFormat).inputZone(inputZone).map(map);
            for (SessionDefinition d : definitions) {
                b.columnsOf(d);
            }
            if (currency != null) {
                b.currency(currency);
            }
            for (Map.Entry<String, String> e : fx.entrySet()) {
                b.rate(e.getKey(), parseRate(e.getKey(), e.getValue()));
            }
            for (String o : inputOptions) {
                inputOption(b, o);
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** One {@code --input-option [ID.]NAME=VALUE}, checked against the installed formats. */
    private void inputOption(InputOptions.Builder b, String option) {
        int eq = option.indexOf('=');
        String key = eq < 0 ? "" : option.substring(0, eq).trim();
        String value = eq < 0 ? "" : option.substring(eq + 1).trim();
        int dot = key.indexOf('.');
        String id = dot < 0 ? (inputFormat == null ? DEFAULT_FORMAT : inputFormat.trim().toLowerCase(Locale.ROOT)) : key.substring(0, dot);
        String name = dot < 0 ? key : key.substring(dot + 1);
        if (eq < 0 || name.isEmpty()) {
            throw new UsageException("bad --input-option '" + option + "': expected ID.NAME=VALUE, such as access-log.salt=s3cret");
        }
        if (DEFAULT_FORMAT.equals(id)) {
            throw new UsageException("--input-option " + option + ": name the format (ID.NAME=VALUE, such as access-log." + name
                    + "=...) or choose it with --input-format");
        }
        io.persession.engine.PluginRegistry<io.persession.spi.EventFormat> installed = formats != null ? formats
                : io.persession.input.EventFileReader.classPathFormats();
        io.persession.spi.EventFormat format;
        try {
            format = installed.get(id);
        } catch (io.persession.engine.PluginException e) {
            throw new UsageException("--input-option " + option + ": " + e.getMessage());
        }
        List<String> names = format.options().stream().map(io.persession.spi.OptionSpec::name).collect(java.util.stream.Collectors.toList());
        if (!names.contains(name)) {
            throw new UsageException("--input-option " + option + ": the input format " + id + " has no option '" + name + "'; its options: "
                    + (names.isEmpty() ? "none" : String.join(", ", names)));
        }
        b.formatOption(id, name, value);
    }

    private static BigDecimal parseRate(String code, String rate) {
        try {
            return InputOptions.parseRate(code, rate);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** Opens the input: the reader and its rejects output. Close it to finish the rejects file. */
    OpenInput open() {
        return open(List.of());
    }

    /** {@link #open()}, reading also every input column the definitions need. */
    OpenInput open(List<SessionDefinition> definitions) {
        InputOptions options = options(definitions);
        rejectLimit(0); // a bad --max-rejects is a usage error before anything is read
        if (!DEFAULT_FORMAT.equals(options.formatId()) && options.format() == InputOptions.Format.OTHER) {
            try {
                (formats != null ? formats : EventFileReader.classPathFormats()).get(options.formatId());
            } catch (io.persession.engine.PluginException e) {
                throw new UsageException("--input-format: " + e.getMessage());
            }
        }
        try {
            Path target = rejects != null ? rejects : defaultRejects;
            Path temp = Files.createTempFile("persession-rejects", ".csv");
            RejectWriter writer = new RejectWriter(temp);
            EventFileReader reader = formats != null ? new EventFileReader(files, options, writer, formats)
                    : new EventFileReader(files, options, writer);
            return new OpenInput(reader, writer, temp, target, rejects != null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The limit on rejected rows for {@code rows} rows read. */
    long rejectLimit(long rows) {
        try {
            return RejectLimit.of(maxRejects, rows);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The opened input: reader, rejects writer; closing moves the rejects into place. */
    final class OpenInput implements AutoCloseable {
        private final EventFileReader reader;
        private final RejectWriter rejectWriter;
        private final Path temp;
        private final Path target;
        private final boolean explicit;

        OpenInput(EventFileReader reader, RejectWriter rejectWriter, Path temp, Path target, boolean explicit) {
            this.reader = reader;
            this.rejectWriter = rejectWriter;
            this.temp = temp;
            this.target = target;
            this.explicit = explicit;
        }

        EventFileReader reader() {
            return reader;
        }

        RejectWriter rejectWriter() {
            return rejectWriter;
        }

        /** Where the rejects are (after close), or {@code null} when none were written. */
        Path rejectsFile() {
            return explicit || rejectWriter.count() > 0 ? target : null;
        }

        /** Fails (exit 3) when more rows were rejected than {@code --max-rejects} allows. */
        void checkRejects(InputReport report) {
            long limit = rejectLimit(report.rows());
            if (report.rejected() > limit) {
                throw new InputException(report.rejected() + " of " + report.rows() + " rows rejected, more than --max-rejects "
                        + maxRejects + " allows (" + limit + "); see " + target + " for each row and reason ("
                        + summary() + "), fix the input or raise --max-rejects");
            }
            if (report.rejected() > 0) {
                LOG.warn("{} row(s) rejected ({}); written to {}", report.rejected(), summary(), target);
            }
        }

        private String summary() {
            StringBuilder b = new StringBuilder();
            rejectWriter.countsByReason().forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
            return b.toString();
        }

        @Override
        public void close() {
            rejectWriter.close();
            try {
                if (explicit || rejectWriter.count() > 0) {
                    Files.copy(temp, target, StandardCopyOption.REPLACE_EXISTING); // a copy gets the usual permissions
                }
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the rejects file " + target + ": " + e.getMessage(), e);
            }
        }
    }
}

package io.persession.spark;

import io.persession.engine.Engine;
import io.persession.engine.PartialResult;
import io.persession.input.InputException;
import io.persession.input.RejectLimit;
import io.persession.input.RejectWriter;
import io.persession.spi.BotClassifier;
import io.persession.spi.SessionDefinition;

import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import scala.Tuple2;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * {@code persession analyze} on Spark: read the files in parallel with the same host and formats, count and write the
 * rejects, remove duplicate ids across the whole input, partition by visitor, sort each partition by time (ties in
 * input order), run the same {@link Engine} in each partition, and merge the exact partial sums on the driver into the
 * result {@code persession analyze} gives for the same files in the same order.
 */
public final class SparkAnalysis {
    private static final Logger LOG = LoggerFactory.getLogger(SparkAnalysis.class);

    /** Where rejects go when no rejects output is given (created only when a row is rejected), as for the CLI. */
    static final String DEFAULT_REJECTS = "persession-rejects.csv";

    /** Shuffle partitions per core of Spark's default parallelism, when not given: small partitions spill less. */
    static final int DEFAULT_PARTITIONS_PER_CORE = 4;

    private final SparkSession spark;
    private final JobSpec spec;
    private String rejects;
    private String sessions;
    private int partitions;

    public SparkAnalysis(SparkSession spark, JobSpec spec) {
        this.spark = spark;
        this.spec = spec;
    }

    /** Where rejected rows go ({@code file,line,reason,row}); null: {@value #DEFAULT_REJECTS}, only when there are any. */
    public SparkAnalysis rejects(String location) {
        this.rejects = location;
        return this;
    }

    /** Also write the sessions table here (a Parquet folder, replaced). */
    public SparkAnalysis sessions(String location) {
        this.sessions = location;
        return this;
    }

    /** Partitions of the shuffles (de-duplication and sessionizing); 0: {@value #DEFAULT_PARTITIONS_PER_CORE} × Spark's default parallelism. */
    public SparkAnalysis partitions(int n) {
        this.partitions = n;
        return this;
    }

    /** What a run found: the result, and where the rejected rows are ({@code null} when none were written). */
    public static final class Outcome {
        public final Engine.Result result;
        public final String rejectsFile;
        public final List<String> files;

        Outcome(Engine.Result result, String rejectsFile, List<String> files) {
            this.result = result;
            this.rejectsFile = rejectsFile;
            this.files = List.copyOf(files);
        }
    }

    /**
     * Runs the job over {@code inputs} (files, folders or globs, on any Hadoop file system).
     *
     * @throws InputException for unreadable input or too many rejects (exit code 3)
     */
    public Outcome run(List<String> inputs) {
        long started = System.nanoTime();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        // everything a user can get wrong fails here, on the driver, before a task runs
        JobPlugins plugins = JobPlugins.here();
        SessionDefinition definition = spec.definition(plugins);
        List<BotClassifier> classifiers = spec.classifiers(plugins);
        spec.inputOptions(definition);
        try {
            RejectLimit.of(spec.maxRejects, 0);
        } catch (IllegalArgumentException e) {
            throw new JobUsageException(e.getMessage());
        }
        HadoopFiles fs = new HadoopFiles(jsc.hadoopConfiguration());
        List<String> files = fs.expand(inputs);
        int shuffle = partitions > 0 ? partitions : DEFAULT_PARTITIONS_PER_CORE * jsc.defaultParallelism();
        LOG.info("Analyzing {} file(s) under {} in {} partitions", files.size(), spec, shuffle);

        List<Integer> indices = IntStream.range(0, files.size()).boxed().collect(Collectors.toList());
        // The files are read once: straight into the shuffle by event id, whose output (every row, duplicate event ids
        // removed, spread over the partitions) is kept for the counts, the rejects and the rest.
        JavaRDD<Dedup.Survivor> rows = Dedup.byEventId(jsc.parallelize(indices, files.size()).mapPartitions(new ReadFiles(spec, files, fs)), shuffle)
                .persist(StorageLevel.MEMORY_AND_DISK_SER());
        try {
            long[] counts = rows.aggregate(new long[2], (acc, r) -> {
                acc[0] += r.rows();
                acc[1] += r.record.isReject() ? 1 : 0;
                return acc;
            }, (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
            long read = counts[0];
            long rejected = counts[1];
            String rejectsFile = writeRejects(rows, files, rejected);
            checkRejects(read, rejected, rejectsFile);

            JavaRDD<RunPartition.Output> outputs = Dedup.byOrderId(rows.filter(s -> !s.record.isReject()), shuffle)
                    .mapToPair(s -> new Tuple2<>(new SortKey(s.record), s))
                    .repartitionAndSortWithinPartitions(new SortKey.ByVisitor(shuffle), new SortKey.TimeOrder())
                    .mapPartitions(new RunPartition(spec, sessions != null));
            if (sessions != null) {
                outputs = outputs.persist(StorageLevel.MEMORY_AND_DISK_SER());
            }
            List<RunPartition.Output> parts = outputs.filter(RunPartition.Output::isPart).collect();
            PartialResult merged = null;
            long duplicateEvents = 0;
            long duplicateOrders = 0;
            for (RunPartition.Output o : parts) {
                merged = merged == null ? o.part : merged.merge(o.part);
                duplicateEvents += o.duplicateEvents;
                duplicateOrders += o.duplicateOrders;
            }
            List<String> names = new ArrayList<>();
            files.forEach(f -> names.add(new Path(f).getName()));
            Engine.Result result = merged.toResult(spec.engine(classifiers), List.of(definition), names, read, rejected,
                    duplicateEvents, duplicateOrders);
            if (sessions != null) {
                writeSessions(outputs, result.first().totals().currency());
                outputs.unpersist(false);
            }
            LOG.info("Read {} rows from {} file(s) in {} ms", read, files.size(), (System.nanoTime() - started) / 1_000_000);
            return new Outcome(result, rejectsFile, files);
        } finally {
            rows.unpersist(false);
        }
    }

    /** The rejected rows in input order, through the CLI's {@link RejectWriter}: the same file {@code analyze} writes. */
    private String writeRejects(JavaRDD<Dedup.Survivor> rows, List<String> files, long rejected) {
        if (rejected == 0 && rejects == null) {
            return null;
        }
        String target = rejects != null ? rejects : DEFAULT_REJECTS;
        Path path = new Path(target);
        try (FSDataOutputStream stream = path.getFileSystem(spark.sparkContext().hadoopConfiguration()).create(path, true);
             RejectWriter writer = new RejectWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8))) {
            if (rejected > 0) {
                Iterator<EventRecord> it = rows.filter(s -> s.record.isReject()).map(s -> s.record)
                        .sortBy(r -> ((long) r.file << 40) | r.line, true, 1).toLocalIterator();
                while (it.hasNext()) {
                    EventRecord r = it.next();
                    writer.reject(files.get(r.file), r.line, r.rejectCategory, r.rejectMessage, r.raw);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the rejects file " + target + ": " + e.getMessage(), e);
        }
        return target;
    }

    private void checkRejects(long rows, long rejected, String rejectsFile) {
        long limit = RejectLimit.of(spec.maxRejects, rows);
        if (rejected > limit) {
            throw new InputException(rejected + " of " + rows + " rows rejected, more than --max-rejects " + spec.maxRejects
                    + " allows (" + limit + "); see " + rejectsFile + " for each row and reason, fix the input or raise --max-rejects");
        }
        if (rejected > 0) {
            LOG.warn("{} row(s) rejected; written to {}", rejected, rejectsFile);
        }
    }

    private void writeSessions(JavaRDD<RunPartition.Output> outputs, String currency) {
        JavaRDD<Row> rows = outputs.filter(o -> o.session != null).map(o -> RowFactory.create(o.session));
        Dataset<Row> table = spark.createDataFrame(rows, SessionTable.SCHEMA)
                .withColumn("currency", functions.lit(currency).cast("string"));
        table.write().mode("overwrite").parquet(sessions);
        LOG.info("Sessions written to {}", sessions);
    }
}

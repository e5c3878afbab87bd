package io.persession.spark;

import static org.apache.spark.sql.functions.col;

import io.persession.engine.SessionListener;
import io.persession.engine.Sessionizer;
import io.persession.spi.Event;
import io.persession.spi.Session;
import io.persession.spi.SessionDefinition;
import io.persession.spi.SessionDefinitionProvider;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Test support: a small, quiet, loopback-only local Spark, and a tiny job that sessionizes on the executors.
 * Only the definition id and its options (plain strings) travel in the closure, never a {@link SessionDefinition}:
 * the executor finds the definition with {@link ServiceLoader} on the task's context class loader.
 */
final class LocalSpark {
    static final StructType EVENTS = new StructType()
            .add("visitor", DataTypes.StringType, false)
            .add("ts", DataTypes.LongType, false)
            .add("page", DataTypes.StringType, true)
            .add("referrer", DataTypes.StringType, true);

    private LocalSpark() {
    }

    static SparkSession start(String appName) {
        return start(appName, false);
    }

    /** With {@code kryo}, Kryo serializes shuffles and task results, as docs/spark.md advises for real runs. */
    static SparkSession start(String appName, boolean kryo) {
        return SparkSession.builder()
                .config("spark.serializer", kryo ? "org.apache.spark.serializer.KryoSerializer" : "org.apache.spark.serializer.JavaSerializer")
                .appName(appName)
                .master("local[2]")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.default.parallelism", "2")
                .config("spark.sql.adaptive.enabled", "false")
                // No Hive: the in-memory catalog, and a warehouse under target/ rather than the working directory.
                .config("spark.sql.catalogImplementation", "in-memory")
                .config("spark.sql.warehouse.dir", System.getProperty("java.io.tmpdir") + "/persession-spark-warehouse")
                .config("spark.eventLog.enabled", "false")
                .getOrCreate();
    }

    static Row event(String visitor, long ts, String page, String referrer) {
        return RowFactory.create(visitor, ts, page, referrer);
    }

    /** Sessions of {@code rows} under the definition, counted on the executors, visitors spread by a shuffle. */
    static long countSessions(SparkSession spark, List<Row> rows, String definitionId, Map<String, String> options) {
        Dataset<Row> events = spark.createDataFrame(rows, EVENTS).repartition(4, col("visitor"));
        Dataset<Long> perPartition = events.mapPartitions(sessionCounter(definitionId, new HashMap<>(options)), Encoders.LONG());
        return perPartition.collectAsList().stream().mapToLong(Long::longValue).sum();
    }

    /** Static, so that the closure captures only the id and the options. */
    private static MapPartitionsFunction<Row, Long> sessionCounter(String definitionId, HashMap<String, String> options) {
        return (Iterator<Row> it) -> {
            SessionDefinition definition = load(definitionId, options);
            List<Event> batch = new ArrayList<>();
            while (it.hasNext()) {
                Row r = it.next();
                batch.add(Event.builder(r.getLong(1), r.getString(0)).page(r.getString(2)).referrer(r.getString(3)).build());
            }
            long[] closed = {0};
            Sessionizer.sessionize(definition, batch, new SessionListener() {
                @Override
                public void sessionClosed(Session session) {
                    closed[0]++;
                }

                @Override
                public void sessionRetracted(Session session) {
                    throw new IllegalStateException("sessionize never retracts");
                }
            });
            return List.of(closed[0]).iterator();
        };
    }

    private static SessionDefinition load(String id, Map<String, String> options) {
        for (SessionDefinitionProvider p : ServiceLoader.load(SessionDefinitionProvider.class,
                Thread.currentThread().getContextClassLoader())) {
            if (p.id().equals(id)) {
                return p.create(options);
            }
        }
        throw new IllegalStateException("no session definition " + id + " on the executor class path");
    }
}

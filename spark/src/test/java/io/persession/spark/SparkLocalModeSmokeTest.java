package io.persession.spark;

import static io.persession.spark.LocalSpark.event;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/**
 * Spark in local mode, end to end, on the modules' classes: the executors find the {@code timeout} session
 * definition through {@link java.util.ServiceLoader} and sessionize each visitor's events.
 */
class SparkLocalModeSmokeTest {
    private static final long MINUTE = 60_000L;
    private static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = LocalSpark.start("persession-smoke");
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void sessionizesOnExecutorsWithTheTimeoutDefinitionFoundByServiceLoader() {
        List<Row> rows = List.of(
                // a: 0, 10m, 50m: a gap of 40m, 2 sessions
                event("a", 0L, null, null), event("a", 10 * MINUTE, null, null), event("a", 50 * MINUTE, null, null),
                // b: 0, 5m, 35m: a gap of exactly 30m continues, 1 session
                event("b", 0L, null, null), event("b", 5 * MINUTE, null, null), event("b", 35 * MINUTE, null, null),
                // c, out of order: 0, 31m, 62m, 3 sessions
                event("c", 62 * MINUTE, null, null), event("c", 0L, null, null), event("c", 31 * MINUTE, null, null),
                // d: one event, 1 session
                event("d", 7 * MINUTE, null, null));

        assertEquals(7, LocalSpark.countSessions(spark, rows, "timeout", Map.of("timeout", "30m")));
        assertEquals(4, LocalSpark.countSessions(spark, rows, "timeout", Map.of("timeout", "45m")));
    }
}

package io.persession.spark;

import static io.persession.spark.LocalSpark.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/**
 * The job jar as spark-submit would ship it: failsafe puts {@code persession-spark-*-job.jar} on the class path
 * instead of the modules' classes and their Guava (see the pom), so this checks the merged service files and
 * the relocated Guava, which the {@code referral} definition uses for registrable domains.
 */
class SparkJobJarIT {
    private static final long MINUTE = 60_000L;
    private static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = LocalSpark.start("persession-job-jar");
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void runsFromTheJobJarWithItsRelocatedGuava() {
        String codeSource = io.persession.engine.Sessionizer.class.getProtectionDomain().getCodeSource().getLocation().toString();
        assertTrue(codeSource.endsWith("-job.jar"), "persession classes should come from the job jar, not " + codeSource);
        assertThrows(ClassNotFoundException.class, () -> Class.forName("com.google.common.net.InternetDomainName"),
                "unrelocated Guava on the test class path: the job jar is not what is tested");

        String page = "https://shop.example.com/";
        List<Row> rows = List.of(
                event("e", 0L, page, "https://www.google.com/"),
                // a subdomain of the site itself: internal, no new session
                event("e", MINUTE, page + "cart", "https://blog.example.com/post"),
                // the same referrer as the entry: no new session
                event("e", 2 * MINUTE, page + "item", "https://google.com/search"),
                // another external referrer: a new session
                event("e", 3 * MINUTE, page, "https://www.bing.com/"));

        assertEquals(1, LocalSpark.countSessions(spark, rows, "timeout", Map.of()));
        assertEquals(2, LocalSpark.countSessions(spark, rows, "referral", Map.of()));
    }
}

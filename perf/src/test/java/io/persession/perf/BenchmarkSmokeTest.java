package io.persession.perf;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CI smoke mode: runs every JMH benchmark once, in this JVM, with minimal iterations, and checks that
 * each produced a result. It checks that they run, not their numbers.
 */
class BenchmarkSmokeTest {
    @Test
    void everyBenchmarkRuns() throws Exception {
        Options options = new OptionsBuilder()
                .include(HotPathBenchmarks.class.getName() + "\\.")
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(100))
                .forks(0)
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results = new Runner(options).run();

        Set<String> expected = Arrays.stream(HotPathBenchmarks.class.getMethods())
                .filter(m -> m.isAnnotationPresent(org.openjdk.jmh.annotations.Benchmark.class))
                .map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> ran = results.stream()
                .map(r -> r.getParams().getBenchmark())
                .map(b -> b.substring(b.lastIndexOf('.') + 1))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, ran);
        for (RunResult r : results) {
            assertTrue(r.getPrimaryResult().getSampleCount() > 0, r.getParams().getBenchmark() + " produced no sample");
            assertTrue(r.getPrimaryResult().getScore() > 0, r.getParams().getBenchmark() + " produced no score");
        }
    }
}

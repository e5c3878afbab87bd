package io.persession.benchmarks;

import io.persession.spi.BenchmarkPack;
import io.persession.spi.BenchmarkPackProvider;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResourceBenchmarkPackProviderTest {
    /** A vendor's provider: a few lines. */
    public static final class ValidProvider extends ResourceBenchmarkPackProvider {
        @Override
        public String spiVersion() {
            return io.persession.spi.SpiVersion.CURRENT;
        }

        public ValidProvider() {
            super("test-pack", "/test-packs/valid.json");
        }
    }

    /** Relative to the subclass's package, as {@link Class#getResource}. */
    public static final class RelativeProvider extends ResourceBenchmarkPackProvider {
        @Override
        public String spiVersion() {
            return io.persession.spi.SpiVersion.CURRENT;
        }

        public RelativeProvider() {
            super("test-pack", "relative.json");
        }
    }

    public static final class MissingProvider extends ResourceBenchmarkPackProvider {

        @Override

        public String spiVersion() {

            return io.persession.spi.SpiVersion.CURRENT;

        }

        public MissingProvider() {
            super("missing-pack", "/test-packs/no-such-pack.json");
        }
    }

    public static final class InvalidProvider extends ResourceBenchmarkPackProvider {

        @Override

        public String spiVersion() {

            return io.persession.spi.SpiVersion.CURRENT;

        }

        public InvalidProvider() {
            super("test-pack", "/test-packs/invalid-order.json");
        }
    }

    public static final class OtherIdProvider extends ResourceBenchmarkPackProvider {

        @Override

        public String spiVersion() {

            return io.persession.spi.SpiVersion.CURRENT;

        }

        public OtherIdProvider() {
            super("test-pack", "/test-packs/other-id.json");
        }
    }

    @Test
    void loadsTheResourceOnFirstUseAndKeepsIt() {
        ValidProvider p = new ValidProvider();
        assertEquals("test-pack", p.id());
        assertEquals("/test-packs/valid.json", p.resource());
        BenchmarkPack pack = p.pack();
        assertEquals("test-pack", pack.id());
        assertEquals(8, pack.entries().size());
        assertSame(pack, p.pack(), "loaded once");
    }

    @Test
    void aRelativeResourceIsResolvedAgainstTheSubclassPackage() {
        assertEquals("test-pack", new RelativeProvider().pack().id());
    }

    @Test
    void theConstructorDoesNoWork() {
        MissingProvider p = new MissingProvider(); // a missing resource is not noticed until pack()
        assertEquals("missing-pack", p.id());
    }

    @Test
    void aMissingResourceNamesTheResourceTheClassAndTheFix() {
        InvalidBenchmarkPackException e = assertThrows(InvalidBenchmarkPackException.class, () -> new MissingProvider().pack());
        String m = e.getMessage();
        assertTrue(m.startsWith("Invalid benchmark pack 'missing-pack' (resource /test-packs/no-such-pack.json of " + MissingProvider.class.getName()), m);
        assertTrue(m.contains("resource not found"), m);
        assertTrue(m.contains("src/main/resources/test-packs/no-such-pack.json"), m);
    }

    @Test
    void anInvalidPackIsOneErrorNamingPackResourceFieldAndProblem() {
        InvalidBenchmarkPackException e = assertThrows(InvalidBenchmarkPackException.class, () -> new InvalidProvider().pack());
        assertTrue(e.pack().startsWith("'test-pack' ("), e.pack());
        assertTrue(e.pack().contains("test-packs/invalid-order.json"), e.pack());
        assertEquals("entries[0].statistics.p50", e.path());
        assertTrue(e.problem().contains("is below p25"), e.problem());
    }

    @Test
    void theFailureIsKeptAndThrownOnEveryCall() {
        InvalidProvider p = new InvalidProvider();
        InvalidBenchmarkPackException first = assertThrows(InvalidBenchmarkPackException.class, p::pack);
        InvalidBenchmarkPackException second = assertThrows(InvalidBenchmarkPackException.class, p::pack);
        assertSame(first, second);
    }

    @Test
    void thePackIdMustBeTheProviderId() {
        InvalidBenchmarkPackException e = assertThrows(InvalidBenchmarkPackException.class, () -> new OtherIdProvider().pack());
        assertEquals("id", e.path());
        assertTrue(e.pack().startsWith("'test-pack' ("), e.pack());
        assertEquals("'other-pack' differs from the provider's id 'test-pack'; make them equal", e.problem());
    }

    @Test
    void concurrentFirstCallsGetOnePack() throws Exception {
        for (int round = 0; round < 20; round++) {
            BenchmarkPackProvider p = new ValidProvider();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<BenchmarkPack>> results = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    Callable<BenchmarkPack> call = () -> {
                        start.await();
                        return p.pack();
                    };
                    results.add(pool.submit(call));
                }
                start.countDown();
                BenchmarkPack first = results.get(0).get(1, TimeUnit.MINUTES);
                for (Future<BenchmarkPack> r : results) {
                    assertSame(first, r.get(1, TimeUnit.MINUTES), "one pack for every thread");
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}

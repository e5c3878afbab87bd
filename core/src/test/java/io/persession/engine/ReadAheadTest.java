package io.persession.engine;

import io.persession.spi.Event;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReadAheadTest {
    /** Sends {@code n} events, then throws {@code failure} (when not null); records that its read ended. */
    private static final class Counting implements EventInput {
        final int n;
        final Exception failure;
        final AtomicBoolean ended = new AtomicBoolean();
        final AtomicLong sent = new AtomicLong();
        Boolean firstPass;

        Counting(int n, Exception failure) {
            this.n = n;
            this.failure = failure;
        }

        @Override
        public void read(EventSink sink, boolean firstPass) throws IOException {
            this.firstPass = firstPass;
            try {
                for (int i = 0; i < n; i++) {
                    sink.accept(TestData.pv(TestData.BASE + i, "v" + (i % 7), "e" + i));
                    sent.incrementAndGet();
                }
                if (failure instanceof IOException) {
                    throw (IOException) failure;
                }
                if (failure != null) {
                    throw (RuntimeException) failure;
                }
            } finally {
                ended.set(true);
            }
        }

        @Override
        public long rowsRead() {
            return n;
        }

        @Override
        public long rowsRejected() {
            return 0;
        }

        @Override
        public List<String> names() {
            return List.of("counting");
        }
    }

    @Test
    void everyEventInOrder() throws IOException {
        for (int n : new int[] {0, 1, ReadAhead.BATCH - 1, ReadAhead.BATCH, ReadAhead.BATCH + 1, 100_003}) {
            Counting in = new Counting(n, null);
            List<Event> got = new ArrayList<>();
            ReadAhead.read(in, false, got::add);
            assertEquals(n, got.size());
            for (int i = 0; i < n; i++) {
                assertEquals("e" + i, got.get(i).eventId());
            }
            assertEquals(Boolean.FALSE, in.firstPass);
        }
    }

    @Test
    void whatTheReadThrowsReachesTheCaller() {
        IOException io = new IOException("disk gone");
        IOException thrown = assertThrows(IOException.class, () -> ReadAhead.read(new Counting(5000, io), true, e -> { }));
        assertSame(io, thrown);
        IllegalStateException bad = new IllegalStateException("line 7: broken");
        assertSame(bad, assertThrows(IllegalStateException.class, () -> ReadAhead.read(new Counting(10, bad), true, e -> { })));
    }

    @Test
    void whatTheSinkThrowsStopsTheRead() {
        Counting in = new Counting(10_000_000, null);
        AnalysisException mixed = new AnalysisException("mixed currencies");
        long[] seen = {0};
        AnalysisException thrown = assertThrows(AnalysisException.class, () -> ReadAhead.read(in, true, e -> {
            if (++seen[0] == 5000) {
                throw mixed;
            }
        }));
        assertSame(mixed, thrown);
        assertTrue(in.ended.get(), "the read has ended when the caller gets the exception");
        assertTrue(in.sent.get() < 1_000_000, "the read stopped early: " + in.sent.get());
    }
}

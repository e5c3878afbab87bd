package io.persession.engine;

import io.persession.spi.Event;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads an {@link EventInput} on a thread of its own, a batch ahead of the engine: parsing the input (and
 * a first {@link Stage}, a filter) and cutting sessions then run on two cores. The sink sees
 * exactly the events, in exactly the order, of a plain read, each with its input position (1, 2, ...);
 * whatever the read or the stage throws is thrown to the caller (the same exception), and whatever the sink
 * throws stops the read.
 */
final class ReadAhead {
    static final int BATCH = 2048;
    private static final int BATCHES_AHEAD = 8;
    private static final Object END = new Object();

    private ReadAhead() {
    }

    /** The read failed: what it threw. */
    private record Failure(Throwable thrown) {
    }

    /** Thrown inside the read thread once the caller gave up, to end {@link EventInput#read} early. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }

    /** Work done on the reading thread, in input order: which events go on to the sink. */
    @FunctionalInterface
    interface Stage {
        /** True when the event at input position {@code position} goes on to the sink. */
        boolean keep(Event event, long position);
    }

    /** Receives the events a {@link Stage} kept, with their input positions. */
    @FunctionalInterface
    interface Sink {
        void accept(Event event, long position);
    }

    /** {@code input.read(sink, firstPass)}, with the read on another thread. */
    static void read(EventInput input, boolean firstPass, EventSink sink) throws IOException {
        read(input, firstPass, (e, position) -> true, (e, position) -> sink.accept(e));
    }

    /**
     * Reads {@code input}; on the reading thread each event goes through {@code stage}, and the ones it
     * keeps go to {@code sink} on the calling thread. State the stage changes may be read by the caller
     * once this returns.
     */
    static void read(EventInput input, boolean firstPass, Stage stage, Sink sink) throws IOException {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(BATCHES_AHEAD);
        BlockingQueue<Batch> free = new ArrayBlockingQueue<>(BATCHES_AHEAD + 2);
        Producer producer = new Producer(input, firstPass, stage, queue, free);
        Thread thread = new Thread(producer, "persession-read-ahead");
        thread.setDaemon(true);
        thread.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        thread.start();
        boolean done = false;
        try {
            while (true) {
                Object next = take(queue);
                if (next == END) {
                    done = true;
                    return;
                }
                if (next instanceof Failure) {
                    done = true;
                    rethrow(((Failure) next).thrown());
                }
                Batch b = (Batch) next;
                touch(b);
                for (int i = 0; i < b.size; i++) {
                    sink.accept(b.events[i], b.positions[i]);
                }
                java.util.Arrays.fill(b.events, 0, b.size, null); // the batch keeps no event alive
                b.size = 0;
                free.offer(b); // reused by the producer (when full, left to the collector)
            }
        } finally {
            if (!done) {
                producer.cancelled = true;
                queue.clear(); // unblocks a put; the producer stops at its next event
            }
            join(thread, queue);
        }
    }

    /**
     * Reads, before the sink does, what it reads first of each event of the batch: the event, its visitor id (whose
     * hash this computes, and the string keeps) and its event id. The reading thread made them, so they are in the
     * other core's cache; read in one short loop, their cache misses overlap, instead of stalling the sink one by
     * one (on the 10 M file of {@code perf/compare.sh}: about 0.45 s less CPU on this thread, of about 5).
     */
    private static void touch(Batch b) {
        Event[] events = b.events;
        int chars = 0;
        for (int i = 0; i < b.size; i++) {
            Event e = events[i];
            e.visitorId().hashCode();
            String id = e.eventId();
            chars += id == null ? 0 : id.length();
        }
        b.idChars = chars; // kept, so that the compiler keeps the reads
    }

    private static Object take(BlockingQueue<Object> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the input", e);
        }
    }

    private static void join(Thread thread, BlockingQueue<Object> queue) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            queue.clear();
            try {
                thread.join(50);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void rethrow(Throwable t) throws IOException {
        if (t instanceof IOException) {
            throw (IOException) t;
        }
        if (t instanceof RuntimeException) {
            throw (RuntimeException) t;
        }
        if (t instanceof Error) {
            throw (Error) t;
        }
        throw new UncheckedIOException(new IOException(t));
    }

    /** Events and positions; the reading thread reuses the batches the caller is done with. */
    private static final class Batch {
        final Event[] events = new Event[BATCH];
        final long[] positions = new long[BATCH];
        int size;
        /** The chars of the batch's event ids ({@link #touch}). */
        int idChars;
    }

    private static final class Producer implements Runnable {
        private final EventInput input;
        private final boolean firstPass;
        private final Stage stage;
        private final BlockingQueue<Object> queue;
        private final BlockingQueue<Batch> free;
        volatile boolean cancelled;
        private Batch batch = new Batch();
        private long position;

        Producer(EventInput input, boolean firstPass, Stage stage, BlockingQueue<Object> queue, BlockingQueue<Batch> free) {
            this.input = input;
            this.firstPass = firstPass;
            this.stage = stage;
            this.queue = queue;
            this.free = free;
        }

        @Override
        public void run() {
            Object last;
            try {
                input.read(e -> {
                    long at = ++position;
                    if (!stage.keep(e, at)) {
                        return;
                    }
                    Batch b = batch;
                    b.events[b.size] = e;
                    b.positions[b.size] = at;
                    if (++b.size == BATCH) {
                        put(b);
                        Batch reused = free.poll();
                        batch = reused != null ? reused : new Batch();
                    }
                }, firstPass);
                if (batch.size > 0) {
                    put(batch);
                }
                last = END;
            } catch (Cancelled c) {
                return;
            } catch (Throwable t) {
                last = new Failure(t);
            }
            try {
                put(last);
            } catch (Cancelled c) {
                // the caller is gone
            }
        }

        private void put(Object o) {
            try {
                while (!cancelled) {
                    if (queue.offer(o, 20, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new Cancelled();
        }
    }
}

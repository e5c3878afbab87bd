package io.persession.spark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * Runs a producer on a thread of its own and hands what it produces, in order, to the thread that iterates: the read
 * stage's reader pushes rows, Spark pulls them from a task's iterator. Items travel in batches over a small bounded queue,
 * so the producer is at most a few batches ahead. A failure of the producer is thrown by {@link #hasNext()} as a
 * {@link Failure} with the producer's exception as its cause, after every item produced before it. {@link #close()}
 * stops a producer that is still running (the caller failed or stopped early) and waits for it briefly.
 *
 * @param <T> what is produced
 */
final class Handoff<T> implements Iterator<T>, AutoCloseable {
    private static final int BATCH = 2048;
    private static final int BATCHES_AHEAD = 8;
    private static final Object END = new Object();

    /** The work of the producer thread: sends each item to {@code out}. */
    @FunctionalInterface
    interface Producer<T> {
        void run(Consumer<T> out) throws Exception;
    }

    /** The producer's failure; its cause is what the producer threw. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failure(Throwable cause) {
            super(cause);
        }
    }

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    private final Thread thread;
    private List<T> batch = new ArrayList<>(BATCH);
    private Iterator<T> current = Collections.emptyIterator();
    private boolean ended;

    private Handoff(String name, Producer<T> producer) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        thread = new Thread(() -> {
            Object last = END;
            try {
                producer.run(this::put);
            } catch (Throwable t) {
                last = t;
            }
            try {
                if (!batch.isEmpty()) {
                    queue.put(batch); // what came before a failure is handed on before it
                }
                queue.put(last);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the consumer stopped: nobody waits for the end
            }
        }, name);
        thread.setContextClassLoader(loader);
        thread.setDaemon(true);
    }

    /** Starts {@code producer} on a new daemon thread named {@code name} (with the caller's context class loader). */
    static <T> Handoff<T> start(String name, Producer<T> producer) {
        Handoff<T> h = new Handoff<>(name, producer);
        h.thread.start();
        return h;
    }

    private void put(T item) {
        batch.add(item);
        if (batch.size() == BATCH) {
            flush();
        }
    }

    private void flush() {
        if (batch.isEmpty()) {
            return;
        }
        try {
            queue.put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("stopped: the consumer ended", e);
        }
        batch = new ArrayList<>(BATCH);
    }

    @Override
    @SuppressWarnings("unchecked")
    public boolean hasNext() {
        while (!current.hasNext()) {
            if (ended) {
                return false;
            }
            Object next;
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("interrupted while waiting for " + thread.getName(), e);
            }
            if (next == END) {
                ended = true;
                return false;
            }
            if (next instanceof Throwable) {
                ended = true;
                throw new Failure((Throwable) next);
            }
            current = ((List<T>) next).iterator();
        }
        return true;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return current.next();
    }

    /** Stops the producer if it still runs, and waits up to a second for it. */
    @Override
    public void close() {
        if (thread.isAlive()) {
            thread.interrupt();
            try {
                thread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

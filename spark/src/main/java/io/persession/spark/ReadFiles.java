package io.persession.spark;

import io.persession.input.EventFileReader;
import io.persession.input.InputOptions;
import io.persession.input.InputSource;
import io.persession.input.RejectSink;
import io.persession.spi.SessionDefinition;

import org.apache.spark.api.java.function.FlatMapFunction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The read stage: each task reads whole files (by index in the job's file order) through the same host and formats as
 * {@code persession analyze} ({@link EventFileReader}), so exactly the same rows are accepted and rejected. Events
 * and rejects stream out as {@link EventRecord}s while the file is read (a reader thread hands batches over a small
 * queue), so a task holds a few batches, not a file.
 */
final class ReadFiles implements FlatMapFunction<Iterator<Integer>, EventRecord> {
    private static final long serialVersionUID = 1L;
    private static final int BATCH = 4096;

    private final JobSpec spec;
    private final ArrayList<String> files;
    private final HadoopFiles fs;

    ReadFiles(JobSpec spec, List<String> files, HadoopFiles fs) {
        this.spec = spec;
        this.files = new ArrayList<>(files);
        this.fs = fs;
    }

    @Override
    public Iterator<EventRecord> call(Iterator<Integer> indices) {
        JobPlugins plugins = JobPlugins.here();
        SessionDefinition d = spec.definition(plugins);
        InputOptions options = spec.inputOptions(d);
        List<Integer> mine = new ArrayList<>();
        indices.forEachRemaining(mine::add);
        return new Pump(() -> {
            for (int index : mine) {
                read(index, options, plugins);
            }
        });
    }

    /** Reads one file into the current pump. */
    private void read(int index, InputOptions options, JobPlugins plugins) {
        Pump pump = Pump.CURRENT.get();
        long[] ordinal = {0};
        RejectSink rejects = (file, line, category, message, row) -> pump.put(EventRecord.reject(index, line, category, message, row));
        String file = files.get(index);
        InputSource source = fs.source(file);
        HadoopFiles.LocalCopy copy = null;
        try {
            if (source.path().isEmpty() && file.toLowerCase(Locale.ROOT).endsWith(".parquet")) {
                copy = fs.localCopy(file); // Parquet is read from its footer: a local file
                source = copy;
            }
            EventFileReader reader = new EventFileReader(options, rejects, plugins.formats, List.of(source));
            reader.read(e -> pump.put(EventRecord.event(index, ++ordinal[0], e)), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (copy != null) {
                try {
                    copy.close();
                } catch (IOException e) {
                    // a temporary file left behind; the task's result stands
                }
            }
        }
    }

    /** Turns the reader's pushes into an iterator: a reader thread fills batches, the task's thread takes them. */
    static final class Pump implements Iterator<EventRecord> {
        static final ThreadLocal<Pump> CURRENT = new ThreadLocal<>();
        private static final Object END = new Object();

        private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(8);
        private final Thread thread;
        private List<EventRecord> batch = new ArrayList<>(BATCH);
        private Iterator<EventRecord> current = java.util.Collections.emptyIterator();
        private boolean ended;

        Pump(Runnable work) {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            thread = new Thread(() -> {
                CURRENT.set(this);
                Object last = END;
                try {
                    work.run();
                    flushBatch();
                } catch (Throwable t) {
                    last = t;
                }
                try {
                    queue.put(last);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "persession-read");
            thread.setContextClassLoader(loader);
            thread.setDaemon(true);
            thread.start();
            org.apache.spark.TaskContext task = org.apache.spark.TaskContext.get();
            if (task != null) {
                task.addTaskCompletionListener((org.apache.spark.util.TaskCompletionListener) t -> thread.interrupt());
            }
        }

        void put(EventRecord r) {
            batch.add(r);
            if (batch.size() == BATCH) {
                flushBatch();
            }
        }

        private void flushBatch() {
            if (batch.isEmpty()) {
                return;
            }
            try {
                queue.put(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("reading was interrupted (the task ended)", e);
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
                    thread.interrupt();
                    throw new IllegalStateException("interrupted while reading", e);
                }
                if (next == END) {
                    ended = true;
                    return false;
                }
                if (next instanceof Throwable) {
                    ended = true;
                    Throwable t = (Throwable) next;
                    if (t instanceof RuntimeException) {
                        throw (RuntimeException) t;
                    }
                    if (t instanceof Error) {
                        throw (Error) t;
                    }
                    throw new IllegalStateException(t);
                }
                current = ((List<EventRecord>) next).iterator();
            }
            return true;
        }

        @Override
        public EventRecord next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }
    }
}

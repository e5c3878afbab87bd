package io.persession.spark;

import io.persession.input.EventFileReader;
import io.persession.input.InputOptions;
import io.persession.input.InputSource;
import io.persession.input.RejectSink;
import io.persession.spi.SessionDefinition;

import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.util.TaskCompletionListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

/**
 * The read stage: each task reads whole files (by index in the job's file order) through the same host and formats as
 * {@code persession analyze} ({@link EventFileReader}), so exactly the same rows are accepted and rejected. Events
 * and rejects stream out as {@link EventRecord}s while the file is read (a reader thread hands batches over a small
 * queue, {@link Handoff}), so a task holds a few batches, not a file.
 */
final class ReadFiles implements FlatMapFunction<Iterator<Integer>, EventRecord> {
    private static final long serialVersionUID = 1L;

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
        Handoff<EventRecord> records = Handoff.start("persession-read", out -> {
            for (int index : mine) {
                read(index, options, plugins, out);
            }
        });
        TaskContext task = TaskContext.get();
        if (task != null) {
            task.addTaskCompletionListener((TaskCompletionListener) t -> records.close());
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                try {
                    return records.hasNext();
                } catch (Handoff.Failure f) {
                    Throwable cause = f.getCause();
                    throw cause instanceof RuntimeException ? (RuntimeException) cause : f;
                }
            }

            @Override
            public EventRecord next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return records.next();
            }
        };
    }

    /** Reads one file, on the reading thread, into {@code out}. */
    private void read(int index, InputOptions options, JobPlugins plugins, Consumer<EventRecord> out) {
        long[] ordinal = {0};
        RejectSink rejects = (file, line, category, message, row) -> out.accept(EventRecord.reject(index, line, category, message, row));
        String file = files.get(index);
        InputSource source = fs.source(file);
        HadoopFiles.LocalCopy copy = null;
        try {
            if (source.path().isEmpty() && file.toLowerCase(Locale.ROOT).endsWith(".parquet")) {
                copy = fs.localCopy(file); // Parquet is read from its footer: a local file
                source = copy;
            }
            EventFileReader reader = new EventFileReader(options, rejects, plugins.formats, List.of(source));
            reader.read(e -> out.accept(EventRecord.event(index, ++ordinal[0], e)), true);
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
}

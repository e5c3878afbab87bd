package io.persession.cli;

import io.persession.input.EventFileReader;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Progress of a long read, on stderr only: a progress bar (me.tongfei:progressbar: bytes read, rows and
 * events per second, ETA) when stderr is a terminal, else a plain log line every 10 seconds (rows read,
 * MB, events/s). {@code --progress never} shows neither; {@code always} shows the bar even when stderr is
 * not a terminal. Nothing ever goes to stdout. Close it when the read is done.
 */
public final class Progress implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Progress.class);
    static final long LOG_EVERY_MILLIS = 10_000;
    private static final long MB = 1L << 20;

    /** {@code --progress}. */
    public enum Mode {
        AUTO, ALWAYS, NEVER
    }

    private static final Progress NONE = new Progress(null, null, null, null, 0, 0);

    private final ScheduledExecutorService timer;
    private final ProgressBar bar;
    private final LongSupplier bytes;
    private final LongSupplier rows;
    private final long started;
    private final long totalBytes;
    private long lastBytes;
    private int pass = 1;

    private Progress(ScheduledExecutorService timer, ProgressBar bar, LongSupplier bytes, LongSupplier rows, long totalBytes, long started) {
        this.timer = timer;
        this.bar = bar;
        this.bytes = bytes;
        this.rows = rows;
        this.totalBytes = totalBytes;
        this.started = started;
    }

    /** Starts showing the progress of {@code reader} on {@code err} as {@code mode} and the terminal say. */
    static Progress start(Mode mode, EventFileReader reader, PrintWriter err, Map<String, String> env) {
        boolean terminal = stderrIsTerminal();
        if (mode == Mode.NEVER) {
            return NONE;
        }
        return start(mode == Mode.ALWAYS || terminal, reader::bytesRead, reader::rowsRead, reader.bytesTotal(), err, width(env), LOG_EVERY_MILLIS);
    }

    /** A bar on {@code err} when {@code bar}, else log lines every {@code logEveryMillis}. */
    static Progress start(boolean bar, LongSupplier bytes, LongSupplier rows, long totalBytes, PrintWriter err, int width, long logEveryMillis) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "persession-progress");
            t.setDaemon(true);
            return t;
        });
        long now = System.nanoTime();
        if (!bar) {
            Progress p = new Progress(timer, null, bytes, rows, totalBytes, now);
            timer.scheduleAtFixedRate(p::log, logEveryMillis, logEveryMillis, TimeUnit.MILLISECONDS);
            return p;
        }
        ProgressBar pb = new ProgressBarBuilder().setTaskName("Reading").setInitialMax(Math.max(1, totalBytes)).setUnit(" MB", MB)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).setMaxRenderedLength(width)
                .setConsumer(new DelegatingProgressBarConsumer(s -> {
                    err.print('\r');
                    err.print(s);
                    err.flush();
                }, width) {
                    @Override
                    public void close() {
                        err.println();
                        err.flush();
                    }
                })
                .showSpeed(new java.text.DecimalFormat("#,##0.0", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT))).build();
        Progress p = new Progress(timer, pb, bytes, rows, totalBytes, now);
        timer.scheduleAtFixedRate(p::update, 0, 200, TimeUnit.MILLISECONDS);
        return p;
    }

    private synchronized void update() {
        long b = bytes.getAsLong();
        if (b < lastBytes) {
            pass++;
        }
        lastBytes = b;
        bar.stepTo(Math.min(b, bar.getMax()));
        bar.setExtraMessage(" " + message());
    }

    private String message() {
        long r = rows.getAsLong();
        double seconds = Math.max(0.001, (System.nanoTime() - started) / 1e9);
        return String.format(Locale.ROOT, "%,d rows, %,.0f events/s%s", r, r / seconds, pass > 1 ? ", second read (regroup)" : "");
    }

    private synchronized void log() {
        long b = bytes.getAsLong();
        if (b < lastBytes) {
            pass++;
        }
        lastBytes = b;
        LOG.info(line(b));
    }

    /** {@code Reading: 1,200,000 rows, 96.0 of 240.0 MB (40%), 250,000 events/s}. */
    String line(long b) {
        String of = totalBytes > 0 ? String.format(Locale.ROOT, " of %,.1f MB (%d%%)", totalBytes / (double) MB, Math.min(100, b * 100 / totalBytes)) : " MB";
        return "Reading: " + String.format(Locale.ROOT, "%,.1f", b / (double) MB) + of.replaceFirst("^ MB$", " MB") + ", " + message();
    }

    @Override
    public void close() {
        if (timer == null) {
            return;
        }
        timer.shutdownNow();
        try {
            timer.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (bar != null) {
            synchronized (this) {
                bar.stepTo(Math.max(bar.getCurrent(), bytes.getAsLong()));
                bar.setExtraMessage(" " + message());
                bar.close();
            }
        }
    }

    /** True when stderr is a terminal. */
    static boolean stderrIsTerminal() {
        return isTerminal(2);
    }

    /** True when file descriptor {@code fd} is a terminal: {@code /proc/self/fd/N} names a tty (Linux), else a console is attached. */
    static boolean isTerminal(int fd) {
        try {
            Path link = Path.of("/proc/self/fd/" + fd);
            if (Files.isSymbolicLink(link)) {
                String target = Files.readSymbolicLink(link).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (Exception e) {
            // not Linux: fall through
        }
        return System.console() != null;
    }

    private static int width(Map<String, String> env) {
        try {
            int c = Integer.parseInt(env.getOrDefault("COLUMNS", "100").trim());
            return Math.max(60, Math.min(c - 1, 160));
        } catch (NumberFormatException e) {
            return 100;
        }
    }
}

package org.terastal.cli;

import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr for long work. On a terminal it redraws one line in place. Without one
 * (CI logs, pipes) it prints ASCII lines, and few of them: nothing for work that ends within
 * {@value #QUIET_MILLIS} ms, then one line per {@value #STEP_PERCENT}% of progress or per
 * {@value #PERIOD_MILLIS} ms without such a step, and a last line when the work ends.
 */
final class Progress implements AutoCloseable {
    static final long QUIET_MILLIS = 2_000;
    static final int STEP_PERCENT = 10;
    static final long PERIOD_MILLIS = 30_000;
    private static final int WIDTH = 100;

    private final ProgressBar bar;
    private final Lines lines;
    private ScheduledExecutorService clock;

    private Progress(PrintWriter err, String task, long max, String unit, long quietMillis) {
        ProgressBarBuilder builder = new ProgressBarBuilder().setTaskName(task).setInitialMax(max).setUnit(" " + unit, 1)
                .setUpdateIntervalMillis(1_000);
        if (System.console() == null) {
            lines = new Lines(err, quietMillis);
            builder.setStyle(ProgressBarStyle.ASCII).setConsumer(new DelegatingProgressBarConsumer(lines, WIDTH));
        } else {
            lines = null;
        }
        bar = builder.build();
        if (lines != null) {
            lines.bar = bar;
        }
    }

    /** A bar counting {@code max} steps of {@code unit}. */
    static Progress start(PrintWriter err, String task, long max, String unit) {
        return new Progress(err, task, max, unit, QUIET_MILLIS);
    }

    /** As {@link #start}, printing in a log from the first update on (tests see lines without waiting). */
    static Progress startLogging(PrintWriter err, String task, long max, String unit) {
        return new Progress(err, task, max, unit, 0);
    }

    /** A bar of wall-clock seconds against a limit, advancing on its own until closed. */
    static Progress clock(PrintWriter err, String task, double limitSeconds) {
        Progress p = start(err, task, Math.max(1, (long) Math.ceil(limitSeconds)), "s");
        long start = System.nanoTime();
        p.clock = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "progress-clock");
            t.setDaemon(true);
            return t;
        });
        p.clock.scheduleAtFixedRate(() -> p.bar.stepTo(Math.min(p.bar.getMax(), (System.nanoTime() - start) / 1_000_000_000L)),
                1, 1, TimeUnit.SECONDS);
        return p;
    }

    void step() {
        bar.step();
    }

    /** Text shown after the bar, e.g. the current phase. */
    void message(String text) {
        bar.setExtraMessage(text);
    }

    @Override
    public void close() {
        if (clock != null) {
            clock.shutdownNow();
        }
        if (lines != null) {
            lines.closing = true;
        }
        bar.close();
    }

    /** The throttle between the bar's renderings (one per second) and the log. */
    private static final class Lines implements java.util.function.Consumer<String> {
        private final PrintWriter err;
        private final long quietMillis;
        private final long startMillis = System.currentTimeMillis();
        private volatile ProgressBar bar;
        private volatile boolean closing;
        private long lastMillis = -1;
        private long lastPercent = -STEP_PERCENT;
        private long lastCurrent = -1;

        Lines(PrintWriter err, long quietMillis) {
            this.err = err;
            this.quietMillis = quietMillis;
        }

        @Override
        public synchronized void accept(String rendered) {
            long now = System.currentTimeMillis();
            if (bar == null || now - startMillis < quietMillis) {
                return;
            }
            long percent = bar.getMax() <= 0 ? 0 : 100 * bar.getCurrent() / bar.getMax();
            long current = bar.getCurrent();
            boolean due = closing ? current != lastCurrent : percent >= lastPercent + STEP_PERCENT || now - lastMillis >= PERIOD_MILLIS;
            if (!due) {
                return;
            }
            err.println(rendered.strip());
            err.flush();
            lastMillis = now;
            lastPercent = percent - percent % STEP_PERCENT;
            lastCurrent = current;
        }
    }
}

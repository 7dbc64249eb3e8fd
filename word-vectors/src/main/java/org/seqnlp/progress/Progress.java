package org.seqnlp.progress;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Progress of one long task, reported on a stream (stderr by default): a redrawn bar with rate and ETA
 * when the stream is a terminal, plain periodic lines when it is not (so CI logs stay readable).
 *
 * <p>{@link #advance(long)} is cheap and thread-safe, so worker threads may call it on every unit of
 * work; drawing happens at most every {@code interval} and only on the thread that crosses it.
 */
public final class Progress implements AutoCloseable {

  private static final int BAR_WIDTH = 30;
  private static final long TERMINAL_INTERVAL_NANOS = 200_000_000L;
  private static final long LOG_INTERVAL_NANOS = 10_000_000_000L;

  private final String task;
  private final String unit;
  private final long total;
  private final PrintStream out;
  private final boolean terminal;
  private final long intervalNanos;
  private final LongSupplier clock;
  private final long startNanos;
  private final AtomicLong done = new AtomicLong();
  private final AtomicLong nextDrawNanos;
  private volatile boolean closed;

  Progress(String task, long total, String unit, PrintStream out, boolean terminal, LongSupplier clock) {
    this.task = task;
    this.total = total;
    this.unit = unit;
    this.out = out;
    this.terminal = terminal;
    this.intervalNanos = terminal ? TERMINAL_INTERVAL_NANOS : LOG_INTERVAL_NANOS;
    this.clock = clock;
    this.startNanos = clock.getAsLong();
    this.nextDrawNanos = new AtomicLong(startNanos + intervalNanos);
  }

  /**
   * Starts reporting on stderr.
   *
   * @param task what is being done, e.g. "training word2vec"
   * @param total how many units make up the task, or 0 when unknown (no ETA is shown then)
   * @param unit the unit counted, e.g. "words"
   */
  public static Progress start(String task, long total, String unit) {
    return new Progress(task, total, unit, System.err, System.console() != null, System::nanoTime);
  }

  /** A progress that reports nothing, for library callers and tests that want silence. */
  public static Progress silent(String task, long total, String unit) {
    return new Progress(task, total, unit, null, false, System::nanoTime);
  }

  /** Records {@code units} more units of work done. */
  public void advance(long units) {
    long now = done.addAndGet(units);
    if (out == null) {
      return;
    }
    long time = clock.getAsLong();
    long next = nextDrawNanos.get();
    if (time >= next && nextDrawNanos.compareAndSet(next, time + intervalNanos)) {
      draw(now, time, false);
    }
  }

  /** Units done so far. */
  public long done() {
    return done.get();
  }

  /** Units per second since the start. */
  public double rate() {
    double seconds = (clock.getAsLong() - startNanos) / 1e9;
    return seconds > 0 ? done.get() / seconds : 0;
  }

  /** Prints the final line. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (out != null) {
      draw(done.get(), clock.getAsLong(), true);
    }
  }

  private synchronized void draw(long units, long time, boolean last) {
    double seconds = Math.max(1e-9, (time - startNanos) / 1e9);
    double rate = units / seconds;
    StringBuilder line = new StringBuilder();
    line.append(task).append(": ");
    if (total > 0) {
      double fraction = Math.min(1.0, units / (double) total);
      if (terminal) {
        int filled = (int) Math.round(fraction * BAR_WIDTH);
        line.append('[').append("#".repeat(filled)).append(" ".repeat(BAR_WIDTH - filled)).append("] ");
      }
      line.append(String.format(Locale.ROOT, "%5.1f%% ", 100 * fraction));
    }
    line.append(String.format(Locale.ROOT, "%,d %s, %,.0f %s/s", units, unit, rate, unit));
    if (last) {
      line.append(", ").append(formatDuration(seconds));
    } else if (total > 0 && rate > 0 && units < total) {
      line.append(", ETA ").append(formatDuration((total - units) / rate));
    }
    if (terminal) {
      out.print("\r" + line + "\u001b[K" + (last ? "\n" : ""));
    } else {
      out.println(line);
    }
    out.flush();
  }

  static String formatDuration(double seconds) {
    long s = Math.round(seconds);
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
  }
}

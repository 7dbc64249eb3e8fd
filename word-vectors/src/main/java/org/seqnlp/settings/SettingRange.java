package org.seqnlp.settings;

import java.util.Locale;

/**
 * The range checks of every training settings record's {@code validate()} (word vectors, language models,
 * name finder): each failure names the setting, its range and the value, e.g. {@code Window must be in
 * [1, 1000], not 0}, which the command line turns into a usage error naming the option.
 */
public final class SettingRange {

  /** The most worker threads: far above any machine's cores, far below what the JVM can create. */
  public static final int MAX_THREADS = 256;
  /** The most vector dimensions: ten times the largest in common use. */
  public static final int MAX_DIMENSION = 10_000;
  public static final int MAX_WINDOW = 1000;
  public static final int MAX_EPOCHS = 10_000;
  public static final double MAX_LEARNING_RATE = 10;

  private SettingRange() {
  }

  public static void require(String key, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(key + " must be in [" + min + ", " + max + "], not " + value);
    }
  }

  /** {@code value} in (0, max]. */
  public static void requirePositive(String key, double value, double max) {
    if (!(value > 0 && value <= max)) {
      throw new IllegalArgumentException(key + " must be in (0, " + upper(max) + ", not " + value);
    }
  }

  /** {@code value} in [0, max]. */
  public static void requireNotNegative(String key, double value, double max) {
    if (!(value >= 0 && value <= max)) {
      throw new IllegalArgumentException(key + " must be in [0, " + upper(max) + ", not " + value);
    }
  }

  /** A value that must be finite and above 0, with no upper limit of its own. */
  public static void requirePositive(String key, double value) {
    requirePositive(key, value, Double.MAX_VALUE);
  }

  /** A value that must be finite and at least 0, with no upper limit of its own. */
  public static void requireNotNegative(String key, double value) {
    requireNotNegative(key, value, Double.MAX_VALUE);
  }

  /** The default thread count: every processor, up to {@link #MAX_THREADS}. */
  public static int defaultThreads() {
    return Math.min(Runtime.getRuntime().availableProcessors(), MAX_THREADS);
  }

  /** The end of a range: {@code max]}, or {@code infinity)} for no limit but finiteness. */
  private static String upper(double max) {
    return max == Double.MAX_VALUE ? "infinity)" : format(max) + "]";
  }

  private static String format(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.format(Locale.ROOT, "%d", (long) value)
        : Double.toString(value);
  }
}

package org.seqnlp.vectors.train;

import java.util.Locale;

/**
 * The range checks of the vector-training settings' {@code validate()}: each failure names the setting,
 * its range and the value, e.g. {@code Window must be in [1, 1000], not 0}.
 */
final class SettingRange {

  /** The most worker threads: far above any machine's cores, far below what the JVM can create. */
  static final int MAX_THREADS = 256;
  /** The most vector dimensions: ten times the largest in common use. */
  static final int MAX_DIMENSION = 10_000;
  static final int MAX_WINDOW = 1000;
  static final int MAX_EPOCHS = 10_000;
  static final double MAX_LEARNING_RATE = 10;

  private SettingRange() {
  }

  static void require(String key, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(key + " must be in [" + min + ", " + max + "], not " + value);
    }
  }

  /** {@code value} in (0, max]. */
  static void requirePositive(String key, double value, double max) {
    if (!(value > 0 && value <= max)) {
      throw new IllegalArgumentException(key + " must be in (0, " + format(max) + "], not " + value);
    }
  }

  /** {@code value} in [0, max]. */
  static void requireNotNegative(String key, double value, double max) {
    if (!(value >= 0 && value <= max)) {
      throw new IllegalArgumentException(key + " must be in [0, " + format(max) + "], not " + value);
    }
  }

  /** The default thread count: every processor, up to {@link #MAX_THREADS}. */
  static int defaultThreads() {
    return Math.min(Runtime.getRuntime().availableProcessors(), MAX_THREADS);
  }

  private static String format(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.format(Locale.ROOT, "%d", (long) value)
        : Double.toString(value);
  }
}

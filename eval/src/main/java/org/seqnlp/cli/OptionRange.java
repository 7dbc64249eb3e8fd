package org.seqnlp.cli;

import java.util.Locale;
import org.seqnlp.vectors.VectorEnsemble;
import picocli.CommandLine;

/**
 * Range checks of numeric options, so that every command rejects a value it cannot work with before
 * any work starts, as a usage error (exit code 2) that names the option, its range and the value.
 */
final class OptionRange {

  /** The most worker threads a command starts: far above any machine's cores, far below what the JVM can create. */
  static final int MAX_THREADS = 256;
  /** The most vector dimensions: ten times the largest in common use, and a row stays well under a text line's limit. */
  static final int MAX_DIMENSION = 10_000;
  /** Trainings of one vector ensemble at most: each one more costs a whole training. */
  static final int MAX_ENSEMBLE = 16;

  private OptionRange() {
  }

  /** {@code value}, if it lies in [min, max]. */
  static int require(CommandLine.Model.CommandSpec spec, String option, int value, int min, int max) {
    if (value < min || value > max) {
      throw usageError(spec, option, "an integer in [" + min + ", " + max + "]", Integer.toString(value));
    }
    return value;
  }

  /** {@code value}, if it lies in (0, max]. */
  static double requirePositive(CommandLine.Model.CommandSpec spec, String option, double value, double max) {
    if (!(value > 0 && value <= max)) {
      throw usageError(spec, option, "a number in (0, " + format(max) + "]", format(value));
    }
    return value;
  }

  /** {@code value}, if it lies in [0, max]. */
  static double requireNonNegative(CommandLine.Model.CommandSpec spec, String option, double value, double max) {
    if (!(value >= 0 && value <= max)) {
      throw usageError(spec, option, "a number in [0, " + format(max) + "]", format(value));
    }
    return value;
  }

  /**
   * Checks that the seeds of an ensemble of {@code size} trainings from {@code seed} are all longs, blaming
   * {@code --seed} together with the ensemble option that makes it overflow.
   */
  static void requireEnsembleSeeds(CommandLine.Model.CommandSpec spec, String ensembleOption, int size, long seed) {
    try {
      VectorEnsemble.checkSeeds(size, seed);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--seed " + seed + " with " + ensembleOption + " "
          + size + ": " + e.getMessage());
    }
  }

  /** Checks the width of an ensemble of {@code size} trainings of {@code dimension}, blaming the ensemble option. */
  static void requireEnsembleWidth(CommandLine.Model.CommandSpec spec, String ensembleOption, int size,
      int dimension) {
    try {
      VectorEnsemble.checkWidth(size, dimension);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), ensembleOption + " " + size + ": "
          + e.getMessage());
    }
  }

  private static CommandLine.ParameterException usageError(CommandLine.Model.CommandSpec spec, String option,
      String range, String value) {
    return new CommandLine.ParameterException(spec.commandLine(), option + " must be " + range + ", got " + value);
  }

  private static String format(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.format(Locale.ROOT, "%d", (long) value)
        : Double.toString(value);
  }
}

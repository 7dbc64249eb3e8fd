package org.seqnlp.eval.ir;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.inference.TTest;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;

/**
 * A paired comparison of one per-topic measure between a baseline and a system: relative change of the
 * mean and two-sided p-values of a paired t-test, Wilcoxon's signed-rank test and a paired
 * randomisation test (random sign flips of the per-topic differences).
 */
public record PairedComparison(double baselineMean, double systemMean, double tTestP, double wilcoxonP,
    double randomisationP) {

  /** Number of sign-flip permutations of the randomisation test. */
  public static final int PERMUTATIONS = 10_000;
  /**
   * Up to this many pairs Wilcoxon's p-value is exact, above it the normal approximation. Commons Math
   * enumerates all 2^n sign patterns for the exact value, so its own limit of 30 (10^9 patterns per
   * test) would take minutes per comparison.
   */
  private static final int WILCOXON_EXACT_LIMIT = 20;

  /** Compares per-topic values of the same topics in the same order; the permutation draw is seeded. */
  public static PairedComparison of(double[] baseline, double[] system, long seed) {
    if (baseline.length != system.length || baseline.length < 2) {
      throw new IllegalArgumentException("need two aligned samples of at least 2 topics, got "
          + baseline.length + " and " + system.length);
    }
    double baselineMean = Arrays.stream(baseline).average().orElseThrow();
    double systemMean = Arrays.stream(system).average().orElseThrow();
    double[] differences = new double[baseline.length];
    for (int i = 0; i < differences.length; i++) {
      differences[i] = system[i] - baseline[i];
    }
    if (Arrays.stream(differences).allMatch(d -> d == 0)) {
      return new PairedComparison(baselineMean, systemMean, 1, 1, 1);
    }
    double tTestP = new TTest().pairedTTest(system, baseline);
    return new PairedComparison(baselineMean, systemMean, Double.isNaN(tTestP) ? 1 : tTestP,
        wilcoxon(differences), randomisation(differences, seed));
  }

  /**
   * Wilcoxon's test on the non-zero differences only, as Wilcoxon defined it. Commons Math ranks zero
   * differences with the others, and an expansion that leaves most queries' rankings untouched (zero
   * difference) would then look significant on the few it changes.
   */
  private static double wilcoxon(double[] differences) {
    double[] nonZero = Arrays.stream(differences).filter(d -> d != 0).toArray();
    if (nonZero.length < 2) {
      return 1;
    }
    return new WilcoxonSignedRankTest().wilcoxonSignedRankTest(nonZero, new double[nonZero.length],
        nonZero.length <= WILCOXON_EXACT_LIMIT);
  }

  /** Relative change of the mean, e.g. 0.05 for +5%. */
  public double relativeChange() {
    return (systemMean - baselineMean) / baselineMean;
  }

  private static double randomisation(double[] differences, long seed) {
    double observed = Math.abs(Arrays.stream(differences).sum());
    SplittableRandom random = new SplittableRandom(seed);
    int atLeastAsExtreme = 0;
    for (int p = 0; p < PERMUTATIONS; p++) {
      double sum = 0;
      for (double difference : differences) {
        sum += random.nextBoolean() ? difference : -difference;
      }
      // A small tolerance so that permutations equal to the observed sum up to rounding count as extreme.
      if (Math.abs(sum) >= observed - 1e-12) {
        atLeastAsExtreme++;
      }
    }
    // Counting the observed assignment itself keeps p above 0 (Phipson & Smyth 2010).
    return (atLeastAsExtreme + 1.0) / (PERMUTATIONS + 1.0);
  }
}

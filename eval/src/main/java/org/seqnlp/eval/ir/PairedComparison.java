package org.seqnlp.eval.ir;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * A paired comparison of one per-topic measure between a baseline and a system: relative change of the
 * mean and two-sided p-values of a paired t-test, Wilcoxon's signed-rank test and a paired
 * randomisation test (random sign flips of the per-topic differences).
 */
public record PairedComparison(double baselineMean, double systemMean, double tTestP, double wilcoxonP,
    double randomisationP) {

  /** Number of sign-flip permutations of the randomisation test. */
  public static final int PERMUTATIONS = 10_000;
  /** Compares per-topic values of the same topics in the same order; the permutation draw is seeded. */
  public static PairedComparison of(double[] baseline, double[] system, long seed) {
    if (baseline.length != system.length || baseline.length < 2) {
      throw new IllegalArgumentException("need two aligned samples of at least 2 topics, got "
          + baseline.length + " and " + system.length);
    }
    if (!Arrays.stream(baseline).allMatch(Double::isFinite) || !Arrays.stream(system).allMatch(Double::isFinite)) {
      throw new IllegalArgumentException("a per-topic value is not a finite number");
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
   * Wilcoxon's signed-rank test on the non-zero differences only, as Wilcoxon defined it (an expansion that
   * leaves most queries' rankings untouched would otherwise look significant on the few it changes), with
   * tied magnitudes given their average rank. The p-value is exact for any number of queries: the
   * distribution of the positive rank sum over all 2^n sign assignments, built rank by rank on doubled
   * (so whole) ranks, in time growing with n^3 (under a second for a thousand queries). Commons Math's test
   * counted ties as distinct ranks in its exact branch and applied the continuity correction the wrong way in
   * its normal approximation.
   */
  static double wilcoxon(double[] differences) {
    double[] magnitudes = Arrays.stream(differences).filter(d -> d != 0).map(Math::abs).sorted().toArray();
    int n = magnitudes.length;
    if (n == 0) {
      return 1;
    }
    Map<Double, Integer> doubledRankOf = new HashMap<>();
    for (int start = 0; start < n; ) {
      int end = start;
      while (end < n && magnitudes[end] == magnitudes[start]) {
        end++;
      }
      // Positions start..end-1 are ranks start+1..end; twice their mean is start + 1 + end.
      doubledRankOf.put(magnitudes[start], start + 1 + end);
      start = end;
    }
    int observed = 0;
    int[] doubledRanks = new int[n];
    int i = 0;
    for (double difference : differences) {
      if (difference != 0) {
        doubledRanks[i] = doubledRankOf.get(Math.abs(difference));
        observed += difference > 0 ? doubledRanks[i] : 0;
        i++;
      }
    }
    int total = Arrays.stream(doubledRanks).sum();
    double[] probability = new double[total + 1];
    probability[0] = 1;
    int reached = 0;
    for (int rank : doubledRanks) {
      reached += rank;
      for (int sum = reached; sum >= rank; sum--) {
        probability[sum] = 0.5 * (probability[sum] + probability[sum - rank]);
      }
      for (int sum = rank - 1; sum >= 0; sum--) {
        probability[sum] *= 0.5;
      }
    }
    double atMost = 0;
    for (int sum = 0; sum <= observed; sum++) {
      atMost += probability[sum];
    }
    double atLeast = 0;
    for (int sum = observed; sum <= total; sum++) {
      atLeast += probability[sum];
    }
    return Math.min(1, 2 * Math.min(atMost, atLeast));
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

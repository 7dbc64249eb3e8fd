package org.seqnlp.eval.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PairedComparisonTest {

  @Test
  void identicalRunsAreNotDifferent() {
    double[] scores = {0.1, 0.5, 0.3};
    PairedComparison comparison = PairedComparison.of(scores, scores.clone(), 1);
    assertEquals(0, comparison.relativeChange());
    assertEquals(1, comparison.tTestP());
    assertEquals(1, comparison.wilcoxonP());
    assertEquals(1, comparison.randomisationP());
  }

  @Test
  void consistentGainIsSignificantUnderEveryTest() {
    double[] baseline = new double[40];
    double[] system = new double[40];
    for (int i = 0; i < baseline.length; i++) {
      baseline[i] = 0.2 + 0.01 * i;
      system[i] = baseline[i] + 0.05 + 0.001 * (i % 3);
    }
    PairedComparison comparison = PairedComparison.of(baseline, system, 1);
    assertTrue(comparison.relativeChange() > 0.1);
    assertTrue(comparison.tTestP() < 1e-6, "t " + comparison.tTestP());
    assertTrue(comparison.wilcoxonP() < 1e-6, "wilcoxon " + comparison.wilcoxonP());
    assertEquals(1.0 / (PairedComparison.PERMUTATIONS + 1), comparison.randomisationP(), 1e-12);
  }

  @Test
  void noiseIsNotSignificant() {
    double[] baseline = {0.5, 0.5, 0.5, 0.5, 0.5, 0.5};
    double[] system = {0.6, 0.4, 0.55, 0.45, 0.52, 0.48};
    PairedComparison comparison = PairedComparison.of(baseline, system, 1);
    assertTrue(comparison.randomisationP() > 0.5, "randomisation " + comparison.randomisationP());
    assertTrue(comparison.tTestP() > 0.5);
  }

  @Test
  void wilcoxonIgnoresTopicsWithoutChange() {
    double[] baseline = new double[60];
    double[] system = new double[60];
    for (int i = 0; i < baseline.length; i++) {
      baseline[i] = system[i] = 0.01 * i;
    }
    // Four small changes, two up and two down, among 56 unchanged topics: no evidence of a difference.
    system[0] += 0.02;
    system[1] += 0.01;
    system[2] -= 0.015;
    system[3] -= 0.01;
    assertTrue(PairedComparison.of(baseline, system, 1).wilcoxonP() > 0.5);
  }

  @Test
  void rejectsMisalignedSamples() {
    assertThrows(IllegalArgumentException.class, () -> PairedComparison.of(new double[3], new double[2], 1));
  }

  @Test
  void wilcoxonIsExactWithTiesGivenTheirAverageRank() {
    // All five ranks positive: 1 of 32 sign assignments is as extreme, on each side.
    assertEquals(2 / 32.0, PairedComparison.wilcoxon(new double[] {1, 2, 3, 4, 5}), 1e-12);
    // The negative sum 2 of ranks 1..6: {}, {1} and {2} reach at most 2, so 3 of 64 on each side (scipy: 0.09375).
    assertEquals(6 / 64.0, PairedComparison.wilcoxon(new double[] {0.1, -0.2, 0.3, 0.4, 0.5, 0.6}), 1e-12);
    // Ranks 1.5, 1.5, 3 and a positive sum of 3: 5 of the 8 assignments reach at most 3, and 5 at least 3.
    assertEquals(1, PairedComparison.wilcoxon(new double[] {0.5, 0.5, -1}), 1e-12);
    // Tied magnitudes: ranks 2, 2, 2 (1 to 3), then 4; the positive sum 8 has 4 of 16 assignments at least as high.
    assertEquals(8 / 16.0, PairedComparison.wilcoxon(new double[] {0.2, -0.2, 0.2, 0.7}), 1e-12);
    assertEquals(1, PairedComparison.wilcoxon(new double[] {0, 0}));
  }

  @Test
  void aValueThatIsNotANumberIsRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> PairedComparison.of(new double[] {0.1, Double.NaN}, new double[] {0.2, 0.3}, 1));
  }
}

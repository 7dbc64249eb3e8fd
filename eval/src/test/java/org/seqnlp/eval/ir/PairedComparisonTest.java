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
}

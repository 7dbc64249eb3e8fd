package org.seqnlp.eval.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PcaProjectionTest {

  @Test
  void theSharesOfVarianceAreThoseOfTheAxes() {
    PcaProjection pca = PcaProjection.of(new double[][] {{2, 0, 0}, {-2, 0, 0}, {0, 1, 0}, {0, -1, 0}});
    assertEquals(0.8, pca.explainedVariance()[0], 1e-9);
    assertEquals(0.2, pca.explainedVariance()[1], 1e-9);
    assertEquals("PCA: axis 1 80%, axis 2 20% of the variance", pca.caption());
  }

  @Test
  void rowsThatAreAllTheSameHaveNoAxisToShowHoweverManyThereAre() {
    for (int n = 2; n <= 9; n++) {
      double[][] rows = new double[n][];
      Arrays.fill(rows, new double[] {0.1f, 0.2f, 0.3f, 0.7f, -0.13f});
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PcaProjection.of(rows));
      assertEquals("the words to plot all have the same vector, so no axis tells them apart", e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> PcaProjection.of(new double[][] {{0.0, 1}, {-0.0, 1}}),
        "0 and -0 are one value");
  }
}

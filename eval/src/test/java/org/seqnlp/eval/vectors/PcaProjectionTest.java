package org.seqnlp.eval.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PcaProjectionTest {

  @Test
  void theSharesOfVarianceHoldForValuesWhoseSquaresOverflow() {
    double big = 3e38;
    PcaProjection pca = PcaProjection.of(new double[][] {{big, 0, 0}, {-big, 0, 0}, {0, big / 2, 0}, {0, -big / 2, 0}});
    assertEquals(0.8, pca.explainedVariance()[0], 1e-9);
    assertEquals(0.2, pca.explainedVariance()[1], 1e-9);
    assertEquals("PCA: axis 1 80%, axis 2 20% of the variance", pca.caption());
  }

  @Test
  void rowsThatAreAllTheSameHaveNoAxisToShow() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PcaProjection.of(new double[][] {{1, 2, 3}, {1, 2, 3}, {1, 2, 3}}));
    assertEquals("the words to plot all have the same vector, so no axis tells them apart", e.getMessage());
  }
}

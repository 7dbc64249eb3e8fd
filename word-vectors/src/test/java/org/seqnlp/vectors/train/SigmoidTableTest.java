package org.seqnlp.vectors.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SigmoidTableTest {

  @Test
  void scoresJustInsideTheTableEdgesStayInRange() {
    float belowMax = Math.nextDown(SigmoidTable.MAX_X);
    float aboveMin = Math.nextUp(-SigmoidTable.MAX_X);
    assertEquals(1.0, SigmoidTable.sigmoid(belowMax), 0.01);
    assertEquals(0.0, SigmoidTable.sigmoid(aboveMin), 0.01);
    assertEquals(-1.0f, SigmoidTable.gradient(belowMax, 0, 1f), 0.01f);
  }

  @Test
  void matchesTheLogisticFunctionInside() {
    for (float x = -5.9f; x < 5.9f; x += 0.1f) {
      assertEquals(1 / (1 + Math.exp(-x)), SigmoidTable.sigmoid(x), 0.01, "x=" + x);
    }
  }
}

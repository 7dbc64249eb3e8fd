package org.seqnlp.io;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ArrayLimitsTest {

  @Test
  void rowsFitOneArrayUpToTheLongestJavaArray() {
    int half = ArrayLimits.MAX_LENGTH / 2;
    assertTrue(ArrayLimits.fitsRows(ArrayLimits.MAX_LENGTH, 1));
    assertTrue(ArrayLimits.fitsRows(half, 2));
    assertFalse(ArrayLimits.fitsRows(half + 1, 2));
    assertFalse(ArrayLimits.fitsRows(ArrayLimits.MAX_LENGTH + 1L, 1));
    // 65,536 x 65,537 overflows an int to 65,536; a product taken in int would pass it.
    assertFalse(ArrayLimits.fitsRows(65_536, 65_537));
  }
}

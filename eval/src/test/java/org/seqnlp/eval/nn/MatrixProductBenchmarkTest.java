package org.seqnlp.eval.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class MatrixProductBenchmarkTest {

  @Test
  void bothLoopFormsComputeTheSameProducts() {
    MatrixProductBenchmark benchmark = new MatrixProductBenchmark(13, 7, 3, 5);
    float[] flat = new float[3 * 7];
    float[] byRows = new float[3 * 7];
    benchmark.flatProducts(flat);
    benchmark.rowProducts(byRows, new float[7]);
    assertArrayEquals(flat, byRows);
  }
}

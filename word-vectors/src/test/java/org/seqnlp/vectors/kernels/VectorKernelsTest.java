package org.seqnlp.vectors.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SIMD kernels against the plain-Java ones and against the definitions, on lengths around the
 * vector width (tails) and at offsets; skipped, with the reason, where the JVM cannot run SIMD kernels.
 */
class VectorKernelsTest {

  private static final int[] LENGTHS = {1, 3, 7, 8, 9, 15, 16, 17, 31, 33, 64, 100, 300};
  private static final VectorKernels SCALAR = Vectorization.scalar();
  private VectorKernels simd;
  private final Random random = new Random(5);

  /**
   * Skips where the JVM cannot run SIMD kernels, unless the build asked for a width
   * ({@code seqnlp.vectorBits}, the 256-bit run) on a machine with 256-bit vectors or wider: then the
   * kernels must be there, at that width.
   */
  @BeforeEach
  void simdKernels() {
    String bits = System.getProperty(PanamaKernels.BITS_PROPERTY);
    if (bits != null && !Vectorization.describe().contains(PanamaKernels.NARROW_MACHINE)) {
      assertTrue(Vectorization.simd().isPresent(), Vectorization.describe());
      assertTrue(Vectorization.describe().contains(bits + "-bit vectors"), Vectorization.describe());
    }
    assumeTrue(Vectorization.simd().isPresent(), Vectorization.describe());
    simd = Vectorization.simd().get();
  }

  private float[] randomValues(int length) {
    float[] values = new float[length];
    for (int i = 0; i < length; i++) {
      values[i] = (float) random.nextGaussian();
    }
    return values;
  }

  @Test
  void dotProductsAgreeWithTheDefinition() {
    for (int length : LENGTHS) {
      float[] a = randomValues(length + 5);
      float[] b = randomValues(length + 2);
      double expected = 0;
      for (int k = 0; k < length; k++) {
        expected += (double) a[5 + k] * b[2 + k];
      }
      assertEquals(expected, SCALAR.dot(a, 5, b, 2, length), 1e-4 * length, "length " + length);
      assertEquals(expected, simd.dot(a, 5, b, 2, length), 1e-4 * length, "length " + length);
    }
  }

  @Test
  void dotsOfOneVectorWithSeveralRowsAreItsDotProducts() {
    for (int length : LENGTHS) {
      for (int count = 1; count <= 11; count++) {
        float[] x = randomValues(length + 1);
        float[] matrix = randomValues(20 * length);
        int[] rows = new int[count];
        for (int i = 0; i < count; i++) {
          rows[i] = random.nextInt(20) * length;
        }
        float[] scalar = new float[count];
        float[] vectorised = new float[count];
        SCALAR.dots(x, 1, matrix, rows, count, length, scalar);
        simd.dots(x, 1, matrix, rows, count, length, vectorised);
        for (int i = 0; i < count; i++) {
          float expected = SCALAR.dot(x, 1, matrix, rows[i], length);
          assertEquals(expected, scalar[i], "length " + length + " row " + i);
          assertEquals(expected, vectorised[i], 1e-5 * length, "length " + length + " row " + i);
        }
      }
    }
  }

  @Test
  void axpyIsBitIdenticalToThePlainKernel() {
    for (int length : LENGTHS) {
      float[] x = randomValues(length + 3);
      float[] y = randomValues(length + 4);
      float[] expected = y.clone();
      for (int k = 0; k < length; k++) {
        expected[4 + k] += 0.3f * x[3 + k];
      }
      float[] scalar = y.clone();
      SCALAR.axpy(0.3f, x, 3, scalar, 4, length);
      simd.axpy(0.3f, x, 3, y, 4, length);
      assertArrayEquals(expected, scalar, "length " + length);
      assertArrayEquals(expected, y, "length " + length);
    }
  }

  @Test
  void updateIsBitIdenticalToThePlainKernelAndToItsDefinition() {
    for (int length : LENGTHS) {
      int count = 6;
      float[] x = randomValues(length);
      float[] matrix = randomValues(10 * length);
      float[] gradient = randomValues(length + 2);
      // Row 4 twice: the second update starts from the first.
      int[] rows = {0, 4 * length, 9 * length, 4 * length, 2 * length, 7 * length};
      float[] coefficients = randomValues(count);

      float[] expectedMatrix = matrix.clone();
      float[] expectedGradient = gradient.clone();
      for (int k = 0; k < length; k++) {
        float sum = 0;
        for (int i = 0; i < count; i++) {
          sum += coefficients[i] * expectedMatrix[rows[i] + k];
          expectedMatrix[rows[i] + k] += coefficients[i] * x[k];
        }
        expectedGradient[2 + k] += sum;
      }
      for (VectorKernels kernels : new VectorKernels[] {SCALAR, simd}) {
        float[] m = matrix.clone();
        float[] g = gradient.clone();
        kernels.update(x, 0, m, rows, coefficients, count, length, g, 2);
        assertArrayEquals(expectedMatrix, m, kernels + ", length " + length);
        assertArrayEquals(expectedGradient, g, kernels + ", length " + length);
      }
    }
  }

  @Test
  void updateMayAddTheGradientToTheInputItself() {
    for (int length : LENGTHS) {
      float[] input = randomValues(3 * length);
      float[] output = randomValues(4 * length);
      int[] rows = {length, 3 * length};
      float[] coefficients = {0.25f, -0.5f};
      float[] expectedInput = input.clone();
      float[] expectedOutput = output.clone();
      for (int k = 0; k < length; k++) {
        float x = input[length + k];
        float sum = 0;
        for (int i = 0; i < 2; i++) {
          sum += coefficients[i] * output[rows[i] + k];
          expectedOutput[rows[i] + k] = output[rows[i] + k] + coefficients[i] * x;
        }
        expectedInput[length + k] = x + sum;
      }
      for (VectorKernels kernels : new VectorKernels[] {SCALAR, simd}) {
        float[] in = input.clone();
        float[] out = output.clone();
        kernels.update(in, length, out, rows, coefficients, 2, length, in, length);
        assertArrayEquals(expectedInput, in, kernels + ", length " + length);
        assertArrayEquals(expectedOutput, out, kernels + ", length " + length);
      }
    }
  }

  @Test
  void codeCandidatesAreTheRowsWhoseBoundReachesTheThreshold() {
    int rows = VectorKernels.CODE_BLOCK_ROWS;
    for (int dimension : LENGTHS) {
      byte[] codes = new byte[7 + 2 * rows * dimension];
      for (int i = 0; i < codes.length; i++) {
        codes[i] = (byte) (random.nextInt(2 * VectorKernels.MAX_ROW_CODE + 1) - VectorKernels.MAX_ROW_CODE);
      }
      short[] query = new short[dimension];
      // The extreme sums: row 1 of the block has the largest codes, signed as the query's largest codes,
      // so that its 16-bit partial sums reach 16 x 63 x 31, the most they may.
      int block = 7 + rows * dimension;
      for (int d = 0; d < dimension; d++) {
        query[d] = (short) (random.nextBoolean() ? VectorKernels.MAX_QUERY_CODE : -VectorKernels.MAX_QUERY_CODE);
        codes[block + d * rows + 1] = (byte) (query[d] > 0 ? VectorKernels.MAX_ROW_CODE : -VectorKernels.MAX_ROW_CODE);
      }
      float[] scales = new float[3 + 2 * rows];
      float[] slacks = new float[scales.length];
      for (int j = 0; j < scales.length; j++) {
        scales[j] = random.nextFloat() / 1000;
        slacks[j] = random.nextFloat() / 10;
      }
      for (float threshold : new float[] {Float.NEGATIVE_INFINITY, -0.1f, 0f, 0.05f, 0.2f, Float.POSITIVE_INFINITY}) {
        int offset = 7 + rows * dimension;
        long expected = 0;
        int[] expectedSums = new int[rows];
        for (int j = 0; j < rows; j++) {
          for (int d = 0; d < dimension; d++) {
            expectedSums[j] += query[d] * codes[offset + d * rows + j];
          }
          if ((float) expectedSums[j] * 0.01f * scales[3 + rows + j] + 0.9f * slacks[3 + rows + j] >= threshold) {
            expected |= 1L << j;
          }
        }
        for (VectorKernels kernels : new VectorKernels[] {SCALAR, simd}) {
          int[] sums = new int[rows];
          assertEquals(expected, kernels.codeCandidates(codes, offset, query, dimension, scales, slacks, 3 + rows,
              0.01f, 0.9f, threshold, sums), kernels + ", dimension " + dimension + ", threshold " + threshold);
          assertArrayEquals(expectedSums, sums, kernels + ", dimension " + dimension);
        }
      }
    }
  }

  @Test
  void panelScoresAreThePlainLoopsBitForBit() {
    int rows = VectorKernels.PANEL_ROWS;
    for (int dimension : LENGTHS) {
      float[] queries = randomValues(3 + 4 * dimension);
      float[] panels = randomValues(5 + 2 * rows * dimension);
      for (float threshold : new float[] {Float.NEGATIVE_INFINITY, -1, 0, 1, Float.POSITIVE_INFINITY}) {
        int first = 3 + 2 * dimension;
        int second = 3;
        int offset = 5 + rows * dimension;
        float[] expectedScores = new float[2 * rows];
        long expected = 0;
        for (int i = 0; i < 2; i++) {
          for (int j = 0; j < rows; j++) {
            float score = 0;
            for (int d = 0; d < dimension; d++) {
              score += queries[(i == 0 ? first : second) + d] * panels[offset + d * rows + j];
            }
            expectedScores[i * rows + j] = score;
            if (score >= (i == 0 ? threshold : threshold / 2)) {
              expected |= 1L << (i * rows + j);
            }
          }
        }
        for (VectorKernels kernels : new VectorKernels[] {SCALAR, simd}) {
          float[] scores = new float[2 * rows];
          assertEquals(expected, kernels.panelCandidates(queries, first, second, dimension, panels, offset, threshold,
              threshold / 2, scores), kernels + ", dimension " + dimension + ", threshold " + threshold);
          assertArrayEquals(expectedScores, scores, kernels + ", dimension " + dimension);
        }
      }
    }
  }
}

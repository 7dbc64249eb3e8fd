package org.seqnlp.opennlp.nn;

/**
 * The scalar kernels every recurrent network here is built from, shared by the run-time cells and the
 * plain-Java language-model trainer so that training and scoring compute the same function.
 */
public final class VectorMath {

  private VectorMath() {
  }

  /** {@code y[yOffset ..] += a · x[xOffset ..]}, {@code length} entries. */
  public static void axpy(float a, float[] x, int xOffset, float[] y, int yOffset, int length) {
    for (int i = 0; i < length; i++) {
      y[yOffset + i] += a * x[xOffset + i];
    }
  }

  /** tanh through the intrinsic {@link Math#exp}, several times faster than {@link Math#tanh}. */
  public static float tanh(float x) {
    if (x > 20f) {
      return 1f;
    }
    if (x < -20f) {
      return -1f;
    }
    double e = Math.exp(2.0 * x);
    return (float) ((e - 1) / (e + 1));
  }

  /** The logistic function. */
  public static float sigmoid(float x) {
    return (float) (1.0 / (1.0 + Math.exp(-x)));
  }

  /**
   * {@code y[0 .. length) += x[xOffset + r] * rows[r][0 .. length)} for {@code r = from .. to - 1}, added in
   * that order to every element, so the result is bit-identical to one {@link #axpy} per row (Java never
   * fuses a multiply and an add); zero coefficients add nothing, and blocks of four zeros are skipped. Four
   * rows go through one loop, which reads and writes {@code y} once instead of four times.
   *
   * <p>This is the form every matrix product here should take: the JIT of JDK 17 vectorises the inner loop
   * only when each array in it is indexed from 0 by the loop variable. Over one flat matrix with row
   * offsets, or into {@code y} at an offset, the same arithmetic runs several times slower: 7-9 times for
   * a 200 x 800 LSTM product on this project's machine, measured in one process at commit 4c30c0c.
   */
  public static void addRows(float[][] rows, float[] x, int xOffset, int from, int to, float[] y, int length) {
    int r = from;
    for (; r + 4 <= to; r += 4) {
      float a0 = x[xOffset + r];
      float a1 = x[xOffset + r + 1];
      float a2 = x[xOffset + r + 2];
      float a3 = x[xOffset + r + 3];
      if (a0 == 0f && a1 == 0f && a2 == 0f && a3 == 0f) {
        continue;
      }
      float[] w0 = rows[r];
      float[] w1 = rows[r + 1];
      float[] w2 = rows[r + 2];
      float[] w3 = rows[r + 3];
      for (int i = 0; i < length; i++) {
        y[i] = (((y[i] + a0 * w0[i]) + a1 * w1[i]) + a2 * w2[i]) + a3 * w3[i];
      }
    }
    for (; r < to; r++) {
      float a = x[xOffset + r];
      if (a != 0f) {
        float[] w = rows[r];
        for (int i = 0; i < length; i++) {
          y[i] += a * w[i];
        }
      }
    }
  }

  /** {@link #addRows(float[][], float[], int, int, int, float[], int)} over the whole of {@code y}. */
  public static void addRows(float[][] rows, float[] x, int xOffset, int from, int to, float[] y) {
    addRows(rows, x, xOffset, from, to, y, y.length);
  }

  /** A row-major {@code rowCount x width} matrix as one array per row (see {@link #addRows}). */
  public static float[][] splitRows(float[] matrix, int rowCount, int width) {
    float[][] rows = new float[rowCount][width];
    copyRows(matrix, rows);
    return rows;
  }

  /** Copies a row-major matrix into its row arrays, as {@link #splitRows} made them. */
  public static void copyRows(float[] matrix, float[][] rows) {
    for (int r = 0; r < rows.length; r++) {
      System.arraycopy(matrix, r * rows[r].length, rows[r], 0, rows[r].length);
    }
  }

  /**
   * Writes the transpose of a row-major {@code rowCount x transposed.length} matrix into {@code transposed},
   * one array per column of the matrix.
   */
  public static void copyTransposedRows(float[] matrix, int rowCount, float[][] transposed) {
    int width = transposed.length;
    for (int r = 0; r < rowCount; r++) {
      for (int c = 0; c < width; c++) {
        transposed[c][r] = matrix[r * width + c];
      }
    }
  }

  /** Checks that a weight array read or built elsewhere has the length its dimensions imply. */
  public static void requireLength(String name, float[] array, long expected) {
    if (array.length != expected) {
      throw new IllegalArgumentException(name + " hold " + array.length + " values, expected " + expected);
    }
  }
}

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
}

package org.seqnlp.opennlp.nn;

/** y = x·W + b with W row-major {@code [inputSize, outputSize]}, as DL4J stores dense and output layers. */
public final class AffineLayer {

  private final int inputSize;
  private final int outputSize;
  private final float[] weights;
  private final float[] bias;
  /** The weights as one array per row, for the vectorised single-vector product. */
  private final float[][] rows;

  public AffineLayer(int inputSize, int outputSize, float[] weights, float[] bias) {
    VectorMath.requireLength("weights", weights, (long) inputSize * outputSize);
    VectorMath.requireLength("bias", bias, outputSize);
    this.inputSize = inputSize;
    this.outputSize = outputSize;
    this.weights = weights;
    this.bias = bias;
    this.rows = VectorMath.splitRows(weights, inputSize, outputSize);
  }

  /** Writes x·W + b into {@code out} (length {@link #outputSize()}). */
  public void apply(float[] x, float[] out) {
    System.arraycopy(bias, 0, out, 0, outputSize);
    VectorMath.addRows(rows, x, 0, 0, inputSize, out, outputSize);
  }

  /**
   * Applies the layer to {@code count} vectors at once, {@code out[k] = x[k]·W + b}: each weight row is
   * read once for all of them, which is what makes a large layer fast. Each result is bit-identical to
   * {@link #apply(float[], float[])}.
   */
  public void apply(float[][] x, float[][] out, int count) {
    apply(x, out, count, 0, outputSize);
  }

  /**
   * Outputs {@code from .. to} only, for {@code count} vectors at once: {@code out[k][j - from] =
   * (x[k]·W + b)[j]}, so that a caller needing a slice of a large layer (the words of one class of a
   * class-factored softmax) pays for that slice alone. Each value is bit-identical to the full layer's.
   */
  public void apply(float[][] x, float[][] out, int count, int from, int to) {
    if (from < 0 || to > outputSize || from > to) {
      throw new IllegalArgumentException("outputs " + from + ".." + to + " outside 0.." + outputSize);
    }
    int width = to - from;
    for (int k = 0; k < count; k++) {
      System.arraycopy(bias, from, out[k], 0, width);
    }
    for (int i = 0; i < inputSize; i++) {
      int row = i * outputSize + from;
      for (int k = 0; k < count; k++) {
        if (x[k][i] != 0f) {
          VectorMath.axpy(x[k][i], weights, row, out[k], 0, width);
        }
      }
    }
  }

  public int outputSize() {
    return outputSize;
  }
}

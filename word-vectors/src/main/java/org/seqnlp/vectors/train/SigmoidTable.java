package org.seqnlp.vectors.train;

/**
 * The logistic function tabulated over [-{@value #MAX_X}, {@value #MAX_X}] (beyond that the
 * gradient step is saturated and callers clip instead), as the word2vec tool does: a table lookup is
 * several times cheaper than {@code Math.exp} in the innermost training loop.
 */
final class SigmoidTable {

  static final float MAX_X = 6;
  private static final int SIZE = 1000;
  private static final float SCALE = SIZE / MAX_X / 2;
  // One entry more than SIZE: in float arithmetic an x just below MAX_X can round to index SIZE.
  private static final float[] VALUES = new float[SIZE + 1];

  static {
    for (int i = 0; i <= SIZE; i++) {
      double e = Math.exp((i / (double) SIZE * 2 - 1) * MAX_X);
      VALUES[i] = (float) (e / (e + 1));
    }
  }

  private SigmoidTable() {
  }

  /** The logistic function at {@code x}, for {@code -MAX_X < x < MAX_X}. */
  static float sigmoid(float x) {
    return VALUES[(int) ((x + MAX_X) * SCALE)];
  }

  /**
   * The gradient factor {@code (label - sigmoid(score)) * learningRate} of logistic loss, saturated
   * outside the tabulated range.
   */
  static float gradient(float score, int label, float learningRate) {
    if (score >= MAX_X) {
      return (label - 1) * learningRate;
    }
    if (score <= -MAX_X) {
      return label * learningRate;
    }
    return (label - sigmoid(score)) * learningRate;
  }
}

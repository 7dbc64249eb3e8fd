package org.seqnlp.opennlp.namefind.training;

/**
 * A parameter array outside DL4J's network (embeddings, character CNN, CRF scores) with the state of
 * its Adam optimiser. Rows can be updated alone, so that a step touches only the embeddings of the
 * words in the batch.
 */
final class AdamParameter {

  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;
  private static final double EPSILON = 1e-8;

  private final float[] values;
  private final float[] gradient;
  private final float[] firstMoment;
  private final float[] secondMoment;

  AdamParameter(float[] values) {
    this.values = values;
    this.gradient = new float[values.length];
    this.firstMoment = new float[values.length];
    this.secondMoment = new float[values.length];
  }

  float[] values() {
    return values;
  }

  /** The gradient being accumulated for the next step. */
  float[] gradient() {
    return gradient;
  }

  /** Sum of squares of the gradient of the given range. */
  double squaredNorm(int from, int to) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += (double) gradient[i] * gradient[i];
    }
    return sum;
  }

  double squaredNorm() {
    return squaredNorm(0, gradient.length);
  }

  /**
   * One Adam step on {@code values[from .. to)} with the gradient scaled by {@code scale}; clears
   * that part of the gradient.
   *
   * @param step the 1-based number of this step, for bias correction
   */
  void step(int from, int to, double learningRate, double scale, int step) {
    double correction1 = 1 - Math.pow(BETA1, step);
    double correction2 = 1 - Math.pow(BETA2, step);
    double rate = learningRate * Math.sqrt(correction2) / correction1;
    for (int i = from; i < to; i++) {
      double g = gradient[i] * scale;
      double m = BETA1 * firstMoment[i] + (1 - BETA1) * g;
      double v = BETA2 * secondMoment[i] + (1 - BETA2) * g * g;
      firstMoment[i] = (float) m;
      secondMoment[i] = (float) v;
      values[i] -= (float) (rate * m / (Math.sqrt(v) + EPSILON));
      gradient[i] = 0f;
    }
  }

  void step(double learningRate, double scale, int step) {
    step(0, values.length, learningRate, scale, step);
  }

  /**
   * The scale that also clips a gradient of the given squared norm (before scaling) to {@code limit}:
   * what {@link #step} takes for all parameters of one clipping group.
   */
  static double clippedScale(double squaredNorm, double scale, double limit) {
    double norm = Math.sqrt(squaredNorm) * scale;
    return norm > limit ? scale * limit / norm : scale;
  }
}

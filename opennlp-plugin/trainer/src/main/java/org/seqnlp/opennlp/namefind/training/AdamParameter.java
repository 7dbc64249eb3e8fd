package org.seqnlp.opennlp.namefind.training;

import java.util.Arrays;
import org.seqnlp.io.InputFormatException;
import org.seqnlp.io.tensor.Tensor;
import org.seqnlp.io.tensor.TensorBundle;

/**
 * A parameter array outside DL4J's network (embeddings, character CNN, CRF scores) with the state of
 * its Adam optimiser and, optionally, the moving average of its values ({@link TrainingSettings#averageDecay}).
 * Rows can be updated alone, so that a step touches only the embeddings of the words in the batch; the
 * average of a row a step leaves alone is brought up to date when the row next changes, so it costs nothing
 * for the rows of words outside the batch.
 */
final class AdamParameter {

  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;
  private static final double EPSILON = 1e-8;

  private final float[] values;
  private final float[] gradient;
  private final float[] firstMoment;
  private final float[] secondMoment;
  private final int rowSize;
  private final double averageDecay;
  /** The moving average, started at zero (so divided by {@code 1 - decay^step} when read), or null for none. */
  private final float[] average;
  /** Per row, the step up to which {@link #average} holds it. */
  private final int[] averagedUpTo;

  /**
   * @param rowSize the length of the ranges {@link #step(int, int, double, double, int)} updates (whole rows)
   * @param averageDecay the decay per step of the moving average, in [0, 1); 0 keeps no average
   */
  AdamParameter(float[] values, int rowSize, double averageDecay) {
    this.values = values;
    this.gradient = new float[values.length];
    this.firstMoment = new float[values.length];
    this.secondMoment = new float[values.length];
    this.rowSize = rowSize;
    this.averageDecay = averageDecay;
    this.average = averageDecay > 0 ? new float[values.length] : null;
    this.averagedUpTo = averageDecay > 0 ? new int[(values.length + rowSize - 1) / rowSize] : null;
  }

  /** A parameter that every step updates as a whole. */
  static AdamParameter whole(float[] values, double averageDecay) {
    return new AdamParameter(values, Math.max(1, values.length), averageDecay);
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
    if (average != null) {
      for (int row = from / rowSize; row * rowSize < to; row++) {
        catchUp(row, step - 1, average);
      }
    }
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
    if (average != null) {
      for (int i = from; i < to; i++) {
        average[i] = (float) (averageDecay * average[i] + (1 - averageDecay) * values[i]);
      }
      for (int row = from / rowSize; row * rowSize < to; row++) {
        averagedUpTo[row] = step;
      }
    }
  }

  /** Brings row {@code row} of {@code into} (the average or a copy) up to {@code step}, the values unchanged since. */
  private void catchUp(int row, int step, float[] into) {
    int unchanged = step - averagedUpTo[row];
    if (unchanged <= 0) {
      return;
    }
    double decay = Math.pow(averageDecay, unchanged);
    int end = Math.min(values.length, (row + 1) * rowSize);
    for (int i = row * rowSize; i < end; i++) {
      into[i] = (float) (decay * into[i] + (1 - decay) * values[i]);
    }
  }

  /**
   * The moving average of the values after {@code step} steps, corrected for its start at zero.
   *
   * @throws IllegalStateException when this parameter keeps no average
   */
  float[] averaged(int step) {
    if (average == null) {
      throw new IllegalStateException("no moving average kept");
    }
    if (step == 0) {
      return values.clone();
    }
    float[] averaged = average.clone();
    for (int row = 0; row < averagedUpTo.length; row++) {
      catchUp(row, step, averaged);
    }
    double correction = 1 - Math.pow(averageDecay, step);
    for (int i = 0; i < averaged.length; i++) {
      averaged[i] = (float) (averaged[i] / correction);
    }
    return averaged;
  }

  /**
   * Adds the values and the optimiser's state after {@code step} steps to {@code state}, under names starting with
   * {@code name}, for {@link #restore}. The average goes as a copy brought up to {@code step}: the run's own stays as
   * it is, so that saving does not change its rounding.
   */
  void save(TensorBundle state, String name, int step) {
    state.add(new Tensor(name + ".values", new int[] {values.length}, values));
    state.add(new Tensor(name + ".first-moment", new int[] {values.length}, firstMoment));
    state.add(new Tensor(name + ".second-moment", new int[] {values.length}, secondMoment));
    if (average != null) {
      float[] caughtUp = average.clone();
      for (int row = 0; row < averagedUpTo.length; row++) {
        catchUp(row, step, caughtUp);
      }
      state.add(new Tensor(name + ".average", new int[] {values.length}, caughtUp));
    }
  }

  /** Sets the values and the optimiser's state to those {@link #save} wrote after {@code step} steps. */
  void restore(TensorBundle state, String name, int step) throws InputFormatException {
    restore(state, name + ".values", values);
    restore(state, name + ".first-moment", firstMoment);
    restore(state, name + ".second-moment", secondMoment);
    if (average != null) {
      restore(state, name + ".average", average);
      Arrays.fill(averagedUpTo, step);
    }
  }

  private static void restore(TensorBundle state, String name, float[] into) throws InputFormatException {
    System.arraycopy(state.tensor(name, into.length).values(), 0, into, 0, into.length);
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

package org.seqnlp.opennlp.lm.training;

import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.seqnlp.io.InputFormatException;

/**
 * The update step: sums the workers' gradients, clips their global L2 norm (Pascanu et al. 2013: when
 * the norm of the whole gradient, all parameters together, exceeds {@code maxNorm}, it is scaled down to
 * that norm, keeping its direction) and takes a plain SGD step. Records the norms seen, to show exploding
 * gradients.
 */
final class ClippedSgd {

  private final double maxNorm;
  private double learningRate;
  private long steps;
  private long clipped;
  private double largestNorm;
  private double normSum;

  /** @param maxNorm the largest allowed norm, or 0 to only record norms */
  ClippedSgd(double learningRate, double maxNorm) {
    this.learningRate = learningRate;
    this.maxNorm = maxNorm;
  }

  void setLearningRate(double learningRate) {
    this.learningRate = learningRate;
  }

  /**
   * Adds every other worker's gradient into {@code gradients[0]}, zeroing them, and moves every parameter
   * by the clipped step; {@code gradients[0]} is zero afterwards.
   *
   * @param gradients per worker, per {@link Parameter#index()}, the gradient of the loss
   */
  void step(List<Parameter> parameters, float[][][] gradients) {
    float[][] total = gradients[0];
    double squaredNorm = 0;
    for (Parameter parameter : parameters) {
      float[] gradient = total[parameter.index()];
      for (int w = 1; w < gradients.length; w++) {
        float[] other = gradients[w][parameter.index()];
        for (int i = 0; i < gradient.length; i++) {
          gradient[i] += other[i];
        }
        Arrays.fill(other, 0f);
      }
      for (float g : gradient) {
        squaredNorm += (double) g * g;
      }
    }
    float step = (float) (learningRate * scaleFor(Math.sqrt(squaredNorm)));
    for (Parameter parameter : parameters) {
      float[] values = parameter.values();
      float[] gradient = total[parameter.index()];
      for (int i = 0; i < values.length; i++) {
        values[i] -= step * gradient[i];
      }
      Arrays.fill(gradient, 0f);
    }
  }

  /** Records a gradient of global norm {@code norm}; returns 1, or {@code maxNorm / norm} when clipping. */
  double scaleFor(double norm) {
    steps++;
    normSum += norm;
    largestNorm = Math.max(largestNorm, norm);
    if (maxNorm > 0 && norm > maxNorm) {
      clipped++;
      return maxNorm / norm;
    }
    return 1;
  }

  /** Writes the statistics into {@code state}, for a checkpoint. */
  void save(Properties state) {
    state.setProperty("gradientSteps", Long.toString(steps));
    state.setProperty("gradientClipped", Long.toString(clipped));
    state.setProperty("gradientLargestNorm", Double.toString(largestNorm));
    state.setProperty("gradientNormSum", Double.toString(normSum));
  }

  /** Continues the statistics saved by {@link #save}, when training resumes. */
  void restore(TrainingCheckpoint.State state) throws InputFormatException {
    steps = state.count("gradientSteps", 0, Long.MAX_VALUE);
    clipped = state.count("gradientClipped", 0, steps);
    largestNorm = state.real("gradientLargestNorm", 0, Double.MAX_VALUE);
    normSum = state.real("gradientNormSum", 0, Double.MAX_VALUE);
  }

  long steps() {
    return steps;
  }

  long clipped() {
    return clipped;
  }

  double largestNorm() {
    return largestNorm;
  }

  double meanNorm() {
    return steps == 0 ? 0 : normSum / steps;
  }
}

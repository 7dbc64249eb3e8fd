package org.seqnlp.opennlp.lm;

import java.util.Properties;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Gradient clipping by global norm (Pascanu et al. 2013): when the L2 norm of the whole gradient, all
 * layers and parameters together, exceeds {@code maxNorm}, the gradient is scaled down to that norm.
 * DL4J's own {@code GradientNormalization} only clips per layer or per parameter type, which changes the
 * gradient's direction; this listener runs after backpropagation and before the updater, and rescales
 * DL4J's flattened gradient view in place. It also records the norms seen, to show exploding gradients.
 */
final class GlobalNormClipping extends BaseTrainingListener {

  private final double maxNorm;
  private long steps;
  private long clipped;
  private double largestNorm;
  private double normSum;

  /** @param maxNorm the largest allowed norm, or 0 to only record norms */
  GlobalNormClipping(double maxNorm) {
    this.maxNorm = maxNorm;
  }

  @Override
  public void onGradientCalculation(Model model) {
    INDArray gradient = model.gradient().gradient();
    // DL4J sums the gradient over the minibatch here and divides by its size only in the updater; the
    // norm that is clipped is the norm of the mean, as in Zaremba et al. and the TensorFlow PTB model.
    double norm = gradient.norm2Number().doubleValue() / model.batchSize();
    double scale = scaleFor(norm);
    if (scale < 1) {
      gradient.muli(scale);
    }
  }

  /**
   * Records a step whose gradient has global norm {@code norm} and returns the factor to scale it by: 1,
   * or {@code maxNorm / norm} when clipping. The plain-Java trainer calls this directly.
   */
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
  void restore(Properties state) {
    steps = Long.parseLong(state.getProperty("gradientSteps", "0"));
    clipped = Long.parseLong(state.getProperty("gradientClipped", "0"));
    largestNorm = Double.parseDouble(state.getProperty("gradientLargestNorm", "0"));
    normSum = Double.parseDouble(state.getProperty("gradientNormSum", "0"));
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

package org.seqnlp.opennlp.namefind.training;

import java.util.Map;
import org.seqnlp.opennlp.namefind.network.LinearChainCrf;

/**
 * The CRF scores (start, end, transitions) under training: {@link CrfLoss} computes their gradient
 * with DL4J's loss, this class updates them with Adam.
 */
final class TrainableCrf {

  private final int labelCount;
  private final AdamParameter start;
  private final AdamParameter end;
  private final AdamParameter transitions;
  private final CrfLoss loss = new CrfLoss();

  /** @param averageDecay the decay of the scores' moving average per step, 0 for none */
  TrainableCrf(int labelCount, double averageDecay) {
    this.labelCount = labelCount;
    start = AdamParameter.whole(new float[labelCount], averageDecay);
    end = AdamParameter.whole(new float[labelCount], averageDecay);
    transitions = AdamParameter.whole(new float[labelCount * labelCount], averageDecay);
    loss.attach(new LinearChainCrf(labelCount, start.values(), end.values(), transitions.values()));
  }

  /** The loss that scores with these arrays and holds the gradient of the last batch. */
  CrfLoss loss() {
    return loss;
  }

  /** One Adam step with the last batch's gradient, scaled by {@code scale}, clipped to {@code clip}. */
  void step(double scale, double learningRate, double clip, int step) {
    copy(loss.startGradient(), start.gradient());
    copy(loss.endGradient(), end.gradient());
    copy(loss.transitionGradient(), transitions.gradient());
    double clippedScale = AdamParameter.clippedScale(start.squaredNorm() + end.squaredNorm()
        + transitions.squaredNorm(), scale, clip);
    start.step(learningRate, clippedScale, step);
    end.step(learningRate, clippedScale, step);
    transitions.step(learningRate, clippedScale, step);
  }

  private static void copy(double[] from, float[] to) {
    for (int i = 0; i < from.length; i++) {
      to[i] = (float) from[i];
    }
  }

  /** The scores under training by their names in a run's saved state. */
  Map<String, AdamParameter> parameters() {
    return Map.of("crf-start", start, "crf-end", end, "crf-transitions", transitions);
  }

  /** The moving averages of the scores after {@code step} steps. */
  LinearChainCrf averaged(int step) {
    return new LinearChainCrf(labelCount, start.averaged(step), end.averaged(step), transitions.averaged(step));
  }

  /** A copy of the current scores. */
  LinearChainCrf snapshot() {
    return new LinearChainCrf(labelCount, start.values().clone(), end.values().clone(),
        transitions.values().clone());
  }
}

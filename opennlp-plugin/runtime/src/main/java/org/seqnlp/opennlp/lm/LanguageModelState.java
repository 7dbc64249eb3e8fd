package org.seqnlp.opennlp.lm;

import java.util.Arrays;
import org.seqnlp.vocabulary.Vocabulary;

/**
 * A language model's recurrent state while reading a sentence, and the distribution of the next token,
 * starting as after an end of sentence. Not thread-safe: one per sentence being read.
 */
final class LanguageModelState {

  private final RnnLanguageModel model;
  private final float[][] states;
  /** The top layer's output after the last token fed. */
  private float[] hidden;
  /** log p(next token = id) by id, computed when first asked for after a feed. */
  private double[] logProbabilities;

  LanguageModelState(RnnLanguageModel model) {
    this.model = model;
    this.states = new float[model.cells.length][];
    for (int layer = 0; layer < states.length; layer++) {
      states[layer] = new float[model.cells[layer].stateSize()];
    }
    feed(Vocabulary.END_OF_SENTENCE_ID);
  }

  RnnLanguageModel model() {
    return model;
  }

  /** Feeds {@code id} through the recurrent layers. */
  void feed(int id) {
    int e = model.architecture.embeddingSize();
    float[] x = Arrays.copyOfRange(model.embedding, id * e, id * e + e);
    for (int layer = 0; layer < states.length; layer++) {
      float[] next = new float[model.cells[layer].stateSize()];
      model.cells[layer].step(x, states[layer], next);
      states[layer] = next;
      x = Arrays.copyOf(next, model.cells[layer].hidden());
    }
    hidden = x;
    logProbabilities = null;
  }

  /** The top layer's output after the last token fed (not to be modified). */
  float[] hidden() {
    return hidden;
  }

  /** The log probability of every id as the next token (not to be modified). */
  double[] logProbabilities() {
    if (logProbabilities == null) {
      logProbabilities = new double[model.vocabulary.size()];
      model.softmax.logProbabilities(hidden, logProbabilities);
    }
    return logProbabilities;
  }

  /** Log probability of {@code id} as the next token, computing only what it needs, then feeds it. */
  double logProbabilityOf(int id) {
    double[] logProbability = new double[1];
    model.softmax.logProbabilities(new float[][] {hidden}, new int[] {id}, 1, logProbability);
    feed(id);
    return logProbability[0];
  }
}

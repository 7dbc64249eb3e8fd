package org.seqnlp.vectors.train;

import java.util.Locale;
import org.seqnlp.vectors.WordVectors;

/**
 * The check every trainer makes of its result: a learning rate too high for the corpus makes the updates
 * overflow, and vectors of NaN would otherwise be written as if trained.
 */
final class Divergence {

  private Divergence() {}

  /**
   * @return {@code vectors}
   * @throws IllegalStateException naming how many vectors are not finite and the learning rate to lower
   */
  static WordVectors requireFinite(WordVectors vectors, double learningRate) {
    int diverged = 0;
    String first = null;
    for (int row = 0; row < vectors.size(); row++) {
      for (int component = 0; component < vectors.dimension(); component++) {
        if (!Float.isFinite(vectors.get(row, component))) {
          diverged++;
          first = first == null ? vectors.word(row) : first;
          break;
        }
      }
    }
    if (diverged > 0) {
      throw new IllegalStateException(String.format(Locale.ROOT, "training diverged: %,d of %,d word vectors hold NaN"
          + " or infinite values (the first: '%s'); train again with a learning rate below %s", diverged,
          vectors.size(), first, learningRate));
    }
    return vectors;
  }
}

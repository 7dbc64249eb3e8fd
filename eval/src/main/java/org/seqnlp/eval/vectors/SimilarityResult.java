package org.seqnlp.eval.vectors;

/**
 * The score of a model on one similarity test set.
 *
 * @param pairs pairs in the test set
 * @param covered pairs whose two words the model knows
 * @param spearman Spearman correlation of cosine with human score over the covered pairs
 */
public record SimilarityResult(String test, int pairs, int covered, double spearman) {

  public double coverage() {
    return covered / (double) pairs;
  }
}

package org.seqnlp.eval.ir;

import java.util.Locale;

/**
 * The two settings every expansion method shares: at most {@code maxExpansions} neighbours per term,
 * each with cosine similarity at least {@code minCosine}.
 */
public record ExpansionSettings(int maxExpansions, float minCosine) {

  public ExpansionSettings {
    if (maxExpansions < 1) {
      throw new IllegalArgumentException("maxExpansions must be at least 1, got " + maxExpansions);
    }
    if (!(minCosine > 0 && minCosine < 1)) {
      throw new IllegalArgumentException("minCosine must lie in (0, 1), got " + minCosine);
    }
  }

  /**
   * The same threshold on the scale of Lucene's {@code Word2VecSynonymFilter}, which compares
   * {@code (1 + cosine) / 2} of normalised vectors against its {@code minAcceptedSimilarity}.
   */
  public float luceneMinAcceptedSimilarity() {
    return (1 + minCosine) / 2;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "k=%d, cos>=%.2f", maxExpansions, minCosine);
  }
}

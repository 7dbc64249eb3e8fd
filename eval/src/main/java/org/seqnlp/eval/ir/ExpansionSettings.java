package org.seqnlp.eval.ir;

import java.util.Locale;
import org.seqnlp.lucene.expansion.SemanticExpansionFilter;
import org.seqnlp.lucene.expansion.SemanticExpansionFilterFactory;

/**
 * The settings of {@link SemanticExpansionFilter}: at most {@code maxExpansions} neighbours per term,
 * each with cosine similarity at least {@code minCosine}, weighing {@code expansionWeight} of the term
 * together. Lucene's {@code Word2VecSynonymFilter} reads the first two only.
 */
public record ExpansionSettings(int maxExpansions, float minCosine, float expansionWeight) {

  /** The defaults of the {@code semanticExpansion} filter factory, what a Solr user gets. */
  public static final ExpansionSettings FACTORY_DEFAULTS = new ExpansionSettings(
      SemanticExpansionFilterFactory.DEFAULT_MAX_EXPANSIONS, SemanticExpansionFilterFactory.DEFAULT_MIN_SIMILARITY,
      SemanticExpansionFilterFactory.DEFAULT_EXPANSION_WEIGHT);

  /**
   * Lucene's {@code Word2VecSynonymFilterFactory} defaults: 5 synonyms, {@code minAcceptedSimilarity}
   * 0.8, i.e. cosine 0.6 (see {@link #luceneMinAcceptedSimilarity()}); it gives no weights.
   */
  public static final ExpansionSettings LUCENE_DEFAULTS = new ExpansionSettings(5, 0.6f, 1);

  public ExpansionSettings {
    SemanticExpansionFilter.checkOptions(maxExpansions, minCosine, expansionWeight);
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
    return String.format(Locale.ROOT, "k=%d, cos>=%.2f, w=%.2f", maxExpansions, minCosine, expansionWeight);
  }
}

package org.seqnlp.eval.ir;

import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;

/** How the expansion terms enter the query. */
public enum Combination {

  /**
   * The expanding analyzer alone, through Lucene's {@code QueryBuilder}: each term and its synonyms
   * become one {@code SynonymQuery}, synonyms weighted by their boost (if the filter sets one).
   */
  SYNONYM_QUERY {
    @Override
    QueryFormulation formulation(Analyzer baseline, Analyzer expanding, float expansionWeight) {
      return QueryFormulations.analyzed(expanding);
    }

    @Override
    public String label(float expansionWeight) {
      return "SynonymQuery";
    }
  },

  /**
   * The unexpanded query unchanged plus a second clause of the expansion terms weighted by
   * {@code expansionWeight} (and each by its own boost): original terms keep their full weight.
   */
  ORIGINAL_PLUS_EXPANSION {
    @Override
    QueryFormulation formulation(Analyzer baseline, Analyzer expanding, float expansionWeight) {
      return QueryFormulations.interpolated(baseline, expanding, expansionWeight, false);
    }

    @Override
    public String label(float expansionWeight) {
      return String.format(Locale.ROOT, "original + %.2g x expansion", expansionWeight);
    }
  },

  /**
   * As {@link #ORIGINAL_PLUS_EXPANSION}, but the expansions of each query term share their weight in
   * proportion to their similarity, so that together they weigh {@code expansionWeight} of one original
   * term, however many neighbours pass the threshold.
   */
  ORIGINAL_PLUS_SHARED_EXPANSION {
    @Override
    QueryFormulation formulation(Analyzer baseline, Analyzer expanding, float expansionWeight) {
      return QueryFormulations.interpolated(baseline, expanding, expansionWeight, true);
    }

    @Override
    public String label(float expansionWeight) {
      return String.format(Locale.ROOT, "original + %.2g x expansion shared per term", expansionWeight);
    }
  };

  abstract QueryFormulation formulation(Analyzer baseline, Analyzer expanding, float expansionWeight);

  public abstract String label(float expansionWeight);
}

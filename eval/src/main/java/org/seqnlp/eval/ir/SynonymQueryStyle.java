package org.seqnlp.eval.ir;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.util.QueryBuilder;
import org.seqnlp.lucene.expansion.DistinctTermsQueryBuilder;

/**
 * How the tokens at one position become a query, as Solr's field type attribute {@code
 * synonymQueryStyle} decides it (its third style, {@code pick_best}, keeps only the best-scoring token
 * and so cannot add weighted expansions).
 */
public enum SynonymQueryStyle {

  /**
   * Solr's default and Lucene's {@link QueryBuilder}: one {@code SynonymQuery} per position, which
   * scores the term and its neighbours as one term whose frequency counts each neighbour's occurrences
   * times its boost.
   */
  AS_SAME_TERM("as_same_term") {
    @Override
    public QueryBuilder builder(Analyzer analyzer) {
      return new QueryBuilder(analyzer);
    }
  },

  /** One boosted clause per token: the original query plus the weighted expansions ({@link DistinctTermsQueryBuilder}). */
  AS_DISTINCT_TERMS("as_distinct_terms") {
    @Override
    public QueryBuilder builder(Analyzer analyzer) {
      return new DistinctTermsQueryBuilder(analyzer);
    }
  };

  private final String attribute;

  SynonymQueryStyle(String attribute) {
    this.attribute = attribute;
  }

  /** The query builder Solr's standard parser acts as for a run of bare words in this style. */
  public abstract QueryBuilder builder(Analyzer analyzer);

  /** Looks a style up by its Solr attribute value, e.g. {@code as_same_term}. */
  public static SynonymQueryStyle forAttribute(String value) {
    for (SynonymQueryStyle style : values()) {
      if (style.attribute.equals(value)) {
        return style;
      }
    }
    throw new IllegalArgumentException("unknown synonymQueryStyle '" + value + "', expected as_same_term or "
        + "as_distinct_terms");
  }

  /** The Solr attribute value. */
  @Override
  public String toString() {
    return attribute;
  }
}

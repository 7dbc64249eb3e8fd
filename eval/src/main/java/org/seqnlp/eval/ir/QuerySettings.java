package org.seqnlp.eval.ir;

/** One point of the grid: the expansion filter's settings and the field type's synonym query style. */
public record QuerySettings(ExpansionSettings expansion, SynonymQueryStyle style) {

  /** Lucene's {@code Word2VecSynonymFilter} as Solr users run it: its defaults, Solr's default style. */
  public static final QuerySettings LUCENE_DEFAULTS = new QuerySettings(ExpansionSettings.LUCENE_DEFAULTS,
      SynonymQueryStyle.AS_SAME_TERM);

  @Override
  public String toString() {
    return expansion + ", " + style;
  }
}

package org.seqnlp.eval.ir;

import org.apache.lucene.analysis.Analyzer;
import org.seqnlp.lucene.corpus.StandardEnglishAnalyzer;

/** A query-expansion filter over one set of word vectors, at the end of the retrieval analysis. */
public interface ExpansionMethod {

  /** Short name for tables, e.g. {@code seqnlp} or {@code lucene-w2v}. */
  String name();

  /** The query analyzer: {@link StandardEnglishAnalyzer}'s chain followed by the filter at {@code settings}. */
  Analyzer analyzer(ExpansionSettings settings);
}

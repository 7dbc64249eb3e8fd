package org.seqnlp.eval.ir;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;

/**
 * The stemmer at the end of every analysis of a run, the index's and the queries': none, as the figures are
 * measured, or Porter's, as Solr's {@code text_en} field type stems. Placed after the expansion filter, it stems the
 * neighbours as it stems the terms, as the filter's documentation asks of a field that stems; and, as it also asks,
 * followed by Lucene's {@code removeDuplicates}, so that a neighbour stemmed into its term (attacks into attack) or
 * into another neighbour is dropped rather than weigh that term a second time.
 */
public enum Stemming {
  NONE,
  PORTER;

  /** {@code analyzer} followed by this stemmer; closing the result closes {@code analyzer}. */
  Analyzer after(Analyzer analyzer) {
    if (this == NONE) {
      return analyzer;
    }
    return new AnalyzerWrapper(analyzer.getReuseStrategy()) {
      @Override
      protected Analyzer getWrappedAnalyzer(String fieldName) {
        return analyzer;
      }

      @Override
      protected TokenStreamComponents wrapComponents(String fieldName, TokenStreamComponents components) {
        return new TokenStreamComponents(components.getSource(),
            new RemoveDuplicatesTokenFilter(new PorterStemFilter(components.getTokenStream())));
      }

      @Override
      public void close() {
        super.close();
        analyzer.close();
      }
    };
  }
}

package org.seqnlp.eval.ir;

import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.seqnlp.lucene.corpus.StandardEnglishAnalyzer;

/**
 * The analysis every run shares, {@link StandardEnglishAnalyzer}'s: {@link StandardTokenizer}, lowercase,
 * Lucene's English stop words (no stemming), then, for expanding query analyzers, one more filter at the end of
 * the chain.
 */
public final class RetrievalAnalyzer extends Analyzer {

  private final UnaryOperator<TokenStream> lastFilter;

  private RetrievalAnalyzer(UnaryOperator<TokenStream> lastFilter) {
    this.lastFilter = lastFilter;
  }

  /** The baseline chain, used for indexing and for unexpanded queries. */
  public static RetrievalAnalyzer baseline() {
    return new RetrievalAnalyzer(UnaryOperator.identity());
  }

  /** The baseline chain followed by {@code filter}, e.g. a query expansion filter. */
  public static RetrievalAnalyzer followedBy(UnaryOperator<TokenStream> filter) {
    return new RetrievalAnalyzer(filter);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer tokenizer = new StandardTokenizer();
    return new TokenStreamComponents(tokenizer, lastFilter.apply(StandardEnglishAnalyzer.filter(tokenizer)));
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new LowerCaseFilter(in);
  }
}

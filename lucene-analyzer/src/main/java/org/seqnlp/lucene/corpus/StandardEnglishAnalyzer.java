package org.seqnlp.lucene.corpus;

import java.util.Objects;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * {@link StandardTokenizer}, lowercase and Lucene's English stop words, without stemming: how the example
 * configset's text fields are indexed (Solr's {@code lang/stopwords_en.txt} holds the same words). Vectors
 * trained on text split so hold the index's terms, so the neighbours they offer can match. {@link
 * #followedBy} adds a filter at the end, such as query expansion over those terms.
 */
public final class StandardEnglishAnalyzer extends Analyzer {

  private final UnaryOperator<TokenStream> lastFilter;

  public StandardEnglishAnalyzer() {
    this(UnaryOperator.identity());
  }

  private StandardEnglishAnalyzer(UnaryOperator<TokenStream> lastFilter) {
    this.lastFilter = Objects.requireNonNull(lastFilter, "lastFilter");
  }

  /** This analysis followed by {@code filter}, e.g. a query-expansion filter. */
  public static StandardEnglishAnalyzer followedBy(UnaryOperator<TokenStream> filter) {
    return new StandardEnglishAnalyzer(filter);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer tokenizer = new StandardTokenizer();
    TokenStream terms = new StopFilter(new LowerCaseFilter(tokenizer), EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    return new TokenStreamComponents(tokenizer, lastFilter.apply(terms));
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new LowerCaseFilter(in);
  }
}

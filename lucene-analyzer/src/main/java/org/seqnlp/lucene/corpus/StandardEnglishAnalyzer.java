package org.seqnlp.lucene.corpus;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * {@link StandardTokenizer}, lowercase and Lucene's English stop words, without stemming: how the example
 * configset's text fields are indexed (Solr's {@code lang/stopwords_en.txt} holds the same words). Vectors
 * trained on text split so hold the index's terms, so the neighbours they offer can match.
 */
public final class StandardEnglishAnalyzer extends Analyzer {

  /** The filters after the tokenizer, for analyzers that add more of their own after them. */
  public static TokenStream filter(TokenStream tokens) {
    return new StopFilter(new LowerCaseFilter(tokens), EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer tokenizer = new StandardTokenizer();
    return new TokenStreamComponents(tokenizer, filter(tokenizer));
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new LowerCaseFilter(in);
  }
}

package org.seqnlp.lucene.expansion;

import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.seqnlp.vectors.NeighbourLookup;

/**
 * For plain Lucene users: {@link StandardTokenizer}, {@link LowerCaseFilter}, a {@link StopFilter} when
 * stop words are given, then {@link SemanticExpansionFilter}. Meant as a query analyzer: with
 * {@link org.apache.lucene.util.QueryBuilder} each term becomes a {@link
 * org.apache.lucene.search.SynonymQuery} of the term and its neighbours, weighted by similarity.
 */
public final class SemanticExpansionAnalyzer extends Analyzer {

  private final NeighbourLookup neighbours;
  private final CharArraySet stopWords;
  private final int maxExpansions;
  private final float minSimilarity;

  /** An analyzer without stop words. */
  public SemanticExpansionAnalyzer(NeighbourLookup neighbours, int maxExpansions, float minSimilarity) {
    this(neighbours, CharArraySet.EMPTY_SET, maxExpansions, minSimilarity);
  }

  /**
   * @param stopWords lowercase words removed before expansion
   * @param maxExpansions the most neighbours added per term, at least 1
   * @param minSimilarity the least cosine similarity of an added neighbour, in (0, 1]
   */
  public SemanticExpansionAnalyzer(NeighbourLookup neighbours, CharArraySet stopWords, int maxExpansions,
      float minSimilarity) {
    SemanticExpansionFilter.checkOptions(maxExpansions, minSimilarity);
    this.neighbours = Objects.requireNonNull(neighbours, "neighbours");
    this.stopWords = CharArraySet.unmodifiableSet(CharArraySet.copy(stopWords));
    this.maxExpansions = maxExpansions;
    this.minSimilarity = minSimilarity;
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer tokenizer = new StandardTokenizer();
    TokenStream stream = new LowerCaseFilter(tokenizer);
    if (!stopWords.isEmpty()) {
      stream = new StopFilter(stream, stopWords);
    }
    stream = new SemanticExpansionFilter(stream, neighbours, maxExpansions, minSimilarity,
        CharArraySet.EMPTY_SET, false);
    return new TokenStreamComponents(tokenizer, stream);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new LowerCaseFilter(in);
  }
}

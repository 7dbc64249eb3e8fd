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
 * stop words are given, then {@link SemanticExpansionFilter}. Meant as a query analyzer, with {@link
 * DistinctTermsQueryBuilder}: each term becomes an optional clause of its own, followed by one clause per
 * neighbour weighted by its share of the expansion weight.
 */
public final class SemanticExpansionAnalyzer extends Analyzer {

  private final NeighbourLookup neighbours;
  private final CharArraySet stopWords;
  private final int maxExpansions;
  private final float minSimilarity;
  private final float expansionWeight;

  /** An analyzer with the filter factory's default settings. */
  public SemanticExpansionAnalyzer(NeighbourLookup neighbours, CharArraySet stopWords) {
    this(neighbours, stopWords, SemanticExpansionFilterFactory.DEFAULT_MAX_EXPANSIONS,
        SemanticExpansionFilterFactory.DEFAULT_MIN_SIMILARITY, SemanticExpansionFilterFactory.DEFAULT_EXPANSION_WEIGHT);
  }

  /**
   * @param stopWords lowercase words removed before expansion, e.g. {@link CharArraySet#EMPTY_SET}
   * @param maxExpansions the most neighbours added per term, at least 1
   * @param minSimilarity the least cosine similarity of an added neighbour, in (0, 1]
   * @param expansionWeight the weight of a term's neighbours together relative to the term, in (0, 1]
   */
  public SemanticExpansionAnalyzer(NeighbourLookup neighbours, CharArraySet stopWords, int maxExpansions,
      float minSimilarity, float expansionWeight) {
    SemanticExpansionFilter.checkOptions(maxExpansions, minSimilarity, expansionWeight);
    this.neighbours = Objects.requireNonNull(neighbours, "neighbours");
    this.stopWords = CharArraySet.unmodifiableSet(CharArraySet.copy(stopWords));
    this.maxExpansions = maxExpansions;
    this.minSimilarity = minSimilarity;
    this.expansionWeight = expansionWeight;
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer tokenizer = new StandardTokenizer();
    TokenStream stream = new LowerCaseFilter(tokenizer);
    if (!stopWords.isEmpty()) {
      stream = new StopFilter(stream, stopWords);
    }
    stream = new SemanticExpansionFilter(stream, neighbours, maxExpansions, minSimilarity, expansionWeight,
        CharArraySet.EMPTY_SET, false);
    return new TokenStreamComponents(tokenizer, stream);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new LowerCaseFilter(in);
  }
}

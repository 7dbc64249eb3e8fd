package org.seqnlp.lucene.expansion;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.search.BoostAttribute;
import org.seqnlp.vectors.Neighbour;
import org.seqnlp.vectors.NeighbourLookup;

/**
 * Expands each term with its nearest neighbours in a word-vector space, as synonyms: after the term,
 * which passes unchanged, come up to {@code maxExpansions} neighbours with cosine similarity at least
 * {@code minSimilarity}, most similar first, each at the same position (position increment 0) and
 * with the same position length and offsets as the term, and type {@value SynonymGraphFilter#TYPE_SYNONYM}.
 *
 * <p>A term's neighbours together weigh {@code expansionWeight} of the term, shared in proportion to
 * their cosine similarity, and each carries its share (times the term's own boost) as its {@link
 * BoostAttribute} boost. The share, rather than the cosine itself, keeps a term with many close
 * neighbours from outweighing the term it expands. Queried as distinct terms (Solr's field type
 * attribute {@code synonymQueryStyle="as_distinct_terms"}, or {@link DistinctTermsQueryBuilder}), the
 * BM25 score of the query is then that of the original query plus {@code expansionWeight} times that
 * of the expansions: expansion can add matches but never takes weight from the original terms.
 * Lucene's default {@link org.apache.lucene.search.SynonymQuery} instead scores a term and its
 * neighbours as one term, each neighbour's occurrences counted times its boost; the module README
 * compares the two on five collections.
 *
 * <p>Terms in the unexpanded set (stop words, protected words) and terms the vectors do not know pass
 * through alone.
 */
public final class SemanticExpansionFilter extends TokenFilter {

  /**
   * The most neighbours a term may add: already far more clauses than a query should have (Lucene's
   * default limit is 1,024 for the whole query), and it bounds the neighbour table to 1,000 entries a word.
   */
  public static final int MAX_EXPANSIONS = 1000;

  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute posIncAtt = addAttribute(PositionIncrementAttribute.class);
  private final TypeAttribute typeAtt = addAttribute(TypeAttribute.class);
  private final BoostAttribute boostAtt = addAttribute(BoostAttribute.class);

  private final NeighbourLookup neighbours;
  private final int maxExpansions;
  private final float minSimilarity;
  private final float expansionWeight;
  private final CharArraySet unexpanded;
  private final boolean lowercaseLookup;

  private List<Neighbour> expansions = List.of();
  private int nextExpansion;
  /** Boost of the pending expansions per unit of cosine: the term's boost x expansionWeight / their cosine sum. */
  private float boostPerCosine;
  private State term;

  /**
   * @param neighbours where expansions come from
   * @param maxExpansions the most neighbours added per term, in [1, {@value #MAX_EXPANSIONS}]
   * @param minSimilarity the least cosine similarity of an added neighbour, in (0, 1]
   * @param expansionWeight the weight of a term's neighbours together relative to the term, in (0, 1]
   * @param unexpanded terms never expanded, e.g. {@link CharArraySet#EMPTY_SET}
   * @param lowercaseLookup whether to look terms up lowercased (in the root locale)
   */
  public SemanticExpansionFilter(TokenStream input, NeighbourLookup neighbours, int maxExpansions,
      float minSimilarity, float expansionWeight, CharArraySet unexpanded, boolean lowercaseLookup) {
    super(input);
    checkOptions(maxExpansions, minSimilarity, expansionWeight);
    this.neighbours = neighbours;
    this.maxExpansions = maxExpansions;
    this.minSimilarity = minSimilarity;
    this.expansionWeight = expansionWeight;
    this.unexpanded = Objects.requireNonNull(unexpanded, "unexpanded");
    this.lowercaseLookup = lowercaseLookup;
  }

  /** Throws IllegalArgumentException, naming the option, unless the options are valid for the constructor. */
  public static void checkOptions(int maxExpansions, float minSimilarity, float expansionWeight) {
    if (maxExpansions < 1 || maxExpansions > MAX_EXPANSIONS) {
      throw new IllegalArgumentException("maxExpansions must be in [1, " + MAX_EXPANSIONS + "], got " + maxExpansions);
    }
    if (!(minSimilarity > 0 && minSimilarity <= 1)) {
      throw new IllegalArgumentException("minSimilarity must be in (0, 1], got " + minSimilarity);
    }
    if (!(expansionWeight > 0 && expansionWeight <= 1)) {
      throw new IllegalArgumentException("expansionWeight must be in (0, 1], got " + expansionWeight);
    }
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (nextExpansion < expansions.size()) {
      Neighbour neighbour = expansions.get(nextExpansion++);
      restoreState(term);
      termAtt.setEmpty().append(neighbour.word());
      posIncAtt.setPositionIncrement(0);
      typeAtt.setType(SynonymGraphFilter.TYPE_SYNONYM);
      boostAtt.setBoost(boostPerCosine * neighbour.similarity());
      return true;
    }
    if (!input.incrementToken()) {
      return false;
    }
    if (!unexpanded.contains(termAtt.buffer(), 0, termAtt.length())) {
      String word = termAtt.toString();
      expansions = neighbours.nearest(lowercaseLookup ? word.toLowerCase(Locale.ROOT) : word, maxExpansions,
          minSimilarity);
      nextExpansion = 0;
      if (!expansions.isEmpty()) {
        term = captureState();
        double cosineSum = 0;
        for (Neighbour neighbour : expansions) {
          cosineSum += neighbour.similarity();
        }
        boostPerCosine = (float) (boostAtt.getBoost() * expansionWeight / cosineSum);
      }
    }
    return true;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    expansions = List.of();
    nextExpansion = 0;
    boostPerCosine = 0;
    term = null;
  }
}

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
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.search.BoostAttribute;
import org.seqnlp.vectors.Neighbour;
import org.seqnlp.vectors.NeighbourLookup;

/**
 * Expands each term with its nearest neighbours in a word-vector space, as synonyms: after the term,
 * which passes unchanged, come up to {@code maxExpansions} neighbours with cosine similarity at least
 * {@code minSimilarity}, most similar first, each at the same position (position increment 0, length
 * 1), with the term's offsets and type {@value SynonymGraphFilter#TYPE_SYNONYM}.
 *
 * <p>Each neighbour carries its cosine similarity as its {@link BoostAttribute} boost, so that
 * {@link org.apache.lucene.util.QueryBuilder} makes a {@link org.apache.lucene.search.SynonymQuery}
 * weighting a close neighbour nearly as the term itself and a loose one less. The cosine is used as it
 * is (not Lucene's {@code (1 + cos) / 2}) because it already lies in (0, 1] once {@code minSimilarity}
 * is positive, and keeps the documented threshold and the boost on one scale.
 *
 * <p>Terms in the unexpanded set (stop words, protected words) and terms the vectors do not know pass
 * through alone.
 */
public final class SemanticExpansionFilter extends TokenFilter {

  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute posIncAtt = addAttribute(PositionIncrementAttribute.class);
  private final PositionLengthAttribute posLenAtt = addAttribute(PositionLengthAttribute.class);
  private final TypeAttribute typeAtt = addAttribute(TypeAttribute.class);
  private final BoostAttribute boostAtt = addAttribute(BoostAttribute.class);

  private final NeighbourLookup neighbours;
  private final int maxExpansions;
  private final float minSimilarity;
  private final CharArraySet unexpanded;
  private final boolean lowercaseLookup;

  private List<Neighbour> expansions = List.of();
  private int nextExpansion;
  private State term;

  /**
   * @param neighbours where expansions come from
   * @param maxExpansions the most neighbours added per term, at least 1
   * @param minSimilarity the least cosine similarity of an added neighbour, in (0, 1]
   * @param unexpanded terms never expanded, e.g. {@link CharArraySet#EMPTY_SET}
   * @param lowercaseLookup whether to look terms up lowercased (in the root locale)
   */
  public SemanticExpansionFilter(TokenStream input, NeighbourLookup neighbours, int maxExpansions,
      float minSimilarity, CharArraySet unexpanded, boolean lowercaseLookup) {
    super(input);
    checkOptions(maxExpansions, minSimilarity);
    this.neighbours = neighbours;
    this.maxExpansions = maxExpansions;
    this.minSimilarity = minSimilarity;
    this.unexpanded = Objects.requireNonNull(unexpanded, "unexpanded");
    this.lowercaseLookup = lowercaseLookup;
  }

  /** Throws IllegalArgumentException unless the options are valid for the constructor. */
  static void checkOptions(int maxExpansions, float minSimilarity) {
    if (maxExpansions < 1) {
      throw new IllegalArgumentException("maxExpansions must be at least 1, got " + maxExpansions);
    }
    if (!(minSimilarity > 0 && minSimilarity <= 1)) {
      throw new IllegalArgumentException("minSimilarity must be in (0, 1], got " + minSimilarity);
    }
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (nextExpansion < expansions.size()) {
      Neighbour neighbour = expansions.get(nextExpansion++);
      restoreState(term);
      termAtt.setEmpty().append(neighbour.word());
      posIncAtt.setPositionIncrement(0);
      posLenAtt.setPositionLength(1);
      typeAtt.setType(SynonymGraphFilter.TYPE_SYNONYM);
      boostAtt.setBoost(neighbour.similarity());
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
      }
    }
    return true;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    expansions = List.of();
    nextExpansion = 0;
    term = null;
  }
}

package org.seqnlp.eval.ir;

import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.seqnlp.lucene.expansion.SemanticExpansionFilter;
import org.seqnlp.vectors.NearestNeighbours;
import org.seqnlp.vectors.NeighbourLookup;
import org.seqnlp.vectors.WordVectors;

/**
 * Our {@link SemanticExpansionFilter} with exact nearest-neighbour search: neighbours weighted by
 * their cosine similarity. Stop words are already gone when it runs, so nothing else is protected.
 */
public final class SemanticExpansionMethod implements ExpansionMethod {

  /** Name in report tables. */
  public static final String NAME = "seqnlp";

  private final NeighbourLookup neighbours;

  public SemanticExpansionMethod(WordVectors vectors) {
    this.neighbours = new NearestNeighbours(vectors);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public UnaryOperator<TokenStream> filter(ExpansionSettings settings) {
    return input -> new SemanticExpansionFilter(input, neighbours, settings.maxExpansions(), settings.minCosine(),
        CharArraySet.EMPTY_SET, false);
  }
}

package org.seqnlp.vectors;

import java.util.List;

/**
 * Finds the words nearest to a word of a vector space by cosine similarity: {@link NearestNeighbours}
 * searches, {@link NeighbourTable} looks up answers computed beforehand. Implementations are
 * thread-safe.
 */
public interface NeighbourLookup {

  /** The vector space searched. */
  WordVectors vectors();

  /**
   * The at most {@code k} words most similar to {@code word}, most similar first, excluding the word
   * itself and words with similarity below {@code minSimilarity}; empty when the word is unknown. Ties
   * are broken by row, so results are deterministic.
   */
  List<Neighbour> nearest(String word, int k, float minSimilarity);
}

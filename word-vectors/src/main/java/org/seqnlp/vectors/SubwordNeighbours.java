package org.seqnlp.vectors;

import java.util.List;
import java.util.Objects;

/**
 * Nearest neighbours of any word of a subword model: a vocabulary word's come from the lookup given (a
 * search or a table), another word's from a search with its subword vector ({@link
 * WordVectors#vectorOf}), so that misspellings and rare inflections find their neighbours too.
 * Thread-safe.
 */
public final class SubwordNeighbours implements NeighbourLookup {

  private final NeighbourLookup known;
  private final NearestNeighbours search;

  /**
   * @param known the lookup of the vocabulary's words
   * @param search the search of the same vectors, which must have n-gram vectors
   * @throws IllegalArgumentException when the two do not share vectors with n-gram vectors
   */
  public SubwordNeighbours(NeighbourLookup known, NearestNeighbours search) {
    if (known.vectors() != search.vectors()) {
      throw new IllegalArgumentException("the lookup and the search must share their vectors");
    }
    if (search.vectors().subwords().isEmpty()) {
      throw new IllegalArgumentException("the vectors have no n-gram vectors, so unseen words have none");
    }
    this.known = known;
    this.search = Objects.requireNonNull(search, "search");
  }

  @Override
  public WordVectors vectors() {
    return search.vectors();
  }

  /** As {@link NeighbourLookup#nearest}; for a word outside the vocabulary, the neighbours of its subword vector. */
  @Override
  public List<Neighbour> nearest(String word, int k, float minSimilarity) {
    if (search.vectors().contains(word)) {
      return known.nearest(word, k, minSimilarity);
    }
    float[] vector = search.vectors().vectorOf(word);
    return vector == null ? List.of() : search.nearest(vector, k, minSimilarity);
  }
}

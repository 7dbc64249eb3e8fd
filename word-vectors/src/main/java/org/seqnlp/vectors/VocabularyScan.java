package org.seqnlp.vectors;

/**
 * A way of finding the rows most similar to unit query vectors, with the similarity of
 * {@link UnitVectors#score} exactly: every implementation finds the same neighbours with the same
 * similarities. Thread-safe.
 */
interface VocabularyScan {

  /** A copy of the unit vector of {@code row} (zeros for a zero vector). */
  float[] unitVector(int row);

  boolean isZero(int row);

  /** The similarity of the unit vector {@code unitQuery} and {@code row}, as {@link UnitVectors#score}. */
  float score(float[] unitQuery, int row);

  /**
   * Offers to heap {@code heap} of {@code heaps} every row, except {@code excludedRow} (-1 for none) and
   * zero vectors, whose similarity to {@code unitQuery} is at least {@code minSimilarity} and could enter
   * the heap.
   */
  void search(float[] unitQuery, int excludedRow, float minSimilarity, NeighbourHeaps heaps, int heap);

  /** A search for the neighbours of every row, for {@link NeighbourTable}; it may hold memory of its own. */
  TableSearch tableSearch();
}

package org.seqnlp.vectors;

/**
 * Searches the neighbours of consecutive rows together, where sharing the reading of the vocabulary
 * pays, with the similarity of {@link UnitVectors#score} exactly. Thread-safe.
 */
interface TableSearch {

  /**
   * Offers to heap i of {@code heaps} every row, except row {@code firstRow + i} itself and zero vectors,
   * whose similarity to row {@code firstRow + i} could enter the heap, for {@code i < rows}. A zero row
   * has no neighbours.
   */
  void searchRows(int firstRow, int rows, NeighbourHeaps heaps);
}

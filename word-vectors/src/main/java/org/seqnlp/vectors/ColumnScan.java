package org.seqnlp.vectors;

import java.util.Arrays;

/**
 * The plain scan, for when SIMD kernels are not available: every similarity computed from a copy of the
 * unit vectors stored by blocks of {@value #BLOCK_ROWS} rows, one array per block and dimension, so that
 * scoring a block is a loop of {@code scores[j] += query[d] * column[j]} over two arrays with the same
 * index, the form the JIT compiles to SIMD instructions (a dot product per row, being a sum, is not
 * vectorised by Java 17). A query allocates O({@value #BLOCK_ROWS}). The unit vectors are kept in that
 * copy only.
 */
final class ColumnScan implements VocabularyScan, TableSearch {

  /** Rows per block: long enough for the SIMD loop, short enough that a block stays in cache. */
  static final int BLOCK_ROWS = 1024;

  private final int size;
  private final int dimension;
  private final boolean[] zero;
  /** {@code columns[block * dimension + d][j]}: component d of the unit vector of row block*BLOCK_ROWS+j. */
  private final float[][] columns;

  ColumnScan(UnitVectors unit) {
    this.size = unit.size;
    this.dimension = unit.dimension;
    this.zero = new boolean[size];
    int blocks = (size + BLOCK_ROWS - 1) / BLOCK_ROWS;
    this.columns = new float[blocks * dimension][BLOCK_ROWS];
    for (int row = 0; row < size; row++) {
      zero[row] = unit.isZero(row);
      int base = (row / BLOCK_ROWS) * dimension;
      for (int d = 0; d < dimension; d++) {
        columns[base + d][row % BLOCK_ROWS] = unit.values[row * dimension + d];
      }
    }
  }

  @Override
  public float[] unitVector(int row) {
    float[] unit = new float[dimension];
    int base = (row / BLOCK_ROWS) * dimension;
    for (int d = 0; d < dimension; d++) {
      unit[d] = columns[base + d][row % BLOCK_ROWS];
    }
    return unit;
  }

  @Override
  public boolean isZero(int row) {
    return zero[row];
  }

  @Override
  public float score(float[] unitQuery, int row) {
    float score = 0;
    int base = (row / BLOCK_ROWS) * dimension;
    for (int d = 0; d < dimension; d++) {
      score += unitQuery[d] * columns[base + d][row % BLOCK_ROWS];
    }
    return score;
  }

  @Override
  public void search(float[] unitQuery, int excludedRow, float minSimilarity, NeighbourHeaps heaps, int heap) {
    float[] scores = new float[BLOCK_ROWS];
    for (int block = 0; block * BLOCK_ROWS < size; block++) {
      scoreBlock(unitQuery, block, scores);
      offerBlock(scores, block, excludedRow, minSimilarity, heaps, heap);
    }
  }

  @Override
  public TableSearch tableSearch() {
    return this;
  }

  /** Block by block, so that each block is read from memory once for all the rows searched. */
  @Override
  public void searchRows(int firstRow, int rows, NeighbourHeaps heaps) {
    float[][] queries = new float[rows][];
    for (int i = 0; i < rows; i++) {
      queries[i] = unitVector(firstRow + i);
    }
    float[] scores = new float[BLOCK_ROWS];
    for (int block = 0; block * BLOCK_ROWS < size; block++) {
      for (int query = 0; query < rows; query++) {
        if (!zero[firstRow + query]) {
          scoreBlock(queries[query], block, scores);
          offerBlock(scores, block, firstRow + query, Float.NEGATIVE_INFINITY, heaps, query);
        }
      }
    }
  }

  /** Sets {@code scores[j]} to the similarity of {@code query} and row {@code block*BLOCK_ROWS+j}. */
  private void scoreBlock(float[] query, int block, float[] scores) {
    Arrays.fill(scores, 0);
    int base = block * dimension;
    for (int d = 0; d < dimension; d++) {
      float weight = query[d];
      float[] column = columns[base + d];
      for (int j = 0; j < scores.length; j++) {
        scores[j] += weight * column[j];
      }
    }
  }

  private void offerBlock(float[] scores, int block, int excludedRow, float minSimilarity,
      NeighbourHeaps heaps, int heap) {
    int first = block * BLOCK_ROWS;
    int rows = Math.min(BLOCK_ROWS, size - first);
    for (int j = 0; j < rows; j++) {
      float similarity = scores[j];
      int row = first + j;
      if (similarity >= minSimilarity && similarity >= heaps.threshold(heap) && row != excludedRow
          && !zero[row]) {
        heaps.offer(heap, row, similarity);
      }
    }
  }
}

package org.seqnlp.vectors;

import org.seqnlp.vectors.kernels.VectorKernels;

/**
 * The neighbour-table search for SIMD kernels: exact similarities of batches of rows against the whole
 * vocabulary, computed as a matrix product. The unit vectors are copied into panels of {@value
 * #PANEL_ROWS} rows, dimension-major inside a panel, so that the kernel scores two query rows against a
 * panel with every panel value loaded once; a batch goes through the panels in order, so a panel is
 * read from memory once for the whole batch and stays in the first-level cache while it is scored.
 * Holds the panel copy (as large as the vectors) for the time of a build.
 */
final class PanelScan implements TableSearch {

  private static final int PANEL_ROWS = VectorKernels.PANEL_ROWS;

  private final UnitVectors unit;
  private final VectorKernels kernels;
  /** {@code panels[(panel * dimension + d) * PANEL_ROWS + j]}: component d of row panel*PANEL_ROWS+j. */
  private final float[] panels;

  PanelScan(UnitVectors unit, VectorKernels kernels) {
    this.unit = unit;
    this.kernels = kernels;
    int dimension = unit.dimension;
    int panelCount = (unit.size + PANEL_ROWS - 1) / PANEL_ROWS;
    this.panels = new float[Math.multiplyExact(panelCount * PANEL_ROWS, dimension)];
    for (int row = 0; row < unit.size; row++) {
      int at = (row / PANEL_ROWS) * dimension * PANEL_ROWS + row % PANEL_ROWS;
      for (int d = 0; d < dimension; d++, at += PANEL_ROWS) {
        panels[at] = unit.values[row * dimension + d];
      }
    }
  }

  @Override
  public void searchRows(int firstRow, int rows, NeighbourHeaps heaps) {
    int dimension = unit.dimension;
    float[] scores = new float[2 * PANEL_ROWS];
    for (int panel = 0, first = 0; first < unit.size; panel++, first += PANEL_ROWS) {
      long valid = unit.size - first >= PANEL_ROWS ? -1L >>> 32 : (1L << (unit.size - first)) - 1;
      for (int i = 0; i < rows; i += 2) {
        // An odd last row is scored twice; its second heap is the first's, and its bits are dropped.
        int second = Math.min(i + 1, rows - 1);
        long candidates = kernels.panelCandidates(unit.values, (firstRow + i) * dimension,
            (firstRow + second) * dimension, dimension, panels, panel * dimension * PANEL_ROWS,
            threshold(firstRow + i, heaps, i), threshold(firstRow + second, heaps, second), scores);
        offer(candidates & valid, scores, 0, first, firstRow + i, heaps, i);
        if (second != i) {
          offer(candidates >>> PANEL_ROWS & valid, scores, PANEL_ROWS, first, firstRow + second, heaps, second);
        }
      }
    }
  }

  /** What a score must reach to enter the heap: never anything for a zero row, which has no neighbours. */
  private float threshold(int row, NeighbourHeaps heaps, int heap) {
    return unit.isZero(row) ? Float.POSITIVE_INFINITY : heaps.threshold(heap);
  }

  private void offer(long candidates, float[] scores, int scoresOffset, int firstRow, int queryRow,
      NeighbourHeaps heaps, int heap) {
    for (; candidates != 0; candidates &= candidates - 1) {
      int j = Long.numberOfTrailingZeros(candidates);
      int row = firstRow + j;
      float similarity = scores[scoresOffset + j];
      if (row != queryRow && !unit.isZero(row) && similarity >= heaps.threshold(heap)) {
        heaps.offer(heap, row, similarity);
      }
    }
  }
}

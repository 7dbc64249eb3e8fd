package org.seqnlp.vectors;

import java.util.Arrays;
import org.seqnlp.vectors.kernels.VectorKernels;

/**
 * The scan for SIMD kernels: a first pass over 7-bit codes of the unit vectors (a quarter of the bytes
 * of the floats, summed in 16-bit lanes) bounds every similarity from above and below, and only the
 * rows whose upper bound reaches the k-th best lower bound are scored exactly, from the unit vectors,
 * best bound first. The bounds are rigorous, so the neighbours and similarities are those of the plain
 * scan, bit for bit.
 *
 * <p>The bound: with a row {@code x = sx * cx + ex} and the query {@code q = sq * cq + eq} (scales s,
 * integer codes c, rounding errors e), {@code q.x = sq sx (cq.cx) + sq cq.ex + eq.x}, so {@code
 * |q.x - sq sx (cq.cx)| <= |sq cq| |ex| + |eq|} for a unit x. The row's {@code |ex|} is its slack, kept
 * beside its scale; a small margin covers float rounding. Row codes go up to {@value
 * VectorKernels#MAX_ROW_CODE}, query codes to {@value VectorKernels#MAX_QUERY_CODE}: the bound is about
 * 0.05 wide, far below the gap between a word's nearest neighbours and the bulk of the vocabulary, so a
 * search scores a few dozen rows exactly instead of all of them.
 */
final class CodeScan implements VocabularyScan {

  private static final int BLOCK_ROWS = VectorKernels.CODE_BLOCK_ROWS;

  private final VectorKernels kernels;
  private final UnitVectors unit;
  /** {@code codes[(block * dimension + d) * BLOCK_ROWS + j]}: code d of row block*BLOCK_ROWS+j. */
  private final byte[] codes;
  private final float[] rowScales;
  private final float[] rowSlacks;
  /** Covers float rounding in the exact score (dimension ulps) and in the bound. */
  private final float margin;

  CodeScan(UnitVectors unit, VectorKernels kernels) {
    this.kernels = kernels;
    this.unit = unit;
    int dimension = unit.dimension;
    int blocks = (unit.size + BLOCK_ROWS - 1) / BLOCK_ROWS;
    this.codes = new byte[Math.multiplyExact(blocks * BLOCK_ROWS, dimension)];
    this.rowScales = new float[blocks * BLOCK_ROWS];
    this.rowSlacks = new float[rowScales.length];
    this.margin = (dimension + 8) * 0x1p-23f;
    for (int row = 0; row < unit.size; row++) {
      int first = row * dimension;
      float scale = maxMagnitude(unit.values, first, dimension) / VectorKernels.MAX_ROW_CODE;
      double squaredError = 0;
      int at = ((row / BLOCK_ROWS) * dimension) * BLOCK_ROWS + row % BLOCK_ROWS;
      for (int d = 0; d < dimension; d++, at += BLOCK_ROWS) {
        int code = code(unit.values[first + d], scale, VectorKernels.MAX_ROW_CODE);
        codes[at] = (byte) code;
        double error = unit.values[first + d] - (double) scale * code;
        squaredError += error * error;
      }
      rowScales[row] = scale;
      rowSlacks[row] = roundedUp(Math.sqrt(squaredError));
    }
  }

  @Override
  public float[] unitVector(int row) {
    return unit.row(row);
  }

  @Override
  public boolean isZero(int row) {
    return unit.isZero(row);
  }

  @Override
  public float score(float[] unitQuery, int row) {
    return unit.score(unitQuery, row);
  }

  /**
   * Two passes: the code pass keeps every row whose upper bound reaches the larger of {@code
   * minSimilarity} and the k-th best lower bound so far (k rows at least that similar exist, so no row
   * below it can be among the k best), then the kept rows are scored exactly, highest upper bound first,
   * until the next upper bound falls below the heap's threshold. Exact scores thus go to little more than
   * the rows whose bound overlaps the k-th best similarity, whatever the order of the vocabulary.
   */
  @Override
  public void search(float[] unitQuery, int excludedRow, float minSimilarity, NeighbourHeaps heaps, int heap) {
    int dimension = unit.dimension;
    float max = maxMagnitude(unitQuery, 0, dimension);
    if (max == 0 || heaps.k() == 0) {
      return;
    }
    float queryScale = max / VectorKernels.MAX_QUERY_CODE;
    short[] query = new short[dimension];
    double squaredNorm = 0;
    double squaredError = 0;
    for (int d = 0; d < dimension; d++) {
      query[d] = (short) code(unitQuery[d], queryScale, VectorKernels.MAX_QUERY_CODE);
      double approximation = (double) queryScale * query[d];
      squaredNorm += approximation * approximation;
      squaredError += (unitQuery[d] - approximation) * (unitQuery[d] - approximation);
    }
    float queryNorm = roundedUp(Math.sqrt(squaredNorm));
    double slack = Math.sqrt(squaredError) + margin;
    NeighbourHeaps lowerBounds = new NeighbourHeaps(1, heaps.k());
    int[] sums = new int[BLOCK_ROWS];
    long[] candidates = new long[BLOCK_ROWS];
    int count = 0;
    for (int block = 0, first = 0; first < unit.size; block++, first += BLOCK_ROWS) {
      double needed = floor(minSimilarity, heaps.threshold(heap), lowerBounds.threshold(0)) - slack;
      long rows = kernels.codeCandidates(codes, block * dimension * BLOCK_ROWS, query, dimension, rowScales,
          rowSlacks, first, queryScale, queryNorm, (float) needed, sums);
      if (unit.size - first < BLOCK_ROWS) {
        rows &= (1L << (unit.size - first)) - 1;
      }
      for (; rows != 0; rows &= rows - 1) {
        int j = Long.numberOfTrailingZeros(rows);
        int row = first + j;
        if (row == excludedRow || unit.isZero(row)) {
          continue;
        }
        // In double, whose rounding the margin's spare ulps cover: bounds of the float score.
        double centre = (double) sums[j] * queryScale * rowScales[row];
        double width = (double) queryNorm * rowSlacks[row] + slack;
        lowerBounds.offer(0, row, roundedDown(centre - width));
        if (count == candidates.length) {
          candidates = Arrays.copyOf(candidates, 2 * count);
        }
        candidates[count++] = candidate(row, roundedUp(centre + width));
      }
    }
    double floor = floor(minSimilarity, heaps.threshold(heap), lowerBounds.threshold(0));
    int kept = 0;
    for (int i = 0; i < count; i++) {
      if (upperBound(candidates[i]) >= floor) {
        candidates[kept++] = candidates[i];
      }
    }
    Arrays.sort(candidates, 0, kept);
    for (int i = 0; i < kept; i++) {
      float threshold = Math.max(minSimilarity, heaps.threshold(heap));
      if (upperBound(candidates[i]) < threshold) {
        return;
      }
      int row = (int) candidates[i];
      float similarity = unit.score(unitQuery, row);
      if (similarity >= threshold) {
        heaps.offer(heap, row, similarity);
      }
    }
  }

  private static double floor(float minSimilarity, float heapThreshold, float lowerBound) {
    return Math.max(minSimilarity, Math.max(heapThreshold, lowerBound));
  }

  /** A row and its upper bound in one long that sorts by bound, highest first, then by row. */
  private static long candidate(int row, float upperBound) {
    return (long) ~sortable(upperBound) << 32 | row;
  }

  private static float upperBound(long candidate) {
    int sortable = ~(int) (candidate >> 32);
    return Float.intBitsToFloat(sortable ^ (sortable >> 31) & 0x7fffffff);
  }

  /** An int that orders as the float does (as Lucene's {@code NumericUtils.floatToSortableInt}). */
  private static int sortable(float value) {
    int bits = Float.floatToIntBits(value);
    return bits ^ (bits >> 31) & 0x7fffffff;
  }

  /** Exact scores by panels (a panel copy of the unit vectors for the time of the build). */
  @Override
  public TableSearch tableSearch() {
    return new PanelScan(unit, kernels);
  }

  private static int code(float value, float scale, int limit) {
    return Math.max(-limit, Math.min(limit, Math.round(value / scale)));
  }

  private static float maxMagnitude(float[] values, int from, int length) {
    float max = 0;
    for (int i = from; i < from + length; i++) {
      max = Math.max(max, Math.abs(values[i]));
    }
    return max;
  }

  /** The float nearest above {@code value}, so that a bound stays a bound. */
  private static float roundedUp(double value) {
    float rounded = (float) value;
    return rounded < value ? Math.nextUp(rounded) : rounded;
  }

  /** The float nearest below {@code value}. */
  private static float roundedDown(double value) {
    float rounded = (float) value;
    return rounded > value ? Math.nextDown(rounded) : rounded;
  }
}

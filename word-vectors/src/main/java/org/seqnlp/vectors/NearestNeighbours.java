package org.seqnlp.vectors;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.seqnlp.progress.Progress;

/**
 * Exact nearest neighbours by cosine similarity: a scan of the whole vocabulary per query over a copy
 * of the vectors normalised to unit length once, at construction (so a dot product is the cosine).
 * Zero vectors stay zero; they are never returned as neighbours and have none themselves.
 *
 * <p>The copy is stored by blocks of {@value #BLOCK_ROWS} rows, one array per block and dimension, so
 * that scoring a block is a loop of {@code scores[j] += query[d] * column[j]} over two arrays with the
 * same index: the form the JIT compiles to SIMD instructions (a dot product per row, being a sum, is
 * not vectorised by Java 17). That halves the time of a scan, which streams the whole matrix.
 *
 * <p>Thread-safe. A query allocates O(k + {@value #BLOCK_ROWS} + dimension), whatever the vocabulary.
 */
public final class NearestNeighbours implements NeighbourLookup {

  /** Rows per block: long enough for the SIMD loop, short enough that a block stays in cache. */
  static final int BLOCK_ROWS = 1024;

  private final WordVectors vectors;
  private final int size;
  private final int dimension;
  /** {@code columns[block * dimension + d][j]}: component d of the unit vector of row block*BLOCK_ROWS+j. */
  private final float[][] columns;
  private final boolean[] zero;

  public NearestNeighbours(WordVectors vectors) {
    this.vectors = Objects.requireNonNull(vectors, "vectors");
    this.size = vectors.size();
    this.dimension = vectors.dimension();
    int blocks = (size + BLOCK_ROWS - 1) / BLOCK_ROWS;
    this.columns = new float[blocks * dimension][BLOCK_ROWS];
    this.zero = new boolean[size];
    float[] matrix = vectors.matrix();
    for (int row = 0; row < size; row++) {
      double scale = inverseNorm(matrix, row * dimension, dimension);
      zero[row] = scale == 0;
      int base = (row / BLOCK_ROWS) * dimension;
      for (int component = 0; component < dimension; component++) {
        columns[base + component][row % BLOCK_ROWS] = (float) (matrix[row * dimension + component] * scale);
      }
    }
  }

  @Override
  public WordVectors vectors() {
    return vectors;
  }

  @Override
  public List<Neighbour> nearest(String word, int k, float minSimilarity) {
    requireNonNegative(k);
    int row = vectors.indexOf(word);
    return row < 0 ? List.of() : nearest(row, k, minSimilarity);
  }

  /** As {@link #nearest(String, int, float)} for the word in row {@code row}. */
  public List<Neighbour> nearest(int row, int k, float minSimilarity) {
    Objects.checkIndex(row, size);
    NeighbourHeaps best = new NeighbourHeaps(1, requireNonNegative(k));
    search(unitVector(row), row, minSimilarity, best);
    return best.drainBestFirst(0, vectors);
  }

  /**
   * The at most {@code k} words most similar to {@code vector} (which need not be normalised), most
   * similar first, with similarity at least {@code minSimilarity}; empty for a zero vector.
   */
  public List<Neighbour> nearest(float[] vector, int k, float minSimilarity) {
    if (vector.length != dimension) {
      throw new IllegalArgumentException("query vector has " + vector.length + " dimensions, the space "
          + dimension);
    }
    NeighbourHeaps best = new NeighbourHeaps(1, requireNonNegative(k));
    double scale = inverseNorm(vector, 0, dimension);
    if (scale != 0) {
      float[] unit = new float[dimension];
      for (int component = 0; component < dimension; component++) {
        unit[component] = (float) (vector[component] * scale);
      }
      search(unit, -1, minSimilarity, best);
    }
    return best.drainBestFirst(0, vectors);
  }

  /**
   * The cosine similarity of the words in rows {@code a} and {@code b}, exactly as searches compute it;
   * 0 when either vector is zero.
   */
  public float similarity(int a, int b) {
    Objects.checkIndex(a, size);
    Objects.checkIndex(b, size);
    float[] unitA = unitVector(a);
    int base = (b / BLOCK_ROWS) * dimension;
    float similarity = 0;
    for (int component = 0; component < dimension; component++) {
      similarity += unitA[component] * columns[base + component][b % BLOCK_ROWS];
    }
    return clampToOne(similarity);
  }

  /**
   * Computes the {@code k} nearest neighbours of every word, on all available processors: a vocabulary
   * scan per word, so O(words^2 x dimension) in all, with each block of vectors scored against a batch
   * of words while it is in cache.
   *
   * @param progress advanced by one per word done; not closed
   * @throws java.util.concurrent.CancellationException when the calling thread is interrupted
   */
  public NeighbourTable table(int k, Progress progress) {
    return NeighbourTable.build(this, k, progress);
  }

  int size() {
    return size;
  }

  /** A copy of the unit vector of {@code row} (zeros for a zero vector). */
  float[] unitVector(int row) {
    float[] unit = new float[dimension];
    int base = (row / BLOCK_ROWS) * dimension;
    for (int component = 0; component < dimension; component++) {
      unit[component] = columns[base + component][row % BLOCK_ROWS];
    }
    return unit;
  }

  /**
   * Searches for several queries at once, block by block so that each block is read from memory once
   * for all of them: the neighbours of {@code queries[i]}, the unit vector of row {@code queryRows[i]}
   * (or of no row, -1), are offered to heap i of {@code heaps}. The zero vector of a row has none.
   */
  void searchBatch(float[][] queries, int[] queryRows, float minSimilarity, NeighbourHeaps heaps) {
    float[] scores = new float[BLOCK_ROWS];
    for (int block = 0; block * BLOCK_ROWS < size; block++) {
      for (int query = 0; query < queries.length; query++) {
        if (queryRows[query] >= 0 && zero[queryRows[query]]) {
          continue;
        }
        scoreBlock(queries[query], block, scores);
        offerBlock(scores, block, queryRows[query], minSimilarity, heaps, query);
      }
    }
  }

  private void search(float[] unitQuery, int excludedRow, float minSimilarity, NeighbourHeaps best) {
    searchBatch(new float[][] {unitQuery}, new int[] {excludedRow}, minSimilarity, best);
  }

  /** Sets {@code scores[j]} to the dot product of {@code query} and row {@code block*BLOCK_ROWS+j}. */
  private void scoreBlock(float[] query, int block, float[] scores) {
    Arrays.fill(scores, 0);
    int base = block * dimension;
    for (int component = 0; component < dimension; component++) {
      float weight = query[component];
      float[] column = columns[base + component];
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
        heaps.offer(heap, row, clampToOne(similarity));
      }
    }
  }

  /** 1 / the Euclidean norm of {@code values[from, from+length)}, or 0 for a zero vector. */
  private static double inverseNorm(float[] values, int from, int length) {
    double squares = 0;
    for (int i = from; i < from + length; i++) {
      squares += (double) values[i] * values[i];
    }
    return squares == 0 ? 0 : 1 / Math.sqrt(squares);
  }

  /** Rounding can take the similarity of two parallel vectors a hair past 1. */
  private static float clampToOne(float similarity) {
    return Math.min(similarity, 1f);
  }

  static int requireNonNegative(int k) {
    if (k < 0) {
      throw new IllegalArgumentException("number of neighbours must not be negative, got " + k);
    }
    return k;
  }
}

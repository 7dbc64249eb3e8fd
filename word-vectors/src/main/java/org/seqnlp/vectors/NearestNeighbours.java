package org.seqnlp.vectors;

import java.util.List;
import java.util.Objects;
import org.seqnlp.progress.Progress;
import org.seqnlp.vectors.kernels.VectorKernels;
import org.seqnlp.vectors.kernels.Vectorization;

/**
 * Exact nearest neighbours by cosine similarity, over a copy of the vectors normalised to unit length
 * once, at construction (so a dot product is the cosine). Zero vectors stay zero; they are never
 * returned as neighbours and have none themselves.
 *
 * <p>With SIMD kernels ({@link Vectorization}) a search first bounds every similarity from 7-bit codes
 * and scores exactly only the rows that could be among the best ({@link CodeScan}); without them it
 * scores every row ({@link ColumnScan}). Both give the same neighbours with the same similarities.
 *
 * <p>Thread-safe. A query allocates O(k + dimension + 1024), plus, with the code scan, 8 bytes for each
 * row whose code bound it cannot rule out.
 */
public final class NearestNeighbours implements NeighbourLookup {

  private final WordVectors vectors;
  private final int size;
  private final int dimension;
  private final VocabularyScan scan;

  /** A search with the kernels {@link Vectorization#kernels()} chose. */
  public NearestNeighbours(WordVectors vectors) {
    this(vectors, Vectorization.kernels());
  }

  /** A search with the given kernels: the code scan if they are SIMD, the plain scan otherwise. */
  public NearestNeighbours(WordVectors vectors, VectorKernels kernels) {
    this.vectors = Objects.requireNonNull(vectors, "vectors");
    this.size = vectors.size();
    this.dimension = vectors.dimension();
    UnitVectors unit = new UnitVectors(vectors);
    this.scan = kernels.isVectorized() ? new CodeScan(unit, kernels) : new ColumnScan(unit);
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
    if (!scan.isZero(row)) {
      scan.search(scan.unitVector(row), row, minSimilarity, best, 0);
    }
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
    float[] unitQuery = UnitVectors.unit(vector);
    if (unitQuery != null) {
      scan.search(unitQuery, -1, minSimilarity, best, 0);
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
    return Math.min(scan.score(scan.unitVector(a), b), 1f);
  }

  /**
   * Computes the {@code k} nearest neighbours of every word, on all available processors: a search per
   * word, so O(words^2 x dimension) in all with the plain scan, each block of vectors scored against a
   * batch of words while it is in cache.
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

  /** {@link VocabularyScan#tableSearch} of the scan this search uses. */
  TableSearch tableSearch() {
    return scan.tableSearch();
  }

  static int requireNonNegative(int k) {
    if (k < 0) {
      throw new IllegalArgumentException("number of neighbours must not be negative, got " + k);
    }
    return k;
  }
}

package org.seqnlp.vectors;

import java.util.Arrays;
import java.util.Objects;

/**
 * Vectors of the {@link CharacterNgrams} buckets of a subword model, from which any word gets a vector:
 * the mean of the rows of its n-grams, as fastText gives words outside its vocabulary. Immutable and
 * safe to share between threads.
 */
public final class SubwordVectors {

  private final CharacterNgrams ngrams;
  private final int dimension;
  private final float[] matrix;

  /**
   * @param matrix {@code ngrams.buckets() * dimension} values, row-major, one row per bucket; taken over,
   *     not copied
   */
  public SubwordVectors(CharacterNgrams ngrams, int dimension, float[] matrix) {
    this.ngrams = Objects.requireNonNull(ngrams, "ngrams");
    if (dimension <= 0 || (long) ngrams.buckets() * dimension != matrix.length) {
      throw new IllegalArgumentException("bucket matrix holds " + matrix.length + " values, expected "
          + ngrams.buckets() + " buckets x " + dimension + " dimensions");
    }
    this.dimension = dimension;
    this.matrix = matrix;
  }

  public CharacterNgrams ngrams() {
    return ngrams;
  }

  public int dimension() {
    return dimension;
  }

  /** The mean of the bucket rows of {@code word}'s n-grams, or null when it has no n-gram. */
  public float[] vector(String word) {
    int[] buckets = ngrams.bucketsOf(word);
    if (buckets.length == 0) {
      return null;
    }
    float[] sum = new float[dimension];
    for (int bucket : buckets) {
      for (int k = 0, from = bucket * dimension; k < dimension; k++) {
        sum[k] += matrix[from + k];
      }
    }
    for (int k = 0; k < dimension; k++) {
      sum[k] /= buckets.length;
    }
    return sum;
  }

  /** A copy of the bucket rows, row-major: for writers, which need the whole matrix at once. */
  public float[] copyOfMatrix() {
    return Arrays.copyOf(matrix, matrix.length);
  }
}

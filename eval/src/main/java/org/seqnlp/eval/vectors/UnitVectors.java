package org.seqnlp.eval.vectors;

import java.util.Locale;
import org.seqnlp.vectors.WordVectors;

/**
 * The rows of a {@link WordVectors} scaled to unit length, so that a dot product is a cosine. Test-set
 * words are looked up as written, then lowercased, so that lowercased vectors still answer
 * "Athens Greece" and case-preserving ones keep their capitals.
 */
public final class UnitVectors {

  private final WordVectors vectors;
  private final int dimension;
  private final float[] matrix;

  public UnitVectors(WordVectors vectors) {
    this.vectors = vectors;
    this.dimension = vectors.dimension();
    this.matrix = new float[vectors.size() * dimension];
    for (int row = 0; row < vectors.size(); row++) {
      double norm = 0;
      for (int k = 0; k < dimension; k++) {
        float value = vectors.get(row, k);
        norm += value * value;
      }
      float scale = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0f;
      for (int k = 0; k < dimension; k++) {
        matrix[row * dimension + k] = vectors.get(row, k) * scale;
      }
    }
  }

  public int size() {
    return vectors.size();
  }

  public String word(int row) {
    return vectors.word(row);
  }

  /** The row of {@code word} as written, else lowercased, else -1. */
  public int find(String word) {
    int row = vectors.indexOf(word);
    return row >= 0 ? row : vectors.indexOf(word.toLowerCase(Locale.ROOT));
  }

  /** Cosine similarity of two rows. */
  public float cosine(int row, int other) {
    return dot(matrix, row * dimension, matrix, other * dimension);
  }

  /** Cosine similarity of {@code row} with each of the first {@code limit} rows. */
  public float[] cosines(int row, int limit) {
    float[] result = new float[Math.min(limit, size())];
    for (int other = 0; other < result.length; other++) {
      result[other] = dot(matrix, row * dimension, matrix, other * dimension);
    }
    return result;
  }

  /** A copy of the unit vector in {@code row}. */
  public float[] vector(int row) {
    float[] copy = new float[dimension];
    System.arraycopy(matrix, row * dimension, copy, 0, dimension);
    return copy;
  }

  private float dot(float[] a, int aOffset, float[] b, int bOffset) {
    float sum = 0;
    for (int k = 0; k < dimension; k++) {
      sum += a[aOffset + k] * b[bOffset + k];
    }
    return sum;
  }
}

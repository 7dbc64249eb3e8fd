package org.seqnlp.vectors;

/**
 * The vectors of a space scaled to unit length, row-major, so that a dot product is the cosine; zero
 * vectors stay zero and are flagged. {@link #score} is the one definition of a similarity that every
 * scan reproduces bit for bit: products summed in dimension order, each rounded to float.
 */
final class UnitVectors {

  final int size;
  final int dimension;
  /** {@code values[row * dimension + d]}. */
  final float[] values;
  private final boolean[] zero;

  UnitVectors(WordVectors vectors) {
    this.size = vectors.size();
    this.dimension = vectors.dimension();
    this.values = new float[size * dimension];
    this.zero = new boolean[size];
    float[] matrix = vectors.matrix();
    for (int row = 0; row < size; row++) {
      double scale = inverseNorm(matrix, row * dimension, dimension);
      zero[row] = scale == 0;
      for (int at = row * dimension; at < (row + 1) * dimension; at++) {
        values[at] = (float) (matrix[at] * scale);
      }
    }
  }

  boolean isZero(int row) {
    return zero[row];
  }

  /** A copy of the unit vector of {@code row}. */
  float[] row(int row) {
    float[] unit = new float[dimension];
    System.arraycopy(values, row * dimension, unit, 0, dimension);
    return unit;
  }

  /** The similarity of the unit vector {@code query} and {@code row}. */
  float score(float[] query, int row) {
    float score = 0;
    for (int d = 0, at = row * dimension; d < dimension; d++, at++) {
      score += query[d] * values[at];
    }
    return score;
  }

  /** {@code vector} scaled to unit length, or null for a zero vector. */
  static float[] unit(float[] vector) {
    double scale = inverseNorm(vector, 0, vector.length);
    if (scale == 0) {
      return null;
    }
    float[] unit = new float[vector.length];
    for (int d = 0; d < vector.length; d++) {
      unit[d] = (float) (vector[d] * scale);
    }
    return unit;
  }

  /** 1 / the Euclidean norm of {@code values[from, from+length)}, or 0 for a zero vector. */
  static double inverseNorm(float[] values, int from, int length) {
    double squares = 0;
    for (int i = from; i < from + length; i++) {
      squares += (double) values[i] * values[i];
    }
    return squares == 0 ? 0 : 1 / Math.sqrt(squares);
  }
}

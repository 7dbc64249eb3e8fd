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
      zero[row] = copyUnit(matrix, row * dimension, dimension, values, row * dimension) == 0;
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
    float[] unit = new float[vector.length];
    return copyUnit(vector, 0, vector.length, unit, 0) == 0 ? null : unit;
  }

  /**
   * Writes {@code from[fromOffset, fromOffset+length)} scaled to unit length into {@code to} at {@code toOffset};
   * a zero vector stays zero.
   *
   * @return the scale applied, 1 / the norm, or 0 for a zero vector
   */
  static double copyUnit(float[] from, int fromOffset, int length, float[] to, int toOffset) {
    double scale = inverseNorm(from, fromOffset, length);
    for (int d = 0; d < length; d++) {
      to[toOffset + d] = (float) (from[fromOffset + d] * scale);
    }
    return scale;
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

package org.seqnlp.vectors;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Reproducible random vector spaces for tests. */
public final class RandomVectors {

  private RandomVectors() {}

  /** {@code size} words "w0", "w1", ... with Gaussian components. */
  public static WordVectors gaussian(int size, int dimension, long seed) {
    Random random = new Random(seed);
    List<String> words = new ArrayList<>(size);
    float[] matrix = new float[size * dimension];
    for (int row = 0; row < size; row++) {
      words.add("w" + row);
      for (int component = 0; component < dimension; component++) {
        matrix[row * dimension + component] = (float) random.nextGaussian();
      }
    }
    return new WordVectors(words, dimension, matrix);
  }

  /** The whole matrix, row after row, for comparisons. */
  public static float[] values(WordVectors vectors) {
    return vectors.matrix().clone();
  }
}

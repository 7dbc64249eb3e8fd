package org.seqnlp.io.tensor;

import java.util.Arrays;

/** A named float array with a shape, row-major: the unit in which trained weights are stored. */
public record Tensor(String name, int[] shape, float[] values) {

  public Tensor {
    requireSize(name, shape, values.length);
  }

  /** Checks that {@code shape} has no negative dimension and holds {@code values} values. */
  static void requireSize(String name, int[] shape, int values) {
    long size = 1;
    for (int dimension : shape) {
      if (dimension < 0) {
        throw new IllegalArgumentException(name + ": negative dimension in " + Arrays.toString(shape));
      }
      size *= dimension;
    }
    if (size != values) {
      throw new IllegalArgumentException(name + ": shape " + Arrays.toString(shape) + " needs " + size
          + " values, got " + values);
    }
  }
}

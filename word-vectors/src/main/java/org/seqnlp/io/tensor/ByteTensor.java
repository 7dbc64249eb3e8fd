package org.seqnlp.io.tensor;

import java.util.Arrays;

/**
 * A named array of signed 8-bit integers with a shape, row-major: weights stored at a quarter of their
 * float size (e.g. quantized embedding rows, whose scales are a {@link Tensor} of their own).
 */
public record ByteTensor(String name, int[] shape, byte[] values) {

  public ByteTensor {
    long size = 1;
    for (int dimension : shape) {
      if (dimension < 0) {
        throw new IllegalArgumentException(name + ": negative dimension in " + Arrays.toString(shape));
      }
      size *= dimension;
    }
    if (size != values.length) {
      throw new IllegalArgumentException(name + ": shape " + Arrays.toString(shape) + " needs " + size
          + " values, got " + values.length);
    }
  }
}

package org.seqnlp.opennlp.nn;

import java.util.Arrays;

/**
 * A named float array with a shape, row-major.
 *
 * @deprecated the language-model code's name for {@link org.seqnlp.io.tensor.Tensor}; see {@link TensorFile}
 */
@Deprecated(forRemoval = true)
public record Tensor(String name, int[] shape, float[] values) {

  public Tensor {
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

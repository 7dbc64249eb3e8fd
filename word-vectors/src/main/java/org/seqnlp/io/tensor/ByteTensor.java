package org.seqnlp.io.tensor;

/**
 * A named array of signed 8-bit integers with a shape, row-major: weights stored at a quarter of their
 * float size (e.g. quantized embedding rows, whose scales are a {@link Tensor} of their own).
 */
public record ByteTensor(String name, int[] shape, byte[] values) {

  public ByteTensor {
    Tensor.requireShape(name, shape, values.length);
  }
}

package org.seqnlp.io.tensor;

/**
 * A named array of signed bytes with a shape, row-major: the unit in which weights quantised to 8 bits
 * are stored (see {@link Int8Rows}), a quarter of the size of a {@link Tensor}.
 */
public record ByteTensor(String name, int[] shape, byte[] values) {

  public ByteTensor {
    Tensor.requireSize(name, shape, values.length);
  }
}

package org.seqnlp.opennlp.namefind.network;

import org.seqnlp.io.tensor.Int8Rows;

/**
 * Embedding rows as signed 8-bit integers with one float scale per row, symmetric around zero: value
 * {@code q * scale}, with {@code scale = max|x| / 127} of the row it was made from. A row's scale follows its
 * own largest value, so rare words with small vectors keep their precision; the rounding error of a value
 * is at most half a scale. Rows are turned back into floats when looked up ({@code dimension}
 * multiplications per token the network has not cached, against the BiLSTM's 200,000 multiply-adds per
 * token at the shipped sizes), so the table stays a quarter of its float size in memory too.
 */
final class Int8EmbeddingTable implements EmbeddingTable {

  private final byte[] values;
  private final float[] scales;
  private final int dimension;

  /**
   * @param values {@code scales.length x dimension}, row-major, used as it is
   * @param scales per row, finite and not negative, used as it is
   */
  Int8EmbeddingTable(byte[] values, float[] scales, int dimension) {
    if ((long) scales.length * dimension != values.length) {
      throw new IllegalArgumentException("8-bit word embeddings have " + values.length + " values, expected "
          + scales.length + " rows x " + dimension);
    }
    for (int row = 0; row < scales.length; row++) {
      if (!(scales[row] >= 0 && scales[row] < Float.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException("the scale of word-embedding row " + row + " is " + scales[row]
            + ", not a finite number of at least 0");
      }
    }
    this.values = values;
    this.scales = scales;
    this.dimension = dimension;
  }

  /** {@code table}'s rows rounded to 8 bits each by {@link Int8Rows#quantize}, the project's one 8-bit rounding. */
  static Int8EmbeddingTable quantize(EmbeddingTable table) {
    int dimension = table.dimension();
    float[] matrix = new float[table.rows() * dimension];
    for (int row = 0; row < table.rows(); row++) {
      table.copyRow(row, matrix, row * dimension);
    }
    Int8Rows rows = Int8Rows.quantize(matrix, table.rows(), dimension);
    return new Int8EmbeddingTable(rows.values(), rows.scales(), dimension);
  }

  byte[] values() {
    return values;
  }

  float[] scales() {
    return scales;
  }

  @Override
  public int rows() {
    return scales.length;
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public int bits() {
    return Byte.SIZE;
  }

  @Override
  public void copyRow(int row, float[] out, int offset) {
    float scale = scales[row];
    int from = row * dimension;
    for (int d = 0; d < dimension; d++) {
      out[offset + d] = values[from + d] * scale;
    }
  }
}

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

  private final Int8Rows table;

  /** @param table one row per word, its scales checked as {@link Int8Rows#from} checks what it reads */
  Int8EmbeddingTable(Int8Rows table) {
    this.table = table;
  }

  /** {@code table}'s rows rounded to 8 bits each by {@link Int8Rows#quantize}, the project's one 8-bit rounding. */
  static Int8EmbeddingTable quantize(EmbeddingTable table) {
    int dimension = table.dimension();
    float[] matrix = new float[table.rows() * dimension];
    for (int row = 0; row < table.rows(); row++) {
      table.copyRow(row, matrix, row * dimension);
    }
    return new Int8EmbeddingTable(Int8Rows.quantize(matrix, table.rows(), dimension));
  }

  Int8Rows int8Rows() {
    return table;
  }

  @Override
  public int rows() {
    return table.rows();
  }

  @Override
  public int dimension() {
    return table.columns();
  }

  @Override
  public int bits() {
    return Byte.SIZE;
  }

  @Override
  public void copyRow(int row, float[] out, int offset) {
    float scale = table.scales()[row];
    byte[] values = table.values();
    int dimension = table.columns();
    int from = row * dimension;
    for (int d = 0; d < dimension; d++) {
      out[offset + d] = values[from + d] * scale;
    }
  }
}

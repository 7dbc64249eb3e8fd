package org.seqnlp.opennlp.namefind.network;

/**
 * Embedding rows as signed 8-bit integers with one float scale per row, symmetric around zero: value
 * {@code q * scale}, with {@code scale = max|x| / 127} of the row it was made from. A row's scale follows its
 * own largest value, so rare words with small vectors keep their precision; the rounding error of a value
 * is at most half a scale. Rows are turned back into floats when looked up ({@code dimension}
 * multiplications per token the network has not cached, against the BiLSTM's 200,000 multiply-adds per
 * token at the shipped sizes), so the table stays a quarter of its float size in memory too.
 */
final class Int8EmbeddingTable implements EmbeddingTable {

  /** The largest magnitude a value is quantized to; -128 is left out so that the range is symmetric. */
  static final int LEVELS = 127;

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

  /** {@code table}'s rows rounded to 8 bits each, with the scale of each row from its largest magnitude. */
  static Int8EmbeddingTable quantize(EmbeddingTable table) {
    int rows = table.rows();
    int dimension = table.dimension();
    byte[] values = new byte[rows * dimension];
    float[] scales = new float[rows];
    float[] row = new float[dimension];
    for (int r = 0; r < rows; r++) {
      table.copyRow(r, row, 0);
      float max = 0f;
      for (float x : row) {
        max = Math.max(max, Math.abs(x));
      }
      float scale = max / LEVELS;
      scales[r] = scale;
      if (scale == 0f) {
        continue;
      }
      for (int d = 0; d < dimension; d++) {
        values[r * dimension + d] = (byte) Math.max(-LEVELS, Math.min(LEVELS, Math.round(row[d] / scale)));
      }
    }
    return new Int8EmbeddingTable(values, scales, dimension);
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

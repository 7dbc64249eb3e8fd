package org.seqnlp.opennlp.namefind.network;

import org.seqnlp.opennlp.nn.VectorMath;

/** Embedding rows as floats, row-major in one array that the trainer may update in place between steps. */
final class FloatEmbeddingTable implements EmbeddingTable {

  private final float[] values;
  private final int rows;
  private final int dimension;

  /** @param values {@code rows x dimension}, row-major, used as it is */
  FloatEmbeddingTable(float[] values, int rows, int dimension) {
    VectorMath.requireLength("word embeddings", values, (long) rows * dimension);
    this.values = values;
    this.rows = rows;
    this.dimension = dimension;
  }

  static FloatEmbeddingTable copyOf(EmbeddingTable table) {
    float[] values = new float[table.rows() * table.dimension()];
    for (int row = 0; row < table.rows(); row++) {
      table.copyRow(row, values, row * table.dimension());
    }
    return new FloatEmbeddingTable(values, table.rows(), table.dimension());
  }

  float[] values() {
    return values;
  }

  @Override
  public int rows() {
    return rows;
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public int bits() {
    return Float.SIZE;
  }

  @Override
  public void copyRow(int row, float[] out, int offset) {
    System.arraycopy(values, row * dimension, out, offset, dimension);
  }
}

package org.seqnlp.opennlp.namefind.network;

/**
 * The word-embedding rows of a {@link TokenEncoder}, stored as floats ({@link FloatEmbeddingTable}) or as
 * 8-bit integers with a scale per row ({@link Int8EmbeddingTable}, a quarter of the size, which is what lets
 * a model hold a vocabulary of several hundred thousand words). The runtime never changes a table.
 */
sealed interface EmbeddingTable permits FloatEmbeddingTable, Int8EmbeddingTable {

  int rows();

  int dimension();

  /** Bits per stored value: 32 for floats, 8 for 8-bit rows. */
  int bits();

  /** Writes row {@code row}, as floats, to {@code out[offset .. offset + dimension())}. */
  void copyRow(int row, float[] out, int offset);

  /**
   * This table stored with {@code bits} bits per value: itself when it already is, else a converted copy.
   *
   * @throws IllegalArgumentException for bits other than those of {@link TokenEncoder#EMBEDDING_BITS}
   */
  default EmbeddingTable withBits(int bits) {
    if (bits == bits()) {
      return this;
    }
    return switch (bits) {
      case 8 -> Int8EmbeddingTable.quantize(this);
      case 32 -> FloatEmbeddingTable.copyOf(this);
      default -> throw new IllegalArgumentException("embedding bits must be one of " + TokenEncoder.EMBEDDING_BITS
          + ", not " + bits);
    };
  }
}

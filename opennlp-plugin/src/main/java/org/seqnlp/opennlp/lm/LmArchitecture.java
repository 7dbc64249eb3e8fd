package org.seqnlp.opennlp.lm;

/**
 * The shape of a recurrent language model: embedding, {@code layers} stacked cells of {@code hiddenSize}
 * units, softmax over the vocabulary.
 */
public record LmArchitecture(TokenUnit unit, CellType cell, int layers, int embeddingSize, int hiddenSize) {

  public LmArchitecture {
    if (layers < 1 || embeddingSize < 1 || hiddenSize < 1) {
      throw new IllegalArgumentException("layers, embedding size and hidden size must be positive: " + layers
          + ", " + embeddingSize + ", " + hiddenSize);
    }
  }

  /** The input size of layer {@code layer} (0-based). */
  public int inputSize(int layer) {
    return layer == 0 ? embeddingSize : hiddenSize;
  }
}

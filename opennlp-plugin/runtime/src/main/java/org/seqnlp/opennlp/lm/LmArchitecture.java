package org.seqnlp.opennlp.lm;

/**
 * The shape of a recurrent language model: embedding, {@code layers} stacked cells of {@code hiddenSize}
 * units, then a softmax over the vocabulary: the full softmax when {@code outputClasses} is 0, else one
 * factored into {@code outputClasses} word classes (p(w) = p(class) · p(w | class), Goodman 2001), which
 * costs about {@code classes + class size} instead of {@code vocabulary} outputs per predicted token.
 */
public record LmArchitecture(TokenUnit unit, CellType cell, int layers, int embeddingSize, int hiddenSize,
    int outputClasses) {

  public LmArchitecture {
    if (layers < 1 || embeddingSize < 1 || hiddenSize < 1) {
      throw new IllegalArgumentException("layers, embedding size and hidden size must be positive: " + layers
          + ", " + embeddingSize + ", " + hiddenSize);
    }
    if (outputClasses < 0) {
      throw new IllegalArgumentException("output classes must be 0 (full softmax) or positive: " + outputClasses);
    }
  }

  /** An architecture with the full softmax over the vocabulary. */
  public LmArchitecture(TokenUnit unit, CellType cell, int layers, int embeddingSize, int hiddenSize) {
    this(unit, cell, layers, embeddingSize, hiddenSize, 0);
  }

  /** The input size of layer {@code layer} (0-based). */
  public int inputSize(int layer) {
    return layer == 0 ? embeddingSize : hiddenSize;
  }
}

package org.seqnlp.opennlp.lm;

/**
 * The shape of a recurrent language model: embedding, {@code layers} stacked cells of {@code hiddenSize}
 * units, then a softmax over the vocabulary: the full softmax when {@code outputClasses} is 0, else one
 * factored into {@code outputClasses} word classes (p(w) = p(class) · p(w | class), Goodman 2001), which
 * costs about {@code classes + class size} instead of {@code vocabulary} outputs per predicted token.
 */
public record LmArchitecture(TokenUnit unit, CellType cell, int layers, int embeddingSize, int hiddenSize,
    int outputClasses) {

  /** Largest layer width: an LSTM's recurrent matrix is then 4 x 8192 x 8192 floats, 1 GiB. */
  public static final int MAX_WIDTH = 8192;
  public static final int MAX_LAYERS = 64;

  /**
   * Checks the shape before anything is sized by it: a model file's manifest declares it, and a layer
   * count of two billion must fail here, not in an array allocation.
   */
  public LmArchitecture {
    if (layers < 1 || layers > MAX_LAYERS || embeddingSize < 1 || embeddingSize > MAX_WIDTH || hiddenSize < 1
        || hiddenSize > MAX_WIDTH) {
      throw new IllegalArgumentException("layers must be in [1, " + MAX_LAYERS + "], embedding and hidden size in [1, "
          + MAX_WIDTH + "], not " + layers + ", " + embeddingSize + ", " + hiddenSize);
    }
    if (outputClasses < 0) {
      throw new IllegalArgumentException("output classes must be 0 (full softmax) or positive: " + outputClasses);
    }
  }

  /** The input size of layer {@code layer} (0-based). */
  public int inputSize(int layer) {
    return layer == 0 ? embeddingSize : hiddenSize;
  }
}

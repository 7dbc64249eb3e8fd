package org.seqnlp.opennlp.nn;

/**
 * A gated recurrent unit (Cho et al. 2014) with the reset gate applied before the recurrent product of
 * the candidate, as the plain-Java language-model trainer computes it (DL4J 1.0.0-M2.1 has no GRU
 * layer, so no other layout is to be matched):
 *
 * <pre>
 * r  = sigmoid(x·W_r + h·U_r + b_r)
 * z  = sigmoid(x·W_z + h·U_z + b_z)
 * n  = tanh(x·W_n + (r ⊙ h)·U_n + b_n)
 * h' = (1 − z) ⊙ n + z ⊙ h
 * </pre>
 *
 * with {@code W [inputSize, 3*hidden]} and {@code U [hidden, 3*hidden]} row-major and {@code b
 * [3*hidden]}, each holding the blocks r, z, n of width {@code hidden} in that order. State: {@code [h]}.
 * Immutable and thread-safe.
 */
public final class GruCell implements RecurrentCell {

  private final int inputSize;
  private final int hidden;
  private final AffineLayer input;
  private final float[] recurrentWeights;

  /**
   * The arrays are used as they are, not copied.
   *
   * @param inputWeights {@code inputSize x 3*hidden}, row-major
   * @param recurrentWeights {@code hidden x 3*hidden}, row-major
   * @param bias {@code 3*hidden}
   */
  public GruCell(int inputSize, int hidden, float[] inputWeights, float[] recurrentWeights, float[] bias) {
    TokenEncoder.requireLength("GRU input weights", inputWeights, (long) inputSize * 3 * hidden);
    TokenEncoder.requireLength("GRU recurrent weights", recurrentWeights, (long) hidden * 3 * hidden);
    TokenEncoder.requireLength("GRU bias", bias, 3L * hidden);
    this.inputSize = inputSize;
    this.hidden = hidden;
    this.input = new AffineLayer(inputSize, 3 * hidden, inputWeights, bias);
    this.recurrentWeights = recurrentWeights;
  }

  @Override
  public int inputSize() {
    return inputSize;
  }

  @Override
  public int hidden() {
    return hidden;
  }

  @Override
  public int stateSize() {
    return hidden;
  }

  @Override
  public void step(float[] x, float[] state, float[] next) {
    int gates = 3 * hidden;
    float[] preActivations = new float[gates];
    input.apply(x, preActivations);
    // h·U for the reset and update gates only: the candidate's recurrent input is (r ⊙ h)·U_n.
    for (int h = 0; h < hidden; h++) {
      if (state[h] != 0f) {
        VectorMath.axpy(state[h], recurrentWeights, h * gates, preActivations, 0, 2 * hidden);
      }
    }
    for (int h = 0; h < hidden; h++) {
      float resetState = VectorMath.sigmoid(preActivations[h]) * state[h];
      if (resetState != 0f) {
        VectorMath.axpy(resetState, recurrentWeights, h * gates + 2 * hidden, preActivations, 2 * hidden, hidden);
      }
    }
    for (int h = 0; h < hidden; h++) {
      float update = VectorMath.sigmoid(preActivations[hidden + h]);
      float candidate = VectorMath.tanh(preActivations[2 * hidden + h]);
      next[h] = (1f - update) * candidate + update * state[h];
    }
  }
}

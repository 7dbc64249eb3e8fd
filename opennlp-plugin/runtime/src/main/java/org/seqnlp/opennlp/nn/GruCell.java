package org.seqnlp.opennlp.nn;

import java.util.Arrays;

/**
 * A gated recurrent unit (Cho et al. 2014) with the reset gate applied before the recurrent product of
 * the candidate (DL4J 1.0.0-M2.1 has no GRU layer, so no other layout is to be matched):
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
public final class GruCell extends RecurrentCell {

  /**
   * The arrays are used as they are, not copied.
   *
   * @param inputWeights {@code inputSize x 3*hidden}, row-major
   * @param recurrentWeights {@code hidden x 3*hidden}, row-major
   * @param bias {@code 3*hidden}
   */
  public GruCell(int inputSize, int hidden, float[] inputWeights, float[] recurrentWeights, float[] bias) {
    super("GRU", 3, inputSize, hidden, inputWeights, recurrentWeights, bias);
  }

  @Override
  int recurrentColumnsOfPrevious() {
    return 2 * hidden;
  }

  /** The extra value per position is r ⊙ h<sub>t-1</sub>, the candidate's recurrent input. */
  @Override
  void forwardAt(float[] gates, int row, float[] previous, int previousOffset, float[] previousCell,
      int previousCellOffset, float[] extra, int extraOffset, float[] output, int outputOffset, float[] scratch) {
    if (previous != null) {
      addRecurrent(previous, previousOffset, gates, row, 2 * hidden, scratch);
    }
    for (int j = 0; j < hidden; j++) {
      float reset = VectorMath.sigmoid(gates[row + j]);
      gates[row + j] = reset;
      gates[row + hidden + j] = VectorMath.sigmoid(gates[row + hidden + j]);
      extra[extraOffset + j] = previous == null ? 0f : reset * previous[previousOffset + j];
    }
    // the candidate's columns start at an offset in U's rows: the slower product over the flat matrix
    for (int k = 0; k < hidden; k++) {
      float resetState = extra[extraOffset + k];
      if (resetState != 0f) {
        VectorMath.axpy(resetState, recurrentWeights, k * gateWidth + 2 * hidden, gates, row + 2 * hidden, hidden);
      }
    }
    for (int j = 0; j < hidden; j++) {
      float candidate = VectorMath.tanh(gates[row + 2 * hidden + j]);
      gates[row + 2 * hidden + j] = candidate;
      float update = gates[row + hidden + j];
      float h = previous == null ? 0f : previous[previousOffset + j];
      output[outputOffset + j] = (1 - update) * candidate + update * h;
    }
  }

  @Override
  void backwardAt(float[] gates, int row, float[] previous, int previousOffset, float[] previousCell,
      int previousCellOffset, float[] extra, int extraOffset, float[] dh, float[] cellGradient,
      int cellGradientOffset, float[] gateGradient, float[] toPrevious, float[] scratch) {
    for (int j = 0; j < hidden; j++) {
      float update = gates[row + hidden + j];
      float candidate = gates[row + 2 * hidden + j];
      float h = previous == null ? 0f : previous[previousOffset + j];
      gateGradient[2 * hidden + j] = dh[j] * (1 - update) * (1 - candidate * candidate);
      gateGradient[hidden + j] = dh[j] * (h - candidate) * update * (1 - update);
      toPrevious[j] += dh[j] * update;
    }
    float[] resetHiddenGradient = scratch;
    Arrays.fill(resetHiddenGradient, 0, hidden, 0f);
    addRecurrentTransposed(gateGradient, 2 * hidden, hidden, resetHiddenGradient);
    for (int j = 0; j < hidden; j++) {
      float reset = gates[row + j];
      float h = previous == null ? 0f : previous[previousOffset + j];
      gateGradient[j] = resetHiddenGradient[j] * h * reset * (1 - reset);
      toPrevious[j] += resetHiddenGradient[j] * reset;
    }
    addRecurrentTransposed(gateGradient, 0, 2 * hidden, toPrevious);
  }
}

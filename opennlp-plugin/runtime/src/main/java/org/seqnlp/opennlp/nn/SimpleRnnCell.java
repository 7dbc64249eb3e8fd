package org.seqnlp.opennlp.nn;

/**
 * The Elman RNN of DL4J's {@code SimpleRnn} with tanh: h<sub>t</sub> = tanh(x·W + h<sub>t-1</sub>·U + b),
 * with {@code W [inputSize, hidden]}, {@code U [hidden, hidden]} row-major and {@code b [hidden]}. State:
 * {@code [h]}. Immutable and thread-safe.
 */
public final class SimpleRnnCell extends RecurrentCell {

  public SimpleRnnCell(int inputSize, int hidden, float[] inputWeights, float[] recurrentWeights, float[] bias) {
    super("RNN", 1, inputSize, hidden, inputWeights, recurrentWeights, bias);
  }

  @Override
  void forwardAt(float[] gates, int row, float[] previous, int previousOffset, float[] previousCell,
      int previousCellOffset, float[] extra, int extraOffset, float[] output, int outputOffset, float[] scratch) {
    if (previous != null) {
      addRecurrent(previous, previousOffset, gates, row, hidden, scratch);
    }
    for (int j = 0; j < hidden; j++) {
      float h = VectorMath.tanh(gates[row + j]);
      gates[row + j] = h;
      output[outputOffset + j] = h;
    }
  }

  @Override
  void backwardAt(float[] gates, int row, float[] previous, int previousOffset, float[] previousCell,
      int previousCellOffset, float[] extra, int extraOffset, float[] dh, float[] cellGradient,
      int cellGradientOffset, float[] gateGradient, float[] toPrevious, float[] scratch) {
    for (int j = 0; j < hidden; j++) {
      float h = gates[row + j];
      gateGradient[j] = dh[j] * (1 - h * h);
    }
    addRecurrentTransposed(gateGradient, 0, gateWidth, toPrevious);
  }
}

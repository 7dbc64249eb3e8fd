package org.seqnlp.opennlp.nn;

import org.seqnlp.opennlp.namefind.network.BiLstmCrfNetwork;

/**
 * An LSTM without peepholes, with DL4J's parameter layout so trained weights are used unchanged: the four
 * gate blocks of width {@code hidden} are, in order, the block input (tanh), the forget gate, the output
 * gate and the input gate (sigmoids). State: {@code [h, c]}. Immutable and thread-safe.
 */
public final class Lstm extends RecurrentCell {

  /**
   * The arrays are used as they are, not copied.
   *
   * @param inputWeights {@code inputSize x 4*hidden}, row-major
   * @param recurrentWeights {@code hidden x 4*hidden}, row-major
   * @param bias {@code 4*hidden}
   */
  public Lstm(int inputSize, int hidden, float[] inputWeights, float[] recurrentWeights, float[] bias) {
    super("LSTM", 4, inputSize, hidden, inputWeights, recurrentWeights, bias);
  }

  @Override
  public int stateSize() {
    return 2 * hidden;
  }

  /**
   * Bias plus the input projection of {@code features} (one token's, from index 0), over the input rows
   * {@code 0 .. rows} (the name finder adds its gazetteer rows per sentence, see {@link #addInputRows}), with
   * the rows {@code 0 .. separateFirst} summed on their own first from {@code first[firstOffset ..]} instead of
   * from the features, then added: the name finder computes its frequent words' embedding part so (see {@link
   * BiLstmCrfNetwork#SEPARATE_WORD_PART}). {@code first} null: one sum over all the rows.
   */
  public float[] inputProjection(float[] features, int rows, float[] first, int firstOffset, int separateFirst) {
    if (rows > inputSize) {
      throw new IllegalArgumentException(rows + " input rows asked for, the LSTM has " + inputSize);
    }
    float[] sum = bias.clone();
    if (first != null) {
      float[] part = new float[gateWidth];
      VectorMath.addRows(inputRows, first, firstOffset, 0, separateFirst, part);
      for (int i = 0; i < gateWidth; i++) {
        sum[i] += part[i];
      }
      VectorMath.addRows(inputRows, features, 0, separateFirst, rows, sum);
    } else {
      VectorMath.addRows(inputRows, features, 0, 0, rows, sum);
    }
    return sum;
  }

  /**
   * Adds {@code x[xOffset + r]} times input row r to {@code sum} for {@code r = from .. to - 1}: the part of
   * the input projection from inputs that {@link #inputProjection} left out.
   */
  public void addInputRows(float[] x, int xOffset, int from, int to, float[] sum) {
    if (from < 0 || to > inputSize || from > to) {
      throw new IllegalArgumentException("input rows " + from + ".." + to + " outside 0.." + inputSize);
    }
    VectorMath.addRows(inputRows, x, xOffset, from, to, sum);
  }

  /**
   * The recurrence over a whole sequence from the zero state, forwards or backwards, over precomputed
   * per-step input pre-activations ({@link #inputProjection}; read, not changed), writing the hidden state
   * of step t to {@code outputs[t * outputStride + outputOffset]}. The gates go through the fused {@link
   * LstmActivation}, which the name finder's speed rests on; it equals {@link #forwardAt}'s activation to
   * within one unit in the last place.
   */
  public void run(float[][] inputs, int length, boolean backwards, float[] outputs, int outputStride,
      int outputOffset) {
    float[] preActivations = new float[gateWidth];
    float[] state = new float[hidden];
    float[] cell = new float[hidden];
    double[] scratch = new double[gateWidth];
    for (int step = 0; step < length; step++) {
      int t = backwards ? length - 1 - step : step;
      System.arraycopy(inputs[t], 0, preActivations, 0, gateWidth);
      VectorMath.addRows(recurrentRows, state, 0, 0, hidden, preActivations);
      LstmActivation.apply(preActivations, cell, state, scratch, hidden);
      System.arraycopy(state, 0, outputs, t * outputStride + outputOffset, hidden);
    }
  }

  @Override
  void forwardAt(float[] gates, int row, float[] previous, int previousOffset, float[] previousCell,
      int previousCellOffset, float[] extra, int extraOffset, float[] output, int outputOffset, float[] scratch) {
    if (previous != null) {
      addRecurrent(previous, previousOffset, gates, row, gateWidth, scratch);
    }
    for (int j = 0; j < hidden; j++) {
      float blockInput = VectorMath.tanh(gates[row + j]);
      float forget = VectorMath.sigmoid(gates[row + hidden + j]);
      float out = VectorMath.sigmoid(gates[row + 2 * hidden + j]);
      float input = VectorMath.sigmoid(gates[row + 3 * hidden + j]);
      gates[row + j] = blockInput;
      gates[row + hidden + j] = forget;
      gates[row + 2 * hidden + j] = out;
      gates[row + 3 * hidden + j] = input;
      float cellBefore = previousCell == null ? 0f : previousCell[previousCellOffset + j];
      float memory = forget * cellBefore + input * blockInput;
      extra[extraOffset + j] = memory;
      output[outputOffset + j] = out * VectorMath.tanh(memory);
    }
  }

  @Override
  void backwardAt(float[] gates, int row, float[] previous, int previousOffset, float[] previousCell,
      int previousCellOffset, float[] extra, int extraOffset, float[] dh, float[] cellGradient,
      int cellGradientOffset, float[] gateGradient, float[] toPrevious, float[] scratch) {
    for (int j = 0; j < hidden; j++) {
      float blockInput = gates[row + j];
      float forget = gates[row + hidden + j];
      float output = gates[row + 2 * hidden + j];
      float input = gates[row + 3 * hidden + j];
      float cellTanh = VectorMath.tanh(extra[extraOffset + j]);
      float cellBefore = previousCell == null ? 0f : previousCell[previousCellOffset + j];
      float dOutput = dh[j] * cellTanh;
      float dCell = cellGradient[cellGradientOffset + j] + dh[j] * output * (1 - cellTanh * cellTanh);
      gateGradient[j] = dCell * input * (1 - blockInput * blockInput);
      gateGradient[hidden + j] = dCell * cellBefore * forget * (1 - forget);
      gateGradient[2 * hidden + j] = dOutput * output * (1 - output);
      gateGradient[3 * hidden + j] = dCell * blockInput * input * (1 - input);
      cellGradient[cellGradientOffset + j] = dCell * forget;
    }
    addRecurrentTransposed(gateGradient, 0, gateWidth, toPrevious);
  }
}

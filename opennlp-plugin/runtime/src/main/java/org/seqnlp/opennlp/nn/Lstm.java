package org.seqnlp.opennlp.nn;

/**
 * One direction of an LSTM without peepholes, with DL4J's parameter layout so trained weights are
 * used unchanged: the four gate blocks of width {@code hidden} are, in order, the block input (tanh),
 * the forget gate, the output gate and the input gate (sigmoids). Immutable and thread-safe.
 */
public final class Lstm implements RecurrentCell {

  private final int inputSize;
  private final int hidden;
  private final float[] inputWeights;
  private final float[] recurrentWeights;
  private final float[] bias;
  /** The weights again as one array per row, for {@link #step}'s vectorised products. */
  private final float[][] inputRows;
  private final float[][] recurrentRows;

  /**
   * The arrays are used as they are, not copied.
   *
   * @param inputWeights {@code inputSize x 4*hidden}, row-major
   * @param recurrentWeights {@code hidden x 4*hidden}, row-major
   * @param bias {@code 4*hidden}
   */
  public Lstm(int inputSize, int hidden, float[] inputWeights, float[] recurrentWeights, float[] bias) {
    TokenEncoder.requireLength("LSTM input weights", inputWeights, (long) inputSize * 4 * hidden);
    TokenEncoder.requireLength("LSTM recurrent weights", recurrentWeights, (long) hidden * 4 * hidden);
    TokenEncoder.requireLength("LSTM bias", bias, 4L * hidden);
    this.inputSize = inputSize;
    this.hidden = hidden;
    this.inputWeights = inputWeights;
    this.recurrentWeights = recurrentWeights;
    this.bias = bias;
    this.inputRows = VectorMath.splitRows(inputWeights, inputSize, 4 * hidden);
    this.recurrentRows = VectorMath.splitRows(recurrentWeights, hidden, 4 * hidden);
  }

  @Override
  public int hidden() {
    return hidden;
  }

  @Override
  public int inputSize() {
    return inputSize;
  }

  /**
   * Runs over {@code length} input vectors (row t at {@code inputs[t * inputSize]}), forwards or
   * backwards, writing the hidden state of step t to {@code outputs[t * outputStride + outputOffset]}.
   */
  public void run(float[] inputs, int length, boolean backwards, float[] outputs, int outputStride,
      int outputOffset) {
    int gates = 4 * hidden;
    float[] preActivations = new float[length * gates];
    for (int t = 0; t < length; t++) {
      System.arraycopy(bias, 0, preActivations, t * gates, gates);
      addInputProjection(inputs, t * inputSize, 0, inputSize, preActivations, t * gates);
    }
    recur(preActivations, length, backwards, outputs, outputStride, outputOffset);
  }

  /**
   * Adds the input weights of features {@code from .. to} times {@code input[inputOffset + from ..
   * inputOffset + to)} to the {@code 4*hidden} values at {@code target[targetOffset]}: a part of a step's
   * pre-activations, so that callers can precompute the part of frequent inputs.
   */
  void addInputProjection(float[] input, int inputOffset, int from, int to, float[] target, int targetOffset) {
    int gates = 4 * hidden;
    for (int d = from; d < to; d++) {
      float x = input[inputOffset + d];
      if (x != 0f) {
        VectorMath.axpy(x, inputWeights, d * gates, target, targetOffset, gates);
      }
    }
  }

  /**
   * The recurrence over precomputed pre-activations (bias plus input projection, {@code length x
   * 4*hidden}, overwritten), writing the hidden state of step t to {@code outputs[t * outputStride +
   * outputOffset]}.
   */
  void recur(float[] preActivations, int length, boolean backwards, float[] outputs, int outputStride,
      int outputOffset) {
    int gates = 4 * hidden;
    float[] state = new float[hidden];
    float[] cell = new float[hidden];
    for (int step = 0; step < length; step++) {
      int t = backwards ? length - 1 - step : step;
      int row = t * gates;
      for (int h = 0; h < hidden; h++) {
        float previous = state[h];
        if (previous != 0f) {
          VectorMath.axpy(previous, recurrentWeights, h * gates, preActivations, row, gates);
        }
      }
      activate(preActivations, row, cell, 0, state, 0);
      System.arraycopy(state, 0, outputs, t * outputStride + outputOffset, hidden);
    }
  }

  /**
   * One time step with the state kept by the caller, for left-to-right use such as language models:
   * {@code state} and {@code next} are {@code [h, c]}, {@link #stateSize()} long.
   */
  @Override
  public void step(float[] input, float[] state, float[] next) {
    float[] preActivations = bias.clone();
    VectorMath.addRows(inputRows, input, 0, 0, inputSize, preActivations);
    VectorMath.addRows(recurrentRows, state, 0, 0, hidden, preActivations);
    System.arraycopy(state, hidden, next, hidden, hidden);
    activate(preActivations, 0, next, hidden, next, 0);
  }

  /** The gates of one step: updates the memory cell in place and writes the hidden state. */
  void activate(float[] preActivations, int row, float[] cell, int cellOffset, float[] state,
      int stateOffset) {
    for (int h = 0; h < hidden; h++) {
      float blockInput = VectorMath.tanh(preActivations[row + h]);
      float forget = VectorMath.sigmoid(preActivations[row + hidden + h]);
      float output = VectorMath.sigmoid(preActivations[row + 2 * hidden + h]);
      float input = VectorMath.sigmoid(preActivations[row + 3 * hidden + h]);
      float memory = forget * cell[cellOffset + h] + input * blockInput;
      cell[cellOffset + h] = memory;
      state[stateOffset + h] = output * VectorMath.tanh(memory);
    }
  }

  @Override
  public int stateSize() {
    return 2 * hidden;
  }

  float[] inputWeights() {
    return inputWeights;
  }

  float[] recurrentWeights() {
    return recurrentWeights;
  }

  float[] bias() {
    return bias;
  }
}

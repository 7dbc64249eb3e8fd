package org.seqnlp.opennlp.nn;

/**
 * One recurrent layer: its weights and the one implementation of its arithmetic, forward and backward.
 * The run time (language-model scoring and sampling, the name finder) steps it with the state kept by the
 * caller; the language-model trainer runs it over a batch of rows through {@link RecurrentLayerPass}, which
 * calls the per-position kernels {@link #forwardAt} and {@link #backwardAt} below, so that training and
 * scoring compute the same function.
 *
 * <p>Weights are {@code W [inputSize, gateWidth]} and {@code U [hidden, gateWidth]} row-major and {@code b
 * [gateWidth]}, the arrays used as they are, not copied; they are also kept as one array per row, the form
 * in which the JIT vectorises the products ({@link VectorMath#addRows}). Instances are immutable: a trainer
 * that changes the weights builds new cells.
 *
 * <p>The state is a flat {@code float[stateSize()]} whose first {@link #hidden()} entries are the layer's
 * output h<sub>t</sub>; cells with more state (the LSTM's memory cell) keep it after that. A zero array is
 * the initial state.
 */
public abstract sealed class RecurrentCell permits Lstm, GruCell, SimpleRnnCell {

  final int inputSize;
  final int hidden;
  final int gateWidth;
  final float[] inputWeights;
  final float[] recurrentWeights;
  final float[] bias;
  final float[][] inputRows;
  final float[][] recurrentRows;
  /** W<sup>T</sup> and U<sup>T</sup> as rows, for the backward pass only: built when first needed. */
  private float[][] inputTransposedRows;
  private float[][] recurrentTransposedRows;

  RecurrentCell(String name, int gates, int inputSize, int hidden, float[] inputWeights,
      float[] recurrentWeights, float[] bias) {
    if (inputSize < 1 || hidden < 1) {
      throw new IllegalArgumentException(name + " sizes must be positive: input " + inputSize + ", hidden "
          + hidden);
    }
    this.gateWidth = Math.multiplyExact(gates, hidden);
    VectorMath.requireLength(name + " input weights", inputWeights, (long) inputSize * gateWidth);
    VectorMath.requireLength(name + " recurrent weights", recurrentWeights, (long) hidden * gateWidth);
    VectorMath.requireLength(name + " bias", bias, gateWidth);
    this.inputSize = inputSize;
    this.hidden = hidden;
    this.inputWeights = inputWeights;
    this.recurrentWeights = recurrentWeights;
    this.bias = bias;
    this.inputRows = VectorMath.splitRows(inputWeights, inputSize, gateWidth);
    this.recurrentRows = VectorMath.splitRows(recurrentWeights, hidden, gateWidth);
  }

  public final int inputSize() {
    return inputSize;
  }

  public final int hidden() {
    return hidden;
  }

  /** Width of the gate pre-activations: {@code hidden} times the number of gate blocks. */
  public final int gateWidth() {
    return gateWidth;
  }

  /** Length of the state array: {@code hidden()} for a plain RNN and a GRU, twice that for an LSTM. */
  public int stateSize() {
    return hidden;
  }

  public float[] inputWeights() {
    return inputWeights;
  }

  public float[] recurrentWeights() {
    return recurrentWeights;
  }

  public float[] bias() {
    return bias;
  }

  /**
   * Advances one time step: reads {@code input} (length {@link #inputSize()}) and {@code state}, writes
   * the next state into {@code next}. {@code state} and {@code next} must be different arrays.
   */
  public final void step(float[] input, float[] state, float[] next) {
    float[] gates = bias.clone();
    VectorMath.addRows(inputRows, input, 0, 0, inputSize, gates);
    boolean memory = stateSize() > hidden;
    forwardAt(gates, 0, state, 0, memory ? state : null, hidden, memory ? next : new float[hidden],
        memory ? hidden : 0, next, 0, new float[gateWidth]);
  }

  /**
   * The forward kernel at one position. {@code gates[row .. row + gateWidth)} holds the bias plus the
   * input projection; this adds the recurrent part from {@code previous} (null: the zero state), turns
   * the pre-activations into the gate activations in place (kept for {@link #backwardAt}), writes h to
   * {@code output[outputOffset ..]} and the cell's extra per-position value (the LSTM's memory cell, the
   * GRU's r ⊙ h) to {@code extra[extraOffset ..]}. {@code previousCell} is the LSTM's previous memory
   * cell (null: zero). {@code scratch} holds {@code gateWidth} floats.
   */
  abstract void forwardAt(float[] gates, int row, float[] previous, int previousOffset, float[] previousCell,
      int previousCellOffset, float[] extra, int extraOffset, float[] output, int outputOffset, float[] scratch);

  /**
   * The backward kernel at one position, from the activations {@link #forwardAt} left: given dh (the
   * loss gradient of h<sub>t</sub>) and, for the LSTM, {@code cellGradient[cellGradientOffset ..]} (that
   * of c<sub>t</sub>, replaced by that of c<sub>t-1</sub>), writes the gradient of the gate pre-activations
   * into {@code gateGradient[0 .. gateWidth)} and adds that of h<sub>t-1</sub> to {@code toPrevious}.
   */
  abstract void backwardAt(float[] gates, int row, float[] previous, int previousOffset, float[] previousCell,
      int previousCellOffset, float[] extra, int extraOffset, float[] dh, float[] cellGradient,
      int cellGradientOffset, float[] gateGradient, float[] toPrevious, float[] scratch);

  /**
   * Columns of U whose gradient is the outer product of h<sub>t-1</sub> and the gate gradients: all of
   * them, except for the GRU whose candidate block multiplies r ⊙ h instead ({@link GruCell}).
   */
  int recurrentColumnsOfPrevious() {
    return gateWidth;
  }

  /** target[targetOffset ..] += h · U[:, 0 .. width), {@code width} entries. */
  final void addRecurrent(float[] previous, int previousOffset, float[] target, int targetOffset, int width,
      float[] scratch) {
    System.arraycopy(target, targetOffset, scratch, 0, width);
    VectorMath.addRows(recurrentRows, previous, previousOffset, 0, hidden, scratch, width);
    System.arraycopy(scratch, 0, target, targetOffset, width);
  }

  /** target += Σ over gate columns g in [from, from + width) of gradient[g] · U<sup>T</sup>[g]. */
  final void addRecurrentTransposed(float[] gradient, int from, int width, float[] target) {
    VectorMath.addRows(recurrentTransposedRows(), gradient, 0, from, from + width, target, hidden);
  }

  final synchronized float[][] recurrentTransposedRows() {
    if (recurrentTransposedRows == null) {
      float[][] rows = new float[gateWidth][hidden];
      VectorMath.copyTransposedRows(recurrentWeights, hidden, rows);
      recurrentTransposedRows = rows;
    }
    return recurrentTransposedRows;
  }

  final synchronized float[][] inputTransposedRows() {
    if (inputTransposedRows == null) {
      float[][] rows = new float[gateWidth][inputSize];
      VectorMath.copyTransposedRows(inputWeights, inputSize, rows);
      inputTransposedRows = rows;
    }
    return inputTransposedRows;
  }
}

package org.seqnlp.opennlp.nn;

import java.util.Arrays;

/**
 * One recurrent layer run over a batch for training: {@code rows} parallel rows of up to {@code maxSteps}
 * time steps (position m = t · rows + r), forward with the activations kept, then backward through time
 * with the weights' gradients summed. The recurrent state is carried from one call to the next, and
 * reset to zero before the positions the caller marks (in a language model, a sentence start). The cell's
 * arithmetic is its own ({@link RecurrentCell#forwardAt}, {@link RecurrentCell#backwardAt}); this class
 * holds the buffers and runs the products over the whole batch. Not thread-safe: one per thread.
 */
public final class RecurrentLayerPass {

  private final int inputSize;
  private final int hidden;
  private final int gateWidth;
  private final int rows;
  private final float[] state;
  private final float[] cellState;
  private final float[] initialState;
  private final float[] initialCellState;
  private final float[] gates;
  private final float[] outputs;
  /** Per position, h<sub>t-1</sub> as the step saw it (zero after a reset). */
  private final float[] previousOutputs;
  /** Per position, the cell's extra value (LSTM memory cell, GRU r ⊙ h). */
  private final float[] extra;
  private final float[][] gateGradients;
  private final float[] recurrentGradient;
  private final float[] cellGradient;
  private final float[] hiddenGradient;
  private final float[] toPrevious;
  private final float[] scratchGates;
  private final float[] scratchInput;
  private final float[] scratchPositions;
  private RecurrentCell cell;
  private float[] input;
  private boolean[] resets;
  private int steps;

  public RecurrentLayerPass(int inputSize, int hidden, int gateWidth, int rows, int maxSteps) {
    this.inputSize = inputSize;
    this.hidden = hidden;
    this.gateWidth = gateWidth;
    this.rows = rows;
    int positions = Math.multiplyExact(maxSteps, rows);
    state = new float[rows * hidden];
    cellState = new float[rows * hidden];
    initialState = new float[rows * hidden];
    initialCellState = new float[rows * hidden];
    gates = new float[Math.multiplyExact(positions, gateWidth)];
    outputs = new float[positions * hidden];
    previousOutputs = new float[positions * hidden];
    extra = new float[positions * hidden];
    gateGradients = new float[positions][gateWidth];
    recurrentGradient = new float[rows * hidden];
    cellGradient = new float[rows * hidden];
    hiddenGradient = new float[hidden];
    toPrevious = new float[hidden];
    scratchGates = new float[gateWidth];
    scratchInput = new float[Math.max(inputSize, hidden)];
    scratchPositions = new float[positions];
  }

  /** Sets the carried state to zero, as at the start of the data. */
  public void clearState() {
    Arrays.fill(state, 0f);
    Arrays.fill(cellState, 0f);
  }

  /** The outputs h of the last {@link #forward}, position m at {@code m * hidden}. */
  public float[] outputs() {
    return outputs;
  }

  /**
   * Runs {@code cell} over {@code steps} steps of every row from the carried state.
   *
   * @param input position m's input at {@code input[m * inputSize]}
   * @param resets whether the state is reset to zero before position m
   */
  public void forward(RecurrentCell cell, float[] input, boolean[] resets, int steps) {
    if (cell.inputSize() != inputSize || cell.hidden() != hidden || cell.gateWidth() != gateWidth) {
      throw new IllegalArgumentException("cell of another shape than this pass");
    }
    this.cell = cell;
    this.input = input;
    this.resets = resets;
    this.steps = steps;
    System.arraycopy(state, 0, initialState, 0, rows * hidden);
    System.arraycopy(cellState, 0, initialCellState, 0, rows * hidden);
    int positions = steps * rows;
    for (int m = 0; m < positions; m++) {
      System.arraycopy(cell.bias, 0, scratchGates, 0, gateWidth);
      VectorMath.addRows(cell.inputRows, input, m * inputSize, 0, inputSize, scratchGates, gateWidth);
      System.arraycopy(scratchGates, 0, gates, m * gateWidth, gateWidth);
    }
    for (int t = 0; t < steps; t++) {
      for (int r = 0; r < rows; r++) {
        int m = t * rows + r;
        float[] previous = previousHidden(t, r);
        int previousOffset = previousOffset(t, r);
        if (previous == null) {
          Arrays.fill(previousOutputs, m * hidden, (m + 1) * hidden, 0f);
        } else {
          System.arraycopy(previous, previousOffset, previousOutputs, m * hidden, hidden);
        }
        cell.forwardAt(gates, m * gateWidth, previous, previousOffset, previousCell(t, r), previousOffset,
            extra, m * hidden, outputs, m * hidden, scratchGates);
      }
    }
    int last = (steps - 1) * rows;
    System.arraycopy(outputs, last * hidden, state, 0, rows * hidden);
    System.arraycopy(extra, last * hidden, cellState, 0, rows * hidden);
  }

  /** The array holding h<sub>t-1</sub> of row r, or null when the state is reset there. */
  private float[] previousHidden(int t, int r) {
    if (resets[t * rows + r]) {
      return null;
    }
    return t == 0 ? initialState : outputs;
  }

  /** The LSTM's c<sub>t-1</sub> of row r (the extra values), or null when the state is reset there. */
  private float[] previousCell(int t, int r) {
    if (resets[t * rows + r]) {
      return null;
    }
    return t == 0 ? initialCellState : extra;
  }

  private int previousOffset(int t, int r) {
    return t == 0 ? r * hidden : ((t - 1) * rows + r) * hidden;
  }

  /**
   * Backpropagation through the steps of the last {@link #forward}, from the gradient of its outputs
   * ({@code outputGradient[m * hidden]}): adds the weights' gradients to {@code inputWeightsGradient},
   * {@code recurrentWeightsGradient} and {@code biasGradient} (the cell's layouts) and adds the gradient of
   * the input to {@code inputGradient[m * inputSize]}.
   */
  public void backward(float[] outputGradient, float[] inputGradient, float[] inputWeightsGradient,
      float[] recurrentWeightsGradient, float[] biasGradient) {
    Arrays.fill(recurrentGradient, 0f);
    Arrays.fill(cellGradient, 0f);
    for (int t = steps - 1; t >= 0; t--) {
      for (int r = 0; r < rows; r++) {
        int m = t * rows + r;
        float[] previous = previousHidden(t, r);
        int previousOffset = previousOffset(t, r);
        for (int j = 0; j < hidden; j++) {
          hiddenGradient[j] = outputGradient[m * hidden + j] + recurrentGradient[r * hidden + j];
        }
        Arrays.fill(toPrevious, 0f);
        cell.backwardAt(gates, m * gateWidth, previous, previousOffset, previousCell(t, r), previousOffset,
            extra, m * hidden, hiddenGradient, cellGradient, r * hidden, gateGradients[m], toPrevious,
            scratchGates);
        boolean reset = previous == null;
        for (int j = 0; j < hidden; j++) {
          recurrentGradient[r * hidden + j] = reset ? 0f : toPrevious[j];
        }
        if (reset) {
          Arrays.fill(cellGradient, r * hidden, (r + 1) * hidden, 0f);
        }
      }
    }
    int positions = steps * rows;
    int previousWidth = cell.recurrentColumnsOfPrevious();
    for (int k = 0; k < hidden; k++) {
      addOuterProductRow(previousOutputs, k, hidden, positions, recurrentWeightsGradient, 0, previousWidth);
      if (previousWidth < gateWidth) {
        // the GRU candidate's recurrent input is r ⊙ h, kept as the extra values
        addOuterProductRow(extra, k, hidden, positions, recurrentWeightsGradient, previousWidth,
            gateWidth - previousWidth);
      }
    }
    for (int k = 0; k < inputSize; k++) {
      addOuterProductRow(input, k, inputSize, positions, inputWeightsGradient, 0, gateWidth);
    }
    float[][] inputTransposed = cell.inputTransposedRows();
    for (int m = 0; m < positions; m++) {
      VectorMath.axpy(1f, gateGradients[m], 0, biasGradient, 0, gateWidth);
      System.arraycopy(inputGradient, m * inputSize, scratchInput, 0, inputSize);
      VectorMath.addRows(inputTransposed, gateGradients[m], 0, 0, gateWidth, scratchInput, inputSize);
      System.arraycopy(scratchInput, 0, inputGradient, m * inputSize, inputSize);
    }
  }

  /**
   * Row k of a weight gradient, columns {@code [from, from + columns)}: Σ<sub>m</sub> values[m·width + k] ·
   * gateGradients[m][from ..], added to {@code gradient} (row-major, {@code gateWidth} columns).
   */
  private void addOuterProductRow(float[] values, int k, int width, int positions, float[] gradient, int from,
      int columns) {
    for (int m = 0; m < positions; m++) {
      scratchPositions[m] = values[m * width + k];
    }
    if (from == 0) {
      System.arraycopy(gradient, k * gateWidth, scratchGates, 0, columns);
      VectorMath.addRows(gateGradients, scratchPositions, 0, 0, positions, scratchGates, columns);
      System.arraycopy(scratchGates, 0, gradient, k * gateWidth, columns);
    } else {
      for (int m = 0; m < positions; m++) {
        VectorMath.axpy(scratchPositions[m], gateGradients[m], from, gradient, k * gateWidth + from, columns);
      }
    }
  }
}

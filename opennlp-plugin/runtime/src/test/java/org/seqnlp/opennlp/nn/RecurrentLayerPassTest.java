package org.seqnlp.opennlp.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each cell's backward pass against finite differences of its forward pass, and against its run-time step. */
class RecurrentLayerPassTest {

  private static final int INPUT = 3;
  private static final int HIDDEN = 4;
  private static final int ROWS = 2;
  private static final int STEPS = 4;
  /** Row 1 starts over before its third step, as a language model does at a sentence start. */
  private static final boolean[] RESETS = {false, false, false, false, false, true, false, false};

  private static int gates(String cell) {
    return switch (cell) {
      case "RNN" -> 1;
      case "GRU" -> 3;
      default -> 4;
    };
  }

  private static RecurrentCell cell(String cell, float[] w, float[] u, float[] b) {
    return switch (cell) {
      case "RNN" -> new SimpleRnnCell(INPUT, HIDDEN, w, u, b);
      case "GRU" -> new GruCell(INPUT, HIDDEN, w, u, b);
      default -> new Lstm(INPUT, HIDDEN, w, u, b);
    };
  }

  private static float[] gaussian(Random random, int length, double scale) {
    float[] values = new float[length];
    for (int i = 0; i < length; i++) {
      values[i] = (float) (random.nextGaussian() * scale);
    }
    return values;
  }

  /** Σ weights · outputs of one forward pass from the zero state. */
  private static double loss(String name, float[] w, float[] u, float[] b, float[] input, float[] weights) {
    RecurrentLayerPass pass = new RecurrentLayerPass(INPUT, HIDDEN, gates(name) * HIDDEN, ROWS, STEPS);
    pass.forward(cell(name, w, u, b), input, RESETS, STEPS);
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += (double) weights[i] * pass.outputs()[i];
    }
    return sum;
  }

  @ParameterizedTest
  @ValueSource(strings = {"RNN", "GRU", "LSTM"})
  void backwardIsTheGradientOfForward(String name) {
    Random random = new Random(name.hashCode());
    int width = gates(name) * HIDDEN;
    float[] w = gaussian(random, INPUT * width, 0.5);
    float[] u = gaussian(random, HIDDEN * width, 0.5);
    float[] b = gaussian(random, width, 0.5);
    float[] input = gaussian(random, STEPS * ROWS * INPUT, 1);
    float[] weights = gaussian(random, STEPS * ROWS * HIDDEN, 1);
    RecurrentLayerPass pass = new RecurrentLayerPass(INPUT, HIDDEN, width, ROWS, STEPS);
    pass.forward(cell(name, w, u, b), input, RESETS, STEPS);
    float[] inputGradient = new float[input.length];
    float[] wGradient = new float[w.length];
    float[] uGradient = new float[u.length];
    float[] bGradient = new float[b.length];
    pass.backward(weights, inputGradient, wGradient, uGradient, bGradient);

    float[][] values = {w, u, b, input};
    float[][] gradients = {wGradient, uGradient, bGradient, inputGradient};
    double epsilon = 1e-2;
    for (int trial = 0; trial < 3; trial++) {
      float[][] up = new float[4][];
      float[][] down = new float[4][];
      double predicted = 0;
      for (int k = 0; k < 4; k++) {
        up[k] = values[k].clone();
        down[k] = values[k].clone();
        for (int i = 0; i < values[k].length; i++) {
          double direction = random.nextGaussian();
          predicted += gradients[k][i] * direction;
          up[k][i] += (float) (epsilon * direction);
          down[k][i] -= (float) (epsilon * direction);
        }
      }
      double measured = (loss(name, up[0], up[1], up[2], up[3], weights)
          - loss(name, down[0], down[1], down[2], down[3], weights)) / (2 * epsilon);
      assertEquals(measured, predicted, 0.01 * Math.abs(measured) + 1e-3, name + ", trial " + trial);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"RNN", "GRU", "LSTM"})
  void theBatchForwardPassIsTheRunTimeStepRowByRow(String name) {
    Random random = new Random(5);
    int width = gates(name) * HIDDEN;
    RecurrentCell cell = cell(name, gaussian(random, INPUT * width, 0.5), gaussian(random, HIDDEN * width, 0.5),
        gaussian(random, width, 0.5));
    float[] input = gaussian(random, STEPS * ROWS * INPUT, 1);
    RecurrentLayerPass pass = new RecurrentLayerPass(INPUT, HIDDEN, width, ROWS, STEPS);
    pass.forward(cell, input, RESETS, STEPS);
    for (int r = 0; r < ROWS; r++) {
      float[] state = new float[cell.stateSize()];
      for (int t = 0; t < STEPS; t++) {
        int m = t * ROWS + r;
        if (RESETS[m]) {
          state = new float[cell.stateSize()];
        }
        float[] next = new float[cell.stateSize()];
        float[] x = new float[INPUT];
        System.arraycopy(input, m * INPUT, x, 0, INPUT);
        cell.step(x, state, next);
        state = next;
        float[] expected = new float[HIDDEN];
        System.arraycopy(state, 0, expected, 0, HIDDEN);
        float[] actual = new float[HIDDEN];
        System.arraycopy(pass.outputs(), m * HIDDEN, actual, 0, HIDDEN);
        assertArrayEquals(expected, actual, name + " row " + r + " step " + t);
      }
    }
  }
}

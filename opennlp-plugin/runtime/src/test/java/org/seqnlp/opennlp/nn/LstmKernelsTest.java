package org.seqnlp.opennlp.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.seqnlp.opennlp.namefind.network.RandomNetworks;

/** The fused LSTM gates and the row-array products against the plain forms they replace. */
class LstmKernelsTest {

  @Test
  void addRowsIsBitIdenticalToOneAxpyPerRow() {
    Random random = new Random(2);
    for (int trial = 0; trial < 200; trial++) {
      int rowCount = 1 + random.nextInt(13);
      int width = 1 + random.nextInt(40);
      float[] matrix = RandomNetworks.gaussian(random, rowCount * width);
      float[] x = RandomNetworks.gaussian(random, rowCount + 3);
      for (int i = 0; i < x.length; i++) {
        if (random.nextInt(3) == 0) {
          x[i] = 0f;
        }
      }
      int xOffset = random.nextInt(4);
      int from = random.nextInt(rowCount);
      int to = from + random.nextInt(rowCount - from + 1);
      float[] expected = RandomNetworks.gaussian(random, width);
      float[] actual = expected.clone();
      for (int r = from; r < to; r++) {
        VectorMath.axpy(x[xOffset + r], matrix, r * width, expected, 0, width);
      }
      VectorMath.addRows(VectorMath.splitRows(matrix, rowCount, width), x, xOffset, from, to, actual);
      assertArrayEquals(expected, actual, 0f);
    }
  }

  @Test
  void vectorisedGatesAgreeWithTheScalarOnesToTheLastBit() {
    int hidden = 50;
    Lstm lstm = new Lstm(1, hidden, new float[4 * hidden], new float[hidden * 4 * hidden], new float[4 * hidden]);
    Random random = new Random(8);
    float[] special = {0f, -0f, 20f, -20f, 20.5f, -20.5f, 40f, 41f, -40f, -104f, -104.5f, -103.9f, 1000f, -1000f,
        1e-30f, -1e-30f, 5e-4f, Float.MIN_VALUE};
    long values = 0;
    long differing = 0;
    for (int trial = 0; trial < 4000; trial++) {
      float[] preActivations = new float[4 * hidden];
      for (int i = 0; i < preActivations.length; i++) {
        preActivations[i] = trial % 10 == 0 ? special[random.nextInt(special.length)]
            : (float) (random.nextGaussian() * (1 + trial % 7) * 3);
      }
      float[] cell = RandomNetworks.gaussian(random, hidden);
      float[] expectedCell = cell.clone();
      float[] expectedState = new float[hidden];
      lstm.forwardAt(preActivations.clone(), 0, null, 0, expectedCell, 0, expectedCell, 0, expectedState, 0,
          new float[4 * hidden]);
      float[] state = new float[hidden];
      LstmActivation.apply(preActivations, cell, state, new double[4 * hidden], hidden);
      for (int h = 0; h < hidden; h++) {
        values += 2;
        differing += (cell[h] != expectedCell[h] ? 1 : 0) + (state[h] != expectedState[h] ? 1 : 0);
        // A gate one unit in the last place off moves the products by about as much.
        assertEquals(expectedCell[h], cell[h], 1e-6f * Math.max(1f, Math.abs(expectedCell[h])));
        assertEquals(expectedState[h], state[h], 1e-6f);
      }
    }
    assertTrue(differing * 10_000 < values, differing + " of " + values + " values differ");
  }

  @Test
  void vectorisedTanhAndSigmoidEqualTheScalarOnesAtTheirLimits() {
    float[] inputs = {0f, 20f, -20f, 19.99f, 21f, -21f, 40f, 39.9f, 45f, -40f, -60f, -103.9f, -104f, -120f, 0.5f};
    for (float x : inputs) {
      double[] tanh = {2.0 * Math.max(-20f, Math.min(20f, x))};
      LstmActivation.tanhOfHalf(tanh, 0, 1);
      assertEquals(VectorMath.tanh(x), (float) tanh[0], Math.ulp(VectorMath.tanh(x)), "tanh " + x);
      double[] sigmoid = {-(double) Math.max(-104f, Math.min(40f, x))};
      LstmActivation.sigmoidOfNegated(sigmoid, 0, 1);
      assertEquals(VectorMath.sigmoid(x), (float) sigmoid[0], Math.ulp(VectorMath.sigmoid(x)), "sigmoid " + x);
    }
  }
}

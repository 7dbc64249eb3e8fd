package org.seqnlp.opennlp.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GruCellTest {

  /** Blocks r, z, n of width 2 each, for one input feature. */
  private static final float[] INPUT_WEIGHTS = {0.2f, -0.4f, 0.1f, 0.3f, 0.5f, -0.6f};
  private static final float[] RECURRENT_WEIGHTS = {
      0.1f, 0.2f, -0.3f, 0.4f, 0.7f, -0.2f,
      0.3f, -0.1f, 0.2f, 0.5f, 0.4f, 0.6f};
  private static final float[] BIAS = {0.05f, -0.05f, 0.1f, 0f, -0.1f, 0.2f};

  private final GruCell cell = new GruCell(1, 2, INPUT_WEIGHTS, RECURRENT_WEIGHTS, BIAS);

  @Test
  void stepMatchesTheGruEquationsWorkedByHand() {
    // x = 1, h = (0.5, -1):
    // r = sigmoid(0.2 + 0.05 - 0.3 + 0.05, -0.4 + 0.1 + 0.1 - 0.05) = sigmoid(0, -0.25) = (0.5, 0.43782350)
    // z = sigmoid(0.1 - 0.15 - 0.2 + 0.1, 0.3 + 0.2 - 0.5 + 0) = sigmoid(-0.15, 0) = (0.46257015, 0.5)
    // r ⊙ h = (0.25, -0.43782350)
    // n = tanh(0.5 + 0.25 * 0.7 - 0.43782350 * 0.4 - 0.1, -0.6 + 0.25 * -0.2 - 0.43782350 * 0.6 + 0.2)
    //   = tanh(0.39987060, -0.71269410) = (0.37983824, -0.61236345)
    // h' = (1 - z) ⊙ n + z ⊙ h = (0.53742985 * 0.37983824 + 0.46257015 * 0.5, 0.5 * -0.61236345 + 0.5 * -1)
    float[] next = new float[2];
    cell.step(new float[] {1f}, new float[] {0.5f, -1f}, next);
    assertArrayEquals(new float[] {0.43542148f, -0.80618173f}, next, 1e-6f);
  }

  @Test
  void fromTheZeroStateOnlyTheInputCounts() {
    // h = 0: z = sigmoid(0.1 + 0.1, 0.3) and n = tanh(0.5 - 0.1, -0.6 + 0.2), h' = (1 - z) ⊙ n.
    float[] next = new float[2];
    cell.step(new float[] {1f}, new float[2], next);
    assertArrayEquals(new float[] {0.17104011f, -0.16169012f}, next, 1e-6f);
  }

  @Test
  void stateIsTheHiddenVectorAlone() {
    assertEquals(1, cell.inputSize());
    assertEquals(2, cell.hidden());
    assertEquals(2, cell.stateSize());
  }

  @Test
  void wrongWeightShapesFailNamingTheArray() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new GruCell(1, 2, INPUT_WEIGHTS, new float[8], BIAS));
    assertTrue(e.getMessage().contains("GRU recurrent weights"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new GruCell(2, 2, INPUT_WEIGHTS, RECURRENT_WEIGHTS, BIAS));
    assertThrows(IllegalArgumentException.class, () -> new GruCell(1, 2, INPUT_WEIGHTS, RECURRENT_WEIGHTS,
        new float[4]));
  }
}

package org.seqnlp.io.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.seqnlp.io.InputFormatException;

class Int8RowsTest {

  @Test
  void eachValueIsWithinHalfItsRowsScale() {
    Random random = new Random(3);
    float[] matrix = new float[50 * 20];
    for (int i = 0; i < matrix.length; i++) {
      // Rows of very different magnitudes: each keeps its own precision.
      matrix[i] = (float) (random.nextGaussian() * Math.pow(10, i / 20 % 5 - 2));
    }
    Int8Rows rows = Int8Rows.quantize(matrix, 50, 20);
    float[] restored = rows.dequantize();
    for (int i = 0; i < matrix.length; i++) {
      float scale = rows.scales()[i / 20];
      assertEquals(matrix[i], restored[i], scale / 2 * 1.0001f, "value " + i);
    }
  }

  @Test
  void theLargestMagnitudeOfARowIsExactAndAZeroRowStaysZero() {
    Int8Rows rows = Int8Rows.quantize(new float[] {0.5f, -2f, 1f, 0, 0, 0}, 2, 3);
    assertArrayEquals(new byte[] {32, -127, 64, 0, 0, 0}, rows.values());
    assertArrayEquals(new float[] {2f / 127, 0}, rows.scales());
    float[] restored = rows.dequantize();
    assertEquals(-2f, restored[1], 1e-6f);
    assertArrayEquals(new float[] {0, 0, 0}, java.util.Arrays.copyOfRange(restored, 3, 6));
  }

  @Test
  void aRowOfSubnormalValuesKeepsThemWithinHalfItsScale() {
    float[] tiny = {1e-44f, -1e-44f, 3e-45f};
    Int8Rows rows = Int8Rows.quantize(tiny, 1, 3);
    assertTrue(rows.scales()[0] > 0, "a scale of 0 would turn the row into zeros");
    float[] back = rows.dequantize();
    for (int i = 0; i < tiny.length; i++) {
      assertTrue(Math.abs(back[i] - tiny[i]) <= rows.scales()[0] / 2, back[i] + " for " + tiny[i]);
    }
  }

  @Test
  void nonFiniteOrHugeValuesAreNotQuantised() {
    assertThrows(IllegalArgumentException.class, () -> Int8Rows.quantize(new float[] {1, Float.NaN}, 1, 2));
    assertThrows(IllegalArgumentException.class, () -> Int8Rows.quantize(new float[] {Float.MAX_VALUE}, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> Int8Rows.quantize(new float[3], 2, 2));
  }

  @Test
  void rowsRoundTripThroughATensorFileAndBadScalesAreRefused() throws IOException {
    Int8Rows rows = Int8Rows.quantize(new float[] {0.5f, -2f, 1f, 3f}, 2, 2);
    TensorBundle bundle = new TensorBundle();
    rows.addTo(bundle, "v");
    TensorBundle read = roundTrip(bundle);
    Int8Rows back = Int8Rows.from(read, "v", 2, 2);
    assertArrayEquals(rows.values(), back.values());
    assertArrayEquals(rows.scales(), back.scales());
    assertThrows(InputFormatException.class, () -> Int8Rows.from(read, "v", 2, 3));

    TensorBundle negative = new TensorBundle().add(new ByteTensor("v", new int[] {1, 1}, new byte[] {1}))
        .add(new Tensor("v-scales", new int[] {1}, new float[] {-1}));
    InputFormatException e = assertThrows(InputFormatException.class,
        () -> Int8Rows.from(roundTrip(negative), "v", 1, 1));
    assertTrue(e.getMessage().contains("scale 1 of 'v' is not a number in [0, "), e.getMessage());
    TensorBundle huge = new TensorBundle().add(new ByteTensor("v", new int[] {1, 1}, new byte[] {-128}))
        .add(new Tensor("v-scales", new int[] {1}, new float[] {Float.MAX_VALUE / 100}));
    assertThrows(InputFormatException.class, () -> Int8Rows.from(roundTrip(huge), "v", 1, 1));
  }

  /** Weights are bounded as float weights are: a row whose largest value is the bound loads, one above it not. */
  @Test
  void weightsAtTheBoundRoundTripAndBeyondItAreRefused() throws IOException {
    float bound = TensorBundle.MAX_WEIGHT;
    TensorBundle bundle = new TensorBundle();
    Int8Rows.quantize(new float[] {bound, -1, Math.nextUp(bound), 1}, 2, 2).addTo(bundle, "w", "w-scales");
    TensorBundle read = roundTrip(bundle);
    InputFormatException e = assertThrows(InputFormatException.class,
        () -> Int8Rows.weights(read, "w", "w-scales", 2, 2));
    assertTrue(e.getMessage().contains("scale 2 of 'w' is not a number in [0, "), e.getMessage());
    TensorBundle atBound = new TensorBundle();
    Int8Rows.quantize(new float[] {bound, -1, -bound, 1}, 2, 2).addTo(atBound, "w", "w-scales");
    assertEquals(bound, Int8Rows.weights(roundTrip(atBound), "w", "w-scales", 2, 2).dequantize()[0], bound * 1e-6f);
  }

  private static TensorBundle roundTrip(TensorBundle bundle) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TensorFile.write(bundle, out);
    return TensorFile.read(new ByteArrayInputStream(out.toByteArray()), "t.bin", out.size());
  }
}

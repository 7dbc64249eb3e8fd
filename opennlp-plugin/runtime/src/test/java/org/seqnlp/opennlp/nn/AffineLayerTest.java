package org.seqnlp.opennlp.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AffineLayerTest {

  @Test
  void aSliceOfOutputsIsBitIdenticalToTheSameOutputsOfTheWholeLayer() {
    Random random = new Random(7);
    int in = 5;
    int out = 11;
    float[] weights = new float[in * out];
    float[] bias = new float[out];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = (float) random.nextGaussian();
    }
    for (int j = 0; j < out; j++) {
      bias[j] = (float) random.nextGaussian();
    }
    AffineLayer layer = new AffineLayer(in, out, weights, bias);
    float[][] x = new float[3][in];
    for (float[] vector : x) {
      for (int i = 0; i < in; i++) {
        vector[i] = i == 2 ? 0f : (float) random.nextGaussian();
      }
    }
    float[][] slice = new float[3][4];
    layer.apply(x, slice, 3, 6, 10);
    for (int k = 0; k < 3; k++) {
      float[] whole = new float[out];
      layer.apply(x[k], whole);
      assertArrayEquals(Arrays.copyOfRange(whole, 6, 10), slice[k], 0f);
    }
    assertThrows(IllegalArgumentException.class, () -> layer.apply(x, slice, 3, 8, 12));
  }
}

package org.seqnlp.vectors.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SamplingTablesTest {

  @Test
  void noiseFollowsUnigramCountsToThePowerThreeQuarters() {
    NoiseDistribution noise = new NoiseDistribution(new long[] {10_000, 100, 1}, 1_000_000);
    double total = Math.pow(10_000, 0.75) + Math.pow(100, 0.75) + 1;
    assertEquals(Math.pow(10_000, 0.75) / total, noise.probability(0), 1e-4);
    assertEquals(Math.pow(100, 0.75) / total, noise.probability(1), 1e-4);
    assertEquals(1 / total, noise.probability(2), 1e-4);
  }

  @Test
  void drawsFollowTheTable() {
    NoiseDistribution noise = new NoiseDistribution(new long[] {81, 1}, 10_000);
    long random = 1;
    int[] draws = new int[2];
    for (int i = 0; i < 100_000; i++) {
      random = FastRandom.next(random);
      draws[noise.sample(random)]++;
    }
    // 81^0.75 = 27: b is drawn 1 time in 28.
    assertEquals(100_000 / 28.0, draws[1], 300);
  }

  @Test
  void gradientSaturatesOutsideTheTable() {
    assertEquals(0f, SigmoidTable.gradient(7, 1, 0.1f));
    assertEquals(-0.1f, SigmoidTable.gradient(7, 0, 0.1f));
    assertEquals(0.1f, SigmoidTable.gradient(-7, 1, 0.1f));
  }

  @Test
  void randomNumbersStayInRange() {
    long random = 42;
    for (int i = 0; i < 10_000; i++) {
      random = FastRandom.next(random);
      int below = FastRandom.below(random, 7);
      float unit = FastRandom.unit(random);
      assertTrue(below >= 0 && below < 7 && unit >= 0 && unit < 1);
    }
  }
}

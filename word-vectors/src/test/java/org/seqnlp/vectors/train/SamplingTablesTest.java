package org.seqnlp.vectors.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SamplingTablesTest {

  @Test
  void noiseFollowsUnigramCountsToThePowerThreeQuarters() {
    NoiseDistribution noise = new NoiseDistribution(new long[] {10_000, 100, 1, 0, 7});
    double total = Math.pow(10_000, 0.75) + Math.pow(100, 0.75) + 1 + Math.pow(7, 0.75);
    assertEquals(Math.pow(10_000, 0.75) / total, noise.probability(0), 1e-6);
    assertEquals(Math.pow(100, 0.75) / total, noise.probability(1), 1e-6);
    assertEquals(1 / total, noise.probability(2), 1e-6);
    assertEquals(0, noise.probability(3), "a word never seen is never drawn");
    assertEquals(Math.pow(7, 0.75) / total, noise.probability(4), 1e-6);
  }

  @Test
  void drawsFollowTheDistribution() {
    NoiseDistribution noise = new NoiseDistribution(new long[] {81, 1, 0});
    long random = 1;
    int[] draws = new int[3];
    for (int i = 0; i < 100_000; i++) {
      long wordState = random = FastRandom.next(random);
      random = FastRandom.next(random);
      draws[noise.sample(wordState, random)]++;
    }
    // 81^0.75 = 27: b is drawn 1 time in 28.
    assertEquals(100_000 / 28.0, draws[1], 300);
    assertEquals(0, draws[2]);
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

package org.seqnlp.eval.vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TsneTest {

  /** {@code clusters} tight Gaussian clusters of {@code each} points in 20 dimensions, cluster c first. */
  private static double[][] clusters(int clusters, int each, long seed) {
    Random random = new Random(seed);
    double[][] rows = new double[clusters * each][20];
    for (int c = 0; c < clusters; c++) {
      double[] centre = new double[20];
      for (int k = 0; k < 20; k++) {
        centre[k] = random.nextGaussian() * 10;
      }
      for (int i = 0; i < each; i++) {
        for (int k = 0; k < 20; k++) {
          rows[c * each + i][k] = centre[k] + random.nextGaussian();
        }
      }
    }
    return rows;
  }

  /** Whether every point's nearest other point in the map belongs to its own cluster. */
  private static boolean keepsClustersApart(double[][] map, int each) {
    for (int i = 0; i < map.length; i++) {
      int nearest = -1;
      double best = Double.POSITIVE_INFINITY;
      for (int j = 0; j < map.length; j++) {
        double dx = map[i][0] - map[j][0];
        double dy = map[i][1] - map[j][1];
        if (j != i && dx * dx + dy * dy < best) {
          best = dx * dx + dy * dy;
          nearest = j;
        }
      }
      if (nearest / each != i / each) {
        return false;
      }
    }
    return true;
  }

  @Test
  void exactTsneKeepsClustersApart() {
    double[][] map = new Tsne(10, 1).embed(clusters(4, 25, 3));
    assertEquals(100, map.length);
    assertTrue(keepsClustersApart(map, 25));
  }

  @Test
  void barnesHutTsneKeepsClustersApartAboveTheExactLimit() {
    Tsne barnesHut = new Tsne(10, 1, 99);
    assertFalse(barnesHut.isExact(100));
    assertTrue(new Tsne(10, 1).isExact(Tsne.EXACT_LIMIT) && !new Tsne(10, 1).isExact(Tsne.EXACT_LIMIT + 1));
    assertTrue(keepsClustersApart(barnesHut.embed(clusters(4, 25, 3)), 25));
  }

  @Test
  void aSeedGivesTheSameMapAndAnotherSeedAnotherMap() {
    double[][] rows = clusters(3, 10, 4);
    double[][] first = new Tsne(5, 7).embed(rows);
    double[][] second = new Tsne(5, 7).embed(rows);
    double[][] other = new Tsne(5, 8).embed(rows);
    for (int i = 0; i < rows.length; i++) {
      assertArrayEquals(first[i], second[i]);
    }
    assertFalse(Arrays.deepEquals(first, other));
  }

  @Test
  void thePerplexityMustStayBelowThePoints() {
    assertEquals("t-SNE with perplexity 30.0 needs more than 30 points, got 30; lower the perplexity",
        assertThrows(IllegalArgumentException.class, () -> new Tsne(30, 1).embed(clusters(3, 10, 1)))
            .getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Tsne(0, 1));
    assertThrows(IllegalArgumentException.class, () -> new Tsne(Double.NaN, 1));
    assertEquals("t-SNE (exact), perplexity 30, seed 1, 1,000 iterations", new Tsne(30, 1).caption(1000));
    assertEquals("t-SNE (Barnes-Hut, theta 0.5), perplexity 7.5, seed 2, 1,000 iterations",
        new Tsne(7.5, 2).caption(1001));
  }
}

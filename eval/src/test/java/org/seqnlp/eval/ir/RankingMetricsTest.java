package org.seqnlp.eval.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {

  private static final Map<String, Integer> BINARY = Map.of("a", 1, "c", 1, "z", 1, "n", 0);

  @Test
  void averagePrecisionCountsUnretrievedRelevantAsZero() {
    // relevant at ranks 1 and 3; "z" never retrieved: (1/1 + 2/3) / 3
    assertEquals((1 + 2.0 / 3) / 3, RankingMetrics.averagePrecision(List.of("a", "n", "c", "x"), BINARY, 1000), 1e-12);
  }

  @Test
  void averagePrecisionStopsAtDepth() {
    assertEquals(1.0 / 3, RankingMetrics.averagePrecision(List.of("a", "n", "c"), BINARY, 2), 1e-12);
  }

  @Test
  void ndcgUsesLinearGainsAgainstTheIdealOrdering() {
    Map<String, Integer> graded = Map.of("a", 1, "b", 3, "c", 0);
    double ideal = 3 + 1 / log2(3);
    assertEquals((1 + 3 / log2(3)) / ideal, RankingMetrics.ndcg(List.of("a", "b", "c"), graded, 10), 1e-12);
    assertEquals(1.0, RankingMetrics.ndcg(List.of("b", "a"), graded, 10), 1e-12);
    assertEquals(1.0 / 3, RankingMetrics.ndcg(List.of("a", "b"), graded, 1), 1e-12);
  }

  @Test
  void recallAtCutoff() {
    assertEquals(1.0 / 3, RankingMetrics.recall(List.of("n", "a", "c"), BINARY, 2), 1e-12);
  }

  @Test
  void noRelevantDocumentsGiveZero() {
    Map<String, Integer> none = Map.of("n", 0);
    assertEquals(0, RankingMetrics.averagePrecision(List.of("n"), none, 10));
    assertEquals(0, RankingMetrics.ndcg(List.of("n"), none, 10));
    assertEquals(0, RankingMetrics.recall(List.of("n"), none, 10));
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}

package org.seqnlp.eval.ir;

import java.util.List;
import java.util.Map;

/**
 * Per-query measures of one ranking against graded judgements (gain above 0 = relevant). Documents
 * without a judgement count as not relevant.
 */
public final class RankingMetrics {

  private RankingMetrics() {}

  /**
   * Average precision over the first {@code depth} documents: the mean, over all relevant documents
   * (retrieved or not), of the precision at each one's rank, 0 for those not retrieved.
   */
  public static double averagePrecision(List<String> ranking, Map<String, Integer> gains, int depth) {
    long relevant = gains.values().stream().filter(gain -> gain > 0).count();
    if (relevant == 0) {
      return 0;
    }
    double sum = 0;
    int found = 0;
    int limit = Math.min(depth, ranking.size());
    for (int rank = 1; rank <= limit; rank++) {
      if (gains.getOrDefault(ranking.get(rank - 1), 0) > 0) {
        found++;
        sum += (double) found / rank;
      }
    }
    return sum / relevant;
  }

  /**
   * Normalised discounted cumulative gain at {@code k}, with linear gains and the log2(rank + 1)
   * discount, normalised by the best ordering of all judged documents.
   */
  public static double ndcg(List<String> ranking, Map<String, Integer> gains, int k) {
    double ideal = discountedGain(gains.values().stream().filter(gain -> gain > 0)
        .sorted((a, b) -> Integer.compare(b, a)).toList(), k);
    if (ideal == 0) {
      return 0;
    }
    List<Integer> rankedGains = ranking.stream().limit(k).map(id -> gains.getOrDefault(id, 0)).toList();
    return discountedGain(rankedGains, k) / ideal;
  }

  /** Fraction of the relevant documents found in the first {@code k}. */
  public static double recall(List<String> ranking, Map<String, Integer> gains, int k) {
    long relevant = gains.values().stream().filter(gain -> gain > 0).count();
    if (relevant == 0) {
      return 0;
    }
    long found = ranking.stream().limit(k).filter(id -> gains.getOrDefault(id, 0) > 0).count();
    return (double) found / relevant;
  }

  private static double discountedGain(List<Integer> gains, int k) {
    double sum = 0;
    for (int i = 0; i < Math.min(k, gains.size()); i++) {
      sum += Math.max(0, gains.get(i)) / (Math.log(i + 2) / Math.log(2));
    }
    return sum;
  }
}

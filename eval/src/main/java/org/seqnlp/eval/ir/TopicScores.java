package org.seqnlp.eval.ir;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Per-topic average precision (top 1000), nDCG@10 and recall@100 of one configuration on one
 * collection, aligned by topic so that configurations can be compared pairwise, and the wall-clock time
 * taken to formulate and run all the queries.
 */
public record TopicScores(List<String> topicIds, double[] averagePrecision, double[] ndcg10, double[] recall100,
    long elapsedNanos) {

  public static final int RANKING_DEPTH = 1000;

  public double meanAveragePrecision() {
    return mean(averagePrecision);
  }

  public double meanNdcg10() {
    return mean(ndcg10);
  }

  public double meanRecall100() {
    return mean(recall100);
  }

  /** Queries formulated and run per second. */
  public double queriesPerSecond() {
    return topicIds.size() / (elapsedNanos / 1e9);
  }

  /** Runs every topic with at least one relevant document through {@code formulation}. */
  public static TopicScores evaluate(TestCollection collection, SearchIndex index, QueryFormulation formulation)
      throws IOException {
    List<Topic> topics = collection.evaluatedTopics();
    double[] ap = new double[topics.size()];
    double[] ndcg = new double[topics.size()];
    double[] recall = new double[topics.size()];
    long start = System.nanoTime();
    for (int i = 0; i < topics.size(); i++) {
      Topic topic = topics.get(i);
      List<String> ranking = index.search(formulation.formulate(topic.text()), RANKING_DEPTH);
      Map<String, Integer> gains = collection.judgements().gains(topic.id());
      ap[i] = RankingMetrics.averagePrecision(ranking, gains, RANKING_DEPTH);
      ndcg[i] = RankingMetrics.ndcg(ranking, gains, 10);
      recall[i] = RankingMetrics.recall(ranking, gains, 100);
    }
    long elapsed = System.nanoTime() - start;
    return new TopicScores(topics.stream().map(Topic::id).toList(), ap, ndcg, recall, elapsed);
  }

  private static double mean(double[] values) {
    return Arrays.stream(values).average().orElse(Double.NaN);
  }
}

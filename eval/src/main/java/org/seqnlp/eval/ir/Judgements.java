package org.seqnlp.eval.ir;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Relevance judgements: for each topic, the gain of each judged document. A gain above 0 means
 * relevant; binary collections use gain 1, graded ones a gain that grows with relevance.
 */
public final class Judgements {

  private final Map<String, Map<String, Integer>> gainsByTopic;

  private Judgements(Map<String, Map<String, Integer>> gainsByTopic) {
    this.gainsByTopic = gainsByTopic;
  }

  /** Gains of the documents judged for {@code topicId} (non-relevant judgements included, with gain 0). */
  public Map<String, Integer> gains(String topicId) {
    return gainsByTopic.getOrDefault(topicId, Map.of());
  }

  /** Number of documents with gain above 0 for {@code topicId}. */
  public int relevantCount(String topicId) {
    return (int) gains(topicId).values().stream().filter(gain -> gain > 0).count();
  }

  /** Number of (topic, document) pairs with gain above 0. */
  public int relevantPairs() {
    return gainsByTopic.keySet().stream().mapToInt(this::relevantCount).sum();
  }

  static Builder builder() {
    return new Builder();
  }

  static final class Builder {
    private final Map<String, Map<String, Integer>> gainsByTopic = new LinkedHashMap<>();

    /** Records a judgement; a repeated pair keeps the higher gain. */
    Builder add(String topicId, String documentId, int gain) {
      gainsByTopic.computeIfAbsent(topicId, topic -> new LinkedHashMap<>()).merge(documentId, gain, Math::max);
      return this;
    }

    Judgements build() {
      Map<String, Map<String, Integer>> copy = new LinkedHashMap<>();
      gainsByTopic.forEach((topic, gains) -> copy.put(topic, Collections.unmodifiableMap(new LinkedHashMap<>(gains))));
      return new Judgements(Collections.unmodifiableMap(copy));
    }
  }
}

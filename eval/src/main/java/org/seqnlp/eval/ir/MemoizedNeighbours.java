package org.seqnlp.eval.ir;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.seqnlp.vectors.Neighbour;
import org.seqnlp.vectors.NeighbourLookup;
import org.seqnlp.vectors.WordVectors;

/**
 * Remembers each word's {@code capacity} nearest neighbours, so that a grid of settings over the same
 * queries scans the vocabulary once per distinct query term instead of once per term, query and
 * setting. Answers are those of the wrapped lookup: the first k of a best-first list above a threshold
 * are the first k of the longer list cut at that threshold. Thread-safe.
 */
final class MemoizedNeighbours implements NeighbourLookup {

  private final NeighbourLookup search;
  private final int capacity;
  private final Map<String, List<Neighbour>> nearest = new ConcurrentHashMap<>();

  /** @param capacity neighbours remembered per word; larger requests go to {@code search} */
  MemoizedNeighbours(NeighbourLookup search, int capacity) {
    this.search = search;
    this.capacity = capacity;
  }

  @Override
  public WordVectors vectors() {
    return search.vectors();
  }

  @Override
  public List<Neighbour> nearest(String word, int k, float minSimilarity) {
    if (k > capacity) {
      return search.nearest(word, k, minSimilarity);
    }
    List<Neighbour> all = nearest.computeIfAbsent(word, w -> search.nearest(w, capacity, Float.NEGATIVE_INFINITY));
    List<Neighbour> answer = new ArrayList<>(Math.min(k, all.size()));
    for (Neighbour neighbour : all) {
      if (answer.size() == k || neighbour.similarity() < minSimilarity) {
        break;
      }
      answer.add(neighbour);
    }
    return answer;
  }
}

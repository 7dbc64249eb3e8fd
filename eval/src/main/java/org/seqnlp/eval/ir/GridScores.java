package org.seqnlp.eval.ir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scores of our expansion at every setting of a grid, per collection and vector set, beside BM25's
 * on each collection: what settings are chosen from.
 */
public final class GridScores {

  private record Cell(String collection, String vectors, QuerySettings settings) {}

  private final List<QuerySettings> grid;
  private final Map<String, TopicScores> bm25 = new LinkedHashMap<>();
  private final List<String> vectors = new ArrayList<>();
  private final Map<Cell, TopicScores> runs = new HashMap<>();

  public GridScores(List<QuerySettings> grid) {
    if (grid.isEmpty()) {
      throw new IllegalArgumentException("the grid needs at least one setting");
    }
    this.grid = List.copyOf(grid);
  }

  public void addBaseline(String collection, TopicScores scores) {
    bm25.put(collection, scores);
  }

  public void add(String collection, String vectorSet, QuerySettings settings, TopicScores scores) {
    if (!bm25.containsKey(collection)) {
      throw new IllegalStateException("no BM25 scores for " + collection);
    }
    if (!vectors.contains(vectorSet)) {
      vectors.add(vectorSet);
    }
    runs.put(new Cell(collection, vectorSet, settings), scores);
  }

  public List<QuerySettings> grid() {
    return grid;
  }

  /** Collections in the order their baselines were added. */
  public List<String> collections() {
    return List.copyOf(bm25.keySet());
  }

  /** Vector sets in the order first added. */
  public List<String> vectors() {
    return List.copyOf(vectors);
  }

  public TopicScores scores(String collection, String vectorSet, QuerySettings settings) {
    TopicScores scores = runs.get(new Cell(collection, vectorSet, settings));
    if (scores == null) {
      throw new IllegalArgumentException("not run: " + collection + " / " + vectorSet + " / " + settings);
    }
    return scores;
  }

  /** Relative change of MAP against BM25 on the collection, e.g. 0.03 for +3%. */
  public double gain(String collection, String vectorSet, QuerySettings settings) {
    return scores(collection, vectorSet, settings).meanAveragePrecision() / bm25.get(collection).meanAveragePrecision()
        - 1;
  }
}

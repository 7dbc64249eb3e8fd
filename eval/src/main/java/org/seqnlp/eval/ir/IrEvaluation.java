package org.seqnlp.eval.ir;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.IndexSearcher;

/**
 * Runs BM25 and every expansion configuration on one collection, query-time expansion only, over one
 * index built with the baseline analysis.
 */
public final class IrEvaluation {

  /**
   * Expansion changes only the query, but a query of many terms times their neighbours can exceed
   * Lucene's default limit of 1024 clauses (CISI's longest queries do).
   */
  private static final int MAX_CLAUSES = 1 << 16;

  /** One expansion configuration: which vectors, which filter, how combined, at which settings. */
  public record Configuration(String vectors, String method, Combination combination, float expansionWeight,
      ExpansionSettings settings) {

    public String label() {
      return vectors + " / " + method + " / " + combination.label(expansionWeight) + " / " + settings;
    }

    /** The same configuration with another filter: the pair compared "with the same vectors". */
    public boolean sameExceptMethod(Configuration other) {
      return vectors.equals(other.vectors) && combination == other.combination
          && expansionWeight == other.expansionWeight && settings.equals(other.settings);
    }
  }

  public record Run(Configuration configuration, TopicScores scores) {}

  /** Everything measured on one collection. */
  public record CollectionResult(String collection, int documents, long indexingNanos, TopicScores baseline,
      List<Run> runs) {}

  private final List<ExpansionSettings> grid;
  private final List<Combination> combinations;
  private final float expansionWeight;

  /**
   * @param grid the settings every method is run at
   * @param expansionWeight weight of the expansion clause in {@link Combination#ORIGINAL_PLUS_EXPANSION}
   */
  public IrEvaluation(List<ExpansionSettings> grid, List<Combination> combinations, float expansionWeight) {
    this.grid = List.copyOf(grid);
    this.combinations = List.copyOf(combinations);
    this.expansionWeight = expansionWeight;
  }

  /**
   * @param methodsByVectors for each vector set's label, the expansion methods built over it
   */
  public CollectionResult evaluate(TestCollection collection, Map<String, List<ExpansionMethod>> methodsByVectors)
      throws IOException {
    IndexSearcher.setMaxClauseCount(Math.max(IndexSearcher.getMaxClauseCount(), MAX_CLAUSES));
    RetrievalAnalyzer baseline = RetrievalAnalyzer.baseline();
    try (SearchIndex index = SearchIndex.build(collection.documents(), baseline)) {
      QueryFormulation bm25 = QueryFormulations.analyzed(baseline);
      TopicScores.evaluate(collection, index, bm25); // warms the JIT so throughput is comparable
      TopicScores baselineScores = TopicScores.evaluate(collection, index, bm25);
      List<Run> runs = new ArrayList<>();
      for (Map.Entry<String, List<ExpansionMethod>> vectors : methodsByVectors.entrySet()) {
        for (ExpansionMethod method : vectors.getValue()) {
          for (Combination combination : combinations) {
            for (ExpansionSettings settings : grid) {
              RetrievalAnalyzer expanding = RetrievalAnalyzer.followedBy(method.filter(settings));
              QueryFormulation formulation = combination.formulation(baseline, expanding, expansionWeight);
              Configuration configuration =
                  new Configuration(vectors.getKey(), method.name(), combination, expansionWeight, settings);
              runs.add(new Run(configuration, TopicScores.evaluate(collection, index, formulation)));
            }
          }
        }
      }
      return new CollectionResult(collection.name(), index.documentCount(), index.indexingNanos(), baselineScores,
          runs);
    }
  }
}

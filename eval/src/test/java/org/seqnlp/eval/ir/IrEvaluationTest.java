package org.seqnlp.eval.ir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.seqnlp.vectors.NearestNeighbours;

class IrEvaluationTest {

  private final SemanticExpansionMethod ours = new SemanticExpansionMethod(new NearestNeighbours(
      TinyCollection.vectors()));
  private final QuerySettings settings = new QuerySettings(new ExpansionSettings(1, 0.9f, 0.5f),
      SynonymQueryStyle.AS_DISTINCT_TERMS);

  @Test
  void expansionAsDistinctTermsFindsWhatBm25Misses() throws IOException {
    try (IrEvaluation evaluation = new IrEvaluation(TinyCollection.collection(), Stemming.NONE)) {
      // "automobile" is only in d2; its neighbour "car" brings d1, the other relevant document.
      assertArrayEquals(new double[] {0.5, 0.5}, evaluation.bm25().averagePrecision(), 1e-9);
      assertArrayEquals(new double[] {1, 0.5}, evaluation.expanded(ours, settings).averagePrecision(), 1e-9);
      QuerySettings sameTerm = new QuerySettings(settings.expansion(), SynonymQueryStyle.AS_SAME_TERM);
      assertEquals(1, evaluation.expanded(ours, sameTerm).averagePrecision()[0], 1e-9);
    }
  }

  @Test
  void rm3WithoutFeedbackTermsRanksAsItsFirstSearch() throws IOException {
    // Four documents: every term is in more than 10% of them, so none may be a feedback term.
    try (IrEvaluation evaluation = new IrEvaluation(TinyCollection.collection(), Stemming.NONE)) {
      assertArrayEquals(evaluation.bm25().averagePrecision(), evaluation.rm3().averagePrecision(), 1e-9);
      assertArrayEquals(evaluation.expanded(ours, settings).averagePrecision(),
          evaluation.expandedWithRm3(ours, settings).averagePrecision(), 1e-9);
    }
  }

  /** Porter's stemmer ends the index's analysis and every query's: "bananas" is then "banana", and so is the query. */
  @Test
  void withPorterStemmingTheIndexAndTheQueriesAreStemmed() throws IOException {
    try (IrEvaluation evaluation = new IrEvaluation(TinyCollection.collection(), Stemming.PORTER)) {
      assertArrayEquals(new double[] {0.5, 1}, evaluation.bm25().averagePrecision(), 1e-9,
          "d3's bananas match the query's banana");
      assertArrayEquals(new double[] {1, 1}, evaluation.expanded(ours, settings).averagePrecision(), 1e-9);
    }
  }
}

package org.seqnlp.eval.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.seqnlp.eval.vectors.AnalogyResult.SectionScore;

class VectorScoresTest {

  private final VectorScores scores = new VectorScores(new AnalogyResult(List.of(
      new SectionScore("capital-common-countries", true, 4, 2, 1, 2),
      new SectionScore("gram1-adjective-to-adverb", false, 3, 0, 0, 0))),
      List.of(new SimilarityResult("WS353", 3, 1, Double.NaN), new SimilarityResult("MEN", 5, 4, 0.25)));

  @Test
  void scoresOverNothingCoveredAreNotApplicableRatherThanNaN() {
    assertEquals(List.of(
        "analogy coverage: 2 / 7 questions (28.6%; semantic 2 / 4, syntactic 0 / 3)",
        "analogy 3CosAdd: total 50.00%, semantic 50.00%, syntactic n/a",
        "analogy 3CosMul: total 100.00%, semantic 100.00%, syntactic n/a",
        "  capital-common-countries         2 /     4 covered, 3CosAdd  50.00%, 3CosMul 100.00%",
        "  gram1-adjective-to-adverb        0 /     3 covered, 3CosAdd     n/a, 3CosMul     n/a",
        "WS353        Spearman n/a over 1 / 3 pairs",
        "MEN          Spearman 0.250 over 4 / 5 pairs"), scores.report());
  }

  @Test
  void theSummaryRowSaysNotApplicableToo() {
    assertEquals("50.00% (50.0 / n/a) | n/a | 0.250", scores.summary());
  }
}

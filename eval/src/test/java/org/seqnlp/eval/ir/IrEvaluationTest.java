package org.seqnlp.eval.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.TokenStream;
import org.junit.jupiter.api.Test;
import org.seqnlp.eval.ir.IrEvaluation.CollectionResult;

class IrEvaluationTest {

  /** Lucene's filter under another name, so that the report has an "ours" to set against it. */
  private record Renamed(String name, ExpansionMethod method) implements ExpansionMethod {
    @Override
    public UnaryOperator<TokenStream> filter(ExpansionSettings settings) {
      return method.filter(settings);
    }
  }

  @Test
  void runsEveryMethodCombinationAndSettingAndReportsThemAll() throws IOException {
    LuceneWord2VecExpansion lucene = LuceneWord2VecExpansion.of(TinyCollection.vectors());
    ExpansionMethod ours = new Renamed("ours", lucene);
    List<ExpansionSettings> grid = List.of(new ExpansionSettings(1, 0.9f), new ExpansionSettings(2, 0.5f));
    IrEvaluation evaluation = new IrEvaluation(grid, List.of(Combination.values()), 0.5f);

    CollectionResult result = evaluation.evaluate(TinyCollection.collection(), Map.of("tiny", List.of(ours, lucene)));

    assertEquals(2 * Combination.values().length * 2, result.runs().size());
    assertEquals(0.5, result.baseline().meanAveragePrecision(), 1e-9);
    String report = new IrReport(List.of(result), "ours", lucene.name()).tables();
    assertTrue(report.contains("\n## TINY (4 documents, 2 evaluated queries"), report);
    assertTrue(report.contains("| BM25 | 0.5000 |"), report);
    assertTrue(report.contains("| tiny / ours / original + 0.50 x expansion / k=1, cos>=0.90 | 0.7500 | +50.0% |"),
        report);
    assertTrue(report.contains("- mean MAP +50.0% vs BM25 (target >= +5%): **met**"), report);
    // Identical filters: ours is never above Lucene's.
    assertTrue(report.contains("same vectors on 0 of 1 collections: **missed**"), report);
    long comparedWithLucene = report.lines().filter(line -> line.startsWith("| tiny / ours /")).count();
    int oursRuns = Combination.values().length * 2;
    assertEquals(3 * oursRuns /* summary, against BM25, against Lucene */, comparedWithLucene);
  }
}

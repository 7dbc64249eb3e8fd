package org.seqnlp.eval.ir;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.seqnlp.eval.ir.CrossValidation.Fold;
import org.seqnlp.eval.ir.IrReport.CollectionInfo;
import org.seqnlp.eval.ir.IrReport.Row;
import org.seqnlp.eval.ir.IrReport.VectorRows;

class IrReportTest {

  private static Row row(String label, Row reference, double... maps) {
    Row row = new Row(label, reference);
    for (double map : maps) {
      row.scores().add(CrossValidationTest.scores(map));
    }
    return row;
  }

  @Test
  void summarisesChecksTargetsAndShowsFoldsAndGrid() {
    GridScores grid = CrossValidationTest.grid();
    List<CollectionInfo> collections = List.of(new CollectionInfo("A", 10, 1_000_000),
        new CollectionInfo("B", 10, 1_000_000), new CollectionInfo("C", 10, 1_000_000));
    Row bm25 = row("BM25", null, 0.5, 0.5, 0.5);
    Row rm3 = row("BM25 + RM3", null, 0.55, 0.55, 0.55);
    VectorRows own = new VectorRows(IrExperiment.OWN, row("own / cv", null, 0.53, 0.53, 0.45),
        row("own / cv + RM3", rm3, 0.56, 0.56, 0.56), row("own / alone", null, 0.54, 0.54, 0.54),
        List.of(row("own / defaults, as_same_term", null, 0.4, 0.4, 0.4),
            row("own / defaults, as_distinct_terms", null, 0.53, 0.53, 0.51)),
        row("own / lucene", null, 0.49, 0.49, 0.49));
    Map<String, List<Fold>> alone = new LinkedHashMap<>();
    for (String vectors : grid.vectors()) {
      alone.put(vectors, new CrossValidation(grid, List.of(vectors)).leaveOneCollectionOut());
    }
    String report = new IrReport(collections, bm25, rm3, List.of(own), grid,
        new CrossValidation(grid).leaveOneCollectionOut(), alone, true).tables();
    String unchecked = new IrReport(collections, bm25, rm3, List.of(own), grid,
        new CrossValidation(grid).leaveOneCollectionOut(), alone, false).tables();
    assertTrue(report.contains("### Targets (issue 14)"), report);
    assertFalse(unchecked.contains("Targets"), "a stemmed run's baseline is not the one the targets are set for");

    assertTrue(report.contains("| BM25 | 0.5000 | | | | | |\n"), report);
    // The prose counts the collections of the run: three here, so two in each fold's choice.
    assertTrue(report.contains("each collection at the settings chosen on the other two (see below)"), report);
    assertTrue(report.contains("over the other two collections and every vector set together"), report);
    assertTrue(report.contains("Ties go to the setting listed first"), report);
    assertTrue(report.contains("chosen on all three collections (in-sample)"), report);
    assertFalse(report.contains("four") || report.contains("five"), report);
    assertTrue(report.contains("| own / cv | 0.5033 | +0.7% | +6.0% | +6.0% | -10.0% | |\n"), report);
    assertTrue(report.contains("| own / cv + RM3 | 0.5600 | +12.0% | +12.0% | +12.0% | +12.0% | +1.8% |\n"), report);
    assertTrue(report.contains("- own-collection vectors, cross-validated: mean MAP +0.7% vs BM25 (target >= +3.0%): "
        + "**missed**; goal +5.0%: **missed**"), report);
    assertTrue(report.contains("- own-collection vectors, cross-validated: worst collection -10.0% (C) (target >= "
        + "-1.0%): **missed**"), report);
    assertTrue(report.contains("- own-collection vectors, factory defaults, as_same_term: worst collection -20.0% (A) "
        + "(target >= -1.0%): **missed**"), report);
    assertTrue(report.contains("- own-collection vectors, factory defaults, as_distinct_terms: worst collection +2.0% "
        + "(C) (target >= -1.0%): **met**"), report);
    assertTrue(report.contains("- own-collection vectors: expansion + RM3 +1.8% vs RM3 alone (goal: above): **met**"),
        report);
    assertTrue(report.contains("| C | k=5, cos>=0.50, w=1.00, as_distinct_terms | +20.0% | +20.0% | +10.0% | -10.0% |\n"), report);
    assertTrue(report.contains("Chosen on all 3 collections: **k=2, cos>=0.80, w=0.30, as_distinct_terms** (criterion: mean +4.3%"), report);
    assertTrue(report.contains("| k=2, cos>=0.80, w=0.30, as_distinct_terms **(chosen)** | +4.0% | +4.0% | +4.7% | +2.0% | +4.3% | +2.0% |"),
        report);
    assertTrue(report.contains("- own-collection vectors, settings cross-validated for these vectors alone (not the "
        + "defaults): mean MAP +8.0% (target >= +3.0%): **met**"), report);
    // With the general vectors alone, BOLD never loses: it is chosen everywhere.
    assertTrue(report.contains("\nWith the general vectors alone:\n\n| held out | chosen on the others | criterion: their mean | "
        + "their worst | held out, general | held out, own |\n|---|---|---|---|---|---|\n"
        + "| A | k=5, cos>=0.50, w=1.00, as_distinct_terms | +15.0% | +10.0% | +20.0% | +20.0% |\n"), report);
    assertTrue(report.contains("\n## B (10 documents, 2 evaluated queries; indexing 10000 docs/s)\n"), report);
    assertTrue(report.contains("\nAgainst RM3 alone:\n"), report);
  }
}

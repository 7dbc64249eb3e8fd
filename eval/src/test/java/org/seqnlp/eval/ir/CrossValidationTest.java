package org.seqnlp.eval.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.seqnlp.eval.ir.CrossValidation.Choice;
import org.seqnlp.eval.ir.CrossValidation.Fold;

class CrossValidationTest {

  static final QuerySettings SAFE = settings(1, 0.9f, 0.1f);
  static final QuerySettings BOLD = settings(5, 0.5f, 1f);
  static final QuerySettings MILD = settings(2, 0.8f, 0.3f);

  private static QuerySettings settings(int maxExpansions, float minCosine, float expansionWeight) {
    return new QuerySettings(new ExpansionSettings(maxExpansions, minCosine, expansionWeight),
        SynonymQueryStyle.AS_DISTINCT_TERMS);
  }

  /** Two topics with the same average precision, so that MAP is exactly {@code map}. */
  static TopicScores scores(double map) {
    return new TopicScores(List.of("1", "2"), new double[] {map, map}, new double[] {map, map},
        new double[] {map, map}, 1_000_000);
  }

  /**
   * BM25 MAP 0.5 everywhere. BOLD gains most on average but loses 10% on C for the "own" vectors; MILD
   * gains less, never loses; SAFE changes nothing.
   */
  static GridScores grid() {
    GridScores grid = new GridScores(List.of(SAFE, BOLD, MILD));
    double[][] bold = {{0.60, 0.60}, {0.60, 0.60}, {0.55, 0.45}};
    double[][] mild = {{0.52, 0.53}, {0.52, 0.53}, {0.52, 0.51}};
    String[] collections = {"A", "B", "C"};
    for (int c = 0; c < collections.length; c++) {
      grid.addBaseline(collections[c], scores(0.5));
      for (int v = 0; v < 2; v++) {
        String vectors = v == 0 ? "general" : "own";
        grid.add(collections[c], vectors, SAFE, scores(0.5));
        grid.add(collections[c], vectors, BOLD, scores(bold[c][v]));
        grid.add(collections[c], vectors, MILD, scores(mild[c][v]));
      }
    }
    return grid;
  }

  @Test
  void choosesTheBestMeanAmongSettingsWithinTheLossLimit() {
    CrossValidation validation = new CrossValidation(grid());
    Choice all = validation.choose(List.of("A", "B", "C"));
    assertEquals(MILD, all.settings(), "BOLD loses 10% on C");
    assertEquals((0.04 + 0.06 + 0.04 + 0.06 + 0.04 + 0.02) / 6, all.meanGain(), 1e-9);
    assertEquals(0.02, all.worstGain(), 1e-9);
    assertEquals(BOLD, validation.choose(List.of("A", "B")).settings());
  }

  @Test
  void eachCollectionIsScoredAtTheChoiceOfTheOthers() {
    List<Fold> folds = new CrossValidation(grid()).leaveOneCollectionOut();
    assertEquals(List.of("A", "B", "C"), folds.stream().map(Fold::heldOut).toList());
    assertEquals(List.of(MILD, MILD, BOLD), folds.stream().map(fold -> fold.choice().settings()).toList());
  }

  /** One collection "A" with BM25 MAP 0.5 and the i-th setting scoring {@code maps[i]} with general vectors. */
  private static GridScores oneCollection(List<QuerySettings> settings, double... maps) {
    GridScores grid = new GridScores(settings);
    grid.addBaseline("A", scores(0.5));
    for (int i = 0; i < maps.length; i++) {
      grid.add("A", "general", settings.get(i), scores(maps[i]));
    }
    return grid;
  }

  @Test
  void withoutASettingWithinTheLimitTheBestMeanWins() {
    Choice choice = new CrossValidation(oneCollection(List.of(SAFE, BOLD), 0.49, 0.45)).choose(List.of("A"));
    assertEquals(SAFE, choice.settings());
    assertFalse(choice.withinLossLimit());
  }

  @Test
  void tiesGoToTheEarlierSetting() {
    assertEquals(BOLD, new CrossValidation(oneCollection(List.of(BOLD, SAFE), 0.5, 0.5)).choose(List.of("A"))
        .settings());
  }

  @Test
  void leavingOneOutNeedsTwoCollections() {
    GridScores grid = oneCollection(List.of(SAFE), 0.5);
    assertThrows(IllegalStateException.class, () -> new CrossValidation(grid).leaveOneCollectionOut());
  }

  @Test
  void choosingForOneVectorSetPoolsOnlyItsGains() {
    CrossValidation general = new CrossValidation(grid(), List.of("general"));
    Choice choice = general.choose(List.of("A", "B", "C"));
    assertEquals(BOLD, choice.settings(), "with the general vectors BOLD never loses");
    assertEquals((0.2 + 0.2 + 0.1) / 3, choice.meanGain(), 1e-9);
    assertThrows(IllegalArgumentException.class, () -> new CrossValidation(grid(), List.of("glove")));
  }
}

package org.seqnlp.eval.ir;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.seqnlp.eval.ir.CrossValidation.Choice;
import org.seqnlp.eval.ir.CrossValidation.Fold;

/**
 * Writes the results as markdown: the summary over collections with the targets checked (when they apply), how the
 * settings were chosen, each collection with significance tests, and every setting of the grid.
 */
public final class IrReport {

  /** Targets of issue 14 for the cross-validated settings: mean MAP gain over BM25 per vector set. */
  static final Map<String, Double> TARGET_MEAN_GAIN = Map.of(IrExperiment.OWN, 0.03, IrExperiment.OWN_JOINED, 0.03,
      IrExperiment.GENERAL, 0.015);
  /** The goal beyond the targets. */
  static final double GOAL_MEAN_GAIN = 0.05;
  /** No collection more than this much below BM25 (relative), at the chosen settings and the defaults. */
  static final double TARGET_WORST_LOSS = -0.01;
  /** A per-collection change is marked when the randomisation test's p-value is below this. */
  private static final double MARKED_P = 0.05;
  private static final long SEED = 42;

  /** One configuration's scores on every collection, in the report's order of collections. */
  public record Row(String label, Row reference, List<TopicScores> scores) {

    /** @param reference what else this row is compared with, besides BM25 (e.g. RM3 for expansion + RM3), or null */
    public Row(String label, Row reference) {
      this(label, reference, new ArrayList<>());
    }

    double meanMap() {
      return scores.stream().mapToDouble(TopicScores::meanAveragePrecision).average().orElseThrow();
    }
  }

  /**
   * The rows of one vector set, by role; {@code defaults} has one row per {@link SynonymQueryStyle}, in
   * their order.
   */
  public record VectorRows(String vectors, Row crossValidated, Row crossValidatedWithRm3, Row crossValidatedAlone,
      List<Row> defaults, Row lucene) {

    List<Row> all() {
      List<Row> all = new ArrayList<>(List.of(crossValidated, crossValidatedWithRm3, crossValidatedAlone));
      all.addAll(defaults);
      all.add(lucene);
      return all;
    }
  }

  public record CollectionInfo(String name, int documents, long indexingNanos) {}

  private final List<CollectionInfo> collections;
  private final Row bm25;
  private final Row rm3;
  private final List<VectorRows> vectorRows;
  private final GridScores grid;
  private final CrossValidation validation;
  private final List<Fold> folds;
  private final Map<String, List<Fold>> foldsAlone;
  private final boolean checksTargets;

  /**
   * @param folds leave-one-collection-out over every vector set together
   * @param foldsAlone the same for each vector set alone, by label
   * @param checksTargets whether to check the targets, which are set for the analysis without stemming
   */
  public IrReport(List<CollectionInfo> collections, Row bm25, Row rm3, List<VectorRows> vectorRows, GridScores grid,
      List<Fold> folds, Map<String, List<Fold>> foldsAlone, boolean checksTargets) {
    this.collections = List.copyOf(collections);
    this.bm25 = bm25;
    this.rm3 = rm3;
    this.vectorRows = List.copyOf(vectorRows);
    this.grid = grid;
    this.validation = new CrossValidation(grid);
    this.folds = List.copyOf(folds);
    this.foldsAlone = Map.copyOf(foldsAlone);
    this.checksTargets = checksTargets;
  }

  /** Every section but the header and the efficiency measurements. */
  public String tables() {
    StringBuilder out = new StringBuilder();
    summary(out);
    if (checksTargets) {
      targets(out);
    }
    crossValidation(out);
    for (int c = 0; c < collections.size(); c++) {
      collection(out, c);
    }
    gridTable(out);
    return out.toString();
  }

  /**
   * One line per vector set: the cross-validated mean MAP change against BM25 with the worst collection,
   * and expansion + RM3 against RM3, for the terminal.
   */
  public String headline() {
    StringBuilder out = new StringBuilder();
    double bm25Mean = bm25.meanMap();
    for (VectorRows rows : vectorRows) {
      int worst = worstCollection(rows.crossValidated());
      out.append(String.format(Locale.ROOT, "%s vectors, cross-validated: mean MAP %s vs BM25 (worst %s %s); "
          + "with RM3 %s vs RM3%n", rows.vectors(), percent(rows.crossValidated().meanMap() / bm25Mean - 1),
          collections.get(worst).name(), percent(gain(rows.crossValidated(), worst)),
          percent(rows.crossValidatedWithRm3().meanMap() / rm3.meanMap() - 1)));
    }
    return out.toString();
  }

  /** How many collections each fold chooses on, as a word. */
  private String others() {
    return number(collections.size() - 1);
  }

  /** Small counts as words, as the report's prose has them. */
  private static String number(int count) {
    List<String> words = List.of("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine");
    return count < words.size() ? words.get(count) : Integer.toString(count);
  }

  private List<Row> rows() {
    List<Row> rows = new ArrayList<>(List.of(bm25, rm3));
    vectorRows.forEach(v -> rows.addAll(v.all()));
    return rows;
  }

  private void summary(StringBuilder out) {
    out.append("## Summary: mean over ").append(collections.size()).append(" collections\n\n");
    out.append("Mean MAP is the mean of the per-collection MAPs, and \"vs BM25\" its relative change; per collection, "
        + "the relative change of MAP against BM25, marked * when the paired randomisation test gives p < "
        + MARKED_P + ". Cross-validated: each collection at the settings chosen on the other " + others()
        + " (see below), so no figure in those rows was chosen on the queries it is scored on; \"for these vectors "
        + "alone\": the same, choosing with that vector set only. Factory defaults: the filter's own defaults, chosen "
        + "on all " + number(collections.size()) + " collections (in-sample).\n\n");
    out.append("| configuration | mean MAP | vs BM25 |");
    collections.forEach(c -> out.append(' ').append(c.name()).append(" |"));
    out.append(" vs RM3 |\n|---|---|---|").append("---|".repeat(collections.size())).append("---|\n");
    double bm25Mean = bm25.meanMap();
    for (Row row : rows()) {
      out.append(String.format(Locale.ROOT, "| %s | %.4f |", row.label(), row.meanMap()));
      out.append(cell(row == bm25 ? "" : percent(row.meanMap() / bm25Mean - 1)));
      for (int c = 0; c < collections.size(); c++) {
        out.append(cell(row == bm25 ? "" : markedChange(bm25.scores().get(c), row.scores().get(c))));
      }
      out.append(cell(row.reference() == null ? "" : percent(row.meanMap() / row.reference().meanMap() - 1)))
          .append('\n');
    }
  }

  /** A table cell, one space on each side of non-empty text. */
  private static String cell(String text) {
    return text.isEmpty() ? " |" : " " + text + " |";
  }

  private String markedChange(TopicScores base, TopicScores system) {
    PairedComparison map = PairedComparison.of(base.averagePrecision(), system.averagePrecision(), SEED);
    return percent(map.relativeChange()) + (map.randomisationP() < MARKED_P ? "*" : "");
  }

  private void targets(StringBuilder out) {
    out.append("\n### Targets (issue 14)\n\n");
    double bm25Mean = bm25.meanMap();
    for (VectorRows rows : vectorRows) {
      double gain = rows.crossValidated().meanMap() / bm25Mean - 1;
      Double target = TARGET_MEAN_GAIN.get(rows.vectors());
      if (target != null) {
        out.append(String.format(Locale.ROOT, "- %s vectors, cross-validated: mean MAP %s vs BM25 (target >= %s): "
            + "**%s**; goal %s: **%s**%n", rows.vectors(), percent(gain), percent(target), metOrMissed(gain >= target),
            percent(GOAL_MEAN_GAIN), metOrMissed(gain >= GOAL_MEAN_GAIN)));
      }
      worstLine(out, rows.vectors() + " vectors, cross-validated", rows.crossValidated());
      double alone = rows.crossValidatedAlone().meanMap() / bm25Mean - 1;
      if (target != null) {
        out.append(String.format(Locale.ROOT, "- %s vectors, settings cross-validated for these vectors alone (not "
            + "the defaults): mean MAP %s (target >= %s): **%s**%n", rows.vectors(), percent(alone), percent(target),
            metOrMissed(alone >= target)));
      }
      worstLine(out, rows.vectors() + " vectors, cross-validated for these vectors alone", rows.crossValidatedAlone());
      for (SynonymQueryStyle style : SynonymQueryStyle.values()) {
        worstLine(out, rows.vectors() + " vectors, factory defaults, " + style, rows.defaults().get(style.ordinal()));
      }
      double overRm3 = rows.crossValidatedWithRm3().meanMap() / rm3.meanMap() - 1;
      out.append(String.format(Locale.ROOT, "- %s vectors: expansion + RM3 %s vs RM3 alone (goal: above): **%s**%n",
          rows.vectors(), percent(overRm3), metOrMissed(overRm3 > 0)));
    }
  }

  private void worstLine(StringBuilder out, String what, Row row) {
    int worst = worstCollection(row);
    out.append(String.format(Locale.ROOT, "- %s: worst collection %s (%s) (target >= %s): **%s**%n", what,
        percent(gain(row, worst)), collections.get(worst).name(), percent(TARGET_WORST_LOSS),
        metOrMissed(gain(row, worst) >= TARGET_WORST_LOSS)));
  }

  private int worstCollection(Row row) {
    int worst = 0;
    for (int c = 1; c < collections.size(); c++) {
      if (gain(row, c) < gain(row, worst)) {
        worst = c;
      }
    }
    return worst;
  }

  private double gain(Row row, int collection) {
    return row.scores().get(collection).meanAveragePrecision() / bm25.scores().get(collection).meanAveragePrecision()
        - 1;
  }

  private void crossValidation(StringBuilder out) {
    out.append("\n## How the settings were chosen\n\n");
    out.append("Leave one collection out: for each collection, the setting of the grid with the highest mean relative "
        + "change of MAP against BM25 over the other " + others() + " collections and every vector set together (")
        .append(String.join(", ", grid.vectors())).append("), among the settings that lose at most ").append(
        CrossValidation.MAX_LOSS_PERCENT).append("% MAP on each of them (if none does, among all); the held-out "
        + "collection is then scored at that setting. Ties go to the setting listed first: the grid runs through "
        + "styles, weights, neighbours and cosines in the order their options give them. The factory defaults are the "
        + "same choice made on all " + number(collections.size()) + " collections. The same procedure with one vector "
        + "set alone gives the settings cross-validated for those vectors (below).\n\n");
    foldTable(out, validation, folds);
    ExpansionSettings defaults = ExpansionSettings.FACTORY_DEFAULTS;
    Choice all = validation.choose(grid.collections());
    out.append(String.format(Locale.ROOT, "The factory defaults are %s: **%s** the choice on all collections.%n",
        defaults, all.settings().expansion().equals(defaults) ? "the same as" : "different from"));
    for (String vectors : grid.vectors()) {
      if (grid.vectors().size() > 1) {
        out.append("\nWith the ").append(vectors).append(" vectors alone:\n\n");
        foldTable(out, new CrossValidation(grid, List.of(vectors)), foldsAlone.get(vectors));
      }
    }
  }

  private void foldTable(StringBuilder out, CrossValidation choosing, List<Fold> folds) {
    out.append("| held out | chosen on the others | criterion: their mean | their worst |");
    grid.vectors().forEach(v -> out.append(" held out, ").append(v).append(" |"));
    out.append("\n|---|---|---|---|").append("---|".repeat(grid.vectors().size())).append('\n');
    for (Fold fold : folds) {
      Choice choice = fold.choice();
      out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s%s |", fold.heldOut(), choice.settings(),
          percent(choice.meanGain()), percent(choice.worstGain()), choice.withinLossLimit() ? "" : " (none within)"));
      for (String vectors : grid.vectors()) {
        out.append(' ').append(percent(grid.gain(fold.heldOut(), vectors, choice.settings()))).append(" |");
      }
      out.append('\n');
    }
    Choice all = choosing.choose(grid.collections());
    out.append(String.format(Locale.ROOT, "%nChosen on all %d collections: **%s** (criterion: mean %s, worst %s).%n",
        grid.collections().size(), all.settings(), percent(all.meanGain()), percent(all.worstGain())));
  }

  private void collection(StringBuilder out, int c) {
    CollectionInfo info = collections.get(c);
    TopicScores base = bm25.scores().get(c);
    out.append("\n## ").append(info.name()).append(String.format(Locale.ROOT,
        " (%d documents, %d evaluated queries; indexing %.0f docs/s)%n%n", info.documents(), base.topicIds().size(),
        info.documents() / (info.indexingNanos() / 1e9)));
    out.append("Against BM25. MAP: relative change and p-values of the paired t-test / Wilcoxon signed-rank / "
        + "randomisation test; nDCG@10 and R@100: relative change and randomisation p.\n\n");
    out.append("| configuration | MAP | ΔMAP | p (t / W / rand) | nDCG@10 | Δ | p | R@100 | Δ | p | queries/s |\n");
    out.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
    out.append(String.format(Locale.ROOT, "| BM25 | %.4f | | | %.4f | | | %.4f | | | %.0f |%n",
        base.meanAveragePrecision(), base.meanNdcg10(), base.meanRecall100(), base.queriesPerSecond()));
    List<Row> referenced = new ArrayList<>();
    for (Row row : rows()) {
      if (row == bm25) {
        continue;
      }
      TopicScores scores = row.scores().get(c);
      out.append("| ").append(row.label()).append(comparisonCells(base, scores))
          .append(String.format(Locale.ROOT, " %.0f |%n", scores.queriesPerSecond()));
      if (row.reference() != null) {
        referenced.add(row);
      }
    }
    if (!referenced.isEmpty()) {
      out.append("\nAgainst RM3 alone:\n\n");
      out.append("| configuration | MAP | ΔMAP | p (t / W / rand) | nDCG@10 | Δ | p | R@100 | Δ | p |\n");
      out.append("|---|---|---|---|---|---|---|---|---|---|\n");
      for (Row row : referenced) {
        out.append("| ").append(row.label()).append(comparisonCells(row.reference().scores().get(c),
            row.scores().get(c))).append('\n');
      }
    }
  }

  private void gridTable(StringBuilder out) {
    out.append("\n## Every setting of the grid (in-sample)\n\n");
    out.append("Relative change of mean MAP against BM25 and the worst collection, per vector set, and the criterion "
        + "over all " + number(collections.size()) + " collections and vector sets (mean; worst). These are chosen "
        + "among on the queries they are scored on: optimistic.\n\n");
    out.append("| setting |");
    grid.vectors().forEach(v -> out.append(' ').append(v).append(" mean | worst |"));
    out.append(" criterion mean | worst |\n|---|").append("---|---|".repeat(grid.vectors().size() + 1)).append('\n');
    QuerySettings chosen = validation.choose(grid.collections()).settings();
    for (QuerySettings settings : grid.grid()) {
      out.append("| ").append(settings).append(settings.equals(chosen) ? " **(chosen)**" : "").append(" |");
      for (String vectors : grid.vectors()) {
        double mean = grid.collections().stream().mapToDouble(c -> grid.scores(c, vectors, settings)
            .meanAveragePrecision()).average().orElseThrow();
        double bm25Mean = bm25.meanMap();
        double worst = grid.collections().stream().mapToDouble(c -> grid.gain(c, vectors, settings)).min()
            .orElseThrow();
        out.append(' ').append(percent(mean / bm25Mean - 1)).append(" | ").append(percent(worst)).append(" |");
      }
      Choice criterion = validation.evaluate(settings, grid.collections());
      out.append(' ').append(percent(criterion.meanGain())).append(" | ").append(percent(criterion.worstGain()))
          .append(" |\n");
    }
  }

  /** Cells {@code | MAP | Δ | p t/W/rand | nDCG | Δ | p | R | Δ | p |} of {@code system} against {@code base}. */
  private static String comparisonCells(TopicScores base, TopicScores system) {
    PairedComparison map = PairedComparison.of(base.averagePrecision(), system.averagePrecision(), SEED);
    PairedComparison ndcg = PairedComparison.of(base.ndcg10(), system.ndcg10(), SEED);
    PairedComparison recall = PairedComparison.of(base.recall100(), system.recall100(), SEED);
    Function<PairedComparison, String> cells = c -> String.format(Locale.ROOT, " %.4f | %s |", c.systemMean(),
        percent(c.relativeChange()));
    return " |" + cells.apply(map) + String.format(Locale.ROOT, " %s / %s / %s |", p(map.tTestP()),
        p(map.wilcoxonP()), p(map.randomisationP())) + cells.apply(ndcg) + " " + p(ndcg.randomisationP()) + " |"
        + cells.apply(recall) + " " + p(recall.randomisationP()) + " |";
  }

  private static String metOrMissed(boolean met) {
    return met ? "met" : "missed";
  }

  static String percent(double change) {
    return String.format(Locale.ROOT, "%+.1f%%", 100 * change);
  }

  static String p(double value) {
    return value < 0.001 ? "<.001" : String.format(Locale.ROOT, "%.3f", value).replaceFirst("^0", "");
  }
}

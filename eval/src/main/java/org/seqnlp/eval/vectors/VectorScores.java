package org.seqnlp.eval.vectors;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.seqnlp.eval.vectors.AnalogyResult.Method;
import org.seqnlp.eval.vectors.AnalogyResult.Scope;

/** The analogy and similarity scores of one set of vectors, and their report. */
public record VectorScores(AnalogyResult analogy, List<SimilarityResult> similarities) {

  public VectorScores {
    similarities = List.copyOf(similarities);
  }

  /** The full report: analogy accuracy per scope and method with coverage, then each similarity test. */
  public List<String> report() {
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "analogy coverage: %d / %d questions (%.1f%%; semantic %d / %d,"
            + " syntactic %d / %d)", analogy.covered(Scope.ALL), analogy.questions(Scope.ALL),
        100 * analogy.coverage(Scope.ALL), analogy.covered(Scope.SEMANTIC),
        analogy.questions(Scope.SEMANTIC), analogy.covered(Scope.SYNTACTIC),
        analogy.questions(Scope.SYNTACTIC)));
    for (Method method : Method.values()) {
      lines.add(String.format(Locale.ROOT, "analogy %s: total %.2f%%, semantic %.2f%%, syntactic %.2f%%",
          method.label(), percent(Scope.ALL, method), percent(Scope.SEMANTIC, method),
          percent(Scope.SYNTACTIC, method)));
    }
    for (AnalogyResult.SectionScore section : analogy.sections()) {
      lines.add(String.format(Locale.ROOT, "  %-28s %5d / %5d covered, 3CosAdd %6.2f%%, 3CosMul %6.2f%%",
          section.name(), section.covered(), section.questions(),
          section.covered() == 0 ? Double.NaN : 100.0 * section.correctAdd() / section.covered(),
          section.covered() == 0 ? Double.NaN : 100.0 * section.correctMul() / section.covered()));
    }
    for (SimilarityResult similarity : similarities) {
      lines.add(String.format(Locale.ROOT, "%-12s Spearman %.3f over %d / %d pairs", similarity.test(),
          similarity.spearman(), similarity.covered(), similarity.pairs()));
    }
    return lines;
  }

  /** One table row: 3CosAdd total (semantic / syntactic), then each similarity correlation. */
  public String summary() {
    StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%.2f%% (%.1f / %.1f)",
        percent(Scope.ALL, Method.COS_ADD), percent(Scope.SEMANTIC, Method.COS_ADD),
        percent(Scope.SYNTACTIC, Method.COS_ADD)));
    for (SimilarityResult similarity : similarities) {
      row.append(String.format(Locale.ROOT, " | %.3f", similarity.spearman()));
    }
    return row.toString();
  }

  private double percent(Scope scope, Method method) {
    return 100 * analogy.accuracy(scope, method);
  }
}

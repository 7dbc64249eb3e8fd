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
    lines.add(String.format(Locale.ROOT, "analogy coverage: %d / %d questions (%s; semantic %d / %d,"
            + " syntactic %d / %d)", analogy.covered(Scope.ALL), analogy.questions(Scope.ALL),
        defined("%.1f%%", 100 * analogy.coverage(Scope.ALL)), analogy.covered(Scope.SEMANTIC),
        analogy.questions(Scope.SEMANTIC), analogy.covered(Scope.SYNTACTIC),
        analogy.questions(Scope.SYNTACTIC)));
    for (Method method : Method.values()) {
      lines.add(String.format(Locale.ROOT, "analogy %s: total %s, semantic %s, syntactic %s", method.label(),
          percent(Scope.ALL, method, "%.2f%%"), percent(Scope.SEMANTIC, method, "%.2f%%"),
          percent(Scope.SYNTACTIC, method, "%.2f%%")));
    }
    for (AnalogyResult.SectionScore section : analogy.sections()) {
      lines.add(String.format(Locale.ROOT, "  %-28s %5d / %5d covered, 3CosAdd %7s, 3CosMul %7s",
          section.name(), section.covered(), section.questions(),
          defined("%.2f%%", 100.0 * section.correctAdd() / section.covered()),
          defined("%.2f%%", 100.0 * section.correctMul() / section.covered())));
    }
    for (SimilarityResult similarity : similarities) {
      lines.add(String.format(Locale.ROOT, "%-12s Spearman %s over %d / %d pairs", similarity.test(),
          defined("%.3f", similarity.spearman()), similarity.covered(), similarity.pairs()));
    }
    return lines;
  }

  /** One table row: 3CosAdd total (semantic / syntactic), then each similarity correlation. */
  public String summary() {
    StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%s (%s / %s)",
        percent(Scope.ALL, Method.COS_ADD, "%.2f%%"), percent(Scope.SEMANTIC, Method.COS_ADD, "%.1f"),
        percent(Scope.SYNTACTIC, Method.COS_ADD, "%.1f")));
    for (SimilarityResult similarity : similarities) {
      row.append(" | ").append(defined("%.3f", similarity.spearman()));
    }
    return row.toString();
  }

  private String percent(Scope scope, Method method, String format) {
    return defined(format, 100 * analogy.accuracy(scope, method));
  }

  /** A score with nothing to score (no question or pair covered, or fewer than two pairs) is not zero. */
  private static String defined(String format, double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, format, value) : "n/a";
  }
}

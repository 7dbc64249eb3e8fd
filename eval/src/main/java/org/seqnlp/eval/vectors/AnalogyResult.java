package org.seqnlp.eval.vectors;

import java.util.List;
import java.util.function.Predicate;

/** Analogy accuracy per section, and summed over the semantic, the syntactic and all sections. */
public record AnalogyResult(List<SectionScore> sections) {

  /** How an answer is chosen. */
  public enum Method {
    COS_ADD("3CosAdd"), COS_MUL("3CosMul");

    private final String label;

    Method(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** Which sections a figure covers. */
  public enum Scope {
    SEMANTIC(SectionScore::semantic), SYNTACTIC(section -> !section.semantic()), ALL(section -> true);

    private final Predicate<SectionScore> filter;

    Scope(Predicate<SectionScore> filter) {
      this.filter = filter;
    }
  }

  /**
   * @param questions questions in the section
   * @param covered questions whose four words are in the searched vocabulary
   * @param correctAdd covered questions answered right by 3CosAdd
   * @param correctMul covered questions answered right by 3CosMul
   */
  public record SectionScore(String name, boolean semantic, int questions, int covered, int correctAdd,
      int correctMul) {

    int correct(Method method) {
      return method == Method.COS_ADD ? correctAdd : correctMul;
    }
  }

  public AnalogyResult {
    sections = List.copyOf(sections);
  }

  public int questions(Scope scope) {
    return sections.stream().filter(scope.filter).mapToInt(SectionScore::questions).sum();
  }

  public int covered(Scope scope) {
    return sections.stream().filter(scope.filter).mapToInt(SectionScore::covered).sum();
  }

  public int correct(Scope scope, Method method) {
    return sections.stream().filter(scope.filter).mapToInt(section -> section.correct(method)).sum();
  }

  /** Correct answers over covered questions, or NaN when none is covered. */
  public double accuracy(Scope scope, Method method) {
    int covered = covered(scope);
    return covered == 0 ? Double.NaN : correct(scope, method) / (double) covered;
  }

  /** Covered questions over all questions. */
  public double coverage(Scope scope) {
    int questions = questions(scope);
    return questions == 0 ? Double.NaN : covered(scope) / (double) questions;
  }
}

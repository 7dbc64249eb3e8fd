package org.seqnlp.eval.vectors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * Answers analogy questions "a is to b as c is to ?" by 3CosAdd (Mikolov et al. 2013: the word
 * closest to b - a + c) and by 3CosMul (Levy and Goldberg 2014:
 * {@code cos'(d,b) cos'(d,c) / (cos'(d,a) + 0.001)} with cosines shifted to [0, 1]), searching only the
 * most frequent words and excluding a, b and c from the answers, as word2vec's compute-accuracy does.
 * A question counts only when all four of its words are among those words.
 */
public final class AnalogyEvaluator {

  /** The usual restriction: answers among the 30,000 most frequent words. */
  public static final int DEFAULT_VOCABULARY_LIMIT = 30_000;
  private static final float COS_MUL_EPSILON = 0.001f;

  private AnalogyEvaluator() {
  }

  /**
   * @param vocabularyLimit how many of the first (most frequent) rows questions and answers may use
   */
  public static AnalogyResult evaluate(UnitVectors vectors, AnalogyTest test, int vocabularyLimit) {
    int limit = Math.min(vocabularyLimit, vectors.size());
    List<int[]> covered = new ArrayList<>();
    List<Integer> sectionOfCovered = new ArrayList<>();
    int[] questions = new int[test.sections().size()];
    for (int s = 0; s < questions.length; s++) {
      for (AnalogyTest.Question question : test.sections().get(s).questions()) {
        questions[s]++;
        int[] rows = {vectors.find(question.a()), vectors.find(question.b()),
            vectors.find(question.c()), vectors.find(question.expected())};
        if (IntStream.of(rows).allMatch(row -> row >= 0 && row < limit)) {
          covered.add(rows);
          sectionOfCovered.add(s);
        }
      }
    }
    // Questions share few words (about 900 in the Google set): their cosine rows are computed once.
    Map<Integer, float[]> cosines = new ConcurrentHashMap<>();
    covered.stream().flatMapToInt(rows -> IntStream.of(rows[0], rows[1], rows[2])).distinct().parallel()
        .forEach(row -> cosines.put(row, vectors.cosines(row, limit)));
    boolean[][] correct = new boolean[covered.size()][];
    IntStream.range(0, covered.size()).parallel()
        .forEach(i -> correct[i] = answer(covered.get(i), cosines, limit));
    int[] coveredCount = new int[questions.length];
    int[] addCorrect = new int[questions.length];
    int[] mulCorrect = new int[questions.length];
    for (int i = 0; i < correct.length; i++) {
      int section = sectionOfCovered.get(i);
      coveredCount[section]++;
      addCorrect[section] += correct[i][0] ? 1 : 0;
      mulCorrect[section] += correct[i][1] ? 1 : 0;
    }
    List<AnalogyResult.SectionScore> sections = new ArrayList<>();
    for (int s = 0; s < questions.length; s++) {
      sections.add(new AnalogyResult.SectionScore(test.sections().get(s).name(), test.isSemantic(s),
          questions[s], coveredCount[s], addCorrect[s], mulCorrect[s]));
    }
    return new AnalogyResult(sections);
  }

  /** Whether 3CosAdd and 3CosMul find the expected word, in that order. */
  private static boolean[] answer(int[] rows, Map<Integer, float[]> cosines, int limit) {
    float[] toA = cosines.get(rows[0]);
    float[] toB = cosines.get(rows[1]);
    float[] toC = cosines.get(rows[2]);
    int bestAdd = -1;
    int bestMul = -1;
    float bestAddScore = Float.NEGATIVE_INFINITY;
    float bestMulScore = Float.NEGATIVE_INFINITY;
    for (int d = 0; d < limit; d++) {
      if (d == rows[0] || d == rows[1] || d == rows[2]) {
        continue;
      }
      float add = toB[d] - toA[d] + toC[d];
      if (add > bestAddScore) {
        bestAddScore = add;
        bestAdd = d;
      }
      float mul = (toB[d] + 1) / 2 * ((toC[d] + 1) / 2) / ((toA[d] + 1) / 2 + COS_MUL_EPSILON);
      if (mul > bestMulScore) {
        bestMulScore = mul;
        bestMul = d;
      }
    }
    return new boolean[] {bestAdd == rows[3], bestMul == rows[3]};
  }
}

package org.seqnlp.eval.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqnlp.eval.vectors.AnalogyResult.Method;
import org.seqnlp.eval.vectors.AnalogyResult.Scope;
import org.seqnlp.eval.vectors.AnalogyTest.Question;
import org.seqnlp.eval.vectors.AnalogyTest.Section;
import org.seqnlp.io.InputFormatException;

class AnalogyEvaluatorTest {

  @TempDir
  Path directory;

  private final UnitVectors vectors = new UnitVectors(EvaluationFixtures.vectors());

  @Test
  void readsSectionsAndQuestions() throws IOException {
    Path data = EvaluationFixtures.writeTestSets(directory);
    AnalogyTest test = AnalogyTest.readGoogle(data.resolve(StandardVectorTests.ANALOGY));
    assertEquals(List.of("family", "gram3-comparative"), test.sections().stream().map(Section::name).toList());
    assertEquals(new Question("man", "woman", "king", "queen"), test.sections().get(0).questions().get(0));
    assertEquals(5, test.questionCount());
  }

  @Test
  void malformedQuestionsAreReportedWithTheirLine() throws IOException {
    Path file = Files.writeString(directory.resolve("bad.txt"), ": family\nman woman king\n");
    InputFormatException error = assertThrows(InputFormatException.class, () -> AnalogyTest.readGoogle(file));
    assertEquals(2, error.position());
  }

  @Test
  void answersKnownAnalogiesAndCountsCoverage() {
    AnalogyTest test = new AnalogyTest(List.of(
        new Section("family", List.of(new Question("man", "woman", "king", "queen"),
            new Question("man", "woman", "unknown", "queen"))),
        new Section("gram3-comparative", List.of(new Question("good", "better", "bad", "worse"),
            new Question("Good", "Better", "Bad", "Worse")))), 1);
    AnalogyResult result = AnalogyEvaluator.evaluate(vectors, test, 100);
    assertEquals(4, result.questions(Scope.ALL));
    assertEquals(3, result.covered(Scope.ALL), "the question with an unknown word is skipped");
    assertEquals(0.75, result.coverage(Scope.ALL));
    assertEquals(1.0, result.accuracy(Scope.SEMANTIC, Method.COS_ADD));
    assertEquals(1, result.covered(Scope.SEMANTIC));
    assertEquals(2, result.covered(Scope.SYNTACTIC), "capitalised questions are looked up lowercased");
    assertEquals(1.0, result.accuracy(Scope.ALL, Method.COS_ADD));
    assertEquals(1.0, result.accuracy(Scope.SEMANTIC, Method.COS_MUL));
  }

  @Test
  void onlyTheMostFrequentWordsCount() {
    AnalogyTest test = new AnalogyTest(List.of(new Section("family", List.of(
        new Question("man", "woman", "king", "queen"), new Question("good", "better", "bad", "worse")))), 1);
    AnalogyResult result = AnalogyEvaluator.evaluate(vectors, test, 4);
    assertEquals(1, result.covered(Scope.ALL), "good/better/bad/worse are beyond the first 4 rows");
    assertEquals(Double.NaN, result.accuracy(Scope.SYNTACTIC, Method.COS_ADD));
  }
}

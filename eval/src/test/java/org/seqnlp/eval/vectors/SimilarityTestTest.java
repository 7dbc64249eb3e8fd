package org.seqnlp.eval.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqnlp.io.InputFormatException;
import org.seqnlp.vectors.CharacterNgrams;
import org.seqnlp.vectors.SubwordVectors;
import org.seqnlp.vectors.WordVectors;

class SimilarityTestTest {

  @TempDir
  Path directory;

  private final UnitVectors vectors = new UnitVectors(EvaluationFixtures.vectors());

  @Test
  void readsTheThreeFormatsSkippingTheirHeaders() throws IOException {
    Path data = EvaluationFixtures.writeTestSets(directory);
    SimilarityTest wordSim = SimilarityTest.readWordSim353(data.resolve(StandardVectorTests.WORDSIM));
    assertEquals(new SimilarityTest.Pair("king", "queen", 8.5), wordSim.pairs().get(0));
    assertEquals(4, wordSim.pairs().size());
    SimilarityTest simLex = SimilarityTest.readSimLex999(data.resolve(StandardVectorTests.SIMLEX));
    assertEquals(new SimilarityTest.Pair("good", "better", 9.0), simLex.pairs().get(0));
    SimilarityTest men = SimilarityTest.readMen(data.resolve(StandardVectorTests.MEN));
    assertEquals(List.of(45.0, 30.0, 2.0), men.pairs().stream().map(SimilarityTest.Pair::score).toList());
  }

  @Test
  void spearmanOverCoveredPairs() {
    // Cosines: king-queen 0.93, man-woman 0.71, king-apple -0.03: same order as the scores.
    SimilarityTest test = new SimilarityTest("fixture", List.of(
        new SimilarityTest.Pair("king", "queen", 9), new SimilarityTest.Pair("man", "woman", 7),
        new SimilarityTest.Pair("king", "apple", 1), new SimilarityTest.Pair("unknown", "king", 5)));
    SimilarityResult result = test.evaluate(vectors);
    assertEquals(4, result.pairs());
    assertEquals(3, result.covered());
    assertEquals(1.0, result.spearman(), 1e-12);
    SimilarityTest reversed = new SimilarityTest("reversed", List.of(
        new SimilarityTest.Pair("king", "queen", 1), new SimilarityTest.Pair("man", "woman", 7),
        new SimilarityTest.Pair("king", "apple", 9)));
    assertEquals(-1.0, reversed.evaluate(vectors).spearman(), 1e-12);
  }

  @Test
  void aNonNumericScoreAfterTheHeaderIsAnError() throws IOException {
    Path file = Files.writeString(directory.resolve("men.txt"), "word1 word2 score\nking queen high\n");
    InputFormatException error = assertThrows(InputFormatException.class, () -> SimilarityTest.readMen(file));
    assertEquals(2, error.position());
    Path short_ = Files.writeString(directory.resolve("short.txt"), "king queen\n");
    assertThrows(InputFormatException.class, () -> SimilarityTest.readMen(short_));
    for (String score : new String[] {"NaN", "Infinity"}) {
      Path infinite = Files.writeString(directory.resolve("nan.txt"), "king queen 5\ntiger cat " + score + "\n");
      InputFormatException e = assertThrows(InputFormatException.class, () -> SimilarityTest.readMen(infinite));
      assertEquals(infinite + ":2: score '" + score + "' is not a finite number", e.getMessage());
    }
  }

  @Test
  void aSubwordModelScoresPairsWithUnseenWordsByTheirNgramVectors() {
    WordVectors fixture = EvaluationFixtures.vectors();
    // Every n-gram bucket points like "queen" (3, 1.2), so any unseen word does too.
    float[] buckets = new float[40 * 2];
    for (int b = 0; b < 40; b++) {
      buckets[2 * b] = 3;
      buckets[2 * b + 1] = 1.2f;
    }
    List<String> words = new java.util.ArrayList<>();
    float[] rows = new float[fixture.size() * 2];
    for (int row = 0; row < fixture.size(); row++) {
      words.add(fixture.word(row));
      System.arraycopy(fixture.vector(row), 0, rows, 2 * row, 2);
    }
    WordVectors subwords = new WordVectors(words, 2, rows,
        new SubwordVectors(new CharacterNgrams(3, 4, 40), 2, buckets));
    SimilarityTest test = new SimilarityTest("fixture", List.of(
        new SimilarityTest.Pair("king", "queen", 9), new SimilarityTest.Pair("man", "woman", 7),
        new SimilarityTest.Pair("King", "Queens", 9), new SimilarityTest.Pair("king", "apple", 1)));
    assertEquals(3, test.evaluate(new UnitVectors(subwords)).covered());
    SimilarityResult any = test.evaluateAnyWord(subwords);
    assertEquals(4, any.covered(), "'Queens' gets the n-gram vector, 'King' is looked up lowercased");
    // cos(king, queens) is cos(king, queen) up to rounding: the human order holds but for that near tie.
    assertTrue(any.spearman() > 0.9, "Spearman " + any.spearman());
    assertEquals(3, test.evaluateAnyWord(fixture).covered(), "without n-gram vectors, as evaluate");
  }
}

package org.seqnlp.eval.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqnlp.io.InputFormatException;

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
  }
}

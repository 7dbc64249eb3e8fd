package org.seqnlp.eval.vectors;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.seqnlp.vectors.WordVectors;

/** Hand-made vectors and test files laid out as in the shared data directory. */
public final class EvaluationFixtures {

  private EvaluationFixtures() {
  }

  /**
   * Two-dimensional vectors where {@code queen = king - man + woman} exactly and the comparative
   * pairs lie on one offset, so analogy answers are known.
   */
  public static WordVectors vectors() {
    List<String> words = List.of("man", "woman", "king", "queen", "good", "better", "bad", "worse",
        "apple", "rare");
    float[] matrix = {
        1, 0, /* man */
        1, 1, /* woman */
        3, 0.2f, /* king */
        3, 1.2f, /* queen */
        -1, 2, /* good */
        -2, 2.5f, /* better */
        -1, -2, /* bad */
        -2, -1.5f, /* worse */
        0.1f, -3, /* apple */
        -3, -0.1f /* rare */
    };
    return new WordVectors(words, 2, matrix);
  }

  /** Writes the four test sets below {@code data} in their shared-data layout and formats. */
  public static Path writeTestSets(Path data) throws IOException {
    write(data.resolve(StandardVectorTests.ANALOGY), ": family\nman woman king queen\nman king woman queen\n"
        + "man woman unknown queen\n: gram3-comparative\ngood better bad worse\nGood Better Bad Worse\n");
    write(data.resolve(StandardVectorTests.WORDSIM), "Word 1,Word 2,Human (mean)\r\nking,queen,8.5\r\n"
        + "man,woman,8.3\r\nking,apple,0.5\r\nunknown,king,3\r\n");
    write(data.resolve(StandardVectorTests.SIMLEX), "word1\tword2\tPOS\tSimLex999\tconc(w1)\r\n"
        + "good\tbetter\tA\t9.0\t1\r\nbad\tworse\tA\t8.0\t1\r\ngood\tapple\tN\t0.1\t1\r\n");
    write(data.resolve(StandardVectorTests.MEN), "word1 word2 score\nking queen 45.0\nking man 30.0\n"
        + "king apple 2.0\n");
    return data;
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}

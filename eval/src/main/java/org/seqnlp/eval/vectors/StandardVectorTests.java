package org.seqnlp.eval.vectors;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.seqnlp.vectors.WordVectors;

/**
 * The four standard test sets read from the shared data directory: the Google analogies,
 * WordSim-353, SimLex-999 and MEN (files as described in each folder's PROVENANCE.md).
 */
public final class StandardVectorTests {

  static final Path ANALOGY = Path.of("wordvec-eval", "google-analogy", "questions-words.txt");
  static final Path WORDSIM = Path.of("wordvec-eval", "wordsim353", "combined.csv");
  static final Path SIMLEX = Path.of("wordvec-eval", "simlex-999", "SimLex-999.txt");
  static final Path MEN = Path.of("wordvec-eval", "men", "MEN_dataset_natural_form_full");

  private final AnalogyTest analogies;
  private final List<SimilarityTest> similarities;

  public StandardVectorTests(AnalogyTest analogies, List<SimilarityTest> similarities) {
    this.analogies = analogies;
    this.similarities = List.copyOf(similarities);
  }

  /** The files of the test sets below {@code dataDirectory}, for the check that no output overwrites one. */
  public static List<Path> files(Path dataDirectory) {
    return List.of(ANALOGY, WORDSIM, SIMLEX, MEN).stream().map(dataDirectory::resolve).toList();
  }

  /** Reads the test sets below {@code dataDirectory} (the directory that holds wordvec-eval/). */
  public static StandardVectorTests read(Path dataDirectory) throws IOException {
    return new StandardVectorTests(AnalogyTest.readGoogle(existing(dataDirectory, ANALOGY)), List.of(
        SimilarityTest.readWordSim353(existing(dataDirectory, WORDSIM)),
        SimilarityTest.readSimLex999(existing(dataDirectory, SIMLEX)),
        SimilarityTest.readMen(existing(dataDirectory, MEN))));
  }

  private static Path existing(Path dataDirectory, Path relative) throws NoSuchFileException {
    Path file = dataDirectory.resolve(relative);
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString(), null,
          "test set missing: is " + dataDirectory + " the shared data directory?");
    }
    return file;
  }

  /** The similarity tests over every pair whose words get a vector, unseen ones from n-gram vectors. */
  public List<SimilarityResult> similaritiesOfAnyWord(WordVectors vectors) {
    return similarities.stream().map(test -> test.evaluateAnyWord(vectors)).toList();
  }

  /** Scores {@code vectors}, answering analogies among its {@code analogyVocabulary} first words. */
  public VectorScores evaluate(UnitVectors vectors, int analogyVocabulary) {
    return new VectorScores(AnalogyEvaluator.evaluate(vectors, analogies, analogyVocabulary),
        similarities.stream().map(test -> test.evaluate(vectors)).toList());
  }
}

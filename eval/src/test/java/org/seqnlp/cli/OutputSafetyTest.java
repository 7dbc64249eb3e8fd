package org.seqnlp.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqnlp.eval.vectors.EvaluationFixtures;
import org.seqnlp.vectors.format.VectorFiles;
import org.seqnlp.vectors.format.VectorFormat;

/**
 * Every writing command checks its output before any work: an output that names an input, or that
 * cannot be written, is a one-line usage error (exit 2) and the input is left as it was.
 */
class OutputSafetyTest extends ToolTest {

  @TempDir
  Path directory;

  private Path corpus() throws IOException {
    return Files.writeString(directory.resolve("corpus.txt"), "the cat sat on the mat\nthe dog sat on the log\n"
        .repeat(20));
  }

  private void assertOneLineUsageError(int exitCode, String expectedStart) {
    assertEquals(SeqNlp.EXIT_USAGE, exitCode, err.toString());
    assertEquals(1, err.toString().strip().lines().count(), err.toString());
    assertTrue(err.toString().startsWith(expectedStart), err.toString());
  }

  /** Path.of("") is the working directory: read as vectors or written to, it would give a misleading error. */
  @Test
  void anEmptyPathIsAUsageErrorNamingTheOption() throws IOException {
    Path corpus = corpus();
    assertOneLineUsageError(run("train-vectors", corpus.toString(), "--join", "", "-o",
        directory.resolve("v.bin").toString(), "--min-count", "1"), "seqnlp train-vectors: Invalid value for option"
        + " '--join': an empty path names no file (see --help)");
    err.getBuffer().setLength(0);
    assertOneLineUsageError(run("train-vectors", corpus.toString(), "-o", "", "--min-count", "1"),
        "seqnlp train-vectors: Invalid value for option '--output': an empty path names no file");
    err.getBuffer().setLength(0);
    assertOneLineUsageError(run("train-vectors", corpus.toString(), "-o", "v\0.bin", "--min-count", "1"),
        "seqnlp train-vectors: Invalid value for option '--output': Nul character not allowed");
    assertEquals("", out.toString(), "nothing was trained");
  }

  @Test
  void trainVectorsRefusesToOverwriteItsCorpus() throws IOException {
    Path corpus = corpus();
    byte[] before = Files.readAllBytes(corpus);
    assertOneLineUsageError(run("train-vectors", corpus.toString(), "-o", corpus.toString(), "--min-count", "1"),
        "seqnlp train-vectors: error: " + corpus + ": is also an input");
    assertArrayEquals(before, Files.readAllBytes(corpus));
    assertEquals("", out.toString(), "nothing was trained");
  }

  @Test
  void trainVectorsRefusesAFileOfACorpusDirectoryReachedThroughAnotherPath() throws IOException {
    Path corpus = corpus();
    byte[] before = Files.readAllBytes(corpus);
    Path sameFile = directory.resolve(".").resolve("corpus.txt");
    assertOneLineUsageError(run("train-vectors", directory.toString(), "-o", sameFile.toString(), "--min-count", "1"),
        "seqnlp train-vectors: error: " + sameFile + ": is also an input");
    assertArrayEquals(before, Files.readAllBytes(corpus));
  }

  /** Written where the link points, the vectors would be read as corpus text by the next run. */
  @Test
  void trainVectorsRefusesALinkIntoItsCorpusDirectory() throws IOException {
    Path corpus = Files.createDirectories(directory.resolve("corpus"));
    Files.writeString(corpus.resolve("text.txt"), "the cat sat on the mat\n".repeat(20));
    Path link = Files.createSymbolicLink(directory.resolve("out.bin"), corpus.resolve("vectors.txt"));
    assertOneLineUsageError(run("train-vectors", corpus.toString(), "-o", link.toString(), "--min-count", "1"),
        "seqnlp train-vectors: error: " + link + ": is inside " + corpus);
    assertFalse(Files.exists(corpus.resolve("vectors.txt")));
    err.getBuffer().setLength(0);
    Path outside = Files.createDirectories(directory.resolve("outside"));
    Path linkInside = Files.createSymbolicLink(corpus.resolve("out.txt"), outside.resolve("vectors.bin"));
    assertOneLineUsageError(run("train-vectors", corpus.toString(), "-o", linkInside.toString(), "--min-count",
        "1"), "seqnlp train-vectors: error: " + linkInside + ": is inside " + corpus);
    assertFalse(Files.exists(outside.resolve("vectors.bin")), "the next run would read it through the link");
  }

  /** The next run would read it as corpus text; a name the corpus reader skips (v.bin) may go there. */
  @Test
  void trainVectorsRefusesANewCorpusFileInsideItsCorpusDirectory() throws IOException {
    corpus();
    Path inside = directory.resolve("vectors.txt");
    assertOneLineUsageError(run("train-vectors", directory.toString(), "-o", inside.toString(), "--min-count", "1"),
        "seqnlp train-vectors: error: " + inside + ": is inside " + directory);
    assertFalse(Files.exists(inside));
    err.getBuffer().setLength(0);
    Path binary = directory.resolve("vectors.bin");
    assertEquals(0, run("train-vectors", directory.toString(), "-o", binary.toString(), "--min-count", "1",
        "--epochs", "1"), err.toString());
    assertTrue(Files.exists(binary));
  }

  @Test
  void trainVectorsChecksTheOutputDirectoryBeforeTraining() throws IOException {
    Path output = directory.resolve("missing").resolve("v.bin");
    assertOneLineUsageError(run("train-vectors", corpus().toString(), "-o", output.toString(), "--min-count", "1"),
        "seqnlp train-vectors: error: " + output + ": its directory");
    assertEquals("seqnlp train-vectors: error: " + output + ": its directory " + output.getParent()
        + " does not exist", err.toString().strip());
  }

  @Test
  void trainVectorsWritesFilesOthersCanRead() throws IOException {
    Path output = directory.resolve("v.bin");
    assertEquals(0, run("train-vectors", corpus().toString(), "-o", output.toString(), "--min-count", "1",
        "--dim", "4", "--epochs", "1", "--threads", "1"), err.toString());
    // Files.createTempFile gave 0600, which a Solr running as another user cannot read.
    assertTrue(Files.getPosixFilePermissions(output).contains(PosixFilePermission.OTHERS_READ));
  }

  @Test
  void trainVectorsRefusesBeforeTrainingAWordItsReaderWouldRefuse() throws IOException {
    Path corpus = Files.writeString(directory.resolve("long.txt"), "short words " + "x".repeat(70_000) + "\n");
    Path output = directory.resolve("v.bin");
    assertEquals(SeqNlp.EXIT_FAILURE, run("train-vectors", corpus.toString(), "-o", output.toString(),
        "--min-count", "1", "--dim", "4", "--threads", "1"));
    assertEquals(1, err.toString().lines().filter(line -> line.startsWith("seqnlp")).count(), err.toString());
    assertTrue(err.toString().contains("seqnlp train-vectors: error: " + corpus + ": cannot write word 'xxxx"),
        err.toString());
    assertTrue(err.toString().contains("(70,000 bytes): vector files hold words of at most 65,536 bytes; nothing"
        + " was trained"), err.toString());
    assertFalse(err.toString().contains("training skip-gram"), err.toString());
    assertFalse(Files.exists(output));
  }

  @Test
  void evalIrRefusesToOverwriteItsVectors() throws IOException {
    Path vectors = Files.writeString(directory.resolve("v.txt"), "1 2\nword 0.1 0.2\n");
    assertOneLineUsageError(run("eval-ir", "--data", directory.toString(), "--vectors", vectors.toString(),
        "--output", vectors.toString()), "seqnlp eval-ir: error: " + vectors + ": is also an input");
    assertEquals("1 2\nword 0.1 0.2\n", Files.readString(vectors));
  }

  @Test
  void evalVectorsRefusesToDrawOverItsVectorsOrATestSet() throws IOException {
    Path data = EvaluationFixtures.writeTestSets(directory.resolve("data"));
    Path vectors = directory.resolve("fixture.bin");
    VectorFiles.write(EvaluationFixtures.vectors(), vectors, VectorFormat.WORD2VEC_BINARY);
    Path men = data.resolve("wordvec-eval").resolve("men").resolve("MEN_dataset_natural_form_full");
    for (Path input : List.of(vectors, men)) {
      err.getBuffer().setLength(0);
      byte[] before = Files.readAllBytes(input);
      assertOneLineUsageError(run("eval-vectors", vectors.toString(), "--data", data.toString(), "--plot",
          input.toString()), "seqnlp eval-vectors: error: " + input + ": is also an input");
      assertArrayEquals(before, Files.readAllBytes(input));
    }
  }

  @Test
  void evalIrRefusesAnOutputAmongItsCollections() throws IOException {
    Path vectors = Files.writeString(directory.resolve("v.txt"), "1 2\nword 0.1 0.2\n");
    Path judgements = Files.createDirectories(directory.resolve("ir").resolve("med")).resolve("MED.REL");
    Files.writeString(judgements, "1 0 13 1\n");
    assertOneLineUsageError(run("eval-ir", "--data", directory.toString(), "--vectors", vectors.toString(),
        "--output", judgements.toString()), "seqnlp eval-ir: error: " + judgements + ": is inside "
        + directory.resolve("ir"));
    assertEquals("1 0 13 1\n", Files.readString(judgements));
  }
}

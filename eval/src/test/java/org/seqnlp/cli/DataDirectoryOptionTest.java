package org.seqnlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqnlp.eval.vectors.EvaluationFixtures;
import org.seqnlp.io.DataDirectory;
import org.seqnlp.vectors.format.VectorFiles;
import org.seqnlp.vectors.format.VectorFormat;

/** Without --data, the evaluations read the data directory that DataDirectory resolves, as the README says. */
class DataDirectoryOptionTest extends ToolTest {

  @TempDir
  Path directory;

  private String previous;

  @BeforeEach
  void pointTheDataPropertyAtAFixture() {
    previous = System.getProperty(DataDirectory.PROPERTY);
    System.setProperty(DataDirectory.PROPERTY, directory.resolve("data").toString());
  }

  @AfterEach
  void restoreTheDataProperty() {
    if (previous == null) {
      System.clearProperty(DataDirectory.PROPERTY);
    } else {
      System.setProperty(DataDirectory.PROPERTY, previous);
    }
  }

  @Test
  void evalVectorsReadsTheTestSetsFromTheResolvedDirectory() throws IOException {
    EvaluationFixtures.writeTestSets(directory.resolve("data"));
    Path vectors = directory.resolve("fixture.bin");
    VectorFiles.write(EvaluationFixtures.vectors(), vectors, VectorFormat.WORD2VEC_BINARY);
    assertEquals(0, run("eval-vectors", vectors.toString(), "--neighbours", "king"), err.toString());
    assertTrue(out.toString().contains("analogy coverage: 4 / 5 questions"), out.toString());
  }

  @Test
  void evalIrReadsTheCollectionsFromTheResolvedDirectory() throws IOException {
    IrFixtures.writeMedAndCisi(directory.resolve("data"));
    Path vectors = IrFixtures.vectors(directory);
    Path output = directory.resolve("ir.md");
    assertEquals(0, run("eval-ir", "--vectors", vectors.toString(), "--output", output.toString(), "--collections",
        "med,cisi", "--no-own-vectors", "--max-expansions", "1", "--min-similarity", "0.9", "--latency-repetitions", "1"),
        err.toString());
    assertTrue(Files.readString(output).contains("## Efficiency"));
  }
}

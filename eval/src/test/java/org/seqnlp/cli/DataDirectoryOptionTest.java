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
    Path med = Files.createDirectories(directory.resolve("data").resolve("ir").resolve("med"));
    Files.writeString(med.resolve("MED.ALL"), ".I 1\n.W\nthe car would not start\n.I 2\n.W\na red automobile\n"
        + ".I 3\n.W\nbananas are yellow fruit\n");
    Files.writeString(med.resolve("MED.QRY"), ".I 1\n.W\nautomobile\n.I 2\n.W\nyellow fruit\n");
    Files.writeString(med.resolve("MED.REL"), "1 0 1 1\n1 0 2 1\n2 0 3 1\n");
    Path vectors = Files.writeString(directory.resolve("v.txt"),
        "3 2\ncar 1.0 0.1\nautomobile 0.95 0.2\nfruit 0.0 1.0\n");
    Path output = directory.resolve("ir.md");
    assertEquals(0, run("eval-ir", "--vectors", vectors.toString(), "--output", output.toString(), "--collections",
        "med", "--no-own-vectors", "--max-expansions", "1", "--min-similarity", "0.9", "--latency-repetitions", "1"),
        err.toString());
    assertTrue(Files.readString(output).contains("## Efficiency"));
  }
}

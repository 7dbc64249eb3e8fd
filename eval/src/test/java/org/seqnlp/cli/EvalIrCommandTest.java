package org.seqnlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalIrCommandTest {

  @TempDir
  Path dir;

  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    var commandLine = SeqNlp.newCommandLine();
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  @Test
  void writesTheReportForAFixtureCollection() throws IOException {
    Path med = Files.createDirectories(dir.resolve("ir").resolve("med"));
    Files.writeString(med.resolve("MED.ALL"), ".I 1\n.W\nthe car would not start\n.I 2\n.W\na red automobile\n"
        + ".I 3\n.W\nbananas are yellow fruit\n");
    Files.writeString(med.resolve("MED.QRY"), ".I 1\n.W\nautomobile\n.I 2\n.W\nyellow fruit\n");
    Files.writeString(med.resolve("MED.REL"), "1 0 1 1\n1 0 2 1\n2 0 3 1\n");
    Path vectors = Files.writeString(dir.resolve("v.txt"),
        "3 2\ncar 1.0 0.1\nautomobile 0.95 0.2\nfruit 0.0 1.0\n");
    Path output = Files.createDirectories(dir.resolve("out")).resolve("ir.md");

    assertEquals(0, run("eval-ir", "--data", dir.toString(), "--vectors", vectors.toString(), "--output",
        output.toString(), "--collections", "med", "--no-own-vectors", "--max-expansions", "1",
        "--min-similarity", "0.9", "--latency-repetitions", "1"), err.toString());

    String report = Files.readString(output);
    assertTrue(report.contains("seqnlp eval-ir --data " + dir), report);
    assertTrue(report.contains("| general / seqnlp / original + 0.50 x expansion / k=1, cos>=0.90 | 1.0000 |"),
        report);
    assertTrue(report.contains("## Efficiency"), report);
  }

  @Test
  void missingVectorsFileIsAUsageError() {
    assertEquals(SeqNlp.EXIT_USAGE, run("eval-ir", "--vectors", dir.resolve("none.bin").toString()));
    assertTrue(err.toString().contains("vectors file not found"), err.toString());
  }

  @Test
  void noVectorsAtAllIsAUsageError() {
    assertEquals(SeqNlp.EXIT_USAGE, run("eval-ir", "--no-general-vectors", "--no-own-vectors"));
    assertTrue(err.toString().contains("no vectors to expand with"), err.toString());
  }

  @Test
  void unknownCollectionIsAUsageError() throws IOException {
    Path vectors = Files.writeString(dir.resolve("v.txt"), "1 2\nword 0.1 0.2\n");
    assertEquals(SeqNlp.EXIT_USAGE, run("eval-ir", "--vectors", vectors.toString(), "--collections", "trec"));
    assertTrue(err.toString().contains("unknown collection 'trec'"), err.toString());
  }

  @Test
  void impossibleSettingIsAUsageError() throws IOException {
    Path vectors = Files.writeString(dir.resolve("v.txt"), "1 2\nword 0.1 0.2\n");
    assertEquals(SeqNlp.EXIT_USAGE, run("eval-ir", "--vectors", vectors.toString(), "--min-similarity", "1.5"));
    assertTrue(err.toString().contains("minCosine must lie in (0, 1)"), err.toString());
  }
}

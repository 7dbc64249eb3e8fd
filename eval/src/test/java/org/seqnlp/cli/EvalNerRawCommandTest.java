package org.seqnlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqnlp.eval.ner.ConllFixtures;

class EvalNerRawCommandTest extends ToolTest {

  @TempDir
  Path directory;

  @Test
  void printsAndWritesTheReport() throws IOException {
    Path test = ConllFixtures.conllFile(directory.resolve("test.txt"), 20, 5);
    Path report = directory.resolve("report.md");
    assertEquals(0, run("eval-ner-raw", "--model", "../models/ner/en-ner.bin", "--test", test.toString(), "--output",
        report.toString()), err.toString());
    String written = Files.readString(report);
    assertEquals(written, out.toString());
    assertTrue(written.contains("seqnlp eval-ner-raw --model ../models/ner/en-ner.bin --test " + test + " --output "
        + report), written);
    assertTrue(written.contains("- Test data: `test.txt` (1 documents, 20 sentences,"), written);
    assertTrue(written.contains("| gold sentences and tokens (seqnlp ner --tokenized) | 20 |"), written);
  }

  @Test
  void theReportMayNotOverwriteAnInput() {
    assertEquals(SeqNlp.EXIT_USAGE, run("eval-ner-raw", "--model", "../models/ner/en-ner.bin", "--test", "../models/ner/en-ner.bin",
        "--output", "../models/ner/en-ner.bin"));
    assertTrue(err.toString().contains("is also an input"), err.toString());
  }
}

package org.seqnlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --format of the *-ner commands chooses the reader: CoNLL columns, or OpenNLP's name-sample lines. */
class NameDataFormatTest extends ToolTest {

  @TempDir
  Path directory;

  @Test
  void trainNerReadsOpenNlpNameSamplesWithFormatOpennlp() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      text.append("<START:person> John Smith <END> visited <START:location> Paris <END> .\n");
    }
    Path train = Files.writeString(directory.resolve("train.txt"), text);
    Path model = directory.resolve("model.bin");
    assertEquals(0, run("train-ner", "--format", "opennlp", "--train", train.toString(), "--output", model.toString(),
        "--epochs", "1", "--hidden", "4", "--word-dim", "4", "--char-dim", "2", "--char-filters", "2"),
        err.toString());
    assertTrue(out.toString().contains("trained on 10 sentences"), out.toString());

    err.getBuffer().setLength(0);
    // The same file read as CoNLL columns is malformed: the option is not ignored.
    assertEquals(SeqNlp.EXIT_FAILURE, run("eval-ner", "--format", "conll03", "--model", model.toString(), "--test",
        train.toString()));
    assertTrue(err.toString().startsWith("seqnlp eval-ner: error: " + train + ":1: "), err.toString());
    out.getBuffer().setLength(0);
    assertEquals(0, run("eval-ner", "--format", "opennlp", "--model", model.toString(), "--test", train.toString()),
        err.toString());
    assertTrue(out.toString().contains("10 sentences, 50 tokens"), out.toString());
  }

  @Test
  void anUnknownFormatIsAUsageError() {
    assertEquals(SeqNlp.EXIT_USAGE, run("eval-ner", "--format", "xml", "--model", "m", "--test", "t"));
    assertTrue(err.toString().contains("--format"), err.toString());
  }
}

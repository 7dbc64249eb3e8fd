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

  private static final String MODEL = "../models/ner/en-ner.bin";

  @TempDir
  Path directory;

  @Test
  void evalNerReadsOpenNlpNameSamplesWithFormatOpennlp() throws IOException {
    Path test = Files.writeString(directory.resolve("test.txt"),
        "<START:person> John Smith <END> visited <START:location> Paris <END> .\n".repeat(10));
    // The same file read as CoNLL columns is malformed: the option is not ignored.
    assertEquals(SeqNlp.EXIT_FAILURE, run("eval-ner", "--format", "conll03", "--model", MODEL, "--test",
        test.toString()));
    assertTrue(err.toString().startsWith("seqnlp eval-ner: error: " + test + ":1: "), err.toString());
    assertEquals(0, run("eval-ner", "--format", "opennlp", "--model", MODEL, "--test", test.toString()),
        err.toString());
    assertTrue(out.toString().contains("10 sentences, 50 tokens"), out.toString());
  }

  @Test
  void aSentenceLongerThanANameFinderTagsIsAnErrorAtItsLine() throws IOException {
    Path test = Files.writeString(directory.resolve("long.txt"), "EU B-ORG\n\n" + "x O\n".repeat(10_001));
    assertEquals(SeqNlp.EXIT_FAILURE, run("eval-ner", "--model", "m", "--test", test.toString()));
    assertTrue(err.toString().contains(test + ":3: a sentence of more than 10000 tokens, the most the name finder"
        + " tags at once"), err.toString());
  }

  @Test
  void anUnknownFormatIsAUsageError() {
    assertEquals(SeqNlp.EXIT_USAGE, run("eval-ner", "--format", "xml", "--model", "m", "--test", "t"));
    assertTrue(err.toString().contains("--format"), err.toString());
  }

  @Test
  void anUnknownEncodingIsAUsageErrorWithoutAJavaClassName() {
    assertEquals(SeqNlp.EXIT_USAGE, run("eval-ner", "--encoding", "bogus", "--model", "m", "--test", "t"));
    assertTrue(err.toString().contains("no character encoding named 'bogus' (e.g. UTF-8, ISO-8859-1)"),
        err.toString());
    assertTrue(!err.toString().contains("java."), err.toString());
  }
}

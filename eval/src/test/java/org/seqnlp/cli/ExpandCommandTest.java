package org.seqnlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqnlp.lucene.expansion.SemanticExpansionFilterFactory;

class ExpandCommandTest {

  @TempDir
  Path directory;

  private String out;
  private String err;

  /** Runs the tool as main does, capturing what it prints. */
  private int run(String... args) {
    PrintStream standardOut = System.out;
    PrintStream standardErr = System.err;
    ByteArrayOutputStream capturedOut = new ByteArrayOutputStream();
    ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(capturedOut, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
      return SeqNlp.execute(args);
    } finally {
      System.setOut(standardOut);
      System.setErr(standardErr);
      out = capturedOut.toString(StandardCharsets.UTF_8);
      err = capturedErr.toString(StandardCharsets.UTF_8);
    }
  }

  /** Cosine to "car": automobile 0.95, vehicle 0.80, truck 0.60; banana stands apart. */
  private Path vehicles() throws IOException {
    return Files.writeString(directory.resolve("vectors.txt"), String.join("\n",
        "5 3",
        "car 1 0 0",
        "automobile 0.95 0.3122499 0",
        "vehicle 0.8 0.6 0",
        "truck 0.6 0.8 0",
        "banana 0 0 1") + "\n");
  }

  @Test
  void textWithoutAWordSaysSoRatherThanPrintingNothing() throws IOException {
    assertEquals(0, run("expand", "--vectors", vehicles().toString(), "...", " "), err);
    assertEquals("no term: the text holds no word (the tokenizer drops punctuation and spaces)", out.strip());
  }

  @Test
  void printsEachTermWithItsExpansionsTheirCosinesAndWeights() throws IOException {
    assertEquals(0, run("expand", "--vectors", vehicles().toString(), "--max-expansions", "2",
        "--min-similarity", "0.7", "--expansion-weight", "0.5", "Fast CAR", "banana"));
    String n = System.lineSeparator();
    // automobile and vehicle share 0.5 in proportion to their cosines: .95 / 1.75 and .8 / 1.75 of it.
    assertEquals("fast (not in the vectors)" + n
        + "car -> automobile cos 0.950 weight 0.271, vehicle cos 0.800 weight 0.229" + n
        + "banana (no neighbour at 0.70 or above)" + n, out);
    assertTrue(err.startsWith("loaded 5 words x 3 dimensions in "), err);
  }

  @Test
  void defaultsAreTheFilterFactorysDefaults() throws IOException {
    assertEquals(0, run("expand", "--vectors", vehicles().toString(), "--max-expansions",
        String.valueOf(SemanticExpansionFilterFactory.DEFAULT_MAX_EXPANSIONS), "--min-similarity",
        String.valueOf(SemanticExpansionFilterFactory.DEFAULT_MIN_SIMILARITY), "--expansion-weight",
        String.valueOf(SemanticExpansionFilterFactory.DEFAULT_EXPANSION_WEIGHT), "car truck"));
    String explicit = out;
    assertEquals(0, run("expand", "--vectors", vehicles().toString(), "--format", "word2vec-text", "car truck"));
    assertEquals(explicit, out);
    assertTrue(out.startsWith("car -> automobile cos 0.950 weight "), out);
  }

  @Test
  void badOptionsAreUsageErrors() throws IOException {
    String file = vehicles().toString();
    assertEquals(2, run("expand", "--vectors", file, "--min-similarity", "1.5", "car"));
    assertTrue(err.contains("--min-similarity"), err);
    assertEquals(2, run("expand", "--vectors", file, "--format", "csv", "car"));
    assertTrue(err.startsWith("seqnlp expand: --format: unknown vector format 'csv'"), err);
    assertEquals(2, run("expand", "--vectors", file, "--expansion-weight", "1.5", "car"));
    assertTrue(err.contains("--expansion-weight"), err);
    assertEquals(2, run("expand", "--vectors", file));
  }

  @Test
  void malformedVectorsFailWithOneLineNamingFileAndLine() throws IOException {
    Path broken = Files.writeString(directory.resolve("broken.txt"), "2 3\ncar 1 0 0\ntruck 1 x 0\n");
    assertEquals(1, run("expand", "--vectors", broken.toString(), "car"));
    assertEquals("seqnlp expand: error: " + broken + ":3: not a number: 'x'" + System.lineSeparator(), err);
  }
}

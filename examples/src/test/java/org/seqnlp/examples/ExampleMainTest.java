package org.seqnlp.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The examples' {@code main}s, as a user runs them: their output, usage and one-line errors. */
class ExampleMainTest {

  private static final String SHIPPED_NER = "../models/ner/en-ner.bin";
  private static final String SHIPPED_VECTORS = "../models/vectors/seqnlp-en-100d.bin";

  /** An example's exit code and what it printed. */
  private record Run(int exitCode, String out, String err) {
  }

  private interface Example {
    int run(String[] args, PrintStream out, PrintStream err);
  }

  private static Run run(Example example, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exitCode = example.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void findNamesPrintsTheLinesTheReadmeShows() {
    Run run = run(FindNamesExample::run, SHIPPED_NER, "Dr. Smith went to Washington. He met Apple's chief Tim Cook.");
    assertEquals(new Run(0, String.join("\n",
        "person\tSmith\t4-9\t0.997",
        "location\tWashington\t18-28\t0.998",
        "person\tApple\t37-42\t0.831",
        "person\tTim Cook\t51-59\t1.000",
        ""), ""), run);
  }

  @Test
  void expandQueryPrintsTheShippedVectorsQueryTheReadmeQuotes() {
    Run run = run(ExpandQueryExample::run, SHIPPED_VECTORS, "heart attack");
    assertEquals(0, run.exitCode(), run.err());
    // The README rounds the boosts to three decimals.
    String rounded = Pattern.compile("\\^([0-9.]+)").matcher(run.out())
        .replaceAll(boost -> String.format(Locale.ROOT, "^%.3f", Double.parseDouble(boost.group(1))));
    assertTrue(rounded.startsWith("(body:heart (body:bosom)^0.077 (body:soul)^0.076 "), rounded);
    assertTrue(rounded.contains(") (body:attack (body:assault)^0.078 (body:attacks)^0.076 "), rounded);
    assertEquals(20, run.out().split("\\^").length - 1, "ten neighbours each: " + run.out());
  }

  @Test
  void aQueryOfStopWordsAloneSaysSoInsteadOfPrintingNull() {
    assertEquals(new Run(0, "no query: no term is left of the text once stop words and punctuation are dropped\n",
        ""),
        run(ExpandQueryExample::run, SHIPPED_VECTORS, "the"));
  }

  @Test
  void theWrongNumberOfArgumentsPrintsTheUsageAndExitsTwo() {
    assertEquals(new Run(2, "", "usage: FindNamesExample MODEL_FILE \"text\"\n"), run(FindNamesExample::run));
    assertEquals(new Run(2, "", "usage: LanguageModelExample MODEL_FILE \"sentence start\"\n"),
        run(LanguageModelExample::run, "one"));
    assertEquals(new Run(2, "", "usage: ExpandQueryExample VECTORS_FILE \"query text\"\n"),
        run(ExpandQueryExample::run, "one", "two", "three"));
  }

  @Test
  void aMissingFileIsOneLineAndExitCodeOne(@TempDir Path directory) {
    String missing = directory.resolve("absent.bin").toString();
    for (Example example : List.<Example>of(FindNamesExample::run, LanguageModelExample::run)) {
      assertEquals(new Run(1, "", missing + ": no such file or directory\n"), run(example, missing, "text"));
    }
    assertEquals(new Run(1, "", missing + ": no such vector file\n"), run(ExpandQueryExample::run, missing, "text"));
  }

  @Test
  void aDirectoryAsModelIsOneLineNamingIt(@TempDir Path directory) {
    for (Example example : List.<Example>of(FindNamesExample::run, LanguageModelExample::run)) {
      assertEquals(new Run(1, "", directory + ": is a directory\n"), run(example, directory.toString(), "text"));
    }
  }

  @Test
  void aFileOfTheWrongKindIsOneLineNamingIt(@TempDir Path directory) throws IOException {
    Path garbage = Files.writeString(directory.resolve("garbage.bin"), "not a model\n");
    for (Example example : List.<Example>of(FindNamesExample::run, LanguageModelExample::run,
        ExpandQueryExample::run)) {
      Run run = run(example, garbage.toString(), "text");
      assertEquals(1, run.exitCode(), run.toString());
      assertTrue(run.err().startsWith(garbage.toString()) && run.err().indexOf('\n') == run.err().length() - 1,
          run.toString());
    }
    Run wrongModel = run(FindNamesExample::run, "../models/lm/ptb-char-lstm.zip", "text");
    assertEquals(1, wrongModel.exitCode(), wrongModel.toString());
    assertTrue(wrongModel.err().startsWith("../models/lm/ptb-char-lstm.zip"), wrongModel.err());
  }
}

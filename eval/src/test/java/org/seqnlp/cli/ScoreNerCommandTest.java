package org.seqnlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreNerCommandTest extends ToolTest {

  @TempDir
  Path directory;

  /** The "overall" line's correct, predicted and reference counts. */
  private String overallCounts() {
    for (String line : out.toString().split("\\R")) {
      String[] fields = line.trim().split("\\s+");
      if (fields[0].equals("overall")) {
        return fields[4] + " " + fields[5] + " " + fields[6];
      }
    }
    throw new AssertionError("no overall line in " + out);
  }

  @Test
  void scoresIoPredictionsWithOneListRenamingBothColumns() throws IOException {
    // Bob and Cy side by side are one predicted name in IO labels; Ann Lee is right, the company's type renamed.
    Path file = Files.writeString(directory.resolve("io.tsv"), "Ann\tB-person\tPERSON\nLee\tI-person\tPERSON\n"
        + "of\tO\tO\nAcme\tB-corporation\tORGANIZATION\nInc\tI-corporation\tORGANIZATION\nBob\tB-person\tPERSON\n"
        + "Cy\tB-person\tPERSON\n");
    assertEquals(0, run("score-ner", file.toString(), "--io", "--score-types",
        "person,PERSON=person,corporation=organization,ORGANIZATION=organization"), err.toString());
    assertEquals("2 3 4", overallCounts());
  }

  @Test
  void prefixedLabelsFollowConllevalAndSentencesScoreApart() throws IOException {
    // Gold: I-PER after O starts a name (IOB1) and B-PER starts a second; predicted, I-PER continues the first, so
    // the one predicted name matches neither. Paris is right, Rome has the wrong type: 1 correct, 3 predicted, 4.
    Path file = Files.writeString(directory.resolve("iob.tsv"), "John\tI-PER\tB-PER\nSmith\tI-PER\tI-PER\n"
        + "Mary\tB-PER\tI-PER\n\nParis\tI-LOC\tB-LOC\n\nRome\tI-LOC\tB-PER\n");
    assertEquals(0, run("score-ner", file.toString()), err.toString());
    assertEquals("1 3 4", overallCounts());
    assertTrue(out.toString().contains("LOC"), out.toString());
  }

  @Test
  void aMalformedLineOrLabelFailsInOneLineNamingTheFileAndLine() throws IOException {
    Path file = Files.writeString(directory.resolve("bad.tsv"), "John\tB-PER\tB-PER\nSmith\tI-PER\n");
    assertEquals(SeqNlp.EXIT_FAILURE, run("score-ner", file.toString()));
    assertTrue(err.toString().contains(file + ":2") && err.toString().contains("found 2 columns"), err.toString());
    assertEquals(1, err.toString().strip().lines().count(), err.toString());

    Path label = Files.writeString(directory.resolve("label.tsv"), "John\tX-PER\tB-PER\n\n");
    assertEquals(SeqNlp.EXIT_FAILURE, run("score-ner", label.toString()));
    assertTrue(err.toString().contains("label 'X-PER' is not O, B-TYPE or I-TYPE"), err.toString());
    assertEquals(SeqNlp.EXIT_FAILURE, run("score-ner", directory.resolve("none.tsv").toString()));
    assertEquals(SeqNlp.EXIT_USAGE, run("score-ner", file.toString(), "--score-types", "a=b=c"));
  }
}

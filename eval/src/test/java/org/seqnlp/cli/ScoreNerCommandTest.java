package org.seqnlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

  private Path file(String name, String text) throws IOException {
    return Files.writeString(directory.resolve(name), text);
  }

  @Test
  void scoresAnotherTaggersLabelsWithOneListRenamingBothFiles() throws IOException {
    // Another tagger's IO output (I- before each of its labels): Bob and Cy side by side are one name. The reader
    // lowercases labels (PERSON is person); Ann Lee is right, and the company counts once the test data's type is
    // renamed to the tagger's: 2 correct, 3 predicted, 4 in the data.
    Path gold = file("gold.txt", "Ann B-person\nLee I-person\nof O\nAcme B-corporation\nInc I-corporation\n"
        + "Bob B-person\nCy B-person\n");
    Path predicted = file("predicted.txt", "Ann I-PERSON\nLee I-PERSON\nof O\nAcme I-ORGANIZATION\n"
        + "Inc I-ORGANIZATION\nBob I-PERSON\nCy I-PERSON\n");
    assertEquals(0, run("score-ner", "--gold", gold.toString(), "--predicted", predicted.toString(), "--score-types",
        "person,organization,corporation=organization"), err.toString());
    assertEquals("2 3 4", overallCounts());
    assertEquals("", err.toString(), "every rename names a label of one of the files, every type one of the data");
    // A label that neither file has is named; one the predictions alone have is a rename like any other.
    assertEquals(0, run("score-ner", "--gold", gold.toString(), "--predicted", predicted.toString(), "--score-types",
        "person,organization,corporation=organization,company=organization"), err.toString());
    assertEquals("seqnlp score-ner: warning: --score-types: no name labelled company in " + gold + " or " + predicted
        + ", so nothing is renamed from it", err.toString().strip());
    err.getBuffer().setLength(0);
    out.getBuffer().setLength(0);
    Path company = file("company.txt", Files.readString(predicted).replace("ORGANIZATION", "COMPANY"));
    assertEquals(0, run("score-ner", "--gold", gold.toString(), "--predicted", company.toString(), "--score-types",
        "person,organization,corporation=organization,company=organization"), err.toString());
    assertEquals("2 3 4", overallCounts());
    assertEquals("", err.toString());
    // A misspelt label leaves no scored type: the warning says why before the usage error.
    err.getBuffer().setLength(0);
    assertEquals(2, run("score-ner", "--gold", gold.toString(), "--predicted", company.toString(), "--score-types",
        "organization,corporaton=organization"));
    assertTrue(err.toString().startsWith("seqnlp score-ner: warning: --score-types: no name labelled corporaton in "),
        err.toString());
  }

  @Test
  void readsBothFilesAsEvalNerReadsTestDataSentenceBySentence() throws IOException {
    // Gold in IOB1: I-PER after O starts a name, B-PER starts a second; the prediction (IOB2) runs all three tokens
    // together, so it matches neither. Paris is right, Rome has the wrong type: 1 correct, 3 predicted, 4.
    Path gold = file("gold.txt", "-DOCSTART- O\n\nJohn I-PER\nSmith I-PER\nMary B-PER\n\nParis I-LOC\n\nRome I-LOC\n");
    Path predicted = file("predicted.txt", "John B-PER\nSmith I-PER\nMary I-PER\n\nParis B-LOC\n\nRome B-PER\n");
    assertEquals(0, run("score-ner", "--gold", gold.toString(), "--predicted", predicted.toString()), err.toString());
    assertEquals("1 3 4", overallCounts());
    assertTrue(out.toString().contains("location"), out.toString());
  }

  @Test
  void aTypeOnlyThePredictionsHaveIsNamedInAWarning() throws IOException {
    Path gold = file("gold.txt", "Paris B-LOC\nis O\nbig O\n");
    Path predicted = file("predicted.txt", "Paris B-LO\nis O\nbig O\n");
    assertEquals(0, run("score-ner", "--gold", gold.toString(), "--predicted", predicted.toString()), err.toString());
    assertEquals("0 1 1", overallCounts());
    assertEquals("seqnlp score-ner: warning: " + predicted + " has names of type lo, which " + gold + " has none of;"
        + " they count as false positives", err.toString().strip());
  }

  @Test
  void readsTheFormatAndEncodingGiven() throws IOException {
    // OpenNLP's format in ISO-8859-1: Zoë Lee is cut short and Bob was never a name, Acme is right: 1 correct, 3
    // predicted, 2 in the data.
    Path gold = Files.writeString(directory.resolve("gold.txt"),
        "<START:person> Zoë Lee <END> of <START:organization> Acme <END> .\n\nBob went home .\n",
        StandardCharsets.ISO_8859_1);
    Path predicted = Files.writeString(directory.resolve("predicted.txt"),
        "<START:person> Zoë <END> Lee of <START:organization> Acme <END> .\n\n<START:person> Bob <END> went home .\n",
        StandardCharsets.ISO_8859_1);
    assertEquals(0, run("score-ner", "--gold", gold.toString(), "--predicted", predicted.toString(), "--format",
        "opennlp", "--encoding", "ISO-8859-1"), err.toString());
    assertEquals("1 3 2", overallCounts());

    Path other = file("other.txt", "Zoe Lee of Acme .\n\n\nBob went home .\n");
    assertEquals(SeqNlp.EXIT_FAILURE, run("score-ner", "--gold", gold.toString(), "--predicted", other.toString(),
        "--format", "opennlp", "--encoding", "ISO-8859-1"));
    assertTrue(err.toString().contains(other + ":1: the sentence here differs from " + gold + ":1 at token 1: 'Zoe'"
        + " against 'Zoë'"), err.toString());
    assertEquals(SeqNlp.EXIT_FAILURE, run("score-ner", "--gold", gold.toString(), "--predicted", predicted.toString(),
        "--format", "opennlp"));
    assertTrue(err.toString().contains(gold + ":1: "), err.toString());
  }

  @Test
  void filesThatDoNotLineUpOrParseFailInOneLineNamingFileAndLine() throws IOException {
    Path gold = file("gold.txt", "John B-PER\nran O\n\nHome O\n");
    Path shorter = file("shorter.txt", "John B-PER\nran O\n");
    assertEquals(SeqNlp.EXIT_FAILURE, run("score-ner", "--gold", gold.toString(), "--predicted", shorter.toString()));
    assertTrue(err.toString().contains(gold + ":4: " + shorter + " has no sentence 2 (it has 1)"), err.toString());

    Path longer = file("longer.txt", "John B-PER\nran O\n\nHome O\n\n\nAgain O\n");
    assertEquals(SeqNlp.EXIT_FAILURE, run("score-ner", "--gold", gold.toString(), "--predicted", longer.toString()));
    assertTrue(err.toString().contains(longer + ":7: " + gold + " has no sentence 3 (it has 2)"), err.toString());

    Path other = file("other.txt", "-DOCSTART- O\n\nJohn B-PER\nran O\n\n\nHome O\nnow O\n");
    assertEquals(SeqNlp.EXIT_FAILURE, run("score-ner", "--gold", gold.toString(), "--predicted", other.toString()));
    assertTrue(err.toString().contains(other + ":7: the sentence here differs from " + gold + ":4 at token 2: 'now'"
        + " against the sentence end"), err.toString());

    Path badTag = file("bad.txt", "John B-PER\nran X-ORG\n\nHome O\n");
    assertEquals(SeqNlp.EXIT_FAILURE, run("score-ner", "--gold", gold.toString(), "--predicted", badTag.toString()));
    assertTrue(err.toString().contains(badTag + ":2"), err.toString());
    assertEquals(4, err.toString().strip().lines().count(), err.toString());

    Path empty = file("empty.txt", "");
    assertEquals(SeqNlp.EXIT_FAILURE, run("score-ner", "--gold", empty.toString(), "--predicted", empty.toString()));
    assertTrue(err.toString().contains("no sentences to score"), err.toString());
    assertEquals(SeqNlp.EXIT_FAILURE, run("score-ner", "--gold", directory.resolve("none").toString(), "--predicted",
        gold.toString()));
    assertEquals(SeqNlp.EXIT_USAGE, run("score-ner", "--gold", gold.toString(), "--predicted", gold.toString(),
        "--score-types", "a=b=c"));
    assertTrue(err.toString().contains("--score-types: 'a=b=c' is not TYPE or LABEL=TYPE"), err.toString());
    assertEquals(SeqNlp.EXIT_USAGE, run("score-ner", "--gold", gold.toString(), "--predicted", gold.toString(),
        "--score-types", "bogus"));
    assertTrue(err.toString().contains("--score-types: no name of type bogus in " + gold), err.toString());
  }
}

package org.seqnlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqnlp.io.DataDirectory;

class DataStatsCommandTest extends ToolTest {

  @TempDir
  Path directory;


  private Path write(String name, String... lines) throws IOException {
    return Files.writeString(directory.resolve(name), String.join("\n", lines) + "\n");
  }

  @Test
  void malformedFilePrintsOneLineWithFileAndLineAndExitsOne() throws IOException {
    Path file = write("bad.txt", "-DOCSTART- -X- O O", "", "Paris NNP I-NP I-LOC", "is VBZ I-VP X-LOC", "");
    Path good = write("good.txt", "Paris I-LOC");
    PrintStream standardOut = System.out;
    PrintStream standardErr = System.err;
    ByteArrayOutputStream capturedOut = new ByteArrayOutputStream();
    ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
    int exitCode;
    try {
      System.setOut(new PrintStream(capturedOut, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
      exitCode = SeqNlp.execute("data-stats", "--format", "conll03", good.toString(), file.toString());
    } finally {
      System.setOut(standardOut);
      System.setErr(standardErr);
    }
    assertEquals(1, exitCode);
    assertEquals("seqnlp data-stats: error: " + file + ":4: unknown tag 'X-LOC' (expected O, B-type or I-type)"
        + System.lineSeparator(), capturedErr.toString(StandardCharsets.UTF_8));
    String printed = capturedOut.toString(StandardCharsets.UTF_8);
    assertTrue(printed.startsWith(good + System.lineSeparator()), "the good file's report comes first: " + printed);
    assertFalse(printed.contains(file.toString()), "nothing is printed for the bad file: " + printed);
  }

  @Test
  void countsConllFile() throws IOException {
    Path file = write("ok.txt", "-DOCSTART- -X- O O", "", "Ana NNP I-NP I-PER", "Ruiz NNP I-NP I-PER",
        "left VBD I-VP O", "Quito NNP I-NP I-LOC", "Lima NNP I-NP B-LOC", "", "Ana NNP I-NP I-PER", "");
    assertEquals(0, run("data-stats", "--format", "conll03", file.toString()), err.toString());
    assertEquals(String.join(System.lineSeparator(),
        file.toString(),
        "  format           conll03, tag scheme iob1 (detected)",
        "  tokens           6",
        "  sentences        2",
        "  documents        1",
        "  entities         4",
        "    location       2",
        "    person         2",
        ""), out.toString());
  }

  /** As CoNLL-2002 Spanish: no -DOCSTART-, so the tools clear the adaptive data at every sentence. */
  @Test
  void sentencesBeforeTheFirstDocumentStartAreCountedAsTheToolsTagThem() throws IOException {
    Path file = write("es.txt", "Lima NC B-LOC", "", "Ana NC B-PER", "", "-DOCSTART- -X- O", "", "Quito NC B-LOC", "");
    assertEquals(0, run("data-stats", "--format", "conll02", file.toString()), err.toString());
    assertTrue(out.toString().contains("  documents        1" + System.lineSeparator()), out.toString());
    assertTrue(out.toString().contains("  tagged as        3 documents: each sentence before the first -DOCSTART-"
        + " is one"), out.toString());
    out.getBuffer().setLength(0);
    Path empty = write("empty-document.txt", "-DOCSTART- -X- O", "", "-DOCSTART- -X- O", "", "Lima NC B-LOC", "");
    assertEquals(0, run("data-stats", "--format", "conll02", empty.toString()), err.toString());
    assertFalse(out.toString().contains("tagged as"), "an empty document is no sentence before the first: " + out);
  }

  @Test
  void checkedSchemeRejectsAnInsideTagStartingAnEntity() throws IOException {
    Path file = write("es.txt", "Lima NC B-LOC", "", "Norte NC I-LOC", "");
    assertEquals(0, run("data-stats", "--format", "conll02", file.toString()), err.toString());
    assertTrue(out.toString().contains("tag scheme iob2 (detected)"), out.toString());
    assertEquals(1, run("data-stats", "--format", "conll02", "--scheme", "iob2", file.toString()));
    assertTrue(err.toString().startsWith("seqnlp data-stats: error: " + file + ":3: I-LOC does not continue"),
        err.toString());
  }

  @Test
  void countsOpenNlpAndPtbFiles() throws IOException {
    Path names = write("names.txt", "<START:person> Ada <END> met <START:person> Charles Babbage <END> .", "",
        "Nobody else .");
    assertEquals(0, run("data-stats", "--format", "opennlp", names.toString()), err.toString());
    assertTrue(out.toString().contains("  entities         2"), out.toString());
    assertTrue(out.toString().contains("  documents        1"), out.toString());

    Path ptb = write("ptb.txt", " the <unk> rose ", " N more ");
    assertEquals(0, run("data-stats", "--format", "PTB", ptb.toString()), err.toString());
    assertTrue(out.toString().endsWith(String.join(System.lineSeparator(),
        "  tokens           5",
        "  sentences        2",
        "  tokens + <eos>   7",
        "")), out.toString());
  }

  @Test
  void vectorCoverageCountsTokensAndNameTokensByTheirNameFinderForm() throws IOException {
    Path file = write("ok.txt", "Ana NNP I-NP I-PER", "Ruiz NNP I-NP I-PER", "left VBD I-VP O", "in IN I-PP O",
        "1997 CD I-NP O", "Quito NNP I-NP I-LOC", "");
    // Frequency order: "ruiz" is the third word, so --vector-words 2 leaves it out; "0000" is 1997 folded.
    Path vectors = Files.writeString(directory.resolve("v.txt"), "4 2\nana 1 0\n0000 0 1\nruiz 1 1\nleft 0 0\n");
    assertEquals(0, run("data-stats", "--format", "conll03", "--vectors", vectors.toString(), file.toString()),
        err.toString());
    assertTrue(out.toString().endsWith(String.join(System.lineSeparator(),
        "  with vectors     4 (66.7%) of tokens",
        "    in names       2 (66.7%) of name tokens",
        "")), out.toString());
    out.getBuffer().setLength(0);
    assertEquals(0, run("data-stats", "--format", "conll03", "--vectors", vectors.toString(), "--vector-words", "2",
        file.toString()), err.toString());
    assertTrue(out.toString().contains("    in names       1 (33.3%) of name tokens"), out.toString());
    assertEquals(SeqNlp.EXIT_USAGE, run("data-stats", "--format", "ptb", "--vectors", vectors.toString(),
        file.toString()));
  }

  @Test
  void vectorWordsWithoutVectorsIsAUsageError() throws IOException {
    Path file = write("ok.txt", "Ana NNP I-NP I-PER", "");
    assertEquals(SeqNlp.EXIT_USAGE, run("data-stats", "--format", "conll03", "--vector-words", "5", file.toString()));
    assertEquals("seqnlp data-stats: --vector-words needs --vectors (see --help)", err.toString().strip());
  }

  @Test
  void schemeWithANonConllFormatIsAUsageError() throws IOException {
    Path ptb = write("ptb.txt", " a ");
    assertEquals(SeqNlp.EXIT_USAGE, run("data-stats", "--format", "ptb", "--scheme", "iob2", ptb.toString()));
    assertEquals("seqnlp data-stats: --scheme applies to the CoNLL formats only, not ptb (see --help)",
        err.toString().strip());
  }

  @Test
  void encodingWithMultiByteLineEndsIsAUsageError() throws IOException {
    Path file = write("ok.txt", "a O");
    assertEquals(SeqNlp.EXIT_USAGE, run("data-stats", "--format", "wnut", "--encoding", "UTF-16", file.toString()));
  }

  @Test
  void readsLatin1WhenAsked() throws IOException {
    Path file = Files.write(directory.resolve("latin1.txt"),
        "Bogotá NC B-LOC\n".getBytes(StandardCharsets.ISO_8859_1));
    assertEquals(1, run("data-stats", "--format", "conll02", file.toString()));
    assertEquals(0, run("data-stats", "--format", "conll02", "--encoding", "ISO-8859-1", file.toString()),
        err.toString());
  }

  @Test
  void reproducesTheReadmeCountsOfConll2003Test() {
    Path file = DataDirectory.resolve().resolve("ner/conll2003/test.txt");
    assumeTrue(Files.isRegularFile(file), "shared data absent: " + file.toAbsolutePath());
    assertEquals(0, run("data-stats", "--format", "conll03", file.toString()), err.toString());
    assertTrue(out.toString().contains(String.join(System.lineSeparator(),
        "  tokens           46,435",
        "  sentences        3,453",
        "  documents        231",
        "  entities         5,648",
        "    location       1,668",
        "    misc           702",
        "    organization   1,661",
        "    person         1,617")), out.toString());
  }
}

package org.seqnlp.opennlp.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seqnlp.opennlp.formats.Fixtures.readAll;
import static org.seqnlp.opennlp.formats.Fixtures.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.NameSampleDataStream;
import opennlp.tools.util.ObjectStream;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqnlp.io.InputFormatException;

class OpenNlpNameSampleStreamTest {

  @TempDir
  Path directory;

  private static List<NameSample> read(Path file) throws IOException {
    try (OpenNlpNameSampleStream stream = new OpenNlpNameSampleStream(file, StandardCharsets.UTF_8)) {
      return readAll(stream);
    }
  }

  @Test
  void readsSamplesAndDocumentBreaks() throws IOException {
    Path file = write(directory.resolve("names.txt"),
        "<START:person> Ada Lovelace <END> wrote to <START:person> Babbage <END> .",
        "",
        "The <START:organization> Royal Society <END> met in <START:location> London <END> .",
        "No names here .");
    List<NameSample> samples = read(file);
    assertEquals(3, samples.size());
    assertArrayEquals(new String[] {"Ada", "Lovelace", "wrote", "to", "Babbage", "."}, samples.get(0).getSentence());
    assertArrayEquals(new Span[] {new Span(0, 2, "person"), new Span(4, 5, "person")}, samples.get(0).getNames());
    assertFalse(samples.get(0).isClearAdaptiveDataSet());
    assertTrue(samples.get(1).isClearAdaptiveDataSet());
    assertArrayEquals(new Span[] {new Span(1, 3, "organization"), new Span(5, 6, "location")},
        samples.get(1).getNames());
    assertEquals(0, samples.get(2).getNames().length);
  }

  @Test
  void eachSentenceKnowsItsLine() throws IOException {
    Path file = write(directory.resolve("names.txt"), "", "One .", "", "", "<START:person> Ada <END> .", "Three .");
    try (OpenNlpNameSampleStream stream = new OpenNlpNameSampleStream(file, StandardCharsets.UTF_8)) {
      List<Long> lines = new ArrayList<>();
      while (stream.read() != null) {
        lines.add(stream.sentenceLine());
      }
      assertEquals(List.of(2L, 5L, 6L), lines);
    }
  }

  @Test
  void equalsOpenNlpNameSampleDataStream() throws IOException {
    Path file = write(directory.resolve("names.txt"),
        "<START:person> Grace Hopper <END> joined the <START:organization> Navy <END> .",
        "",
        "",
        "  ",
        "<START> Cobol <END> came later .",
        "It ran .");
    try (ObjectStream<NameSample> openNlp = new NameSampleDataStream(Fixtures.lines(file))) {
      assertEquals(readAll(openNlp), read(file));
    }
  }

  @Test
  void parseErrorsNameFileAndLine() throws IOException {
    Path file = write(directory.resolve("broken.txt"),
        "<START:person> Ada <END> is fine .",
        "",
        "but <START:person> this <START:location> nests <END> <END> .");
    InputFormatException e = assertThrows(InputFormatException.class, () -> read(file));
    assertTrue(e.getMessage().startsWith(file + ":3: "), e.getMessage());
    assertEquals(3, e.position());
  }

  @Test
  void endWithoutStartIsAnError() throws IOException {
    Path file = write(directory.resolve("end.txt"), "fine .", "stray <END> here .");
    InputFormatException e = assertThrows(InputFormatException.class, () -> read(file));
    assertTrue(e.getMessage().startsWith(file + ":2: "), e.getMessage());
  }

  @Test
  void aTagGluedToOtherTextIsAnError() throws IOException {
    Path file = write(directory.resolve("glued.txt"), "<START:person> Ada <END> .",
        "A <START:person> B <END><START:location> C <END>");
    InputFormatException e = assertThrows(InputFormatException.class, () -> read(file));
    assertEquals(file + ":2: '<END><START:location>': a tag glued to other text; tags stand alone, separated by spaces",
        e.getMessage());
  }

  @Test
  void aSentenceLongerThanTheNameFinderTagsIsAnError() throws IOException {
    Path file = write(directory.resolve("long.txt"), "<START:person> Ada <END> .", "x ".repeat(10_001).strip());
    InputFormatException e = assertThrows(InputFormatException.class, () -> read(file));
    assertEquals(file + ":2: a sentence of more than 10000 tokens, the most the name finder tags at once",
        e.getMessage());
  }

  @Test
  void anEmptyNameIsAnError() throws IOException {
    Path file = write(directory.resolve("empty.txt"), "<START:person> Ada <END> .", "met <START:person> <END> .");
    InputFormatException e = assertThrows(InputFormatException.class, () -> read(file));
    assertEquals(file + ":2: an empty name: <END> right after <START:person>", e.getMessage());
  }

  @Test
  void startWithoutEndIsAnError() throws IOException {
    Path file = write(directory.resolve("open.txt"), "<START:person> Ada <END> .", "<START:person> Ada Lovelace");
    InputFormatException e = assertThrows(InputFormatException.class, () -> read(file));
    assertEquals(file + ":2: a <START:type> has no <END>", e.getMessage());
  }

  @Test
  void resetReadsAgain() throws IOException {
    Path file = write(directory.resolve("names.txt"), "<START:person> Ada <END> .", "Two .");
    try (OpenNlpNameSampleStream stream = new OpenNlpNameSampleStream(file, StandardCharsets.UTF_8)) {
      List<NameSample> first = readAll(stream);
      stream.reset();
      assertEquals(first, readAll(stream));
    }
  }
}

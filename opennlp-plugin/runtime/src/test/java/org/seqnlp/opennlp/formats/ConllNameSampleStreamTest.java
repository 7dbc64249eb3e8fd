package org.seqnlp.opennlp.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seqnlp.opennlp.formats.Fixtures.ALL_CONLL_TYPES;
import static org.seqnlp.opennlp.formats.Fixtures.readAll;
import static org.seqnlp.opennlp.formats.Fixtures.readConll;
import static org.seqnlp.opennlp.formats.Fixtures.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import opennlp.tools.formats.Conll02NameSampleStream;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqnlp.io.InputFormatException;

class ConllNameSampleStreamTest {

  /** CoNLL-2003 layout: four columns, IOB1, each -DOCSTART- followed by a blank line. */
  private static final String[] CONLL03_STYLE = {
      "-DOCSTART- -X- O O",
      "",
      "Maria NNP I-NP I-PER",
      "Lopez NNP I-NP I-PER",
      "visited VBD I-VP O",
      "Lisbon NNP I-NP I-LOC",
      "Porto NNP I-NP B-LOC",
      ". . O O",
      "",
      "Acme NNP I-NP I-ORG",
      "Labs NNP I-NP I-ORG",
      "Paris NNP I-NP I-LOC",
      "Gazette NNP I-NP I-MISC",
      "",
      "",
      "-DOCSTART- -X- -X- O",
      "",
      "Kilimanjaro NNP I-NP I-LOC",
      "",
  };

  /** CoNLL-2002 Dutch layout: three columns, IOB2, no blank line after -DOCSTART-. */
  private static final String[] CONLL02_DUTCH_STYLE = {
      "-DOCSTART- -DOCSTART- O",
      "De Art O",
      "fiets N O",
      "van Prep O",
      "Jan N B-PER",
      "Pieters N I-PER",
      "",
      "Zij Pron O",
      "woont V O",
      "in Prep O",
      "Gent N B-LOC",
      "",
      "-DOCSTART- -DOCSTART- O",
      "Ajax N B-ORG",
      "Brugge N B-ORG",
      "wint V O",
      "",
  };

  /** CoNLL-2002 Spanish layout: no document lines, IOB2. */
  private static final String[] CONLL02_SPANISH_STYLE = {
      "La DA O",
      "Copa NC B-MISC",
      "del SP I-MISC",
      "Rey NC I-MISC",
      "",
      "Ana NC B-PER",
      "vive VMI O",
      "en SP O",
      "Quito NC B-LOC",
  };

  @TempDir
  Path directory;

  private static Span span(int start, int end, String type) {
    return new Span(start, end, type);
  }

  private static void assertSample(NameSample sample, List<String> tokens, boolean startsDocument, Span... names) {
    assertEquals(tokens, Arrays.asList(sample.getSentence()));
    assertArrayEquals(names, sample.getNames());
    assertEquals(startsDocument, sample.isClearAdaptiveDataSet());
  }

  private InputFormatException readError(Path file, TagScheme scheme) {
    return assertThrows(InputFormatException.class, () -> readConll(file, scheme));
  }

  @Test
  void readsIob1WithDocumentStarts() throws IOException {
    Path file = write(directory.resolve("conll03.txt"), CONLL03_STYLE);
    List<NameSample> samples = readConll(file, TagScheme.AUTO);
    assertEquals(3, samples.size());
    assertSample(samples.get(0), List.of("Maria", "Lopez", "visited", "Lisbon", "Porto", "."), true,
        span(0, 2, "person"), span(3, 4, "location"), span(4, 5, "location"));
    assertSample(samples.get(1), List.of("Acme", "Labs", "Paris", "Gazette"), false,
        span(0, 2, "organization"), span(2, 3, "location"), span(3, 4, "misc"));
    assertSample(samples.get(2), List.of("Kilimanjaro"), true, span(0, 1, "location"));
  }

  @Test
  void equalsOpenNlpConll03Reader() throws IOException {
    Path file = write(directory.resolve("conll03.txt"), CONLL03_STYLE);
    assertEquals(Fixtures.openNlpConll03(file, ALL_CONLL_TYPES), readConll(file, TagScheme.AUTO));
    assertEquals(Fixtures.openNlpConll03(file, ALL_CONLL_TYPES), readConll(file, TagScheme.IOB1));
  }

  @Test
  void documentStartWithoutBlankLineEqualsOpenNlpDutchReader() throws IOException {
    Path file = write(directory.resolve("ned.txt"), CONLL02_DUTCH_STYLE);
    List<NameSample> samples = readConll(file, TagScheme.IOB2);
    assertSample(samples.get(0), List.of("De", "fiets", "van", "Jan", "Pieters"), true, span(3, 5, "person"));
    assertSample(samples.get(1), List.of("Zij", "woont", "in", "Gent"), false, span(3, 4, "location"));
    assertSample(samples.get(2), List.of("Ajax", "Brugge", "wint"), true,
        span(0, 1, "organization"), span(1, 2, "organization"));
    assertEquals(Fixtures.openNlpConll02(file, Conll02NameSampleStream.LANGUAGE.NLD, ALL_CONLL_TYPES), samples);
  }

  @Test
  void withoutDocumentLinesEverySentenceStartsADocumentAsInOpenNlpSpanishReader() throws IOException {
    Path file = write(directory.resolve("esp.txt"), CONLL02_SPANISH_STYLE);
    List<NameSample> samples = readConll(file, TagScheme.AUTO);
    assertTrue(samples.stream().allMatch(NameSample::isClearAdaptiveDataSet));
    assertEquals(Fixtures.openNlpConll02(file, Conll02NameSampleStream.LANGUAGE.SPA, ALL_CONLL_TYPES), samples);
  }

  @Test
  void eachSentenceKnowsItsFirstLine() throws IOException {
    Path file = write(directory.resolve("conll03.txt"), CONLL03_STYLE);
    try (ConllNameSampleStream stream = new ConllNameSampleStream(file, StandardCharsets.UTF_8, TagScheme.AUTO)) {
      List<Long> lines = new ArrayList<>();
      while (stream.read() != null) {
        lines.add(stream.sentenceLine());
      }
      assertEquals(List.of(3L, 10L, 18L), lines);
    }
  }

  @Test
  void documentLineEndsASentence() throws IOException {
    Path file = write(directory.resolve("docs.txt"), "a O", "-DOCSTART- O", "b B-PER");
    try (ConllNameSampleStream stream = new ConllNameSampleStream(file, StandardCharsets.UTF_8, TagScheme.AUTO)) {
      List<NameSample> samples = readAll(stream);
      assertSample(samples.get(0), List.of("a"), true);
      assertSample(samples.get(1), List.of("b"), true, span(0, 1, "person"));
      assertEquals(1, stream.documentCount());
    }
  }

  @Test
  void typeFilterEqualsOpenNlpFlags() throws IOException {
    Path file = write(directory.resolve("conll03.txt"), CONLL03_STYLE);
    int personAndMisc = Conll02NameSampleStream.GENERATE_PERSON_ENTITIES
        | Conll02NameSampleStream.GENERATE_MISC_ENTITIES;
    try (ConllNameSampleStream stream = new ConllNameSampleStream(file, StandardCharsets.UTF_8,
        TagScheme.AUTO, EntityTypes.ALL.only("person", "misc"))) {
      assertEquals(Fixtures.openNlpConll03(file, personAndMisc), readAll(stream));
    }
  }

  @Test
  void tabSeparatedWithWhitespaceOnlySeparatorsAndOtherTypes() throws IOException {
    Path file = write(directory.resolve("wnut.txt"),
        "@sam\tO", "loves\tO", "Night\tB-creative-work", "Owl\tI-creative-work", "\t",
        "Zorblax\tB-product", "by\tO", "Quibbly\tB-corporation", " \t ", "", "Quibbly\tB-corporation");
    List<NameSample> samples = readConll(file, TagScheme.IOB2);
    assertEquals(3, samples.size());
    assertSample(samples.get(0), List.of("@sam", "loves", "Night", "Owl"), true, span(2, 4, "creative-work"));
    assertSample(samples.get(1), List.of("Zorblax", "by", "Quibbly"), true,
        span(0, 1, "product"), span(2, 3, "corporation"));

    EntityTypes renamed = EntityTypes.ALL.rename("corporation", "organization").only("organization");
    try (ConllNameSampleStream stream = new ConllNameSampleStream(file, StandardCharsets.UTF_8, TagScheme.AUTO,
        renamed)) {
      List<NameSample> kept = readAll(stream);
      assertArrayEquals(new Span[0], kept.get(0).getNames());
      assertArrayEquals(new Span[] {span(2, 3, "organization")}, kept.get(1).getNames());
    }
  }

  @Test
  void spacesAndTabsMayMix() throws IOException {
    Path file = write(directory.resolve("mixed.txt"), "Rome \t NNP  B-LOC ", "is\tVBZ O");
    assertSample(readConll(file, TagScheme.AUTO).get(0), List.of("Rome", "is"), true, span(0, 1, "location"));
  }

  @Test
  void sentenceStartingWithInsideTagIsAnEntityUnlessIob2IsChosen() throws IOException {
    Path file = write(directory.resolve("istart.txt"),
        "Vive VMI O", "en SP O", "Lima NC B-LOC", "", "Norte NC I-LOC", "Chico NC I-LOC", "crece VMI O", "");
    assertSample(readConll(file, TagScheme.AUTO).get(1), List.of("Norte", "Chico", "crece"), true,
        span(0, 2, "location"));
    // OpenNLP's CoNLL-2002 reader drops this entity; we keep it, as CoNLL's counts do (see class doc).
    NameSample openNlp = Fixtures.openNlpConll02(file, Conll02NameSampleStream.LANGUAGE.SPA, ALL_CONLL_TYPES).get(1);
    assertArrayEquals(new Span[0], openNlp.getNames());

    assertEquals(file + ":5: I-LOC does not continue an entity of type LOC (IOB2 starts every entity with B-;"
        + " scheme auto reads it as an entity start)", readError(file, TagScheme.IOB2).getMessage());
  }

  @Test
  void iob2RejectsATypeChangeInsideAnEntity() throws IOException {
    Path file = write(directory.resolve("change.txt"), "New B-LOC", "York I-ORG");
    assertEquals(file + ":2: I-ORG does not continue an entity of type ORG (IOB2 starts every entity with B-;"
        + " scheme auto reads it as an entity start)", readError(file, TagScheme.IOB2).getMessage());
    assertSample(readConll(file, TagScheme.AUTO).get(0), List.of("New", "York"), true,
        span(0, 1, "location"), span(1, 2, "organization"));
  }

  @Test
  void iob1RejectsBeginTagNotAfterItsType() throws IOException {
    Path file = write(directory.resolve("iob1.txt"), "-DOCSTART- O", "", "Oslo I-LOC", "Bergen B-LOC", "and O",
        "Rome B-LOC");
    assertEquals(file + ":6: B-LOC does not follow a token of type LOC (IOB1 uses B- only between two adjacent"
        + " entities of one type; scheme auto reads it as an entity start)", readError(file, TagScheme.IOB1).getMessage());
    assertSample(readConll(file, TagScheme.AUTO).get(0), List.of("Oslo", "Bergen", "and", "Rome"), true,
        span(0, 1, "location"), span(1, 2, "location"), span(3, 4, "location"));
  }

  @Test
  void ioReadsRunsAndRejectsBeginTags() throws IOException {
    Path io = write(directory.resolve("io.txt"), "Ada I-PER", "Lovelace I-PER", "met O", "Babbage I-PER");
    assertSample(readConll(io, TagScheme.IO).get(0), List.of("Ada", "Lovelace", "met", "Babbage"), true,
        span(0, 2, "person"), span(3, 4, "person"));
    Path bio = write(directory.resolve("bio.txt"), "Ada B-PER");
    assertEquals(bio + ":1: B-PER is not an IO tag (IO has only I-type and O; scheme auto or iob2 reads it)",
        readError(bio, TagScheme.IO).getMessage());
  }

  @Test
  void detectsTheScheme() throws IOException {
    assertEquals(Optional.of(TagScheme.IOB1), detect(CONLL03_STYLE));
    assertEquals(Optional.of(TagScheme.IOB2), detect(CONLL02_DUTCH_STYLE));
    assertEquals(Optional.of(TagScheme.IOB2), detect("Lima B-LOC", "", "Norte I-LOC", "", "Quito B-LOC"));
    assertEquals(Optional.of(TagScheme.IO), detect("Ada I-PER", "Lovelace I-PER"));
    assertEquals(Optional.empty(), detect("nothing O", "here O"));
  }

  private Optional<TagScheme> detect(String... lines) throws IOException {
    Path file = write(Files.createTempFile(directory, "detect", ".txt"), lines);
    try (ConllNameSampleStream stream = new ConllNameSampleStream(file, StandardCharsets.UTF_8, TagScheme.AUTO)) {
      readAll(stream);
      return stream.detectedScheme();
    }
  }

  @Test
  void unknownTagNamesFileAndLine() throws IOException {
    Path file = write(directory.resolve("tags.txt"), "Paris B-LOC", "", "Texas S-LOC");
    assertEquals(file + ":3: unknown tag 'S-LOC' (expected O, B-type or I-type)",
        readError(file, TagScheme.AUTO).getMessage());
    Path bare = write(directory.resolve("bare.txt"), "Paris B-");
    assertEquals(bare + ":1: unknown tag 'B-' (expected O, B-type or I-type)",
        readError(bare, TagScheme.AUTO).getMessage());
  }

  @Test
  void columnCountMustMatchTheFirstTokenLine() throws IOException {
    Path file = write(directory.resolve("columns.txt"), "-DOCSTART- -X- O", "", "Paris NNP I-NP B-LOC",
        "is VBZ O", "");
    assertEquals(file + ":4: found 3 columns, expected 4 as on line 3", readError(file, TagScheme.AUTO).getMessage());
  }

  @Test
  void columnCountMustBeTwoToFive() throws IOException {
    Path one = write(directory.resolve("one.txt"), "Paris");
    assertEquals(one + ":1: found 1 column; a token line has 2 to 5 (the token first, the tag last)",
        readError(one, TagScheme.AUTO).getMessage());
    Path six = write(directory.resolve("six.txt"), "Paris a b c d B-LOC");
    assertEquals(six + ":1: found 6 columns; a token line has 2 to 5 (the token first, the tag last)",
        readError(six, TagScheme.AUTO).getMessage());
    Path five = write(directory.resolve("five.txt"), "Paris paris NNP I-NP B-LOC");
    assertSample(readConll(five, TagScheme.AUTO).get(0), List.of("Paris"), true, span(0, 1, "location"));
  }

  @Test
  void readsTheChosenCharset() throws IOException {
    Path file = write(directory.resolve("latin1.txt"), StandardCharsets.ISO_8859_1, "Bogotá NC B-LOC", "año NC O");
    try (ConllNameSampleStream stream = new ConllNameSampleStream(file, StandardCharsets.ISO_8859_1,
        TagScheme.AUTO)) {
      assertSample(stream.read(), List.of("Bogotá", "año"), true, span(0, 1, "location"));
    }
    assertEquals(file + ":1: not valid UTF-8 text (is the file in another encoding, such as ISO-8859-1?)",
        readError(file, TagScheme.AUTO).getMessage());
  }

  @Test
  void readsGzippedFilesAndReportsTruncation() throws IOException {
    Path file = Fixtures.writeGzipped(directory.resolve("conll03.txt.gz"), CONLL03_STYLE);
    assertEquals(readConll(write(directory.resolve("plain.txt"), CONLL03_STYLE), TagScheme.AUTO),
        readConll(file, TagScheme.AUTO));

    String[] many = new String[3000];
    for (int i = 0; i < many.length; i++) {
      many[i] = i % 10 == 9 ? "" : "token" + i + " O";
    }
    byte[] complete = Files.readAllBytes(Fixtures.writeGzipped(directory.resolve("many.gz"), many));
    Path truncated = Files.write(directory.resolve("truncated.gz"), Arrays.copyOf(complete, complete.length - 20));
    InputFormatException e = readError(truncated, TagScheme.AUTO);
    assertTrue(e.getMessage().startsWith(truncated + ":"), e.getMessage());
    assertEquals(truncated + ": byte " + (complete.length - 20) + ": truncated gzip data: the file ends inside the"
        + " compressed data (offset in the compressed file)", e.getMessage());
  }

  @Test
  void resetReadsTheSameSamplesAgain() throws IOException {
    Path file = write(directory.resolve("conll03.txt"), CONLL03_STYLE);
    try (ConllNameSampleStream stream = new ConllNameSampleStream(file, StandardCharsets.UTF_8, TagScheme.AUTO)) {
      List<NameSample> first = readAll(stream);
      assertEquals(2, stream.documentCount());
      stream.reset();
      assertEquals(0, stream.documentCount());
      assertFalse(stream.detectedScheme().isPresent());
      assertEquals(first, readAll(stream));
      assertEquals(2, stream.documentCount());
    }
  }

  @Test
  void emptyFileHasNoSamples() throws IOException {
    assertEquals(List.of(), readConll(write(directory.resolve("blank.txt"), "", " ", ""), TagScheme.AUTO));
  }
}

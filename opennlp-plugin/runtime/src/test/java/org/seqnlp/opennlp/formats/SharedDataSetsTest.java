package org.seqnlp.opennlp.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.seqnlp.opennlp.formats.Fixtures.ALL_CONLL_TYPES;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import opennlp.tools.formats.Conll02NameSampleStream;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.seqnlp.io.DataDirectory;
import org.seqnlp.io.InputFormatException;

/**
 * Reads the shared data sets and checks the counts their README and PROVENANCE files give, and that
 * our samples equal OpenNLP's own readers'. Skipped when the data is absent.
 */
class SharedDataSetsTest {

  private static final Path DATA = DataDirectory.resolve();

  private static Path dataFile(String first, String... more) {
    Path file = DATA.resolve(Path.of(first, more));
    assumeTrue(Files.isRegularFile(file), "shared data absent: " + file.toAbsolutePath()
        + " (set -D" + DataDirectory.PROPERTY + " or " + DataDirectory.ENVIRONMENT_VARIABLE + ")");
    return file;
  }

  private static Map<String, Long> conll(long location, long misc, long organization, long person) {
    return Map.of("location", location, "misc", misc, "organization", organization, "person", person);
  }

  private static Map<String, Long> wnut(long corporation, long creativeWork, long group, long location,
      long person, long product) {
    return Map.of("corporation", corporation, "creative-work", creativeWork, "group", group,
        "location", location, "person", person, "product", product);
  }

  /** The table of ../shared/data/ner/README.md. */
  static Stream<Arguments> readmeCounts() {
    return Stream.of(
        Arguments.of("conll2003", "train", 203_621, 14_041, 946, conll(7_140, 3_438, 6_321, 6_600), TagScheme.IOB1),
        Arguments.of("conll2003", "dev", 51_362, 3_250, 216, conll(1_837, 922, 1_341, 1_842), TagScheme.IOB1),
        Arguments.of("conll2003", "test", 46_435, 3_453, 231, conll(1_668, 702, 1_661, 1_617), TagScheme.IOB1),
        Arguments.of("conll2002-es", "train", 264_715, 8_323, 0, conll(4_914, 2_173, 7_390, 4_321), TagScheme.IOB2),
        Arguments.of("conll2002-es", "dev", 52_923, 1_915, 0, conll(985, 445, 1_700, 1_222), TagScheme.IOB2),
        Arguments.of("conll2002-es", "test", 51_533, 1_517, 0, conll(1_084, 340, 1_400, 735), TagScheme.IOB2),
        Arguments.of("conll2002-nl", "train", 202_644, 15_806, 287, conll(3_208, 3_338, 2_082, 4_716), TagScheme.IOB2),
        Arguments.of("conll2002-nl", "dev", 37_687, 2_895, 74, conll(479, 748, 686, 703), TagScheme.IOB2),
        Arguments.of("conll2002-nl", "test", 68_875, 5_195, 119, conll(774, 1_187, 882, 1_098), TagScheme.IOB2),
        Arguments.of("wnut17", "train", 62_730, 3_394, 0, wnut(221, 140, 264, 548, 660, 142), TagScheme.IOB2),
        Arguments.of("wnut17", "dev", 15_733, 1_009, 0, wnut(34, 105, 39, 74, 470, 114), TagScheme.IOB2),
        Arguments.of("wnut17", "test", 23_394, 1_287, 0, wnut(66, 142, 165, 150, 429, 127), TagScheme.IOB2));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("readmeCounts")
  void countsMatchTheReadme(String set, String split, long tokens, long sentences, long documents,
      Map<String, Long> entities, TagScheme scheme) throws IOException {
    Path file = dataFile("ner", set, split + ".txt");
    CorpusCounts counts = new CorpusCounts();
    try (ConllNameSampleStream stream = new ConllNameSampleStream(file, StandardCharsets.UTF_8, TagScheme.AUTO)) {
      for (NameSample sample = stream.read(); sample != null; sample = stream.read()) {
        counts.add(sample);
      }
      counts.addDocuments(stream.documentCount());
      assertEquals(Optional.of(scheme), stream.detectedScheme());
    }
    assertEquals(tokens, counts.tokens());
    assertEquals(sentences, counts.sentences());
    assertEquals(documents, counts.documents());
    assertEquals(entities, counts.entitiesByType());
  }

  /** The source anomalies PROVENANCE.md lists are exactly what a chosen scheme rejects. */
  @Test
  void chosenSchemesRejectExactlyTheDocumentedAnomalies() throws IOException {
    assertEquals(152_428, rejectedLine(dataFile("ner", "conll2003", "train.txt"), TagScheme.IOB1));
    assertEquals(221_619, rejectedLine(dataFile("ner", "conll2002-es", "train.txt"), TagScheme.IOB2));
    assertEquals(30_882, rejectedLine(dataFile("ner", "conll2002-es", "dev.txt"), TagScheme.IOB2));
    assertEquals(9_291, rejectedLine(dataFile("ner", "conll2002-es", "test.txt"), TagScheme.IOB2));
    for (String split : List.of("dev", "test")) {
      Fixtures.readConll(dataFile("ner", "conll2003", split + ".txt"), TagScheme.IOB1);
    }
    for (String set : List.of("conll2002-nl", "wnut17")) {
      for (String split : List.of("train", "dev", "test")) {
        Fixtures.readConll(dataFile("ner", set, split + ".txt"), TagScheme.IOB2);
      }
    }
  }

  private static long rejectedLine(Path file, TagScheme scheme) {
    return assertThrows(InputFormatException.class, () -> Fixtures.readConll(file, scheme)).position();
  }

  @ParameterizedTest
  @MethodSource("splits")
  void conll2003EqualsOpenNlpConll03Reader(String split) throws IOException {
    Path file = dataFile("ner", "conll2003", split + ".txt");
    assertEquals(List.of(), differences(Fixtures.openNlpConll03(file, ALL_CONLL_TYPES), file));
  }

  @ParameterizedTest
  @MethodSource("splits")
  void conll2002DutchEqualsOpenNlpConll02Reader(String split) throws IOException {
    Path file = dataFile("ner", "conll2002-nl", split + ".txt");
    assertEquals(List.of(),
        differences(Fixtures.openNlpConll02(file, Conll02NameSampleStream.LANGUAGE.NLD, ALL_CONLL_TYPES), file));
  }

  /**
   * Equal but for the one sentence per file that starts with {@code I-}: OpenNLP drops that entity,
   * we keep it (see {@link ConllNameSampleStream}).
   */
  @ParameterizedTest
  @MethodSource("splits")
  void conll2002SpanishEqualsOpenNlpConll02ReaderButForSentencesStartingInsideAnEntity(String split)
      throws IOException {
    Path file = dataFile("ner", "conll2002-es", split + ".txt");
    List<NameSample> openNlp = Fixtures.openNlpConll02(file, Conll02NameSampleStream.LANGUAGE.SPA, ALL_CONLL_TYPES);
    List<NameSample> ours = Fixtures.readConll(file, TagScheme.AUTO);
    List<Integer> differing = differences(openNlp, file);
    assertEquals(1, differing.size(), "differing samples " + differing);
    NameSample theirs = openNlp.get(differing.get(0));
    NameSample mine = ours.get(differing.get(0));
    assertArrayEquals(theirs.getSentence(), mine.getSentence());
    assertEquals(theirs.isClearAdaptiveDataSet(), mine.isClearAdaptiveDataSet());
    List<Span> extra = new ArrayList<>(Arrays.asList(mine.getNames()));
    extra.removeAll(Arrays.asList(theirs.getNames()));
    assertEquals(1, extra.size(), "one span more than OpenNLP: " + extra);
    assertEquals(0, extra.get(0).getStart());
    assertEquals(mine.getNames().length, theirs.getNames().length + 1);
  }

  static Stream<String> splits() {
    return Stream.of("train", "dev", "test");
  }

  /** The indices of the samples where ours differ from {@code openNlp}, after checking both have as many. */
  private static List<Integer> differences(List<NameSample> openNlp, Path file) throws IOException {
    List<NameSample> ours = Fixtures.readConll(file, TagScheme.AUTO);
    assertEquals(openNlp.size(), ours.size(), "number of samples");
    List<Integer> differing = new ArrayList<>();
    for (int i = 0; i < ours.size(); i++) {
      if (!ours.get(i).equals(openNlp.get(i))) {
        differing.add(i);
      }
    }
    return differing;
  }

  /** PROVENANCE.md of lm/ptb: words, lines, and N = words + one end-of-sentence token a line. */
  @ParameterizedTest
  @MethodSource("ptbCounts")
  void ptbCountsMatchProvenance(String name, long words, long lines, long n) throws IOException {
    CorpusCounts counts = new CorpusCounts();
    try (PtbSentenceStream stream = new PtbSentenceStream(dataFile("lm", "ptb", name), StandardCharsets.UTF_8)) {
      for (List<String> sentence = stream.read(); sentence != null; sentence = stream.read()) {
        counts.addSentence(sentence.size());
      }
    }
    assertEquals(words, counts.tokens());
    assertEquals(lines, counts.sentences());
    assertEquals(n, counts.tokens() + counts.sentences());
  }

  static Stream<Arguments> ptbCounts() {
    return Stream.of(
        Arguments.of("ptb.train.txt", 887_521, 42_068, 929_589),
        Arguments.of("ptb.valid.txt", 70_390, 3_370, 73_760),
        Arguments.of("ptb.test.txt", 78_669, 3_761, 82_430));
  }
}

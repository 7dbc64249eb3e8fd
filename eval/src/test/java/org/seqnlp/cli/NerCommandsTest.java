package org.seqnlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import opennlp.tools.formats.Conll02NameSampleStream;
import opennlp.tools.formats.Conll03NameSampleStream;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderEvaluator;
import opennlp.tools.util.MarkableFileInputStreamFactory;
import opennlp.tools.util.PlainTextByLineStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqnlp.eval.ner.ConllFixtures;

/** ner and eval-ner on a small synthetic CoNLL-2003 file. */
class NerCommandsTest extends ToolTest {

  @TempDir
  static Path directory;

  private static Path test;
  private static Path model;

  @BeforeAll
  static void trainModel() throws IOException {
    Path train = ConllFixtures.conllFile(directory.resolve("train.txt"), 150, 1);
    test = ConllFixtures.conllFile(directory.resolve("test.txt"), 40, 2);
    model = directory.resolve("model.bin");
    // Any OpenNLP name-finder model: the BiLSTM-CRF's own training is tested with train-ner (eval/training).
    try (OutputStream out = Files.newOutputStream(model)) {
      ConllFixtures.nameFinderMe(ConllFixtures.samples(train)).serialize(out);
    }
  }

  @Test
  void evalNerAgreesWithOpenNlpsEvaluator() throws IOException {
    assertEquals(0, run("eval-ner", "--model", model.toString(), "--test", test.toString()), err.toString());
    TokenNameFinderEvaluator evaluator = new TokenNameFinderEvaluator(new NameFinderME(NerFiles.loadModel(model)));
    evaluator.evaluate(new Conll03NameSampleStream(Conll03NameSampleStream.LANGUAGE.EN,
        new PlainTextByLineStream(new MarkableFileInputStreamFactory(test.toFile()), StandardCharsets.UTF_8),
        Conll02NameSampleStream.GENERATE_PERSON_ENTITIES | Conll02NameSampleStream.GENERATE_LOCATION_ENTITIES));
    String overall = out.toString().lines().filter(line -> line.startsWith("overall")).findFirst().orElseThrow();
    String[] columns = overall.trim().split("\\s+");
    assertEquals(String.format(Locale.ROOT, "%.2f", 100 * evaluator.getFMeasure().getPrecisionScore()), columns[1]);
    assertEquals(String.format(Locale.ROOT, "%.2f", 100 * evaluator.getFMeasure().getRecallScore()), columns[2]);
    assertEquals(String.format(Locale.ROOT, "%.2f", 100 * evaluator.getFMeasure().getFMeasure()), columns[3]);
    assertTrue(evaluator.getFMeasure().getFMeasure() > 0.8, overall);
  }

  @Test
  void scoreTypesScoresOnlyTheTypesListed() {
    assertEquals(0, run("eval-ner", "--model", model.toString(), "--test", test.toString()), err.toString());
    List<String> person = figuresOf("person");
    out.getBuffer().setLength(0);
    assertEquals(0, run("eval-ner", "--model", model.toString(), "--test", test.toString(), "--score-types",
        "person"), err.toString());
    assertEquals(person, figuresOf("overall"));
    assertTrue(out.toString().contains("types scored: person"), out.toString());
    assertTrue(out.toString().lines().noneMatch(line -> line.startsWith("location")), out.toString());
    assertEquals(2, run("eval-ner", "--model", model.toString(), "--test", test.toString(), "--score-types",
        "person,=location"));
    assertTrue(err.toString().contains("--score-types: '=location' is not TYPE or LABEL=TYPE"), err.toString());
    err.getBuffer().setLength(0);
    assertEquals(2, run("eval-ner", "--model", model.toString(), "--test", test.toString(), "--score-types",
        "persn,loc"));
    assertTrue(err.toString().contains("--score-types: no name of type persn, loc in " + test), err.toString());
    err.getBuffer().setLength(0);
    assertEquals(0, run("eval-ner", "--model", model.toString(), "--test", test.toString(), "--score-types",
        "person,persn"));
    assertEquals("seqnlp eval-ner: warning: --score-types: no name of type persn in " + test, err.toString().strip());
    err.getBuffer().setLength(0);
    out.getBuffer().setLength(0);
    assertEquals(0, run("eval-ner", "--model", model.toString(), "--test", test.toString(), "--score-types",
        "person,human=person"), err.toString());
    assertEquals("seqnlp eval-ner: warning: --score-types: no name labelled human in " + test + ", so nothing is"
        + " renamed from it", err.toString().strip());
    assertEquals(person, figuresOf("overall"));
  }

  @Test
  void embeddingBitsKeepTheModelsDocumentContext() {
    assertEquals(0, run("eval-ner", "--model", "../models/ner/en-ner.bin", "--test", test.toString(),
        "--embedding-bits", "8"), err.toString());
    assertTrue(out.toString().contains("document context: weight 4.0, threshold 0.8"), out.toString());
  }

  /** The figures of the row of the score table that {@code row} heads. */
  private List<String> figuresOf(String row) {
    String line = out.toString().lines().filter(l -> l.startsWith(row + " ")).findFirst().orElseThrow();
    return Arrays.asList(line.substring(row.length()).trim().split("\\s+"));
  }

  @Test
  void nerPrintsMarkupConllAndJson() throws IOException {
    Path input = Files.writeString(directory.resolve("input.txt"), "John Smith visited Paris on Monday .\n");
    assertEquals(0, run("ner", "--model", model.toString(), "--tokenized", input.toString()));
    assertEquals("<START:person> John Smith <END> visited <START:location> Paris <END> on Monday .",
        out.toString().strip());
    out.getBuffer().setLength(0);
    assertEquals(0, run("ner", "--model", model.toString(), "--output-format", "conll", input.toString()));
    assertTrue(out.toString().startsWith("John\tB-person\nSmith\tI-person\nvisited\tO\nParis\tB-location\n"),
        out.toString());
    out.getBuffer().setLength(0);
    assertEquals(0, run("ner", "--model", model.toString(), "--output-format", "json", input.toString()));
    assertTrue(out.toString().startsWith("{\"input\":\"" + input + "\",\"document\":0,\"sentence\":0,\"start\":0,"
        + "\"end\":36,\"text\":\"John Smith visited Paris on Monday .\",\"tokens\":[{\"text\":\"John\",\"start\":0,"
        + "\"end\":4},"), out.toString());
    assertTrue(out.toString().contains("\"names\":[{\"type\":\"person\",\"tokenStart\":0,\"tokenEnd\":2,\"start\":0,"
        + "\"end\":10,\"text\":\"John Smith\",\"probability\":"), out.toString());
  }

  /** Found before the test data is read: a missing test file would otherwise be the error reported. */
  @Test
  void documentContextOptionsOutOfRangeAreUsageErrors() {
    String missing = test.resolveSibling("missing.txt").toString();
    assertEquals(2, run("eval-ner", "--model", model.toString(), "--test", missing, "--document-context", "-1"));
    assertTrue(err.toString().contains("--document-context must be a number in [0, 100], got -1"), err.toString());
    err.getBuffer().setLength(0);
    assertEquals(2, run("eval-ner", "--model", model.toString(), "--test", missing, "--embedding-bits", "16"));
    assertTrue(err.toString().contains("--embedding-bits must be one of [8, 32], not 16"), err.toString());
    err.getBuffer().setLength(0);
    assertEquals(2, run("ner", "--model", model.toString(), "--document-threshold", "2"));
    assertTrue(err.toString().contains("--document-threshold must be a number in [0, 1], got 2"), err.toString());
    err.getBuffer().setLength(0);
    assertEquals(2, run("eval-ner", "--model", model.toString(), "--test", test.toString(), "--passes", "5"));
    assertTrue(err.toString().contains("--passes must be an integer in [1, 4], got 5"), err.toString());
  }

  @Test
  void badOutputFormatIsAUsageError() {
    assertEquals(2, run("ner", "--model", model.toString(), "--output-format", "xml"));
    assertTrue(err.toString().contains("--output-format must be markup, conll or json, not xml"), err.toString());
  }

  @Test
  void aDirectoryOrAMissingFileToTagIsNamedAsSuch() {
    assertEquals(1, run("ner", "--model", model.toString(), directory.toString()));
    assertEquals("seqnlp ner: error: " + directory + ": is a directory, not a file to tag", err.toString().strip());
    err.getBuffer().setLength(0);
    assertEquals(1, run("ner", "--model", model.toString(), directory.resolve("none.txt").toString()));
    assertEquals("seqnlp ner: error: " + directory.resolve("none.txt") + ": no such file to tag",
        err.toString().strip());
  }

  /** Data read in another format than its own hold no names, and a score of 0 on them would say nothing. */
  @Test
  void dataWithoutANameAreRefusedNamingTheFormat() throws IOException {
    List<String> lines = Files.readAllLines(test);
    assertEquals(1, run("eval-ner", "--model", model.toString(), "--test", test.toString(), "--format", "opennlp"));
    assertEquals("seqnlp eval-ner: error: " + test + ": no names in " + String.format(Locale.ROOT, "%,d",
        lines.stream().filter(line -> !line.isBlank()).count()) + " sentences read as opennlp (is --format"
        + " right?)", err.toString().strip());
  }

  @Test
  void missingModelIsOneLineError() {
    Path missing = directory.resolve("missing.bin");
    assertEquals(1, run("eval-ner", "--model", missing.toString(), "--test", test.toString()));
    assertEquals("seqnlp eval-ner: error: " + missing + ": no such model file", err.toString().strip());
  }

  @Test
  void aZipBombModelIsOneLineErrorBeforeOpenNlpParsesIt() throws IOException {
    Path bomb = directory.resolve("bomb.bin");
    try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(bomb))) {
      zip.putNextEntry(new java.util.zip.ZipEntry("manifest.properties"));
      zip.write(new byte[64 << 20]);
      zip.closeEntry();
    }
    assertEquals(1, run("eval-ner", "--model", bomb.toString(), "--test", test.toString()));
    assertEquals("seqnlp eval-ner: error: " + bomb + "!manifest.properties: byte 65536: the entry is larger than"
        + " its limit of 65536 bytes", err.toString().strip());
  }
}

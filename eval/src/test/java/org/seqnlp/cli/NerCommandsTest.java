package org.seqnlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import opennlp.tools.formats.Conll02NameSampleStream;
import opennlp.tools.formats.Conll03NameSampleStream;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderEvaluator;
import opennlp.tools.util.MarkableFileInputStreamFactory;
import opennlp.tools.util.PlainTextByLineStream;
import opennlp.tools.util.ext.ExtensionLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqnlp.eval.ner.ConllFixtures;
import org.seqnlp.opennlp.namefind.training.TrainingSettings;

/** train-ner, ner and eval-ner on a small synthetic CoNLL-2003 file. */
class NerCommandsTest extends ToolTest {

  @TempDir
  static Path directory;

  private static Path train;
  private static Path test;
  private static Path model;

  @BeforeAll
  static void trainModel() throws IOException {
    train = ConllFixtures.conllFile(directory.resolve("train.txt"), 150, 1);
    test = ConllFixtures.conllFile(directory.resolve("test.txt"), 40, 2);
    model = directory.resolve("model.bin");
    int exitCode = SeqNlp.newCommandLine().execute("train-ner", "--train", train.toString(), "--dev",
        test.toString(), "--output", model.toString(), "--checkpoint", directory.resolve("checkpoint").toString(), "--epochs", "10", "--hidden", "12", "--word-dim", "12",
        "--char-dim", "6", "--char-filters", "10", "--batch-size", "8", "--learning-rate", "0.01");
    assertEquals(0, exitCode);
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

  @Test
  void aCheckpointBecomesAModelThatTagsLikeTheTrainedOne() throws IOException {
    Path fromCheckpoint = directory.resolve("from-checkpoint.bin");
    // The command must allow-list our packages itself, as in a fresh JVM.
    ExtensionLoader.unregisterAllowedPackage("org.seqnlp.");
    assertEquals(0, run("train-ner", "--from-checkpoint", directory.resolve("checkpoint").toString(), "--output",
        fromCheckpoint.toString()), err.toString());
    String[] tokens = {"Maria", "Garcia", "flew", "to", "New", "York", "."};
    assertEquals(java.util.Arrays.toString(new NameFinderME(NerFiles.loadModel(model)).find(tokens)),
        java.util.Arrays.toString(new NameFinderME(NerFiles.loadModel(fromCheckpoint)).find(tokens)));
  }

  @Test
  void trainNerWithGazetteersStoresThemInTheModel() throws IOException {
    Path lists = Files.createDirectories(directory.resolve("lists"));
    Files.writeString(lists.resolve("per-given.txt"), "John\nMaria\n");
    Path places = Files.writeString(directory.resolve("loc-places.txt"), "Paris\nNew York\n");
    Path withLists = directory.resolve("with-lists.bin");
    assertEquals(0, run("train-ner", "--train", train.toString(), "--output", withLists.toString(), "--epochs", "1",
        "--hidden", "8", "--word-dim", "8", "--char-dim", "4", "--char-filters", "4", "--gazetteers", places.toString(),
        lists.toString()), err.toString());
    opennlp.tools.namefind.TokenNameFinderModel loaded = NerFiles.loadModel(withLists);
    org.seqnlp.opennlp.namefind.gazetteer.Gazetteer gazetteer =
        ((org.seqnlp.opennlp.namefind.BiLstmCrfSequenceModel) loaded.getNameFinderSequenceModel()).network()
            .gazetteer().orElseThrow();
    assertEquals(java.util.List.of("location", "person"), gazetteer.types());
    assertEquals(java.util.List.of("new york", "paris"), gazetteer.entries("location"));
  }

  @Test
  void aMissingOrUntypedGazetteerIsAUsageErrorBeforeTraining() throws IOException {
    Path missing = directory.resolve("loc-missing.txt");
    assertEquals(2, run("train-ner", "--train", train.toString(), "--output", directory.resolve("y.bin").toString(),
        "--gazetteers", missing.toString()));
    assertEquals("seqnlp train-ner: --gazetteers: " + missing + ": no such file or directory (see --help)",
        err.toString().strip());
    err.getBuffer().setLength(0);
    Path untyped = Files.writeString(directory.resolve("places.txt"), "Paris\n");
    assertEquals(2, run("compare-ner", "--train", train.toString(), "--test", test.toString(), "--output",
        directory.resolve("y.md").toString(), "--gazetteers", untyped.toString()));
    assertEquals("seqnlp compare-ner: --gazetteers: " + untyped + ": the name of a list must start with loc-, per-,"
        + " org- or misc- to give its type (see --help)", err.toString().strip());
    err.getBuffer().setLength(0);
    assertEquals(2, run("train-ner", "--train", train.toString(), "--output", directory.resolve("y.bin").toString(),
        "--gazetteers", "loc-a,b.txt"));
    assertEquals("seqnlp train-ner: --gazetteers cannot pass on loc-a,b.txt: the list separates paths by commas and"
        + " ignores blanks around them (see --help)", err.toString().strip());
  }

  @Test
  void helpShowsTheDefaultsOfTheTrainingSettings() {
    TrainingSettings d = TrainingSettings.DEFAULTS;
    for (String command : List.of("train-ner", "compare-ner")) {
      out.getBuffer().setLength(0);
      assertEquals(0, run(command, "--help"));
      String help = out.toString().replaceAll("\\s+", " ");
      for (String expected : List.of("Maximum epochs (default: " + d.epochs() + ")",
          "never (default: " + d.patience() + ")", "per direction (default: " + d.hidden() + ")",
          "without vectors (default: " + d.wordDimension() + ")", "embedding size (default: " + d.charDimension() + ")",
          "CNN filters (default: " + d.charFilters() + ")", "per step (default: " + d.batchSize() + ")",
          "learning rate (default: " + d.learningRate() + ")", "probability (default: " + d.dropout() + ")",
          "random seed (default: " + d.seed() + ")")) {
        assertTrue(help.contains(expected), command + ": " + expected + " in " + help);
      }
    }
  }

  @Test
  void aDocumentContextSavedByTrainNerIsUsedAndCanBeOverridden() throws IOException {
    Path withContext = directory.resolve("with-context.bin");
    assertEquals(0, run("train-ner", "--from-checkpoint", directory.resolve("checkpoint").toString(), "--output",
        withContext.toString(), "--document-context", "3"), err.toString());
    org.seqnlp.opennlp.namefind.DocumentContextFactory factory = org.junit.jupiter.api.Assertions.assertInstanceOf(
        org.seqnlp.opennlp.namefind.DocumentContextFactory.class, NerFiles.loadModel(withContext).getFactory());
    assertEquals(new org.seqnlp.opennlp.namefind.DocumentContext(3, 0.9), factory.documentContext());
    out.getBuffer().setLength(0);
    assertEquals(0, run("eval-ner", "--model", withContext.toString(), "--test", test.toString(), "--passes", "2"),
        err.toString());
    assertTrue(out.toString().contains("NameFinderME.find, 2 passes)"), out.toString());
    assertTrue(out.toString().contains("document context: weight 3.0, threshold 0.9"), out.toString());
    String plain = evalNerReport(run("eval-ner", "--model", model.toString(), "--test", test.toString()));
    String off = evalNerReport(run("eval-ner", "--model", withContext.toString(), "--test", test.toString(),
        "--document-context", "0"));
    assertTrue(off.contains("document context: off"), off);
    assertEquals(overallLine(plain), overallLine(off));
    Path input = Files.writeString(directory.resolve("document.txt"), "John Smith visited Paris .\nSmith flew .\n");
    out.getBuffer().setLength(0);
    assertEquals(0, run("ner", "--model", model.toString(), "--tokenized", "--document-context", "4",
        "--document-threshold", "0.5", "--passes", "2", input.toString()), err.toString());
    assertEquals(2, out.toString().strip().lines().count(), out.toString());
  }

  private String evalNerReport(int exitCode) {
    assertEquals(0, exitCode, err.toString());
    String report = out.toString();
    out.getBuffer().setLength(0);
    return report;
  }

  private static String overallLine(String report) {
    return report.lines().filter(line -> line.startsWith("overall")).findFirst().orElseThrow();
  }

  @Test
  void documentContextOptionsOutOfRangeAreUsageErrors() {
    assertEquals(2, run("eval-ner", "--model", model.toString(), "--test", test.toString(), "--document-context",
        "-1"));
    assertTrue(err.toString().contains("--document-context must be a number in [0, 100], got -1"), err.toString());
    err.getBuffer().setLength(0);
    assertEquals(2, run("ner", "--model", model.toString(), "--document-threshold", "2"));
    assertTrue(err.toString().contains("--document-threshold must be a number in [0, 1], got 2"), err.toString());
    err.getBuffer().setLength(0);
    assertEquals(2, run("eval-ner", "--model", model.toString(), "--test", test.toString(), "--passes", "5"));
    assertTrue(err.toString().contains("--passes must be an integer in [1, 4], got 5"), err.toString());
  }

  @Test
  void trainNerNeedsTrainingDataOrACheckpoint() {
    assertEquals(2, run("train-ner", "--output", directory.resolve("x.bin").toString()));
    assertTrue(err.toString().contains("give either --train or --from-checkpoint"), err.toString());
  }

  @Test
  void badOutputFormatIsAUsageError() {
    assertEquals(2, run("ner", "--model", model.toString(), "--output-format", "xml"));
    assertTrue(err.toString().contains("--output-format must be markup, conll or json, not xml"), err.toString());
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

package org.seqnlp.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.util.ext.ExtensionLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqnlp.eval.ner.ConllFixtures;
import org.seqnlp.opennlp.namefind.training.TrainingSettings;

/** train-ner on small synthetic data, and the model it writes tagging and scoring through ner and eval-ner. */
class TrainNerCommandTest extends ToolTest {

  /** Holds the model every test uses. */
  @TempDir
  static Path directory;

  /** Per test, for the tests that write their own data. */
  @TempDir
  Path scratch;

  private static Path train;
  private static Path test;
  private static Path model;

  @BeforeAll
  static void trainModel() throws IOException {
    train = ConllFixtures.conllFile(directory.resolve("train.txt"), 150, 1);
    test = ConllFixtures.conllFile(directory.resolve("test.txt"), 40, 2);
    model = directory.resolve("model.bin");
    int exitCode = SeqNlp.newCommandLine().execute("train-ner", "--train", train.toString(), "--dev",
        test.toString(), "--output", model.toString(), "--checkpoint", directory.resolve("checkpoint").toString(),
        "--epochs", "10", "--hidden", "12", "--word-dim", "12", "--char-dim", "6", "--char-filters", "10",
        "--batch-size", "8", "--learning-rate", "0.01");
    assertEquals(0, exitCode);
  }

  @Test
  void theTrainedModelFindsTheNamesThroughNerAndEvalNer() throws IOException {
    assertEquals(0, run("eval-ner", "--model", model.toString(), "--test", test.toString()), err.toString());
    String overall = out.toString().lines().filter(line -> line.startsWith("overall")).findFirst().orElseThrow();
    double f1 = Double.parseDouble(overall.trim().split("\\s+")[3]);
    assertTrue(f1 > 80, overall);
    out.getBuffer().setLength(0);
    Path input = directory.resolve("input.txt");
    Files.writeString(input, "John Smith visited Paris on Monday .\n");
    assertEquals(0, run("ner", "--model", model.toString(), "--tokenized", input.toString()), err.toString());
    assertEquals("<START:person> John Smith <END> visited <START:location> Paris <END> on Monday .",
        out.toString().strip());
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
  void aDocumentContextGivenToTrainNerIsSavedInTheModel() throws IOException {
    Path withContext = directory.resolve("with-context.bin");
    assertEquals(0, run("train-ner", "--from-checkpoint", directory.resolve("checkpoint").toString(), "--output",
        withContext.toString(), "--document-context", "3"), err.toString());
    org.seqnlp.opennlp.namefind.DocumentContextFactory factory = org.junit.jupiter.api.Assertions.assertInstanceOf(
        org.seqnlp.opennlp.namefind.DocumentContextFactory.class, NerFiles.loadModel(withContext).getFactory());
    assertEquals(new org.seqnlp.opennlp.namefind.DocumentContext(3, 0.9), factory.documentContext());
  }

  @Test
  void documentContextOfATrainedModelIsReportedUsedAndCanBeSwitchedOff() throws IOException {
    out.getBuffer().setLength(0);
    assertEquals(0, run("eval-ner", "--model", model.toString(), "--test", test.toString(), "--document-context", "3",
        "--passes", "2"), err.toString());
    assertTrue(out.toString().contains("NameFinderME.find, 2 passes)"), out.toString());
    assertTrue(out.toString().contains("document context: weight 3.0, threshold 0.9"), out.toString());
    String plain = evalNerReport(run("eval-ner", "--model", model.toString(), "--test", test.toString()));
    String off = evalNerReport(run("eval-ner", "--model", model.toString(), "--test", test.toString(),
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
  void trainNerTakesSubwordVectorsOnlyWithVectors() throws IOException {
    assertEquals(SeqNlp.EXIT_USAGE, run("train-ner", "--train", train.toString(), "--output",
        directory.resolve("subword-model.bin").toString(), "--subword-vectors"));
    assertTrue(err.toString().contains("--subword-vectors needs --vectors"), err.toString());
  }

  @Test
  void trainNerFreezesVectorsOnlyWithVectors() throws IOException {
    assertEquals(SeqNlp.EXIT_USAGE, run("train-ner", "--train", train.toString(), "--output",
        directory.resolve("frozen-model.bin").toString(), "--freeze-vectors"));
    assertTrue(err.toString().contains("--freeze-vectors needs --vectors"), err.toString());
  }

  /**
   * The manifest records the lists and the attributions their licences require, so the lists given must be those
   * the checkpoint's network was trained with.
   */
  @Test
  void aModelFromACheckpointRecordsTheListsItWasTrainedWith() throws IOException {
    Path lists = Files.createDirectories(scratch.resolve("geonames-locations"));
    Files.writeString(lists.resolve("loc-countries.txt"), "Norway\n");
    Path checkpoint = scratch.resolve("with-lists.checkpoint");
    assertEquals(0, run("train-ner", "--train", train.toString(), "--output", scratch.resolve("trained.bin")
        .toString(), "--checkpoint", checkpoint.toString(), "--epochs", "1", "--hidden", "8", "--word-dim", "8",
        "--char-dim", "4", "--char-filters", "4", "--gazetteers", lists.toString()), err.toString());
    Path fromCheckpoint = scratch.resolve("with-lists.bin");
    assertEquals(0, run("train-ner", "--from-checkpoint", checkpoint.toString(), "--output",
        fromCheckpoint.toString(), "--gazetteers", lists.toString()), err.toString());
    opennlp.tools.namefind.TokenNameFinderModel loaded = NerFiles.loadModel(fromCheckpoint);
    assertEquals("geonames-locations/loc-countries.txt",
        loaded.getManifestProperty(org.seqnlp.opennlp.namefind.training.BiLstmCrfSequenceTrainer
            .GAZETTEER_FILES_MANIFEST_ENTRY));
    assertEquals("GeoNames, www.geonames.org (CC BY 4.0)", loaded.getManifestProperty(
        org.seqnlp.opennlp.namefind.training.BiLstmCrfSequenceTrainer.GAZETTEER_ATTRIBUTIONS_MANIFEST_ENTRY));

    Path other = Files.writeString(scratch.resolve("loc-other.txt"), "Sweden\n");
    Path refused = scratch.resolve("refused.bin");
    assertOneLineUsageError(run("train-ner", "--from-checkpoint", checkpoint.toString(), "--output",
        refused.toString(), "--gazetteers", other.toString()), "seqnlp train-ner: --gazetteers: the lists given"
        + " differ from those " + checkpoint + " was trained with, in their location names");
    err.getBuffer().setLength(0);
    assertOneLineUsageError(run("train-ner", "--from-checkpoint", checkpoint.toString(), "--output",
        refused.toString()), "seqnlp train-ner: " + checkpoint + " was trained with name lists of the types"
        + " [location]: give them with --gazetteers");
    err.getBuffer().setLength(0);
    assertOneLineUsageError(run("train-ner", "--from-checkpoint", directory.resolve("checkpoint").toString(),
        "--output", refused.toString(), "--gazetteers", lists.toString()), "seqnlp train-ner: --gazetteers: "
        + directory.resolve("checkpoint") + " was trained without name lists");
    err.getBuffer().setLength(0);
    for (List<String> trainingOption : List.of(List.of("--epochs", "5"), List.of("--format", "conll02"),
        List.of("--encoding", "ISO-8859-1"), List.of("--max-sentences", "3"))) {
      err.getBuffer().setLength(0);
      List<String> args = new java.util.ArrayList<>(List.of("train-ner", "--from-checkpoint", checkpoint.toString(),
          "--output", refused.toString(), "--gazetteers", lists.toString()));
      args.addAll(trainingOption);
      assertOneLineUsageError(run(args.toArray(new String[0])), "seqnlp train-ner: --from-checkpoint wraps a"
          + " trained network: the training options");
    }
    assertFalse(Files.exists(refused));
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
  void trainNerStoresEightBitEmbeddingsAndCapsTheVocabulary() throws IOException {
    Path small = directory.resolve("eight-bit.bin");
    assertEquals(0, run("train-ner", "--train", train.toString(), "--output", small.toString(), "--epochs", "1",
        "--hidden", "8", "--word-dim", "8", "--char-dim", "4", "--char-filters", "4", "--embedding-bits", "8",
        "--max-vocabulary", "20"), err.toString());
    org.seqnlp.opennlp.namefind.network.BiLstmCrfNetwork network =
        ((org.seqnlp.opennlp.namefind.BiLstmCrfSequenceModel) NerFiles.loadModel(small).getNameFinderSequenceModel())
            .network();
    assertEquals(8, network.encoder().embeddingBits());
    assertEquals(20, network.encoder().words().size());
    assertEquals(2, run("train-ner", "--train", train.toString(), "--output", small.toString(), "--embedding-bits",
        "16"));
    assertEquals("seqnlp train-ner: --embedding-bits must be one of [8, 32], not 16 (see --help)",
        err.toString().strip());
  }

  @Test
  void aPipeAsDevDataIsAUsageErrorSayingSo() throws IOException, InterruptedException {
    Path pipe = directory.resolve("dev.pipe");
    Assumptions.assumeTrue(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor() == 0,
        "mkfifo is not available here");
    assertEquals(2, run("train-ner", "--train", train.toString(), "--output", directory.resolve("y.bin").toString(),
        "--dev", pipe.toString()));
    assertEquals("seqnlp train-ner: --dev: " + pipe + ": is not a regular file (a pipe?); --dev takes a regular file"
        + " (see --help)", err.toString().strip());
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
          "random seed (default: " + d.seed() + ")", "frequent words (default: " + d.maxVocabulary() + ")",
          "large vocabularies) (default: " + d.embeddingBits() + ")",
          "0: off (default: " + d.averageDecay() + ")",
          "taken for a name; 0: off (default: " + d.sentenceStartCopies() + ")",
          "capitalise names; 0: off (default: " + d.lowercaseCopies() + ")")) {
        assertTrue(help.contains(expected), command + ": " + expected + " in " + help);
      }
    }
  }

  @Test
  void trainNerNeedsTrainingDataOrACheckpoint() {
    assertEquals(2, run("train-ner", "--output", directory.resolve("x.bin").toString()));
    assertTrue(err.toString().contains("give either --train or --from-checkpoint"), err.toString());
  }

  @Test
  void trainNerReadsOpenNlpNameSamplesWithFormatOpennlp() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      text.append("<START:person> John Smith <END> visited <START:location> Paris <END> .\n");
    }
    Path train = Files.writeString(scratch.resolve("train.txt"), text);
    Path model = scratch.resolve("model.bin");
    assertEquals(0, run("train-ner", "--format", "opennlp", "--train", train.toString(), "--output", model.toString(),
        "--epochs", "1", "--hidden", "4", "--word-dim", "4", "--char-dim", "2", "--char-filters", "2"),
        err.toString());
    assertTrue(out.toString().contains("trained on 10 sentences"), out.toString());

  }

  @Test
  void aLanguageThatIsNoLanguageTagIsAUsageError() {
    String[] accepted = {"en", "eng", "und", "UND", "en-US", "pt-BR", "x-unspecified", "X-UNSPECIFIED"};
    for (String tag : accepted) {
      assertTrue(TrainNerCommand.isLanguageTag(tag), tag);
    }
    for (String refused : new String[] {"", "xx yy", "e", "en-!!", "en-", "en--US"}) {
      assertFalse(TrainNerCommand.isLanguageTag(refused), refused);
    }
    for (String language : new String[] {"", "xx yy", "e"}) {
      err.getBuffer().setLength(0);
      assertEquals(SeqNlp.EXIT_USAGE, run("train-ner", "--train", train.toString(), "--output",
          directory.resolve("lang.bin").toString(), "--lang", language));
      assertTrue(err.toString().contains("--lang must be a language tag such as en, eng, en-US or x-unspecified,"
          + " got '" + language + "'"), err.toString());
    }
  }

  @Test
  void trainNerRefusesToOverwriteItsTrainingOrDevelopmentData() throws IOException {
    Path train = ConllFixtures.conllFile(scratch.resolve("train.txt"), 20, 1);
    Path dev = ConllFixtures.conllFile(scratch.resolve("dev.txt"), 5, 2);
    byte[] before = Files.readAllBytes(train);
    assertOneLineUsageError(run("train-ner", "--train", train.toString(), "--output", train.toString()),
        "seqnlp train-ner: error: " + train + ": is also an input");
    assertArrayEquals(before, Files.readAllBytes(train));
    err.getBuffer().setLength(0);
    assertOneLineUsageError(run("train-ner", "--train", train.toString(), "--dev", dev.toString(), "--output",
        dev.toString()), "seqnlp train-ner: error: " + dev + ": is also an input");
    err.getBuffer().setLength(0);
    Path model = scratch.resolve("model.bin");
    assertOneLineUsageError(run("train-ner", "--train", train.toString(), "--output", model.toString(),
        "--checkpoint", train.toString()), "seqnlp train-ner: error: " + train + ": is also an input");
    err.getBuffer().setLength(0);
    Path checkpoint = scratch.resolve("run.checkpoint");
    Path state = scratch.resolve("run.checkpoint.state");
    assertOneLineUsageError(run("train-ner", "--train", train.toString(), "--output", state.toString(),
        "--checkpoint", checkpoint.toString()), "seqnlp train-ner: error: " + state + ": is also an input");
    err.getBuffer().setLength(0);
    Path heldOut = ConllFixtures.conllFile(scratch.resolve("held.state"), 5, 3);
    assertOneLineUsageError(run("train-ner", "--train", train.toString(), "--dev", heldOut.toString(), "--output",
        model.toString(), "--checkpoint", scratch.resolve("held").toString()),
        "seqnlp train-ner: error: " + heldOut + ": is also an input");
    err.getBuffer().setLength(0);
    Path lists = Files.createDirectories(scratch.resolve("lists"));
    Path cities = Files.writeString(lists.resolve("loc-cities.txt"), "Oslo\n");
    assertOneLineUsageError(run("train-ner", "--train", train.toString(), "--output", cities.toString(),
        "--gazetteers", lists.toString()), "seqnlp train-ner: error: " + cities + ": is also an input");
    err.getBuffer().setLength(0);
    assertOneLineUsageError(run("train-ner", "--from-checkpoint", directory.resolve("checkpoint").toString(),
        "--output", cities.toString(), "--gazetteers", lists.toString()),
        "seqnlp train-ner: error: " + cities + ": is also an input");
    assertEquals("Oslo\n", Files.readString(cities));
    err.getBuffer().setLength(0);
    Path newList = lists.resolve("loc-model.txt");
    assertOneLineUsageError(run("train-ner", "--train", train.toString(), "--output", newList.toString(),
        "--gazetteers", lists.toString()), "seqnlp train-ner: error: " + newList + ": is inside " + lists);
    assertFalse(Files.exists(newList));
    err.getBuffer().setLength(0);
    assertOneLineUsageError(run("train-ner", "--train", train.toString(), "--output",
        scratch.resolve("none").resolve("model.bin").toString()), "seqnlp train-ner: error: ");
    assertTrue(err.toString().contains("its directory"), err.toString());
  }

  @Test
  void trainNerRefusesBeforeTrainingATokenItsModelCannotStore() throws IOException {
    Path train = Files.writeString(scratch.resolve("train.txt"), "John B-PER\n" + "y".repeat(1_100_000) + " O\n\n");
    assertEquals(SeqNlp.EXIT_FAILURE, run("train-ner", "--train", train.toString(), "--output",
        scratch.resolve("model.bin").toString()));
    assertTrue(err.toString().strip().startsWith("seqnlp train-ner: error: name sample 1, token 2: a token of"
        + " 1,100,000 bytes ('yyyyyyyyyyyyyyyyyyyy...') is longer than the 1,048,576 bytes a model stores"), err.toString());
    assertFalse(Files.exists(scratch.resolve("model.bin")));
  }

  @Test
  void outOfRangeSettingsAreUsageErrorsThatGiveTheRange() {
    String output = directory.resolve("range.bin").toString();
    assertUsageError("seqnlp train-ner: --hidden must be in [1, 4096], not 100000000",
        "train-ner", "--train", train.toString(), "--output", output, "--hidden", "100000000");
    assertUsageError("seqnlp train-ner: --dropout must be in [0, 0.95], not 1.0",
        "train-ner", "--train", train.toString(), "--output", output, "--dropout", "1");
    assertUsageError("seqnlp train-ner: --max-sentences must be an integer in [0, 2147483647], got -1",
        "train-ner", "--train", train.toString(), "--output", output, "--max-sentences", "-1");
    assertUsageError("seqnlp train-ner: --max-vocabulary must be in [1, 2147483647], not 0",
        "train-ner", "--train", train.toString(), "--output", output, "--max-vocabulary", "0");
    assertUsageError("seqnlp train-ner: --average-decay must be in [0, 0.9999], not 1.0",
        "train-ner", "--train", train.toString(), "--output", output, "--average-decay", "1");
    assertUsageError("seqnlp train-ner: --sentence-start-copies must be in [0, 1], not 1.5",
        "train-ner", "--train", train.toString(), "--output", output, "--sentence-start-copies", "1.5");
    assertUsageError("seqnlp train-ner: --lowercase-copies must be in [0, 1], not 2.0",
        "train-ner", "--train", train.toString(), "--output", output, "--lowercase-copies", "2");
  }

  private void assertUsageError(String expected, String... args) {
    err.getBuffer().setLength(0);
    assertEquals(SeqNlp.EXIT_USAGE, run(args), err.toString());
    assertEquals(expected + " (see --help)", err.toString().strip());
  }

  private void assertOneLineUsageError(int exitCode, String expectedStart) {
    assertEquals(SeqNlp.EXIT_USAGE, exitCode, err.toString());
    assertEquals(1, err.toString().strip().lines().count(), err.toString());
    assertTrue(err.toString().startsWith(expectedStart), err.toString());
  }
}

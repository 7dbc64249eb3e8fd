package org.seqnlp.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.util.ext.ExtensionLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqnlp.eval.ner.ConllFixtures;
import org.seqnlp.eval.ner.NameFinderTraining;
import org.seqnlp.opennlp.namefind.training.BiLstmCrfSequenceTrainer;

/** compare-ner end to end on small synthetic CoNLL files, with training settings that finish in seconds. */
class CompareNerCommandTest extends ToolTest {

  /** A BiLSTM-CRF small enough to train on the fixture in a few seconds. */
  private static final List<String> TINY_TRAINING = List.of("--epochs", "3", "--hidden", "8", "--word-dim", "8",
      "--char-dim", "4", "--char-filters", "6", "--batch-size", "8", "--learning-rate", "0.01");
  private static final List<String> QUICK_MEASURES = List.of("--rounds", "2", "--resamples", "200");

  @TempDir
  static Path directory;

  private static Path train;
  private static Path test;
  private static Path secondTest;

  @BeforeAll
  static void writeData() throws IOException {
    train = ConllFixtures.conllFile(directory.resolve("train.txt"), 100, 1);
    test = ConllFixtures.conllFile(directory.resolve("test.txt"), 30, 2);
    secondTest = ConllFixtures.conllFile(directory.resolve("second-test.txt"), 20, 3);
  }

  private int compare(Path output, List<String> options) {
    List<String> args = new ArrayList<>(List.of("compare-ner", "--train", train.toString(), "--test", test.toString(),
        "--output", output.toString()));
    args.addAll(options);
    args.addAll(QUICK_MEASURES);
    return run(args.toArray(new String[0]));
  }

  @Test
  void trainsBothModelsAndWritesTheTableForEveryTestSet() throws IOException {
    Path output = Files.createDirectories(directory.resolve("results")).resolve("comparison.md");
    // The command must allow-list our trainer itself, as in a fresh JVM.
    ExtensionLoader.unregisterAllowedPackage("org.seqnlp.");
    List<String> options = new ArrayList<>(TINY_TRAINING);
    options.addAll(List.of("--test", secondTest.toString()));
    assertEquals(0, compare(output, options), err.toString());

    String markdown = Files.readString(output);
    assertTrue(out.toString().contains(markdown), "the report is printed too");
    for (String expected : List.of("seqnlp compare-ner --train " + train + " --test " + test,
        "- Training data: `train.txt` (100 sentences, ", "- Test data: `test.txt` (30 sentences, ",
        "- Test data: `second-test.txt` (20 sentences, ",
        "- OpenNLP NameFinderME: trained in this run with the defaults of OpenNLP's TokenNameFinderTrainer"
            + " (no -params file: Algorithm=PERCEPTRON, Cutoff=0, Iterations=300",
        "- BiLSTM-CRF (ours): trained in this run with Algorithm=" + BiLstmCrfSequenceTrainer.class.getName(),
        "| tokens/s, 1 thread | tokens/s, batched (2 threads) | training time |")) {
      assertTrue(markdown.contains(expected), expected + " in\n" + markdown);
    }
    for (String testSet : List.of("test.txt", "second-test.txt")) {
      List<String> rows = markdown.lines().filter(line -> line.startsWith("| " + testSet + " | ")).toList();
      assertEquals(List.of(NameFinderTraining.NAME_FINDER_ME, NameFinderTraining.BILSTM_CRF, "location", "person"),
          rows.stream().map(row -> row.split(" \\| ")[1]).toList(), "two result rows, then two entity types");
    }
    String ours = markdown.lines().filter(line -> line.startsWith("| test.txt | BiLSTM-CRF (ours) |")).findFirst()
        .orElseThrow();
    assertTrue(ours.matches("\\| test\\.txt \\| BiLSTM-CRF \\(ours\\) \\|( [\\d.]+ \\|){3} [+-][\\d.]+ \\[[+-][\\d.]+,"
        + " [+-][\\d.]+] \\| [\\d.]+ \\| [\\d,]+ \\| [\\d,]+ \\| [\\d.]+ s \\|"), ours);
  }

  @Test
  void comparesALoadedModelWithTheTrainingTimeItRecorded() throws IOException {
    Path model = directory.resolve("ours.bin");
    List<String> trainNer = new ArrayList<>(List.of("train-ner", "--train", train.toString(), "--output",
        model.toString()));
    trainNer.addAll(TINY_TRAINING);
    assertEquals(0, run(trainNer.toArray(new String[0])), err.toString());
    assertTrue(NameFinderTraining.recordedTrainingSeconds(NerFiles.loadModel(model)).isPresent());

    Path output = directory.resolve("loaded.md");
    assertEquals(0, compare(output, List.of("--model", model.toString())), err.toString());
    String markdown = Files.readString(output);
    assertTrue(markdown.contains("- BiLSTM-CRF (ours): loaded from " + model
        + ", not trained in this run (training time as recorded in the model)"), markdown);
    assertTrue(markdown.lines().anyMatch(line -> line.startsWith("| test.txt | BiLSTM-CRF (ours) |")
        && line.endsWith(" s (recorded in the loaded model) |")), markdown);

    Path typed = directory.resolve("typed.md");
    assertEquals(0, compare(typed, List.of("--model", model.toString(), "--score-types", "person")), err.toString());
    String persons = Files.readString(typed);
    assertTrue(persons.contains("- Types scored: person ("), persons);
    assertEquals(List.of("person"), persons.lines().filter(line -> line.startsWith("| test.txt | "))
        .map(row -> row.split(" \\| ")[1]).filter(type -> !type.contains("NameFinderME") && !type.contains("ours"))
        .toList(), "one entity type left");
  }

  @Test
  void trainingOptionsDoNotApplyToALoadedModel() {
    assertEquals(SeqNlp.EXIT_USAGE, compare(directory.resolve("x.md"),
        List.of("--model", directory.resolve("any.bin").toString(), "--epochs", "3")));
    assertTrue(err.toString().contains("--model compares a trained model: the training options"), err.toString());
  }

  @Test
  void nonPositiveMeasuresAreUsageErrors() {
    assertEquals(SeqNlp.EXIT_USAGE, compare(directory.resolve("x.md"), List.of("--threads", "0")));
    assertEquals(1, err.toString().strip().lines().count(), err.toString());
    assertTrue(err.toString().contains("--threads must be an integer in [1, 256], got 0"), err.toString());
    err.getBuffer().setLength(0);
    assertEquals(SeqNlp.EXIT_USAGE, run("compare-ner", "--train", train.toString(), "--test", test.toString(),
        "--output", directory.resolve("x.md").toString(), "--resamples", "0"));
    assertEquals("seqnlp compare-ner: --resamples must be an integer in [1, 1000000], got 0 (see --help)",
        err.toString().strip());
  }

  @Test
  void refusesToOverwriteATestFile() throws IOException {
    byte[] before = Files.readAllBytes(test);
    assertEquals(SeqNlp.EXIT_USAGE, run("compare-ner", "--train", train.toString(), "--test", test.toString(),
        "--output", test.toString()), err.toString());
    assertEquals(1, err.toString().strip().lines().count(), err.toString());
    assertTrue(err.toString().startsWith("seqnlp compare-ner: error: " + test + ": is also an input"), err.toString());
    assertArrayEquals(before, Files.readAllBytes(test));
  }

  @Test
  void refusesAnOutputThatIsOrWouldBeAGazetteerList() throws IOException {
    Path lists = Files.createDirectories(directory.resolve("lists"));
    Path cities = Files.writeString(lists.resolve("loc-cities.txt"), "Oslo\n");
    assertEquals(SeqNlp.EXIT_USAGE, run("compare-ner", "--train", train.toString(), "--test", test.toString(),
        "--output", cities.toString(), "--gazetteers", lists.toString()), err.toString());
    assertTrue(err.toString().startsWith("seqnlp compare-ner: error: " + cities + ": is also an input"),
        err.toString());
    assertEquals("Oslo\n", Files.readString(cities));
    err.getBuffer().setLength(0);
    Path newList = lists.resolve("loc-report.txt");
    assertEquals(SeqNlp.EXIT_USAGE, run("compare-ner", "--train", train.toString(), "--test", test.toString(),
        "--output", newList.toString(), "--gazetteers", lists.toString()), err.toString());
    assertTrue(err.toString().startsWith("seqnlp compare-ner: error: " + newList + ": is inside " + lists),
        err.toString());
    assertFalse(Files.exists(newList));
  }

  @Test
  void refusesDevelopmentDataThatIsATestFile() {
    assertEquals(SeqNlp.EXIT_USAGE, compare(directory.resolve("x.md"), List.of("--dev", test.toString())));
    assertTrue(err.toString().startsWith("seqnlp compare-ner: --dev " + test + " is also --test " + test
        + ": training would stop at the epoch best on the test data"), err.toString());
  }

  @Test
  void refusesACheckpointThatIsAnInput() throws IOException {
    byte[] before = Files.readAllBytes(train);
    assertEquals(SeqNlp.EXIT_USAGE, compare(directory.resolve("x.md"), List.of("--checkpoint", train.toString())));
    assertTrue(err.toString().startsWith("seqnlp compare-ner: error: " + train + ": is also an input"), err.toString());
    assertArrayEquals(before, Files.readAllBytes(train));
  }

  @Test
  void scoreTypesAbsentFromATestFileFailBeforeAnyTraining() {
    assertEquals(SeqNlp.EXIT_USAGE, compare(directory.resolve("x.md"), List.of("--score-types", "bogus")));
    assertTrue(err.toString().contains("--score-types: no name of type bogus in " + test), err.toString());
  }

  @Test
  void badTrainingSettingsFailBeforeAnyTraining() {
    assertEquals(SeqNlp.EXIT_USAGE, compare(directory.resolve("x.md"), List.of("--epochs", "0")));
    assertTrue(err.toString().contains("--epochs must be in [1, 10000], not 0"), err.toString());
    err.getBuffer().setLength(0);
    Path missing = directory.resolve("missing-vectors.bin");
    assertEquals(SeqNlp.EXIT_USAGE, compare(directory.resolve("x.md"), List.of("--vectors", missing.toString())));
    assertTrue(err.toString().contains("--vectors: " + missing + ": no such file (see --help)"), err.toString());
  }

  @Test
  void missingTestFileIsAOneLineFailure() {
    Path missing = directory.resolve("missing.txt");
    assertEquals(SeqNlp.EXIT_FAILURE, run("compare-ner", "--train", train.toString(), "--test", missing.toString(),
        "--output", directory.resolve("x.md").toString(), "--model", directory.resolve("any.bin").toString()));
    assertEquals("seqnlp compare-ner: error: " + directory.resolve("any.bin") + ": no such model file",
        err.toString().strip());
    err.getBuffer().setLength(0);
    assertEquals(SeqNlp.EXIT_FAILURE, compare(directory.resolve("x.md"), List.of("--test", missing.toString())));
    assertEquals("seqnlp compare-ner: error: " + missing + ": no such data file", err.toString().strip());
  }

  @Test
  void aModelThatIsNotOursIsRefused() throws IOException {
    Path nameFinderMe = directory.resolve("name-finder-me.bin");
    try (OutputStream out = Files.newOutputStream(nameFinderMe)) {
      NameFinderTraining.nameFinderMe("eng", ConllFixtures.samples(test)).model().serialize(out);
    }
    assertEquals(SeqNlp.EXIT_FAILURE, compare(directory.resolve("x.md"), List.of("--model", nameFinderMe.toString())));
    assertTrue(err.toString().strip().endsWith(nameFinderMe + ": not a BiLSTM-CRF model (its sequence model is"
        + " BeamSearch)"), err.toString());
  }
}

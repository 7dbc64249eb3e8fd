package org.seqnlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.seqnlp.io.NamedPipes;
import org.seqnlp.opennlp.lm.RnnLanguageModel;

/** train-lm, perplexity and sample on a tiny model trained once for the class. */
class LanguageModelCommandsTest extends ToolTest {

  @TempDir
  static Path directory;
  static Path model;
  static Path text;


  @BeforeAll
  static void trainTinyModel() throws IOException {
    Random random = new Random(7);
    String[] subjects = {"the cat", "a dog", "my bird"};
    String[] verbs = {"sees", "likes"};
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      lines.add(subjects[random.nextInt(3)] + " " + verbs[random.nextInt(2)] + " " + subjects[random.nextInt(3)]);
    }
    text = Files.write(directory.resolve("train.txt"), lines);
    model = directory.resolve("model.zip");
    LanguageModelCommandsTest test = new LanguageModelCommandsTest();
    assertEquals(0, test.run("train-lm", "--train", text.toString(), "-o", model.toString(), "--hidden-size", "10",
        "--embedding-size", "6", "--layers", "1", "--batch-size", "4", "--bptt", "5", "--epochs", "1", "--test", text.toString()),
        test.err.toString());
    assertTrue(test.out.toString().contains("tokens-per-second="), test.out.toString());
    assertTrue(test.out.toString().contains("test-perplexity="), test.out.toString());
    assertTrue(RnnLanguageModel.load(model).trainingInfo().containsKey("Test-Perplexity-Across-Sentences"));
  }

  @Test
  void perplexityLineEqualsPerplexityFromCalculateProbabilityPerSentence() throws IOException {
    assertEquals(0, run("perplexity", "--model", model.toString(), "--data", text.toString()), err.toString());
    List<String> output = out.toString().strip().lines().toList();
    String last = output.get(output.size() - 1);
    assertTrue(last.startsWith("perplexity="), last);

    RnnLanguageModel languageModel = RnnLanguageModel.load(model);
    double logProbability = 0;
    long tokens = 0;
    for (String line : Files.readAllLines(text)) {
      String[] sentence = line.split(" ");
      logProbability += Math.log(languageModel.calculateProbability(sentence));
      tokens += sentence.length + 1;
    }
    double expected = Math.exp(-logProbability / tokens);
    assertEquals(expected, Double.parseDouble(last.substring("perplexity=".length())), 1e-3);
  }

  @Test
  void perplexityCountsTheTokensOutsideTheVocabularyAndWarnsWhenTheyAreMany() throws IOException {
    assertEquals(0, run("perplexity", "-m", model.toString(), "-d", text.toString()), err.toString());
    assertTrue(out.toString().contains("\nunknown=0 (0.00%)\n"), out.toString());
    assertEquals("", err.toString());
    // Capitalised, every word is outside the vocabulary: a lower perplexity that means nothing.
    Path capitalised = Files.writeString(directory.resolve("capitalised.txt"), "The Cat sees A Dog\n");
    out.getBuffer().setLength(0);
    assertEquals(0, run("perplexity", "-m", model.toString(), "-d", capitalised.toString()), err.toString());
    assertTrue(out.toString().contains("\nunknown=4 (66.67%)\n"), out.toString());
    assertEquals("seqnlp perplexity: warning: 66.7% of the tokens of " + capitalised + " are scored as the model's"
        + " unknown token: this perplexity is not comparable with one of text its vocabulary covers (is the text"
        + " tokenised and cased as the model's training text?)", err.toString().strip());
    out.getBuffer().setLength(0);
    assertEquals(0, run("perplexity", "-m", model.toString(), "-d", capitalised.toString(), "--across-sentences"));
    assertTrue(out.toString().contains("\nunknown=4 (66.67%)\n"), out.toString());
  }

  @Test
  void aSeedTextOutsideTheVocabularyIsNamedInAWarning() {
    assertEquals(0, run("sample", "-m", model.toString(), "--seed-text", "The cat Sees", "--temperature", "0"));
    assertEquals("seqnlp sample: warning: the model reads 'The', 'Sees' of the seed text as its unknown token"
        + " (outside its vocabulary; is the text tokenised and cased as the model's training text?)",
        err.toString().strip());
    assertTrue(out.toString().startsWith("The cat Sees"), out.toString());
    err.getBuffer().setLength(0);
    assertEquals(0, run("sample", "-m", model.toString(), "--seed-text", "the cat sees", "--temperature", "0"));
    assertEquals("", err.toString());
  }

  @Test
  void perplexityAcrossSentencesIsAnotherFigure() {
    assertEquals(0, run("perplexity", "-m", model.toString(), "-d", text.toString()));
    String alone = out.toString().strip().lines().reduce((a, b) -> b).orElseThrow();
    out.getBuffer().setLength(0);
    assertEquals(0, run("perplexity", "-m", model.toString(), "-d", text.toString(), "--across-sentences"));
    assertNotEquals(alone, out.toString().strip().lines().reduce((a, b) -> b).orElseThrow());
  }

  @Test
  void samplesRepeatWithTheSameSeedAndStartWithTheSeedText() {
    assertEquals(0, run("sample", "-m", model.toString(), "--seed-text", "the cat", "-n", "5", "--seed", "9",
        "--top-k", "3"));
    String first = out.toString();
    out.getBuffer().setLength(0);
    assertEquals(0, run("sample", "-m", model.toString(), "--seed-text", "the cat", "-n", "5", "--seed", "9",
        "--top-k", "3"));
    assertEquals(first, out.toString());
    assertEquals(5, first.lines().count());
    first.lines().forEach(line -> assertTrue(line.startsWith("the cat"), line));
  }

  @Test
  void temperatureZeroPrintsTheGreedyPrediction() throws IOException {
    assertEquals(0, run("sample", "-m", model.toString(), "--seed-text", "a dog", "--temperature", "0"));
    String[] greedy = RnnLanguageModel.load(model).predictNextTokens("a", "dog");
    assertEquals(("a dog " + String.join(" ", greedy)).strip(), out.toString().strip());
  }

  @Test
  void badArgumentsAndBadModelFilesFailOnOneLine() {
    assertEquals(SeqNlp.EXIT_USAGE, run("sample", "-m", model.toString(), "--temperature", "-1"));
    assertEquals(SeqNlp.EXIT_FAILURE, run("perplexity", "-m", text.toString(), "-d", text.toString()));
    String message = err.toString().strip().lines().reduce((a, b) -> b).orElseThrow();
    assertTrue(message.startsWith("seqnlp perplexity: error: " + text), message);
  }

  /** The misuses of issue 12: each refused before training with the option and its range, exit 2. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(delimiter = ';', value = {
      "--bptt; 0; --bptt must be in [1, 100000], not 0",
      "--bptt; 100000000; --bptt must be in [1, 100000], not 100000000",
      "--batch-size; 0; --batch-size must be in [1, 1000000], not 0",
      "--validations-per-epoch; 0; --validations-per-epoch must be in [1, 1000000], not 0",
      "--epochs; 0; --epochs must be in [1, 1000000], not 0",
      "--learning-rate; -1; --learning-rate must be in (0, infinity), not -1.0",
      "--clip-norm; -1; --clip-norm must be in [0, infinity), not -1.0",
      "--patience; -2; --patience must be in [1, 1000000], not -2",
      "--lr-decay; 1.5; --lr-decay must be in (0, 1], not 1.5",
      "--cutoff; 0; --cutoff must be in [1, 2147483647], not 0",
      "--output-classes; -1; --output-classes must be auto or a whole number, not -1",
      "--output-classes; 100000; --output-classes must be auto or in [0, ",
      "--vocabulary-size; 1; --vocabulary-size must be 0 (no limit) or at least 3 (<eos>, <unk> and one word), not 1"})
  void settingsOutOfRangeAreUsageErrors(String option, String value, String message) throws IOException {
    Path output = directory.resolve("refused.zip");
    assertEquals(2, run("train-lm", "--train", text.toString(), "-o", output.toString(), option, value));
    assertTrue(err.toString().contains(message), err.toString());
    assertTrue(Files.notExists(output));
  }

  @Test
  void outputEqualToAnInputIsRefusedBeforeTraining() throws IOException {
    byte[] before = Files.readAllBytes(text);
    assertEquals(2, run("train-lm", "--train", text.toString(), "-o", text.toString(), "--epochs", "1"));
    assertTrue(err.toString().contains("is also an input"), err.toString());
    assertEquals(new String(before), Files.readString(text));
  }

  @Test
  @Timeout(60)
  void filesReadTwiceAreRefusedFromAPipeBeforeTheWork() throws Exception {
    Path pipe = directory.resolve("pipe");
    Assumptions.assumeTrue(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor() == 0,
        "mkfifo is not available here");
    assertEquals(1, run("train-lm", "--train", pipe.toString(), "-o", directory.resolve("p.zip").toString(),
        "--work-dir", directory.resolve("work").toString()));
    assertTrue(err.toString().contains(pipe + ": is not a regular file (a pipe?); the training file is read more"
        + " than once"), err.toString());
  }

  @Test
  @Timeout(60)
  void aTestFileIsReadOnceSoItMayComeFromAPipe() throws Exception {
    Path pipe = directory.resolve("test-pipe");
    NamedPipes.Writing writing = NamedPipes.withContent(pipe,
        "the cat sees a dog\nmy bird likes the cat\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Path output = directory.resolve("piped-test.zip");
    assertEquals(0, run("train-lm", "--train", text.toString(), "-o", output.toString(), "--hidden-size", "4",
        "--embedding-size", "4", "--layers", "1", "--epochs", "1", "--test", pipe.toString()), err.toString());
    writing.finish();
    assertTrue(RnnLanguageModel.load(output).trainingInfo().containsKey("Test-Perplexity-Across-Sentences"));
  }

  @Test
  void aTestFileThatCannotBeReadIsRefusedBeforeTraining() throws IOException {
    Path latin1 = Files.write(directory.resolve("latin1.txt"), "caf\u00e9 au lait\n".getBytes(
        java.nio.charset.StandardCharsets.ISO_8859_1));
    Path output = directory.resolve("untrained.zip");
    assertEquals(1, run("train-lm", "--train", text.toString(), "-o", output.toString(), "--hidden-size", "4",
        "--embedding-size", "4", "--layers", "1", "--epochs", "1", "--test", latin1.toString()));
    assertTrue(err.toString().contains(latin1 + ":1: not valid UTF-8"), err.toString());
    assertFalse(err.toString().contains("epoch"), err.toString());
    assertTrue(Files.notExists(output));
  }

  @Test
  void anEmptyValidationOrTestFileIsRefused() throws IOException {
    Path empty = Files.writeString(directory.resolve("empty-valid.txt"), "");
    Path output = directory.resolve("empty.zip");
    for (String option : List.of("--valid", "--test")) {
      err.getBuffer().setLength(0);
      assertEquals(1, run("train-lm", "--train", text.toString(), "-o", output.toString(), "--hidden-size", "4",
          "--embedding-size", "4", "--layers", "1", "--epochs", "1", option, empty.toString()));
      assertEquals("seqnlp train-lm: error: " + empty + ": no sentence to score, so no perplexity (is the file"
          + " empty?)", err.toString().strip(), option);
      assertTrue(Files.notExists(output), option);
    }
  }

  @Test
  void aDirectoryGivenAsModelIsNamed() {
    assertEquals(1, run("perplexity", "-m", directory.toString(), "-d", text.toString()));
    assertEquals("seqnlp perplexity: error: " + directory + ": is a directory, not a model file", err.toString().strip());
  }

  @Test
  void helpShowsTheDefaultsOfTheSettings() {
    assertEquals(0, run("train-lm", "--help"));
    String help = out.toString().replaceAll("\\s+", " ");
    assertTrue(help.contains("Truncated-BPTT length in steps (default: 35)"), help);
    assertTrue(help.contains("(default: auto)"), help);
    assertTrue(help.contains("Largest global gradient norm; 0 turns clipping off (default: 5.0)"), help);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(delimiter = ';', value = {
      "--temperature; NaN; --temperature must be a number in [0, 1000000], got NaN",
      "--temperature; -1; --temperature must be a number in [0, 1000000], got -1",
      "--top-k; -1; --top-k must be an integer in [0, 2147483647], got -1",
      "-n; 0; -n must be an integer in [1, 2147483647], got 0",
      "--max-tokens; -5; --max-tokens must be an integer in [0, 2147483647], got -5"})
  void sampleOptionsOutOfRangeAreUsageErrorsNamingTheOption(String option, String value, String message) {
    assertEquals(2, run("sample", "-m", model.toString(), option, value));
    assertTrue(err.toString().contains(message), err.toString());
  }

  @Test
  void anEmptyFileHasNoPerplexity() throws IOException {
    Path empty = Files.writeString(directory.resolve("empty.txt"), "");
    assertEquals(1, run("perplexity", "-m", model.toString(), "--data", empty.toString()));
    assertEquals("seqnlp perplexity: error: " + empty + ": no sentence to score, so no perplexity (is the file empty?)",
        err.toString().strip());
  }
}

package org.seqnlp.opennlp.lm.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import opennlp.tools.util.TrainingParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.seqnlp.io.InputFormatException;
import org.seqnlp.io.tensor.TensorBundle;
import org.seqnlp.io.tensor.TensorFile;
import org.seqnlp.opennlp.lm.CellType;
import org.seqnlp.opennlp.lm.RnnLanguageModel;
import org.seqnlp.opennlp.lm.ToyCorpus;

class RnnLmTrainerTest {

  @TempDir
  Path directory;

  /** A small LSTM model. */
  private static TrainingParameters small(CellType cell) {
    TrainingParameters parameters = new TrainingParameters();
    parameters.put(LmTrainingSettings.CELL, cell.name());
    parameters.put(LmTrainingSettings.EMBEDDING_SIZE, "8");
    parameters.put(LmTrainingSettings.HIDDEN_SIZE, "12");
    parameters.put(LmTrainingSettings.BATCH_SIZE, "4");
    parameters.put(LmTrainingSettings.BPTT_LENGTH, "6");
    parameters.put(LmTrainingSettings.LEARNING_RATE, "0.5");
    parameters.put(LmTrainingSettings.EPOCHS, "1");
    return parameters;
  }

  private static RnnLmTrainer trainer(TrainingParameters parameters) {
    return new RnnLmTrainer(LmTrainingSettings.from(parameters), false);
  }

  @Test
  void trainsAPredictableLanguageAndResumesFromItsCheckpoint() throws IOException {
    Path train = ToyCorpus.write(directory, "train.txt", 300, 1);
    Path valid = ToyCorpus.write(directory, "valid.txt", 40, 2);
    Path work = directory.resolve("work");
    TrainingParameters parameters = small(CellType.LSTM);
    RnnLanguageModel first = trainer(parameters).train(train, valid, work);
    long firstTokens = Long.parseLong(first.trainingInfo().get("Tokens-Trained"));

    parameters.put(LmTrainingSettings.EPOCHS, "4");
    RnnLanguageModel resumed = trainer(parameters).train(train, valid, work);
    assertEquals(4 * firstTokens, Long.parseLong(resumed.trainingInfo().get("Tokens-Trained")));
    assertEquals(4 * gradientSteps(first), gradientSteps(resumed), "clipping statistics continue");
    // "the X Y the Z" with three choices per slot: perplexity exp(3 ln 3 / 6) ≈ 1.73 at best
    double perplexity = resumed.perplexity(valid, false).value();
    assertTrue(perplexity < 2.5, "validation perplexity " + perplexity);
    try (Stream<Path> files = Files.list(work)) {
      assertTrue(files.noneMatch(file -> file.getFileName().toString().endsWith(".tmp")), "no temporary files");
    }

    parameters.put(LmTrainingSettings.HIDDEN_SIZE, "13");
    IllegalArgumentException mismatch = assertThrows(IllegalArgumentException.class,
        () -> trainer(parameters).train(train, valid, work));
    assertTrue(mismatch.getMessage().contains("HiddenSize=12, not 13"), mismatch.getMessage());
  }

  @Test
  void resumingRefusesAnotherTrainingFileNamingTheDifference() throws IOException {
    Path train = ToyCorpus.write(directory, "train.txt", 100, 1);
    Path work = directory.resolve("work");
    trainer(small(CellType.GRU)).train(train, null, work);
    Path other = ToyCorpus.write(directory, "other.txt", 100, 3);
    IllegalArgumentException renamed = assertThrows(IllegalArgumentException.class,
        () -> trainer(small(CellType.GRU)).train(other, null, work));
    assertTrue(renamed.getMessage().contains("trainingFile=train.txt, not other.txt"), renamed.getMessage());
    ToyCorpus.write(directory, "train.txt", 100, 3);
    IllegalArgumentException changed = assertThrows(IllegalArgumentException.class,
        () -> trainer(small(CellType.GRU)).train(train, null, work));
    assertTrue(changed.getMessage().contains("trained with trainingFile"), changed.getMessage());
  }

  @Test
  void checkpointIsOneFileHoldingWeightsVocabularyAndState() throws IOException {
    Path train = ToyCorpus.write(directory, "train.txt", 100, 1);
    Path work = directory.resolve("work");
    trainer(small(CellType.GRU)).train(train, null, work);
    try (Stream<Path> files = Files.list(work)) {
      assertEquals(List.of(TrainingCheckpoint.CHECKPOINT), files.map(file -> file.getFileName().toString()).toList());
    }
    TensorBundle checkpoint = TensorFile.read(RnnLmTrainer.checkpointFile(work));
    assertTrue(checkpoint.strings("vocabulary").contains("the"));
    assertEquals("1", checkpoint.text("state.epoch"));
    assertFalse(checkpoint.tensors().isEmpty());
  }

  @Test
  void refusesAWorkDirectoryOfAnOlderVersion() throws IOException {
    Path train = ToyCorpus.write(directory, "train.txt", 100, 1);
    Path work = Files.createDirectories(directory.resolve("work"));
    Files.writeString(work.resolve("state.properties"), "epoch=1\n");
    IllegalArgumentException old = assertThrows(IllegalArgumentException.class,
        () -> trainer(small(CellType.GRU)).train(train, null, work));
    assertEquals(work + " holds a checkpoint of an older SeqNLP version (state.properties), which cannot be "
        + "resumed: use another work directory", old.getMessage());
  }

  /** A damaged state value is refused naming the checkpoint file and the key, never a bare parse error. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "position|x|state value position 'x' is not a whole number in 0..",
      "position|99999999|state value position '99999999' is not a whole number in 0..",
      "tokensTrained|-5|state value tokensTrained '-5' is not a whole number in 0..",
      "learningRate|NaN|state value learningRate 'NaN' is not a number in",
      "gradientSteps|1e3|state value gradientSteps '1e3' is not a whole number in 0..",
      "epoch||no state value epoch"})
  void refusesADamagedStateNamingFileAndKey(String key, String value, String problem) throws IOException {
    Path train = ToyCorpus.write(directory, "train.txt", 100, 1);
    Path work = directory.resolve("work");
    trainer(small(CellType.GRU)).train(train, null, work);
    Path file = RnnLmTrainer.checkpointFile(work);
    TensorBundle saved = TensorFile.read(file);
    TensorBundle damaged = new TensorBundle();
    saved.texts().forEach((name, text) -> {
      if (!name.equals("state." + key)) {
        damaged.addText(name, text);
      } else if (value != null) {
        damaged.addText(name, value);
      }
    });
    saved.stringLists().forEach(damaged::addStrings);
    saved.tensors().values().forEach(damaged::add);
    Files.write(file, bytes(damaged));
    InputFormatException error = assertThrows(InputFormatException.class,
        () -> trainer(small(CellType.GRU)).train(train, null, work));
    assertEquals(file.toString(), error.source());
    assertTrue(error.problem().startsWith(problem), error.getMessage());
    assertEquals(1, error.getMessage().lines().count());
  }

  private static byte[] bytes(TensorBundle bundle) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TensorFile.write(bundle, out);
    return out.toByteArray();
  }

  private static long gradientSteps(RnnLanguageModel model) {
    String clipped = model.trainingInfo().get("Clipped-Steps");
    return Long.parseLong(clipped.substring(clipped.indexOf('/') + 1));
  }

  @Test
  void stopsEarlyWhenValidationStopsImproving() throws IOException {
    Path train = ToyCorpus.write(directory, "train.txt", 200, 1);
    Path valid = ToyCorpus.write(directory, "valid.txt", 20, 2);
    TrainingParameters parameters = small(CellType.RNN);
    // a learning rate that makes training diverge, so validation perplexity cannot improve
    parameters.put(LmTrainingSettings.LEARNING_RATE, "1000");
    parameters.put(LmTrainingSettings.CLIP_NORM, "0");
    parameters.put(LmTrainingSettings.EPOCHS, "50");
    parameters.put(LmTrainingSettings.VALIDATIONS_PER_EPOCH, "4");
    parameters.put(LmTrainingSettings.PATIENCE, "2");
    RnnLanguageModel model = trainer(parameters).train(train, valid, null);
    assertTrue(model.trainingInfo().get("Stop-Reason").startsWith("early stopping"),
        model.trainingInfo().get("Stop-Reason"));
    assertTrue(Double.parseDouble(model.trainingInfo().get("Epochs-Trained")) < 2,
        model.trainingInfo().get("Epochs-Trained"));
  }

  @Test
  void theLearningRateDecaysAfterEveryEpochFromTheDecayStartOn() throws IOException {
    // after epochs 2 and 3; not after the last, which no training follows
    assertEquals("0.125", smallRnn(Map.of(LmTrainingSettings.EPOCHS, "4", LmTrainingSettings.LEARNING_RATE_DECAY,
        "0.5", LmTrainingSettings.DECAY_START_EPOCH, "2")).get("Final-Learning-Rate"));
    assertEquals("0.5", smallRnn(Map.of(LmTrainingSettings.EPOCHS, "4", LmTrainingSettings.LEARNING_RATE_DECAY,
        "0.5", LmTrainingSettings.DECAY_START_EPOCH, "0")).get("Final-Learning-Rate"));
  }

  @Test
  void aTimeBudgetStopsTrainingAfterTheStepThatSpentIt() throws IOException {
    Map<String, String> info = smallRnn(Map.of(LmTrainingSettings.EPOCHS, "5", LmTrainingSettings.MAX_MINUTES,
        "0.000001"));
    assertEquals("time budget reached", info.get("Stop-Reason"));
    assertTrue(Double.parseDouble(info.get("Epochs-Trained")) < 1, info.get("Epochs-Trained"));
  }

  /** The training facts of a small RNN trained on 100 toy sentences with {@code settings}. */
  private Map<String, String> smallRnn(Map<String, String> settings) throws IOException {
    Path train = ToyCorpus.write(directory, "train.txt", 100, 1);
    TrainingParameters parameters = small(CellType.RNN);
    settings.forEach(parameters::put);
    return trainer(parameters).train(train, null, null).trainingInfo();
  }

  @Test
  void refusesSettingsOutOfRangeBeforeReadingData() {
    TrainingParameters parameters = small(CellType.LSTM);
    parameters.put(LmTrainingSettings.BPTT_LENGTH, "0");
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> trainer(parameters));
    assertEquals("BpttLength must be in [1, 100000], not 0", error.getMessage());
  }

  @Test
  void rejectsTooLittleTrainingText() throws IOException {
    Path train = ToyCorpus.write(directory, "train.txt", 1, 1);
    assertThrows(IllegalArgumentException.class, () -> trainer(small(CellType.LSTM)).train(train, null, null));
  }
}

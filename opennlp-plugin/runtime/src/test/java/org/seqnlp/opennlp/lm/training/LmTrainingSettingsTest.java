package org.seqnlp.opennlp.lm.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import opennlp.tools.util.TrainingParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.seqnlp.opennlp.lm.CellType;
import org.seqnlp.opennlp.lm.TokenUnit;

class LmTrainingSettingsTest {

  @Test
  void missingKeysTakeTheDefaultsAndGivenOnesTheirTypedValues() {
    assertEquals(LmTrainingSettings.DEFAULTS, LmTrainingSettings.from(new TrainingParameters()));
    TrainingParameters parameters = new TrainingParameters();
    parameters.put(LmTrainingSettings.CELL, "gru");
    parameters.put(LmTrainingSettings.TOKEN_UNIT, "CHARACTER");
    parameters.put(LmTrainingSettings.HIDDEN_SIZE, 64);
    parameters.put(LmTrainingSettings.LEARNING_RATE, 2);
    parameters.put(LmTrainingSettings.OUTPUT_CLASSES, "12");
    parameters.put(LmTrainingSettings.MAX_TOKENS, "10000000000");
    LmTrainingSettings settings = LmTrainingSettings.from(parameters);
    assertEquals(CellType.GRU, settings.cell());
    assertEquals(TokenUnit.CHARACTER, settings.unit());
    assertEquals(64, settings.hiddenSize());
    assertEquals(2.0, settings.learningRate());
    assertEquals(12, settings.outputClasses());
    assertEquals(10_000_000_000L, settings.maxTokens());
    assertEquals(LmTrainingSettings.DEFAULTS.bpttLength(), settings.bpttLength());
  }

  @Test
  void valuesOfTheWrongTypeNameTheKey() {
    TrainingParameters parameters = new TrainingParameters();
    parameters.put(LmTrainingSettings.HIDDEN_SIZE, "many");
    assertEquals("HiddenSize must be a whole number, not many", assertThrows(IllegalArgumentException.class,
        () -> LmTrainingSettings.from(parameters)).getMessage());
    TrainingParameters cell = new TrainingParameters();
    cell.put(LmTrainingSettings.CELL, "TRANSFORMER");
    assertEquals("Cell must be one of [RNN, LSTM, GRU], not TRANSFORMER", assertThrows(
        IllegalArgumentException.class, () -> LmTrainingSettings.from(cell)).getMessage());
  }

  /** The misuses of issue 12, each refused with the setting and its range. */
  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "BpttLength; 0; BpttLength must be in [1, 100000], not 0",
      "BpttLength; 100000000; BpttLength must be in [1, 100000], not 100000000",
      "BatchSize; 0; BatchSize must be in [1, 1000000], not 0",
      "ValidationsPerEpoch; 0; ValidationsPerEpoch must be in [1, 1000000], not 0",
      "Epochs; 0; Epochs must be in [1, 1000000], not 0",
      "LearningRate; -1; LearningRate must be in (0, infinity), not -1.0",
      "ClipNorm; -5; ClipNorm must be in [0, infinity), not -5.0",
      "Patience; -1; Patience must be in [1, 1000000], not -1",
      "LearningRateDecay; 0; LearningRateDecay must be in (0, 1], not 0.0",
      "LearningRateDecay; 1.5; LearningRateDecay must be in (0, 1], not 1.5",
      "Cutoff; 0; Cutoff must be in [1, 2147483647], not 0",
      "HiddenSize; 100000000; HiddenSize must be in [1, 8192], not 100000000",
      "Dropout; 1; Dropout must be in [0, 1), not 1.0",
      "Threads; 0; Threads must be in [1, 1024], not 0"})
  void validationRefusesValuesOutOfRangeNamingTheSettingAndTheRange(String key, String value, String message) {
    TrainingParameters parameters = new TrainingParameters();
    parameters.put(key, value);
    LmTrainingSettings settings = LmTrainingSettings.from(parameters);
    assertEquals(message, assertThrows(IllegalArgumentException.class, settings::validate).getMessage());
  }

  @Test
  void theGateArrayOfOneBatchMustFitAnArray() {
    TrainingParameters parameters = new TrainingParameters();
    parameters.put(LmTrainingSettings.BPTT_LENGTH, "100000");
    parameters.put(LmTrainingSettings.BATCH_SIZE, "100000");
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> LmTrainingSettings.from(parameters).validate());
    assertEquals(true, error.getMessage().startsWith("BpttLength x BatchSize x 4 x HiddenSize must be at most"),
        error.getMessage());
  }

  @Test
  void autoClassesAreTheSquareRootOfLargeVocabularies() {
    assertEquals(0, LmTrainingSettings.DEFAULTS.classesFor(999));
    assertEquals(100, LmTrainingSettings.DEFAULTS.classesFor(10_000));
    TrainingParameters parameters = new TrainingParameters();
    parameters.put(LmTrainingSettings.OUTPUT_CLASSES, "50");
    assertThrows(IllegalArgumentException.class, () -> LmTrainingSettings.from(parameters).classesFor(10));
  }
}

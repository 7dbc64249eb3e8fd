package org.seqnlp.opennlp.namefind.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import opennlp.tools.util.TrainingParameters;
import org.junit.jupiter.api.Test;

class TrainingSettingsTest {

  private static final TrainingSettings D = TrainingSettings.DEFAULTS;

  /** {@link TrainingSettings#DEFAULTS} but for the settings given. */
  private static TrainingSettings settings(int epochs, int hidden, double dropout, int seed, Path checkpoint,
      List<Path> gazetteers) {
    return new TrainingSettings(epochs, D.patience(), D.batchSize(), D.wordDimension(), D.charDimension(),
        D.charFilters(), D.maxWordChars(), hidden, D.learningRate(), dropout, D.gradientClip(), D.maxVocabulary(),
        D.embeddingBits(), seed, checkpoint, gazetteers, false, 0, 0, 0);
  }

  private static TrainingSettings withHiddenAndDropout(int hidden, double dropout) {
    return settings(D.epochs(), hidden, dropout, D.seed(), null, List.of());
  }

  @Test
  void absentParametersTakeTheDefaults() {
    assertEquals(D, TrainingSettings.from(new TrainingParameters()));
    assertSame(D, D.validate());
  }

  @Test
  void typedReadsOfTheParametersAndBackUnchanged() {
    TrainingParameters parameters = new TrainingParameters();
    parameters.put(TrainingSettings.EPOCHS, "7");
    parameters.put(TrainingSettings.DROPOUT, 0.25);
    parameters.put(TrainingSettings.SEED, 9);
    parameters.put(TrainingSettings.CHECKPOINT, "best.bin");
    parameters.put(TrainingSettings.GAZETTEERS, "a/loc-x.txt, b ,");
    TrainingSettings settings = TrainingSettings.from(parameters);
    assertEquals(settings(7, D.hidden(), 0.25, 9, Path.of("best.bin"), List.of(Path.of("a/loc-x.txt"), Path.of("b"))),
        settings);
    assertEquals(settings, TrainingSettings.from(settings.parameters()));
    parameters.put(TrainingSettings.DROPOUT, 0);
    assertEquals(0.0, TrainingSettings.from(parameters).dropout(), "a whole number put as such");
  }

  @Test
  void blanksAroundAValueAreIgnoredAsAPropertiesFileLeavesThem() throws java.io.IOException {
    TrainingParameters parameters = new TrainingParameters(new java.io.ByteArrayInputStream(
        "Epochs=7 \nLearningRate=0.002\t\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    TrainingSettings settings = TrainingSettings.from(parameters);
    assertEquals(7, settings.epochs());
    assertEquals(0.002, settings.learningRate());
  }

  @Test
  void aValueOfTheWrongTypeNamesTheKey() {
    TrainingParameters parameters = new TrainingParameters();
    parameters.put(TrainingSettings.HIDDEN, "1.5");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainingSettings.from(parameters));
    assertEquals("Hidden must be a whole number, not 1.5", e.getMessage());
    parameters.put(TrainingSettings.HIDDEN, "8");
    parameters.put(TrainingSettings.LEARNING_RATE, "fast");
    e = assertThrows(IllegalArgumentException.class, () -> TrainingSettings.from(parameters));
    assertEquals("LearningRate must be a number, not fast", e.getMessage());
  }

  /** The valid settings read from one parameter, checked to read back unchanged from their own parameters. */
  private static TrainingSettings readBack(String key, String value) {
    TrainingParameters parameters = new TrainingParameters();
    parameters.put(key, value);
    TrainingSettings settings = TrainingSettings.from(parameters).validate();
    assertEquals(settings, TrainingSettings.from(settings.parameters()));
    return settings;
  }

  /** The message that refuses one parameter, when it is read or validated. */
  private static String refusal(String key, String value) {
    TrainingParameters parameters = new TrainingParameters();
    parameters.put(key, value);
    return assertThrows(IllegalArgumentException.class, () -> TrainingSettings.from(parameters).validate())
        .getMessage();
  }

  @Test
  void freezeVectorsIsReadStrictly() {
    assertEquals(true, readBack(TrainingSettings.FREEZE_VECTORS, "TRUE").freezeVectors());
    assertEquals("FreezeVectors must be true or false, not yes", refusal(TrainingSettings.FREEZE_VECTORS, "yes"));
  }

  @Test
  void validateNamesTheSettingAndItsRange() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> withHiddenAndDropout(4097, D.dropout()).validate());
    assertEquals("Hidden must be in [1, 4096], not 4097", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> withHiddenAndDropout(D.hidden(), 1).validate());
    assertEquals("Dropout must be in [0, 0.95], not 1.0", e.getMessage());
    withHiddenAndDropout(1, 0).validate();
  }

  @Test
  void averageDecayIsReadAndMustStayBelowOne() {
    assertEquals(0.998, readBack(TrainingSettings.AVERAGE_DECAY, "0.998").averageDecay());
    assertEquals("AverageDecay must be in [0, 0.9999], not 1.0", refusal(TrainingSettings.AVERAGE_DECAY, "1"));
  }

  @Test
  void sentenceStartCopiesAreReadAndMustBeAShare() {
    assertEquals(0.25, readBack(TrainingSettings.SENTENCE_START_COPIES, "0.25").sentenceStartCopies());
    assertEquals("SentenceStartCopies must be in [0, 1], not 1.5", refusal(TrainingSettings.SENTENCE_START_COPIES,
        "1.5"));
  }

  @Test
  void lowercaseCopiesAreReadAndMustBeAShare() {
    assertEquals(0.25, readBack(TrainingSettings.LOWERCASE_COPIES, "0.25").lowercaseCopies());
    assertEquals("LowercaseCopies must be in [0, 1], not -0.5", refusal(TrainingSettings.LOWERCASE_COPIES, "-0.5"));
  }

  @Test
  void embeddingBitsAreReadAndOnly8Or32Pass() {
    assertEquals(8, readBack(TrainingSettings.EMBEDDING_BITS, "8").embeddingBits());
    assertEquals("EmbeddingBits must be one of [8, 32], not 16", refusal(TrainingSettings.EMBEDDING_BITS, "16"));
  }

  @Test
  void aGazetteerPathTheListCannotCarryIsRefused() {
    TrainingSettings settings = settings(D.epochs(), D.hidden(), D.dropout(), D.seed(), null, List.of(Path.of("a,b")));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, settings::parameters);
    assertEquals("Gazetteers cannot pass on a,b: the list separates paths by commas and ignores blanks around them",
        e.getMessage());
  }
}

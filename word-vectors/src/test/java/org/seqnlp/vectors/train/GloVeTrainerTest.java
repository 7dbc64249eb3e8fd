package org.seqnlp.vectors.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.seqnlp.progress.Progress;
import org.seqnlp.vectors.WordVectors;
import org.seqnlp.vectors.corpus.EncodedCorpus;
import org.seqnlp.vocabulary.Vocabulary;

class GloVeTrainerTest {

  private static final int END = EncodedCorpus.SENTENCE_END;

  private static EncodedCorpus corpus(int... tokens) {
    return new EncodedCorpus(Vocabulary.byFrequency(List.of("a", "b", "c", "d"), new long[] {4, 3, 2, 1}), tokens);
  }

  @Test
  void countsAreWeightedByInverseDistanceSymmetricAndStopAtSentenceEnds() {
    CooccurrenceMatrix counts = CooccurrenceMatrix.count(corpus(0, 1, 2, END, 3, 0, 1, END), 2, 1);
    assertEquals(2f, counts.get(0, 1));
    assertEquals(2f, counts.get(1, 0));
    assertEquals(0.5f, counts.get(0, 2));
    assertEquals(1f, counts.get(1, 2));
    assertEquals(1f, counts.get(3, 0));
    assertEquals(0.5f, counts.get(3, 1));
    assertEquals(0f, counts.get(2, 3), "no count across the sentence end");
    assertEquals(10, counts.nonZeroCount());
  }

  /** Float sums stop growing by the 1/d of distant pairs past 2^21; these cells reach about 2^22. */
  @Test
  void countsInTheMillionsKeepTheirSmallIncrements() {
    int length = 2_400_000;
    int[] tokens = new int[length + 1];
    for (int i = 0; i < length; i++) {
      tokens[i] = i % 2;
    }
    tokens[length] = END;
    CooccurrenceMatrix counts = CooccurrenceMatrix.count(corpus(tokens), 10, 1);
    double expected = 0;
    for (int i = 0; i < length; i++) {
      for (int distance = 1; distance <= 10 && i - distance >= 0; distance++) {
        expected += tokens[i] != tokens[i - distance] ? 1.0 / distance : 0;
      }
    }
    assertEquals(expected, counts.get(0, 1), expected * 1e-9);
    assertEquals(expected, counts.get(1, 0), expected * 1e-9);
  }

  @Test
  void parallelCountingEqualsSerialCounting() {
    EncodedCorpus corpus = SyntheticCorpus.generate(200, 3);
    CooccurrenceMatrix serial = CooccurrenceMatrix.count(corpus, 4, 1);
    CooccurrenceMatrix parallel = CooccurrenceMatrix.count(corpus, 4, 3);
    assertEquals(serial.nonZeroCount(), parallel.nonZeroCount());
    for (int row = 0; row < serial.rows(); row++) {
      for (int column = 0; column < serial.rows(); column++) {
        assertEquals(serial.get(row, column), parallel.get(row, column), 1e-3);
      }
    }
  }

  @Test
  void glovePlacesWordsOfOneTopicTogether() {
    GloVeSettings settings = new GloVeSettings(20, 5, 10, GloVeSettings.DEFAULTS.alpha(), 30,
        GloVeSettings.DEFAULTS.learningRate(), 1, 1);
    WordVectors vectors = new GloVeTrainer(settings).train(SyntheticCorpus.generate(2000, 7), Progress::silent);
    assertTrue(TopicSeparation.margin(vectors) > 0.2, "margin " + TopicSeparation.margin(vectors));
  }

  @Test
  void aDivergedTrainingFailsRatherThanReturningVectorsOfNaN() {
    GloVeSettings settings = new GloVeSettings(20, 5, 10, GloVeSettings.DEFAULTS.alpha(), 30, 10, 1, 1);
    IllegalStateException error = assertThrows(IllegalStateException.class,
        () -> new GloVeTrainer(settings).train(SyntheticCorpus.generate(2000, 7), Progress::silent));
    assertTrue(error.getMessage().startsWith("training diverged: ")
        && error.getMessage().endsWith("train again with a learning rate below 10.0"), error.getMessage());
  }

  @Test
  void settingsOutOfRangeAreRejectedNamingTheSettingAndItsRange() {
    assertRejected("Dimension must be in [1, 10000], not 10001",
        new GloVeSettings(10_001, 10, 100, 0.75, 15, 0.05, 1, 1));
    assertRejected("Window must be in [1, 1000], not 0", new GloVeSettings(100, 0, 100, 0.75, 15, 0.05, 1, 1));
    assertRejected("XMax must be in (0, 1000000000], not 0.0", new GloVeSettings(100, 10, 0, 0.75, 15, 0.05, 1, 1));
    assertRejected("Alpha must be in (0, 10], not -1.0", new GloVeSettings(100, 10, 100, -1, 15, 0.05, 1, 1));
    assertRejected("Epochs must be in [1, 10000], not 0", new GloVeSettings(100, 10, 100, 0.75, 0, 0.05, 1, 1));
    assertRejected("LearningRate must be in (0, 10], not 11.0", new GloVeSettings(100, 10, 100, 0.75, 15, 11, 1, 1));
    assertRejected("Threads must be in [1, 256], not 257", new GloVeSettings(100, 10, 100, 0.75, 15, 0.05, 257, 1));
  }

  private static void assertRejected(String message, GloVeSettings settings) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, () -> new GloVeTrainer(settings))
        .getMessage());
  }

  @Test
  void defaultsAreTheStanfordDemos() {
    assertEquals(new GloVeSettings(100, 10, 100, 0.75, 15, 0.05, GloVeSettings.DEFAULTS.threads(), 1),
        GloVeSettings.DEFAULTS.validate());
  }
}

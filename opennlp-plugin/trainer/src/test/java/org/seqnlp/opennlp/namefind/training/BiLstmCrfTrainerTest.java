package org.seqnlp.opennlp.namefind.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seqnlp.opennlp.namefind.training.CapitalisedNames.LABELS;
import static org.seqnlp.opennlp.namefind.training.CapitalisedNames.PROBE;
import static org.seqnlp.opennlp.namefind.training.CapitalisedNames.sentences;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqnlp.opennlp.namefind.network.BiLstmCrfNetwork;
import org.seqnlp.opennlp.namefind.network.BiLstmCrfNetworkFormat;
import org.seqnlp.vectors.CharacterNgrams;
import org.seqnlp.vectors.SubwordVectors;
import org.seqnlp.vectors.WordVectors;

class BiLstmCrfTrainerTest {

  @TempDir
  Path directory;

  /** A small network with {@link TrainingSettings#DEFAULTS} for the settings not given. */
  private static TrainingSettings small(int epochs, int patience, double dropout, Path checkpoint) {
    return small(epochs, patience, dropout, checkpoint, 0);
  }

  private static TrainingSettings small(int epochs, int patience, double dropout, Path checkpoint,
      double averageDecay) {
    return small(epochs, patience, dropout, checkpoint, averageDecay, 0);
  }

  private static TrainingSettings small(int epochs, int patience, double dropout, Path checkpoint,
      double averageDecay, double sentenceStartCopies) {
    return small(epochs, patience, dropout, checkpoint, averageDecay, sentenceStartCopies, 0);
  }

  private static TrainingSettings small(int epochs, int patience, double dropout, Path checkpoint,
      double averageDecay, double sentenceStartCopies, double lowercaseCopies) {
    TrainingSettings d = TrainingSettings.DEFAULTS;
    return new TrainingSettings(epochs, patience, 8, 8, 4, 6, d.maxWordChars(), 8, 0.02, dropout, d.gradientClip(),
        d.maxVocabulary(), d.embeddingBits(), d.seed(), checkpoint, List.of(), false, averageDecay,
        sentenceStartCopies, lowercaseCopies);
  }

  @Test
  void stopsEarlyAndReturnsAndCheckpointsTheBestNetwork() throws IOException {
    double[] scores = {0.5, 0.7, 0.6, 0.4, 0.9};
    List<BiLstmCrfNetwork> scored = new ArrayList<>();
    Path checkpoint = directory.resolve("best.bin");
    TrainingSettings settings = small(5, 2, TrainingSettings.DEFAULTS.dropout(), checkpoint);
    BiLstmCrfNetwork best = new BiLstmCrfTrainer(settings, false).train(LABELS, sentences(40, 1), null, network -> {
      scored.add(network);
      return scores[scored.size() - 1];
    });
    assertEquals(4, scored.size(), "epochs run before two epochs without gain");
    assertSame(scored.get(1), best);
    try (InputStream in = Files.newInputStream(checkpoint)) {
      assertArrayEquals(best.emissions(PROBE), BiLstmCrfNetworkFormat.read(in, "best.bin").emissions(PROBE));
    }
  }

  @Test
  void eightBitEmbeddingsAreWhatIsScoredCheckpointedAndReturned() throws IOException {
    TrainingSettings d = TrainingSettings.DEFAULTS;
    Path checkpoint = directory.resolve("best8.bin");
    TrainingSettings settings = new TrainingSettings(2, 0, 8, 8, 4, 6, d.maxWordChars(), 8, 0.02, 0.2,
        d.gradientClip(), d.maxVocabulary(), 8, d.seed(), checkpoint, List.of(), false, 0, 0, 0);
    List<Integer> scoredBits = new ArrayList<>();
    BiLstmCrfNetwork best = new BiLstmCrfTrainer(settings, false).train(LABELS, sentences(40, 1), null, network -> {
      scoredBits.add(network.encoder().embeddingBits());
      return scoredBits.size();
    });
    assertEquals(List.of(8, 8), scoredBits);
    assertEquals(8, best.encoder().embeddingBits());
    try (InputStream in = Files.newInputStream(checkpoint)) {
      BiLstmCrfNetwork read = BiLstmCrfNetworkFormat.read(in, "best8.bin");
      assertEquals(8, read.encoder().embeddingBits());
      assertArrayEquals(best.emissions(PROBE), read.emissions(PROBE));
    }
  }

  @Test
  void withAnAverageDecayTheAverageIsScoredAndReturnedAndTheLastStepOnlyScored() throws IOException {
    BiLstmCrfNetwork lastStep = new BiLstmCrfTrainer(small(3, 0, 0.2, null), false)
        .train(LABELS, sentences(60, 4), null, null);
    List<BiLstmCrfNetwork> scored = new ArrayList<>();
    BiLstmCrfNetwork best = new BiLstmCrfTrainer(small(3, 0, 0.2, null, 0.9), false).train(LABELS, sentences(60, 4),
        null, network -> {
          scored.add(network);
          return scored.size();
        });
    assertEquals(6, scored.size(), "per epoch the average, then the last step's weights");
    assertSame(scored.get(4), best, "the average of the last epoch scored 5; the 6 of its last step does not count");
    assertArrayEquals(lastStep.emissions(PROBE), scored.get(5).emissions(PROBE), "averaging leaves training alone");
    assertFalse(Arrays.equals(lastStep.emissions(PROBE), best.emissions(PROBE)));
    float[] averagedToken = new float[best.encoder().outputDimension()];
    float[] lastStepToken = new float[averagedToken.length];
    best.encoder().encode("Anna", averagedToken, 0);
    lastStep.encoder().encode("Anna", lastStepToken, 0);
    assertFalse(Arrays.equals(lastStepToken, averagedToken), "the embeddings and the character CNN are averaged");
    float[] noEmissions = new float[PROBE.length * LABELS.size()];
    double[] marginals = new double[noEmissions.length];
    assertNotEquals(lastStep.crf().marginals(noEmissions, PROBE.length, marginals),
        best.crf().marginals(noEmissions, PROBE.length, marginals), "the CRF scores are averaged");
  }

  @Test
  void sentenceStartCopiesAreTrainedOnAndNeedALabelOutsideNames() throws IOException {
    BiLstmCrfNetwork without = new BiLstmCrfTrainer(small(2, 0, 0.2, null), false)
        .train(LABELS, sentences(60, 4), null, null);
    BiLstmCrfNetwork with = new BiLstmCrfTrainer(small(2, 0, 0.2, null, 0, 1), false)
        .train(LABELS, sentences(60, 4), null, null);
    assertFalse(Arrays.equals(without.emissions(PROBE), with.emissions(PROBE)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new BiLstmCrfTrainer(small(2, 0, 0.2, null, 0, 1), false)
            .train(List.of("B-PER", "I-PER"), sentences(60, 4), null, null));
    assertEquals("SentenceStartCopies needs a label for tokens outside names, and the training labels have none",
        e.getMessage());
  }

  /** Training with lower-case copies is training on the sentences and their copies, after the sentence-start copies. */
  @Test
  void lowercaseCopiesAreTrainedOnFromTheirOwnRandomSource() throws IOException {
    long seed = TrainingSettings.DEFAULTS.seed();
    List<LabeledSentence> copied = TrainingCopies.lowerCase(
        TrainingCopies.sentenceStarts(sentences(60, 4), 0.5, 0, seed), 0.5, seed);
    BiLstmCrfNetwork expected = new BiLstmCrfTrainer(small(2, 0, 0.2, null), false)
        .train(LABELS, copied, null, null);
    BiLstmCrfNetwork with = new BiLstmCrfTrainer(small(2, 0, 0.2, null, 0, 0.5, 0.5), false)
        .train(LABELS, sentences(60, 4), null, null);
    assertArrayEquals(expected.emissions(PROBE), with.emissions(PROBE));
    BiLstmCrfNetwork without = new BiLstmCrfTrainer(small(2, 0, 0.2, null, 0, 0.5, 0), false)
        .train(LABELS, sentences(60, 4), null, null);
    assertFalse(Arrays.equals(without.emissions(PROBE), with.emissions(PROBE)));
  }

  @Test
  void learnsASimpleTaskAndIsReproducibleWithTheSameSeed() throws IOException {
    TrainingSettings settings = small(8, TrainingSettings.DEFAULTS.patience(), 0.2, null);
    BiLstmCrfNetwork first = new BiLstmCrfTrainer(settings, false).train(LABELS, sentences(120, 2), null, null);
    BiLstmCrfNetwork second = new BiLstmCrfTrainer(settings, false).train(LABELS, sentences(120, 2), null, null);
    assertArrayEquals(new int[] {0, 0, 1, 0, 1}, first.tag(PROBE).labels());
    assertArrayEquals(first.emissions(PROBE), second.emissions(PROBE));
  }

  @Test
  void refusesBeforeTrainingLabelsOrVectorsAModelCannotHold() {
    TrainingSettings settings = small(3, 0, 0.2, null, 0.9);
    IllegalArgumentException labels = assertThrows(IllegalArgumentException.class,
        () -> new BiLstmCrfTrainer(settings, false).train(List.of("other", "name"), sentences(10, 3), null, null));
    assertEquals("labels [other, name]: label 'name' is not one of OpenNLP's BIO labels: other, TYPE-start,"
        + " TYPE-cont", labels.getMessage());
    WordVectors wide = new WordVectors(List.of("a"), TrainingSettings.MAX_WORD_DIMENSION + 1,
        new float[TrainingSettings.MAX_WORD_DIMENSION + 1]);
    IllegalArgumentException vectors = assertThrows(IllegalArgumentException.class,
        () -> new BiLstmCrfTrainer(settings, false).train(LABELS, sentences(10, 3), wide, null));
    assertEquals("word vectors of 10001 dimensions exceed the 10000 of WordDimension's range", vectors.getMessage());
    WordVectors raw = new WordVectors(List.of("a", "b"), 2, new float[] {1, 2, 3, 200_000});
    IllegalArgumentException large = assertThrows(IllegalArgumentException.class,
        () -> new BiLstmCrfTrainer(settings, false).train(LABELS, sentences(10, 3), raw, null));
    assertEquals("the vector of 'b' holds 200000.0, beyond the 100000 in magnitude a model's weights may have;"
        + " scale the vectors down (to unit length, say) first", large.getMessage());
    float[] buckets = new float[8];
    buckets[5] = -300_000;
    WordVectors subwords = new WordVectors(List.of("a"), 2, new float[] {1, 2},
        new SubwordVectors(new CharacterNgrams(3, 3, 4), 2, buckets));
    IllegalArgumentException ngrams = assertThrows(IllegalArgumentException.class,
        () -> new BiLstmCrfTrainer(settings, false).train(LABELS, sentences(10, 3), subwords, null));
    assertEquals("an n-gram vector holds -300000.0, beyond the 100000 in magnitude a model's weights may have;"
        + " scale the vectors down (to unit length, say) first", ngrams.getMessage());
  }

  @Test
  void refusesBeforeTrainingMoreCharactersTimesFiltersThanAModelCanHold() {
    TrainingSettings d = TrainingSettings.DEFAULTS;
    TrainingSettings settings = new TrainingSettings(1, 0, 8, 8, 4, TrainingSettings.MAX_WIDTH, d.maxWordChars(), 8,
        0.02, 0, d.gradientClip(), d.maxVocabulary(), d.embeddingBits(), d.seed(), directory.resolve("best.bin"), List.of(),
        false, 0, 0, 0);
    List<LabeledSentence> sentences = new ArrayList<>(sentences(10, 3));
    String[] characters = new String[5000];
    for (int c = 0; c < characters.length; c++) {
      characters[c] = String.valueOf((char) (0x4E00 + c));
    }
    sentences.add(new LabeledSentence(characters, new int[characters.length]));
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> new BiLstmCrfTrainer(settings, false).train(LABELS, sentences, null, null));
    assertTrue(error.getMessage().matches("50\\d\\d characters x 4096 filters \\(CharFilters\\) exceed the 16777216 a "
        + "model can hold: use at most \\d+ filters"), error.getMessage());
    assertFalse(Files.exists(directory.resolve("best.bin")), "no epoch ran");
  }

  @Test
  void refusesBeforeTrainingMoreLabelsThanAModelCanHold() {
    List<String> labels = new ArrayList<>();
    for (int l = 0; l <= BiLstmCrfNetworkFormat.MAX_LABELS; l++) {
      labels.add("label" + l);
    }
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> new BiLstmCrfTrainer(small(1, 0, 0, directory.resolve("best.bin")), false).train(labels, sentences(10, 3),
            null, null));
    assertEquals("4097 labels exceed the 4096 a model can hold: use fewer entity types", error.getMessage());
    assertFalse(Files.exists(directory.resolve("best.bin")), "no epoch ran");
  }

  @Test
  void refusesSettingsOutOfRange() {
    TrainingSettings noEpochs = small(0, 2, 0.5, null);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BiLstmCrfTrainer(noEpochs, false));
    assertEquals("Epochs must be in [1, 10000], not 0", e.getMessage());
  }
}

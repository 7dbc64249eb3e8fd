package org.seqnlp.opennlp.namefind.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqnlp.opennlp.namefind.network.BiLstmCrfNetwork;
import org.seqnlp.opennlp.namefind.network.BiLstmCrfNetworkFormat;

class BiLstmCrfTrainerTest {

  private static final List<String> LABELS = List.of("other", "name");
  private static final String[] PROBE = {"we", "met", "Anna", "in", "Oslo"};

  @TempDir
  Path directory;

  /** Capitalised words are names: a task the character CNN learns in a few epochs. */
  private static List<LabeledSentence> sentences(int count, long seed) {
    String[] words = {"we", "met", "in", "the", "city", "Anna", "Oslo", "Berlin", "Peter", "saw", "near"};
    Random random = new Random(seed);
    List<LabeledSentence> sentences = new ArrayList<>();
    for (int s = 0; s < count; s++) {
      int length = 3 + random.nextInt(3);
      String[] tokens = new String[length];
      int[] labels = new int[length];
      for (int t = 0; t < length; t++) {
        tokens[t] = words[random.nextInt(words.length)];
        labels[t] = Character.isUpperCase(tokens[t].charAt(0)) ? 1 : 0;
      }
      sentences.add(new LabeledSentence(tokens, labels));
    }
    return sentences;
  }

  /** A small network with {@link TrainingSettings#DEFAULTS} for the settings not given. */
  private static TrainingSettings small(int epochs, int patience, double dropout, Path checkpoint) {
    TrainingSettings d = TrainingSettings.DEFAULTS;
    return new TrainingSettings(epochs, patience, 8, 8, 4, 6, d.maxWordChars(), 8, 0.02, dropout, d.gradientClip(),
        d.maxVocabulary(), d.seed(), checkpoint, List.of());
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
  void learnsASimpleTaskAndIsReproducibleWithTheSameSeed() throws IOException {
    TrainingSettings settings = small(8, TrainingSettings.DEFAULTS.patience(), 0.2, null);
    BiLstmCrfNetwork first = new BiLstmCrfTrainer(settings, false).train(LABELS, sentences(120, 2), null, null);
    BiLstmCrfNetwork second = new BiLstmCrfTrainer(settings, false).train(LABELS, sentences(120, 2), null, null);
    assertArrayEquals(new int[] {0, 0, 1, 0, 1}, first.tag(PROBE).labels());
    assertArrayEquals(first.emissions(PROBE), second.emissions(PROBE));
  }

  @Test
  void refusesSettingsOutOfRange() {
    TrainingSettings noEpochs = small(0, 2, 0.5, null);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BiLstmCrfTrainer(noEpochs, false));
    assertEquals("Epochs must be in [1, 10000], not 0", e.getMessage());
  }
}

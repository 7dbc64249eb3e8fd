package org.seqnlp.opennlp.namefind.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

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

  private static TrainingSettings.Builder small() {
    return TrainingSettings.DEFAULTS.toBuilder().hidden(8).wordDimension(8).charDimension(4).charFilters(6)
        .batchSize(8).learningRate(0.02);
  }

  @Test
  void stopsEarlyAndReturnsAndCheckpointsTheBestNetwork() throws IOException {
    double[] scores = {0.5, 0.7, 0.6, 0.4, 0.9};
    List<BiLstmCrfNetwork> scored = new ArrayList<>();
    Path checkpoint = directory.resolve("best.bin");
    TrainingSettings settings = small().epochs(5).patience(2).checkpoint(checkpoint).build();
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
    TrainingSettings settings = small().epochs(8).dropout(0.2).build();
    BiLstmCrfNetwork first = new BiLstmCrfTrainer(settings, false).train(LABELS, sentences(120, 2), null, null);
    BiLstmCrfNetwork second = new BiLstmCrfTrainer(settings, false).train(LABELS, sentences(120, 2), null, null);
    assertArrayEquals(new int[] {0, 0, 1, 0, 1}, first.tag(PROBE).labels());
    assertArrayEquals(first.emissions(PROBE), second.emissions(PROBE));
  }
}

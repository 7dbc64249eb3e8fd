package org.seqnlp.opennlp.namefind.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.seqnlp.opennlp.namefind.gazetteer.Gazetteer;
import org.seqnlp.vocabulary.Vocabulary;
import org.seqnlp.opennlp.nn.Lstm;

/** Small networks with random weights, for tests. */
public final class RandomNetworks {

  private RandomNetworks() {
  }

  public static BiLstmCrfNetwork create(long seed) {
    return create(seed, List.of());
  }

  /** A small gazetteer of two types for the words of these networks. */
  public static final Gazetteer GAZETTEER = Gazetteer.fromLists(Map.of(
      "location", List.of("Mat", "The Mat", "New York"),
      "person", List.of("Tess", "Tess Cat")));

  /** A network whose word vocabulary also holds {@code extraWords}. */
  public static BiLstmCrfNetwork create(long seed, List<String> extraWords) {
    return create(seed, extraWords, null);
  }

  /** A network with {@link #GAZETTEER}'s features. */
  public static BiLstmCrfNetwork withGazetteer(long seed) {
    return create(seed, List.of(), GAZETTEER);
  }

  /** A network whose word vocabulary also holds {@code extraWords}, with a gazetteer or none (null). */
  public static BiLstmCrfNetwork create(long seed, List<String> extraWords, Gazetteer gazetteer) {
    Random random = new Random(seed);
    List<String> wordList = new ArrayList<>(List.of("<unk>", "the", "cat", "sat", "on", "mat"));
    wordList.addAll(extraWords);
    Vocabulary words = Vocabulary.of(wordList);
    Vocabulary chars = Vocabulary.of(List.of("<unk>", "<pad>", "t", "h", "e", "c", "a", "s", "T"));
    int wordDimension = 4;
    int charDimension = 3;
    int filters = 5;
    int hidden = 6;
    int labels = 3;
    TokenEncoder encoder = new TokenEncoder(words, chars, wordDimension, charDimension, filters, 6,
        gaussian(random, words.size() * wordDimension), gaussian(random, chars.size() * charDimension),
        gaussian(random, filters * TokenEncoder.KERNEL_WIDTH * charDimension), gaussian(random, filters));
    int features = encoder.outputDimension() + (gazetteer == null ? 0 : gazetteer.featureSize());
    return new BiLstmCrfNetwork(List.of("other", "person-start", "person-cont"), encoder, gazetteer,
        lstm(random, features, hidden),
        lstm(random, features, hidden), gaussian(random, 2 * hidden * labels), gaussian(random, labels),
        new LinearChainCrf(labels, gaussian(random, labels), gaussian(random, labels),
            gaussian(random, labels * labels)));
  }

  private static Lstm lstm(Random random, int inputSize, int hidden) {
    return new Lstm(inputSize, hidden, gaussian(random, inputSize * 4 * hidden),
        gaussian(random, hidden * 4 * hidden), gaussian(random, 4 * hidden));
  }

  public static float[] gaussian(Random random, int size) {
    float[] values = new float[size];
    for (int i = 0; i < size; i++) {
      values[i] = (float) (random.nextGaussian() * 0.5);
    }
    return values;
  }
}

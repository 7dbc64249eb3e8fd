package org.seqnlp.opennlp.namefind.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.seqnlp.opennlp.namefind.gazetteer.Gazetteer;
import org.seqnlp.opennlp.nn.Lstm;

/** The optimised forward pass against the straightforward one and against the outputs of the previous release. */
class BiLstmCrfNetworkTest {

  private static final String[][] SENTENCES = {
      {"The", "cat", "sat", "on", "the", "mat"},
      {"Tess", "hates", "cats", "."},
      {"THE", "extraordinarily-long-word", "sat"}};

  /**
   * Emissions of {@code RandomNetworks.create(11)} for {@link #SENTENCES} as the runtime before the
   * token cache, the row-split weights and the vectorised gates computed them.
   */
  private static final float[][] PREVIOUS_RELEASE = {
      {-0.3136443f, 0.07302575f, 0.96366715f, -0.12843332f, 0.3312921f, 0.93271893f, -0.09776011f, 0.28903943f,
          0.638397f, -0.16702208f, 0.096067294f, 0.8028972f, -0.12303423f, 0.021796256f, 0.6227225f, -0.033904713f,
          0.029075157f, 0.95816797f},
      {-0.32665136f, -0.055693373f, 1.0852859f, -0.10180977f, 0.16099018f, 1.2143784f, -0.09904937f, 0.14170232f,
          1.2898169f, -0.17319593f, -0.24846117f, 1.0120523f},
      {-0.34508035f, -0.047632217f, 0.94643605f, -0.24895935f, -0.1070096f, 0.94861406f, -0.05914697f, 0.10261061f,
          0.8056499f}};
  private static final int[][] PREVIOUS_LABELS = {{2, 0, 1, 2, 1, 2}, {2, 1, 2, 0}, {2, 1, 2}};
  private static final double[][] PREVIOUS_PROBABILITIES = {
      {0.7028638793262328, 0.27113116732316744, 0.41671667940352025, 0.41975049726311836, 0.4051802948954876,
          0.4681567736824514},
      {0.7337546375907829, 0.3780726981090078, 0.4571380395591572, 0.27793012245222865},
      {0.7051911112909812, 0.355453675888678, 0.4116153713479862}};

  private static BiLstmCrfNetwork withCache(BiLstmCrfNetwork network, int capacity) {
    return new BiLstmCrfNetwork(network.labels(), network.encoder(), network.gazetteer().orElse(null),
        network.forward(), network.backward(),
        network.outputWeights(), network.outputBias(), network.crf(), capacity);
  }

  /** A bad setting names the property; the model being built or loaded is not blamed. */
  @Test
  void theTokenCachePropertyIsReadStrictly() {
    TokenCacheSetting.with(null, () -> assertEquals(BiLstmCrfNetwork.DEFAULT_TOKEN_CACHE,
        BiLstmCrfNetwork.configuredTokenCache()));
    TokenCacheSetting.with(" 12 ", () -> assertEquals(12, BiLstmCrfNetwork.configuredTokenCache()));
    for (String bad : List.of("-1", "4k", "")) {
      TokenCacheSetting.with(bad, () -> {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> RandomNetworks.create(5));
        assertEquals("system property seqnlp.ner.tokenCache must be a whole number of tokens from 0 up (0: no"
            + " cache), not '" + bad + "'", e.getMessage());
      });
    }
  }

  @Test
  void aSentenceLongerThanTheLimitIsRefusedBeforeItsMemoryIsTaken() {
    String[] tokens = new String[BiLstmCrfNetwork.MAX_SENTENCE_TOKENS + 1];
    Arrays.fill(tokens, "x");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RandomNetworks.create(3).emissions(tokens));
    assertTrue(e.getMessage().startsWith("a sentence of 10001 tokens, more than the 10000"), e.getMessage());
  }

  @Test
  void scoresThatAreNotFiniteAreAnErrorNotArbitraryLabels() {
    BiLstmCrfNetwork network = RandomNetworks.create(3);
    String[] tokens = {"the", "Cat", "sat"};
    float[] emissions = network.emissions(tokens);
    emissions[network.labels().size() + 1] = Float.POSITIVE_INFINITY;
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> network.decode(emissions, 3));
    assertEquals("the name finder's score of label '" + network.labels().get(1) + "' for token 2 is Infinity:"
        + " the model's weights overflow (a damaged model file?)", e.getMessage());
  }

  @Test
  void outputsEqualThoseOfThePreviousRelease() {
    BiLstmCrfNetwork network = RandomNetworks.create(11);
    for (int round = 0; round < 2; round++) { // the second round reads the token cache
      for (int s = 0; s < SENTENCES.length; s++) {
        assertArrayEquals(PREVIOUS_RELEASE[s], network.emissions(SENTENCES[s]), 1e-6f);
        Tagging tagging = network.tag(SENTENCES[s]);
        assertArrayEquals(PREVIOUS_LABELS[s], tagging.labels());
        assertArrayEquals(PREVIOUS_PROBABILITIES[s], tagging.probabilities(), 1e-6);
      }
    }
  }

  @Test
  void emissionsMatchTheStraightforwardForwardPass() {
    for (long seed = 0; seed < 5; seed++) {
      BiLstmCrfNetwork network = RandomNetworks.create(seed);
      for (String[] sentence : randomSentences(new Random(seed), 20)) {
        assertArrayEquals(straightforwardEmissions(network, sentence), network.emissions(sentence), 1e-5f);
      }
    }
  }

  /**
   * Features, {@link Lstm#step} both ways (the kernel the language models step with, not the name finder's
   * fused one), then the output layer: the plain definition of the network.
   */
  private static float[] straightforwardEmissions(BiLstmCrfNetwork network, String[] tokens) {
    int hidden = network.forward().hidden();
    int width = 2 * hidden;
    float[] features = network.features(tokens);
    float[] states = new float[tokens.length * width];
    stepThrough(network.forward(), features, tokens.length, false, states, width, 0);
    stepThrough(network.backward(), features, tokens.length, true, states, width, hidden);
    int labels = network.labels().size();
    float[] emissions = new float[tokens.length * labels];
    for (int t = 0; t < tokens.length; t++) {
      for (int k = 0; k < labels; k++) {
        double sum = network.outputBias()[k];
        for (int h = 0; h < width; h++) {
          sum += states[t * width + h] * network.outputWeights()[h * labels + k];
        }
        emissions[t * labels + k] = (float) sum;
      }
    }
    return emissions;
  }

  private static void stepThrough(Lstm lstm, float[] features, int length, boolean backwards, float[] states,
      int stride, int offset) {
    int size = lstm.inputSize();
    float[] state = new float[lstm.stateSize()];
    for (int i = 0; i < length; i++) {
      int t = backwards ? length - 1 - i : i;
      float[] next = new float[lstm.stateSize()];
      lstm.step(java.util.Arrays.copyOfRange(features, t * size, (t + 1) * size), state, next);
      state = next;
      System.arraycopy(state, 0, states, t * stride + offset, lstm.hidden());
    }
  }

  @Test
  void withAGazetteerEmissionsMatchTheStraightforwardForwardPass() {
    for (long seed = 0; seed < 5; seed++) {
      BiLstmCrfNetwork network = RandomNetworks.withGazetteer(seed);
      assertEquals(network.encoder().outputDimension() + 8, network.inputSize());
      for (String[] sentence : randomSentences(new Random(seed), 20, GAZETTEER_WORDS)) {
        assertArrayEquals(straightforwardEmissions(network, sentence), network.emissions(sentence), 1e-5f);
      }
    }
  }

  /**
   * With the recurrent weights zero and the forget gates shut, a token's emissions depend on its own input only: setting one
   * gazetteer row of the input weights by hand then changes exactly the tokens with that type and
   * position of match, which shows where the gazetteer features sit in the LSTM input.
   */
  @Test
  void aGazetteerRowChangesTheEmissionsOfItsMatchesOnly() {
    BiLstmCrfNetwork base = RandomNetworks.withGazetteer(3);
    String[] sentence = {"Tess", "sat", "on", "The", "Mat", "in", "New", "York"};
    Gazetteer gazetteer = base.gazetteer().orElseThrow();
    int personSingle = gazetteer.types().indexOf("person") * Gazetteer.POSITIONS + 3;
    int locationBegin = gazetteer.types().indexOf("location") * Gazetteer.POSITIONS;
    float[] unset = withGazetteerRow(base, -1).emissions(sentence);
    assertChangedTokens(unset, withGazetteerRow(base, personSingle).emissions(sentence), 0);
    assertChangedTokens(unset, withGazetteerRow(base, locationBegin).emissions(sentence), 3, 6);
  }

  /** {@code base} without recurrence and with all gazetteer input rows zero but row {@code row} (-1: none). */
  private static BiLstmCrfNetwork withGazetteerRow(BiLstmCrfNetwork base, int row) {
    return new BiLstmCrfNetwork(base.labels(), base.encoder(), base.gazetteer().orElseThrow(),
        withoutRecurrence(base.forward(), base.encoder().outputDimension(), row),
        withoutRecurrence(base.backward(), base.encoder().outputDimension(), row), base.outputWeights(),
        base.outputBias(), base.crf(), 0);
  }

  private static Lstm withoutRecurrence(Lstm lstm, int tokenRows, int gazetteerRow) {
    int width = lstm.gateWidth();
    float[] input = lstm.inputWeights().clone();
    java.util.Arrays.fill(input, tokenRows * width, input.length, 0f);
    if (gazetteerRow >= 0) {
      java.util.Arrays.fill(input, (tokenRows + gazetteerRow) * width, (tokenRows + gazetteerRow + 1) * width, 1f);
    }
    // The forget gate shut: no memory cell carries a token's input to the next.
    float[] bias = lstm.bias().clone();
    java.util.Arrays.fill(bias, lstm.hidden(), 2 * lstm.hidden(), -1000f);
    return new Lstm(lstm.inputSize(), lstm.hidden(), input, new float[lstm.recurrentWeights().length], bias);
  }

  private static void assertChangedTokens(float[] before, float[] after, int... changed) {
    int labels = 3;
    for (int t = 0; t < before.length / labels; t++) {
      int token = t;
      boolean differs = !java.util.Arrays.equals(before, t * labels, (t + 1) * labels, after, t * labels,
          (t + 1) * labels);
      boolean expected = java.util.Arrays.stream(changed).anyMatch(c -> c == token);
      if (expected) {
        assertTrue(differs, "token " + t + " should change");
      } else {
        assertFalse(differs, "token " + t + " should not change");
      }
    }
  }

  @Test
  void withAGazetteerResultsDoNotDependOnTheTokenCache() {
    BiLstmCrfNetwork base = RandomNetworks.withGazetteer(4);
    BiLstmCrfNetwork uncached = withCache(base, 0);
    BiLstmCrfNetwork cached = withCache(base, 10_000);
    for (int round = 0; round < 2; round++) {
      for (String[] sentence : randomSentences(new Random(9), 30, GAZETTEER_WORDS)) {
        assertArrayEquals(uncached.emissions(sentence), cached.emissions(sentence), 0f);
      }
    }
    assertTrue(cached.cachedTokens() > 0);
  }

  @Test
  void resultsDoNotDependOnTheTokenCache() {
    BiLstmCrfNetwork base = RandomNetworks.create(4);
    BiLstmCrfNetwork uncached = withCache(base, 0);
    BiLstmCrfNetwork small = withCache(base, 3);
    BiLstmCrfNetwork large = withCache(base, 10_000);
    for (int round = 0; round < 2; round++) {
      for (String[] sentence : randomSentences(new Random(9), 30)) {
        float[] expected = uncached.emissions(sentence);
        // Bit for bit: a cached token's values are computed exactly as an uncached token's.
        assertArrayEquals(expected, small.emissions(sentence), 0f);
        assertArrayEquals(expected, large.emissions(sentence), 0f);
        assertArrayEquals(uncached.tag(sentence).probabilities(), large.tag(sentence).probabilities(), 0.0);
      }
    }
    assertEquals(0, uncached.cachedTokens());
    assertEquals(3, small.cachedTokens());
  }

  @Test
  void theTokenCacheIsBoundedAndSkipsLongTokens() {
    BiLstmCrfNetwork network = withCache(RandomNetworks.create(1), 4);
    String longToken = "x".repeat(BiLstmCrfNetwork.MAX_CACHED_TOKEN_LENGTH + 1);
    network.emissions(new String[] {longToken, "the"});
    assertEquals(1, network.cachedTokens());
    network.emissions(new String[] {"a", "b", "c", "d", "e", "f"});
    assertEquals(4, network.cachedTokens());
  }

  @Test
  void threadsSharingOneNetworkAndItsCacheGetTheResultsOfOne() throws Exception {
    BiLstmCrfNetwork reference = withCache(RandomNetworks.create(6), 0);
    BiLstmCrfNetwork shared = withCache(RandomNetworks.create(6), 50);
    List<String[]> sentences = randomSentences(new Random(5), 200);
    List<float[]> expected = new ArrayList<>();
    for (String[] sentence : sentences) {
      expected.add(reference.emissions(sentence));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<float[]>>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        int offset = i * 25;
        results.add(pool.submit(() -> {
          List<float[]> emissions = new ArrayList<>();
          for (int k = 0; k < sentences.size(); k++) {
            emissions.add(shared.emissions(sentences.get((k + offset) % sentences.size())));
          }
          return emissions;
        }));
      }
      for (int i = 0; i < 8; i++) {
        List<float[]> emissions = results.get(i).get();
        for (int k = 0; k < sentences.size(); k++) {
          assertArrayEquals(expected.get((k + i * 25) % sentences.size()), emissions.get(k), 0f);
        }
      }
    } finally {
      pool.shutdown();
    }
  }

  /** Words that make matches of {@link RandomNetworks#GAZETTEER} in random sentences. */
  private static final String[] GAZETTEER_WORDS = {"The", "Mat", "MAT", "mat", "Tess", "Cat", "cat", "New", "York",
      "sat", ".", "xyz"};

  private static List<String[]> randomSentences(Random random, int count) {
    return randomSentences(random, count, new String[] {"the", "The", "cat", "CAT", "sat", "on", "mat", "Tess",
        "hates", ".", "xyz", "Ca", "a-very-long-token-indeed", "th", "e", "t"});
  }

  private static List<String[]> randomSentences(Random random, int count, String[] vocabulary) {
    List<String[]> sentences = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String[] sentence = new String[1 + random.nextInt(12)];
      for (int t = 0; t < sentence.length; t++) {
        sentence[t] = vocabulary[random.nextInt(vocabulary.length)];
      }
      sentences.add(sentence);
    }
    return sentences;
  }
}

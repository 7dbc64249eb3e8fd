package org.seqnlp.opennlp.lm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.seqnlp.vocabulary.Vocabulary;

/**
 * Draws continuations from a language model: each token from the model's distribution sharpened by a
 * temperature (0 takes the most likely token: greedy decoding) and restricted to the {@code topK} most
 * likely tokens (0 for all); optionally never the unknown token.
 */
final class TokenSampler {

  private final double temperature;
  private final int topK;
  private final boolean skipUnknown;

  /** As {@link #TokenSampler(double, int, boolean)}, drawing the unknown token like any other. */
  TokenSampler(double temperature, int topK) {
    this(temperature, topK, false);
  }

  /** @param skipUnknown whether the unknown token is never drawn, the others sharing its probability */
  TokenSampler(double temperature, int topK, boolean skipUnknown) {
    if (!(temperature >= 0 && temperature < Double.POSITIVE_INFINITY) || topK < 0) {
      throw new IllegalArgumentException("temperature must be a finite number of at least 0 and top-k at least 0,"
          + " not " + temperature + " and " + topK);
    }
    this.temperature = temperature;
    this.topK = topK;
    this.skipUnknown = skipUnknown;
  }

  /** Tokens drawn after {@code state} until the end-of-sentence token or {@code maxTokens}, without it. */
  String[] continuation(LanguageModelState state, int maxTokens, Random random) {
    if (maxTokens < 0) {
      throw new IllegalArgumentException("length must not be negative: " + maxTokens);
    }
    Vocabulary vocabulary = state.model().vocabulary();
    List<String> produced = new ArrayList<>();
    while (produced.size() < maxTokens) {
      double[] logProbabilities = state.logProbabilities();
      if (skipUnknown) {
        logProbabilities = logProbabilities.clone();
        logProbabilities[vocabulary.unknownId()] = Double.NEGATIVE_INFINITY;
      }
      int next = temperature == 0 ? argmax(logProbabilities) : draw(logProbabilities, random);
      if (next == Vocabulary.END_OF_SENTENCE_ID) {
        break;
      }
      produced.add(vocabulary.token(next));
      state.feed(next);
    }
    return produced.toArray(String[]::new);
  }

  static int argmax(double[] logProbabilities) {
    int best = 0;
    for (int id = 1; id < logProbabilities.length; id++) {
      if (logProbabilities[id] > logProbabilities[best]) {
        best = id;
      }
    }
    return best;
  }

  /** Draws an id with weight ∝ p^(1/temperature) among the {@code topK} most likely (all for 0). */
  private int draw(double[] logProbabilities, Random random) {
    Integer[] order = new Integer[logProbabilities.length];
    Arrays.setAll(order, id -> id);
    int candidates = logProbabilities.length;
    if (topK > 0 && topK < logProbabilities.length) {
      Arrays.sort(order, (a, b) -> Double.compare(logProbabilities[b], logProbabilities[a]));
      candidates = topK;
    }
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < candidates; i++) {
      max = Math.max(max, logProbabilities[order[i]]);
    }
    double[] weight = new double[candidates];
    double total = 0;
    for (int i = 0; i < candidates; i++) {
      weight[i] = Math.exp((logProbabilities[order[i]] - max) / temperature);
      total += weight[i];
    }
    double target = random.nextDouble() * total;
    for (int i = 0; i < candidates; i++) {
      target -= weight[i];
      if (target < 0) {
        return order[i];
      }
    }
    return order[candidates - 1];
  }
}

package org.seqnlp.eval.lm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import opennlp.tools.languagemodel.LanguageModel;

/**
 * Interpolated modified Kneser-Ney n-gram model (Chen and Goodman 1998): three discounts per order
 * estimated from counts of counts, continuation counts for the lower orders, interpolation down to a
 * uniform distribution over the vocabulary. The baseline the recurrent models are measured against.
 *
 * <p>Sentences are scored as the recurrent models score them: every token and one end-of-sentence
 * token are predicted, the first from the sentence-start context. Tokens unseen in training are one
 * shared unknown token.
 */
public final class KneserNeyLanguageModel implements LanguageModel {

  static final String SENTENCE_START = "<s>";
  static final String END_OF_SENTENCE = "<eos>";
  private static final String UNKNOWN = "<unk>";

  private final int order;
  private final Map<String, Character> ids = new HashMap<>();
  /** Per order k (index k − 1): n-gram (k ids as chars) → count used at that order. */
  private final List<Map<String, Integer>> counts = new ArrayList<>();
  /** Per order k: context (k − 1 ids) → {sum of counts, followers with count 1, 2, ≥ 3}. */
  private final List<Map<String, long[]>> contexts = new ArrayList<>();
  /** Per order k: discounts D1, D2, D3+. */
  private final double[][] discounts;

  /** Counts the n-grams of {@code sentences} (tokens without end-of-sentence) up to {@code order}. */
  public KneserNeyLanguageModel(int order, Iterable<List<String>> sentences) {
    if (order < 1) {
      throw new IllegalArgumentException("order must be positive: " + order);
    }
    this.order = order;
    id(END_OF_SENTENCE);
    id(UNKNOWN);
    char start = id(SENTENCE_START);
    for (int k = 0; k < order; k++) {
      counts.add(new HashMap<>());
      contexts.add(new HashMap<>());
    }
    Map<String, Integer> highest = counts.get(order - 1);
    List<Map<String, Integer>> raw = new ArrayList<>();
    for (int k = 0; k < order; k++) {
      raw.add(k == order - 1 ? highest : new HashMap<>());
    }
    for (List<String> sentence : sentences) {
      String padded = encode(sentence, true);
      for (int end = 1; end <= padded.length(); end++) {
        for (int k = 1; k <= order && end - k >= 0; k++) {
          raw.get(k - 1).merge(padded.substring(end - k, end), 1, Integer::sum);
        }
      }
    }
    raw.get(0).remove(String.valueOf(start));
    // Lower orders count distinct left extensions, except n-grams opening a sentence, which have none.
    for (int k = order - 1; k >= 1; k--) {
      Map<String, Integer> continuation = counts.get(k - 1);
      for (String longer : raw.get(k).keySet()) {
        continuation.merge(longer.substring(1), 1, Integer::sum);
      }
      for (Map.Entry<String, Integer> entry : raw.get(k - 1).entrySet()) {
        if (entry.getKey().charAt(0) == start) {
          continuation.put(entry.getKey(), entry.getValue());
        }
      }
    }
    discounts = new double[order][];
    for (int k = 1; k <= order; k++) {
      long[] countOfCounts = new long[5];
      Map<String, long[]> byContext = contexts.get(k - 1);
      for (Map.Entry<String, Integer> entry : counts.get(k - 1).entrySet()) {
        int count = entry.getValue();
        if (count <= 4) {
          countOfCounts[count]++;
        }
        long[] stats = byContext.computeIfAbsent(entry.getKey().substring(0, k - 1), c -> new long[4]);
        stats[0] += count;
        stats[Math.min(count, 3)]++;
      }
      discounts[k - 1] = discounts(countOfCounts);
    }
  }

  /** D1, D2, D3+ from the numbers of n-grams seen once to four times (Chen and Goodman, eq. 26). */
  private static double[] discounts(long[] n) {
    if (n[1] == 0 || n[2] == 0 || n[3] == 0 || n[4] == 0) {
      return new double[] {0.5, 0.5, 0.5};
    }
    double y = n[1] / (n[1] + 2.0 * n[2]);
    return new double[] {1 - 2 * y * n[2] / n[1], 2 - 3 * y * n[3] / n[2], 3 - 4 * y * n[4] / n[3]};
  }

  private char id(String token) {
    Character id = ids.get(token);
    if (id == null) {
      if (ids.size() == Character.MAX_VALUE) {
        throw new IllegalArgumentException("more than " + (int) Character.MAX_VALUE + " token types");
      }
      id = (char) ids.size();
      ids.put(token, id);
    }
    return id;
  }

  /** The ids of sentence-start, {@code sentence} and end-of-sentence; unseen tokens are unknown when
   * {@code grow} is false. */
  private String encode(List<String> sentence, boolean grow) {
    StringBuilder ids = new StringBuilder(sentence.size() + 2).append(id(SENTENCE_START));
    for (String token : sentence) {
      ids.append(grow ? id(token) : this.ids.getOrDefault(token, this.ids.get(UNKNOWN)));
    }
    return ids.append(id(END_OF_SENTENCE)).toString();
  }

  /** Number of token types that can be predicted (all but sentence-start). */
  int vocabularySize() {
    return ids.size() - 1;
  }

  /** p(last id of {@code ngram} | the ids before it), interpolated down to the uniform distribution. */
  double probability(String ngram) {
    double probability = 1.0 / vocabularySize();
    for (int k = 1; k <= Math.min(order, ngram.length()); k++) {
      String gram = ngram.substring(ngram.length() - k);
      long[] stats = contexts.get(k - 1).get(gram.substring(0, k - 1));
      if (stats == null) {
        continue; // unseen context: the lower-order estimate stands
      }
      int count = counts.get(k - 1).getOrDefault(gram, 0);
      double[] d = discounts[k - 1];
      double discounted = count == 0 ? 0 : Math.max(count - d[Math.min(count, 3) - 1], 0);
      double backoffMass = d[0] * stats[1] + d[1] * stats[2] + d[2] * stats[3];
      probability = (discounted + backoffMass * probability) / stats[0];
    }
    return probability;
  }

  /** p({@code next} | sentence start and {@code history}); {@code next} may be the end-of-sentence token. */
  double probability(List<String> history, String next) {
    String ids = encode(history, false);
    ids = ids.substring(0, ids.length() - 1) + this.ids.getOrDefault(next, this.ids.get(UNKNOWN));
    return probability(ids.substring(Math.max(0, ids.length() - order)));
  }

  /** Natural-log probability of {@code tokens} as a sentence, its end-of-sentence token included. */
  public double logProbability(String... tokens) {
    String padded = encode(List.of(tokens), false);
    double sum = 0;
    for (int end = 2; end <= padded.length(); end++) {
      sum += Math.log(probability(padded.substring(Math.max(0, end - order), end)));
    }
    return sum;
  }

  @Override
  public double calculateProbability(String... tokens) {
    return Math.exp(logProbability(tokens));
  }

  /**
   * The most probable next token after each prefix, greedily, up to the end of sentence (at most 100), never the
   * unknown token, as {@code RnnLanguageModel.predictNextTokens} does.
   */
  @Override
  public String[] predictNextTokens(String... tokens) {
    List<String> context = new ArrayList<>(List.of(tokens));
    List<String> predicted = new ArrayList<>();
    Set<String> types = new HashSet<>(ids.keySet());
    types.remove(SENTENCE_START);
    types.remove(UNKNOWN);
    while (predicted.size() < 100) {
      String best = null;
      double bestProbability = -1;
      String history = encode(context, false);
      history = history.substring(Math.max(0, history.length() - order), history.length() - 1);
      for (String type : types) {
        double p = probability(history + ids.get(type));
        if (p > bestProbability) {
          bestProbability = p;
          best = type;
        }
      }
      if (END_OF_SENTENCE.equals(best)) {
        break;
      }
      predicted.add(best);
      context.add(best);
    }
    return predicted.toArray(String[]::new);
  }
}

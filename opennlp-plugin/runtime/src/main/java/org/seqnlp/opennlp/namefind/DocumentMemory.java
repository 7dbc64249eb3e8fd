package org.seqnlp.opennlp.namefind;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import opennlp.tools.namefind.NameFinderME;
import org.seqnlp.opennlp.namefind.network.Tagging;

/**
 * What the sentences of the current document labelled each capitalised token as, so that later sentences
 * label it alike (label-consistent decoding): a name tends to keep its type within a document, and its
 * clear mentions ("Mr. Jordan said") can decide the ambiguous ones ("Jordan" alone, or in a headline).
 *
 * <p>For each token with a capital letter that a decoded sentence labelled as part of a name with a marginal
 * probability of at least the context's threshold, the memory adds that probability to the token's score
 * for the name's type, under the token's lowercased form (headlines are in capitals). {@link #bias} then adds
 * the context's weight to the emission scores of the labels of the type with the highest score, for every
 * capitalised token the memory holds; the CRF still decides where names start and end.
 *
 * <p>A sentence is remembered in two steps, as OpenNLP's adaptive data is: {@link #decoded} holds the
 * labels the model chose, and {@link #commit} (from {@code updateAdaptiveData}, which {@code
 * NameFinderME.find} calls with the same tokens right after decoding) adds them, so that decoding without
 * committing, as n-best searches do, leaves the memory unchanged. {@link #clear} forgets the document.
 *
 * <p>One memory per {@code NameFinderME}, made by {@link DocumentContextFactory}; not thread-safe, as
 * {@code NameFinderME} is not. It holds at most {@value #MAX_TOKENS} distinct tokens per document: a caller
 * that never clears keeps the first ones.
 */
public final class DocumentMemory {

  /** The most distinct tokens remembered between two {@link #clear} calls. */
  public static final int MAX_TOKENS = 1 << 16;

  private final DocumentContext context;
  /** The entity type of each label (outcome), -1 for {@code other}. */
  private final int[] typeOfLabel;
  private final int types;
  /** Lowercased token to its summed probability per type. */
  private final Map<String, float[]> scores = new HashMap<>();
  private String[] decodedTokens;
  private Tagging decodedTagging;

  /**
   * @param outcomes the model's outcomes, in the order of its emission scores: those of OpenNLP's BIO codec
   *     ({@code type-start}, {@code type-cont}, {@code other})
   */
  public DocumentMemory(DocumentContext context, String[] outcomes) {
    this.context = Objects.requireNonNull(context, "context");
    this.typeOfLabel = new int[outcomes.length];
    Map<String, Integer> typeIndex = new HashMap<>();
    for (int label = 0; label < outcomes.length; label++) {
      String type = entityType(outcomes[label]);
      typeOfLabel[label] = type == null ? -1 : typeIndex.computeIfAbsent(type, name -> typeIndex.size());
    }
    this.types = typeIndex.size();
  }

  private static String entityType(String outcome) {
    for (String suffix : new String[] {"-" + NameFinderME.START, "-" + NameFinderME.CONTINUE}) {
      if (outcome.endsWith(suffix)) {
        return outcome.substring(0, outcome.length() - suffix.length());
      }
    }
    return null;
  }

  /** Whether nothing is remembered: the next sentence is decoded exactly as without document context. */
  public boolean isEmpty() {
    return scores.isEmpty();
  }

  /**
   * Adds the context's weight to the emission scores ({@code tokens.length x outcomes}, row-major) of the
   * labels of each remembered token's most frequent type.
   */
  public void bias(String[] tokens, float[] emissions) {
    if (scores.isEmpty()) {
      return;
    }
    int labels = typeOfLabel.length;
    if (emissions.length != tokens.length * labels) {
      throw new IllegalArgumentException("emissions of " + emissions.length + " scores for " + tokens.length
          + " tokens of " + labels + " labels");
    }
    float weight = (float) context.weight();
    for (int t = 0; t < tokens.length; t++) {
      float[] typeScores = Capitalisation.hasCapital(tokens[t]) ? scores.get(key(tokens[t])) : null;
      if (typeScores == null) {
        continue;
      }
      int best = 0;
      for (int type = 1; type < types; type++) {
        if (typeScores[type] > typeScores[best]) {
          best = type;
        }
      }
      for (int label = 0; label < labels; label++) {
        if (typeOfLabel[label] == best) {
          emissions[t * labels + label] += weight;
        }
      }
    }
  }

  /** Holds the labels chosen for {@code tokens} until {@link #commit} is called with the same array. */
  public void decoded(String[] tokens, Tagging tagging) {
    if (tagging.labels().length != tokens.length) {
      throw new IllegalArgumentException(tagging.labels().length + " labels for " + tokens.length + " tokens");
    }
    decodedTokens = tokens;
    decodedTagging = tagging;
  }

  /**
   * Remembers the labels last {@link #decoded} for this very {@code tokens} array (the sentence the caller
   * kept); a sentence decoded by someone else is not remembered.
   */
  public void commit(String[] tokens) {
    if (tokens != decodedTokens) {
      decodedTokens = null;
      decodedTagging = null;
      return;
    }
    int[] labels = decodedTagging.labels();
    double[] probabilities = decodedTagging.probabilities();
    for (int t = 0; t < tokens.length; t++) {
      int type = typeOfLabel[labels[t]];
      if (type >= 0 && probabilities[t] >= context.threshold() && Capitalisation.hasCapital(tokens[t])) {
        String key = key(tokens[t]);
        float[] typeScores = scores.get(key);
        if (typeScores == null && scores.size() < MAX_TOKENS) {
          typeScores = new float[types];
          scores.put(key, typeScores);
        }
        if (typeScores != null) {
          typeScores[type] += (float) probabilities[t];
        }
      }
    }
    decodedTokens = null;
    decodedTagging = null;
  }

  /** Forgets the document: what follows is decoded as if nothing came before. */
  public void clear() {
    scores.clear();
    decodedTokens = null;
    decodedTagging = null;
  }

  private static String key(String token) {
    return token.toLowerCase(Locale.ROOT);
  }
}

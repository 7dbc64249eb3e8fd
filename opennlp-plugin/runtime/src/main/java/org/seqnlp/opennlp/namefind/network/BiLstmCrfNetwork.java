package org.seqnlp.opennlp.namefind.network;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.seqnlp.opennlp.namefind.gazetteer.Gazetteer;
import org.seqnlp.opennlp.nn.Lstm;
import org.seqnlp.opennlp.nn.VectorMath;

/**
 * The trained sequence labeller in plain Java: {@link TokenEncoder} features, optionally followed by
 * the {@link Gazetteer} match features of the token in its sentence, a bidirectional {@link Lstm}
 * (forward states then backward states), a linear layer to one emission score per label, and a
 * {@link LinearChainCrf}. Needs no ND4J/DL4J at run time.
 *
 * <p>Thread-safe: one instance serves any number of threads at once. The weights are immutable and
 * every method allocates its own scratch arrays; the only shared mutable state is a bounded cache of
 * the LSTM input projections of the tokens seen first ({@link #TOKEN_CACHE_PROPERTY}), which are 60%
 * of the multiply-adds per token. A token's cached values are computed exactly as uncached ones, so
 * results never depend on what the cache holds or on which thread filled it. Gazetteer features depend
 * on the sentence, so they stay out of the cache: their input rows are added per sentence, to the
 * tokens that have a match only.
 */
public final class BiLstmCrfNetwork {

  /** The longest sentence tagged: CoNLL-2003's longest has 124 tokens; 10,000 take some 80 MB. */
  public static final int MAX_SENTENCE_TOKENS = 10_000;

  private final List<String> labels;
  private final TokenEncoder encoder;
  /** Null when the network has no gazetteer features. */
  private final Gazetteer gazetteer;
  private final Lstm forward;
  private final Lstm backward;
  private final float[] outputWeights;
  private final float[] outputBias;
  private final LinearChainCrf crf;
  /** {@link #outputWeights} as one array per input (see {@link VectorMath#addRows}). */
  private final float[][] outputRows;
  /**
   * Both directions' input pre-activations (bias plus input weights times the token features) of
   * recently tagged tokens, by the token exactly as written: a token's features depend on nothing
   * else (see {@link TokenEncoder}), so its entry never changes. The gazetteer rows are not in it. See
   * {@link #TOKEN_CACHE_PROPERTY}.
   */
  private final ConcurrentHashMap<String, float[][]> tokenCache;
  private final int tokenCacheCapacity;

  /**
   * Tokens of the {@value #SEPARATE_WORD_PART} most frequent words (the vocabulary is in frequency
   * order) get the word-embedding part of their input projection summed on its own first, then added
   * to the bias: the runtime once kept that part precomputed for them, and computing it the same way
   * keeps every output bit-identical to what the released models were evaluated with.
   */
  static final int SEPARATE_WORD_PART = 4096;

  /**
   * System property with the token cache's capacity in tokens (default {@value
   * #DEFAULT_TOKEN_CACHE}; 0 turns it off). An entry holds {@code 8 x hidden} floats, about 3.35 kB
   * with its key and map node at hidden 100, so the default costs at most about 14 MB per loaded
   * model, filled as tokens are first seen. The first tokens seen are kept, up to the capacity (a few
   * more when threads race), and never evicted; tokens longer than {@value #MAX_CACHED_TOKEN_LENGTH}
   * characters are not kept. On CoNLL-2003 the default holds 69-74% of the tokens of unseen text
   * after the cache has been filled from other text. Read when a network is built (at model load).
   */
  public static final String TOKEN_CACHE_PROPERTY = "seqnlp.ner.tokenCache";
  public static final int DEFAULT_TOKEN_CACHE = 4096;
  static final int MAX_CACHED_TOKEN_LENGTH = 32;

  /**
   * @param outputWeights {@code 2*hidden x labels}, row-major, used as it is
   * @param outputBias {@code labels}, used as it is
   */
  public BiLstmCrfNetwork(List<String> labels, TokenEncoder encoder, Lstm forward, Lstm backward,
      float[] outputWeights, float[] outputBias, LinearChainCrf crf) {
    this(labels, encoder, null, forward, backward, outputWeights, outputBias, crf);
  }

  /**
   * A network whose LSTM input is the token features followed by the match features of {@code
   * gazetteer} (null: none), so the LSTMs' input weights have {@code gazetteer.featureSize()} more rows.
   */
  public BiLstmCrfNetwork(List<String> labels, TokenEncoder encoder, Gazetteer gazetteer, Lstm forward,
      Lstm backward, float[] outputWeights, float[] outputBias, LinearChainCrf crf) {
    this(labels, encoder, gazetteer, forward, backward, outputWeights, outputBias, crf, configuredTokenCache());
  }

  /**
   * The capacity {@link #TOKEN_CACHE_PROPERTY} sets.
   *
   * @throws IllegalStateException naming the property, for a value that is no whole number from 0 up: the
   *     model being loaded is not at fault, and a typo must not pass as the default
   */
  public static int configuredTokenCache() {
    String value = System.getProperty(TOKEN_CACHE_PROPERTY);
    if (value == null) {
      return DEFAULT_TOKEN_CACHE;
    }
    try {
      int capacity = Integer.parseInt(value.strip());
      if (capacity >= 0) {
        return capacity;
      }
    } catch (NumberFormatException e) {
      // reported below, as a negative number is
    }
    throw new IllegalStateException("system property " + TOKEN_CACHE_PROPERTY + " must be a whole number of tokens"
        + " from 0 up (0: no cache), not '" + value + "'");
  }

  /** As the public constructors, with the token cache's capacity given (0: no cache). */
  BiLstmCrfNetwork(List<String> labels, TokenEncoder encoder, Gazetteer gazetteer, Lstm forward, Lstm backward,
      float[] outputWeights, float[] outputBias, LinearChainCrf crf, int tokenCacheCapacity) {
    int inputSize = encoder.outputDimension() + (gazetteer == null ? 0 : gazetteer.featureSize());
    if (forward.inputSize() != inputSize || backward.inputSize() != inputSize) {
      throw new IllegalArgumentException("LSTM input size does not match the token and gazetteer features: "
          + forward.inputSize() + "/" + backward.inputSize() + " vs " + inputSize);
    }
    if (forward.hidden() != backward.hidden()) {
      throw new IllegalArgumentException("the two LSTM directions differ in size");
    }
    if (crf.labels() != labels.size()) {
      throw new IllegalArgumentException("CRF has " + crf.labels() + " labels, expected " + labels.size());
    }
    if (tokenCacheCapacity < 0) {
      throw new IllegalArgumentException("token cache capacity must not be negative, got " + tokenCacheCapacity);
    }
    VectorMath.requireLength("output weights", outputWeights, 2L * forward.hidden() * labels.size());
    VectorMath.requireLength("output bias", outputBias, labels.size());
    this.labels = List.copyOf(labels);
    this.encoder = encoder;
    this.gazetteer = gazetteer;
    this.forward = forward;
    this.backward = backward;
    this.outputWeights = outputWeights;
    this.outputBias = outputBias;
    this.crf = crf;
    this.outputRows = VectorMath.splitRows(outputWeights, 2 * forward.hidden(), labels.size());
    this.tokenCacheCapacity = tokenCacheCapacity;
    this.tokenCache = new ConcurrentHashMap<>(Math.min(tokenCacheCapacity, 1 << 16) * 4 / 3 + 1);
  }

  /**
   * Bias plus input weights times {@code features} (one token's, from index 0, without the gazetteer's),
   * for one direction.
   */
  private float[] project(Lstm lstm, float[] features, int wordRow) {
    int rows = encoder.outputDimension();
    return wordRow < SEPARATE_WORD_PART
        // Word features come first in the LSTM input, so the word part is features[0 .. wordDimension).
        ? lstm.inputProjection(features, rows, features, 0, encoder.wordDimension())
        : lstm.inputProjection(features, rows, null, 0, 0);
  }

  /**
   * {@code projection} plus the gazetteer rows times the features of token {@code t} in {@code matches}
   * (as {@link Gazetteer#features} gives them), in a new array; {@code projection} itself when the token
   * matched nothing.
   */
  private float[] withMatches(Lstm lstm, float[] projection, float[] matches, int t) {
    int width = gazetteer.featureSize();
    int from = t * width;
    for (int i = from; i < from + width; i++) {
      if (matches[i] != 0f) {
        float[] sum = projection.clone();
        int rows = encoder.outputDimension();
        lstm.addInputRows(matches, from - rows, rows, rows + width, sum);
        return sum;
      }
    }
    return projection;
  }

  /**
   * This network with its word embeddings stored in {@code bits} bits per value (8: rows of 8-bit integers
   * with a scale each; 32: floats): itself when they already are. The other weights are shared; the token
   * cache starts empty.
   *
   * @throws IllegalArgumentException for bits other than 8 and 32
   */
  public BiLstmCrfNetwork withEmbeddingBits(int bits) {
    EmbeddingTable table = encoder.wordEmbeddings().withBits(bits);
    return table == encoder.wordEmbeddings() ? this
        : new BiLstmCrfNetwork(labels, encoder.withWordEmbeddings(table), gazetteer, forward, backward,
            outputWeights, outputBias, crf, tokenCacheCapacity);
  }

  public List<String> labels() {
    return labels;
  }

  public TokenEncoder encoder() {
    return encoder;
  }

  /** The gazetteer whose match features follow the token features, if the network has one. */
  public Optional<Gazetteer> gazetteer() {
    return Optional.ofNullable(gazetteer);
  }

  /** Features per token in the LSTM input: the encoder's, then the gazetteer's. */
  public int inputSize() {
    return forward.inputSize();
  }

  public LinearChainCrf crf() {
    return crf;
  }

  Lstm forward() {
    return forward;
  }

  Lstm backward() {
    return backward;
  }

  float[] outputWeights() {
    return outputWeights;
  }

  float[] outputBias() {
    return outputBias;
  }

  /**
   * The LSTM input of a sentence, row-major {@code tokens.length x inputSize()}: each token's encoder
   * features, then its gazetteer features.
   */
  public float[] features(String[] tokens) {
    int width = inputSize();
    int tokenWidth = encoder.outputDimension();
    float[] features = new float[tokens.length * width];
    float[] matches = gazetteer == null ? null : gazetteer.features(tokens);
    for (int t = 0; t < tokens.length; t++) {
      encoder.encode(tokens[t], features, t * width);
      if (matches != null) {
        System.arraycopy(matches, t * (width - tokenWidth), features, t * width + tokenWidth, width - tokenWidth);
      }
    }
    return features;
  }

  /**
   * Emission scores, row-major {@code tokens.length x labels().size()}.
   *
   * @throws IllegalArgumentException for a sentence of more than {@value #MAX_SENTENCE_TOKENS} tokens, which would
   *     take gigabytes (some 8 KB a token) where it should be split
   */
  public float[] emissions(String[] tokens) {
    int length = tokens.length;
    if (length > MAX_SENTENCE_TOKENS) {
      throw new IllegalArgumentException("a sentence of " + length + " tokens, more than the " + MAX_SENTENCE_TOKENS
          + " the name finder tags at once: split it (DocumentNameFinder and seqnlp ner tag long ones in pieces)");
    }
    float[][] forwardInputs = new float[length][];
    float[][] backwardInputs = new float[length][];
    float[] features = null;
    float[] matches = gazetteer == null ? null : gazetteer.features(tokens);
    for (int t = 0; t < length; t++) {
      String token = tokens[t];
      float[][] inputs = tokenCacheCapacity == 0 ? null : tokenCache.get(token);
      if (inputs == null) {
        if (features == null) {
          features = new float[encoder.outputDimension()];
        }
        int wordRow = encoder.wordIndex(token);
        encoder.encode(token, wordRow, features, 0);
        inputs = new float[][] {
            project(forward, features, wordRow), project(backward, features, wordRow)};
        if (token.length() <= MAX_CACHED_TOKEN_LENGTH && tokenCache.size() < tokenCacheCapacity) {
          tokenCache.putIfAbsent(token, inputs);
        }
      }
      forwardInputs[t] = matches == null ? inputs[0] : withMatches(forward, inputs[0], matches, t);
      backwardInputs[t] = matches == null ? inputs[1] : withMatches(backward, inputs[1], matches, t);
    }
    int hidden = forward.hidden();
    int width = 2 * hidden;
    float[] states = new float[length * width];
    forward.run(forwardInputs, length, false, states, width, 0);
    backward.run(backwardInputs, length, true, states, width, hidden);
    int labelCount = labels.size();
    float[] emissions = new float[length * labelCount];
    float[] scores = new float[labelCount];
    for (int t = 0; t < length; t++) {
      System.arraycopy(outputBias, 0, scores, 0, labelCount);
      VectorMath.addRows(outputRows, states, t * width, 0, width, scores);
      System.arraycopy(scores, 0, emissions, t * labelCount, labelCount);
    }
    return emissions;
  }

  /** How many tokens the token cache holds, for tests. */
  int cachedTokens() {
    return tokenCache.size();
  }

  /** The best label sequence for {@code tokens} with the marginal probability of each label. */
  public Tagging tag(String[] tokens) {
    return decode(tokens.length == 0 ? new float[0] : emissions(tokens), tokens.length);
  }

  /**
   * The CRF's best label sequence over {@code emissions} (row-major {@code length x labels().size()}, as
   * {@link #emissions} gives them, possibly changed by the caller) with the marginal probability of each
   * label.
   *
   * @throws IllegalStateException when a score is not a finite number: weights that overflow, as only a damaged
   *     or hand-made model has, would otherwise give arbitrary labels without a word
   */
  public Tagging decode(float[] emissions, int length) {
    if (length == 0) {
      return new Tagging(new int[0], new double[0]);
    }
    for (int i = 0; i < length * labels.size(); i++) {
      if (!Float.isFinite(emissions[i])) {
        throw new IllegalStateException("the name finder's score of label '" + labels.get(i % labels.size())
            + "' for token " + (i / labels.size() + 1) + " is " + emissions[i]
            + ": the model's weights overflow (a damaged model file?)");
      }
    }
    int[] path = crf.viterbi(emissions, length);
    double[] marginals = new double[length * labels.size()];
    crf.marginals(emissions, length, marginals);
    double[] probabilities = new double[length];
    for (int t = 0; t < length; t++) {
      probabilities[t] = marginals[t * labels.size() + path[t]];
    }
    return new Tagging(path, probabilities);
  }
}

package org.seqnlp.opennlp.nn;

import java.util.List;

/**
 * The trained sequence labeller in plain Java: {@link TokenEncoder} features, a bidirectional
 * {@link Lstm} (forward states then backward states), a linear layer to one emission score per label,
 * and a {@link LinearChainCrf}. Needs no ND4J/DL4J at run time.
 *
 * <p>Immutable; every method allocates its own scratch arrays, so one instance serves any number of
 * threads at once.
 */
public final class BiLstmCrfNetwork {

  private final List<String> labels;
  private final TokenEncoder encoder;
  private final Lstm forward;
  private final Lstm backward;
  private final float[] outputWeights;
  private final float[] outputBias;
  private final LinearChainCrf crf;
  /**
   * The word-embedding part of each LSTM direction's input projection for the {@link #CACHED_WORDS}
   * most frequent words (the vocabulary is in frequency order): about 40% of the BiLSTM's arithmetic
   * per token, computed once at load time.
   */
  private final float[] forwardWordProjections;
  private final float[] backwardWordProjections;

  /** How many words get a precomputed projection: 4096 x 8 x hidden floats, 13 MB at hidden 100. */
  static final int CACHED_WORDS = 4096;

  /**
   * @param outputWeights {@code 2*hidden x labels}, row-major, used as it is
   * @param outputBias {@code labels}, used as it is
   */
  public BiLstmCrfNetwork(List<String> labels, TokenEncoder encoder, Lstm forward, Lstm backward,
      float[] outputWeights, float[] outputBias, LinearChainCrf crf) {
    if (forward.inputSize() != encoder.outputDimension() || backward.inputSize() != encoder.outputDimension()) {
      throw new IllegalArgumentException("LSTM input size does not match the token features: "
          + forward.inputSize() + "/" + backward.inputSize() + " vs " + encoder.outputDimension());
    }
    if (forward.hidden() != backward.hidden()) {
      throw new IllegalArgumentException("the two LSTM directions differ in size");
    }
    if (crf.labels() != labels.size()) {
      throw new IllegalArgumentException("CRF has " + crf.labels() + " labels, expected " + labels.size());
    }
    TokenEncoder.requireLength("output weights", outputWeights, 2L * forward.hidden() * labels.size());
    TokenEncoder.requireLength("output bias", outputBias, labels.size());
    this.labels = List.copyOf(labels);
    this.encoder = encoder;
    this.forward = forward;
    this.backward = backward;
    this.outputWeights = outputWeights;
    this.outputBias = outputBias;
    this.crf = crf;
    this.forwardWordProjections = wordProjections(forward);
    this.backwardWordProjections = wordProjections(backward);
  }

  private float[] wordProjections(Lstm lstm) {
    int words = Math.min(CACHED_WORDS, encoder.words().size());
    int gates = 4 * lstm.hidden();
    int dimension = encoder.wordDimension();
    float[] projections = new float[words * gates];
    for (int w = 0; w < words; w++) {
      // Word features come first in the LSTM input, so input row d of the embedding is weight row d.
      lstm.addInputProjection(encoder.wordEmbeddings(), w * dimension, 0, dimension, projections, w * gates);
    }
    return projections;
  }

  public List<String> labels() {
    return labels;
  }

  public TokenEncoder encoder() {
    return encoder;
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

  /** The token features of a sentence, row-major {@code tokens.length x encoder().outputDimension()}. */
  public float[] features(String[] tokens) {
    int width = encoder.outputDimension();
    float[] features = new float[tokens.length * width];
    for (int t = 0; t < tokens.length; t++) {
      encoder.encode(tokens[t], features, t * width);
    }
    return features;
  }

  /** Emission scores, row-major {@code tokens.length x labels().size()}. */
  public float[] emissions(String[] tokens) {
    int[] wordRows = new int[tokens.length];
    for (int t = 0; t < tokens.length; t++) {
      wordRows[t] = encoder.wordIndex(tokens[t]);
    }
    return emissionsOf(features(tokens), wordRows, tokens.length);
  }

  /** Emissions from the token features and the vocabulary row of each token. */
  private float[] emissionsOf(float[] features, int[] wordRows, int length) {
    int hidden = forward.hidden();
    int width = 2 * hidden;
    float[] states = new float[length * width];
    forward.recur(preActivations(forward, forwardWordProjections, features, wordRows, length), length, false,
        states, width, 0);
    backward.recur(preActivations(backward, backwardWordProjections, features, wordRows, length), length, true,
        states, width, hidden);
    int labelCount = labels.size();
    float[] emissions = new float[length * labelCount];
    for (int t = 0; t < length; t++) {
      int row = t * labelCount;
      System.arraycopy(outputBias, 0, emissions, row, labelCount);
      for (int h = 0; h < width; h++) {
        Lstm.axpy(states[t * width + h], outputWeights, h * labelCount, emissions, row, labelCount);
      }
    }
    return emissions;
  }

  private float[] preActivations(Lstm lstm, float[] wordProjections, float[] features, int[] wordRows, int length) {
    int gates = 4 * lstm.hidden();
    int featureSize = encoder.outputDimension();
    int wordDimension = encoder.wordDimension();
    int cached = wordProjections.length / gates;
    float[] preActivations = new float[length * gates];
    for (int t = 0; t < length; t++) {
      int row = t * gates;
      System.arraycopy(lstm.bias(), 0, preActivations, row, gates);
      int in = t * featureSize;
      if (wordRows[t] < cached) {
        Lstm.axpy(1f, wordProjections, wordRows[t] * gates, preActivations, row, gates);
        lstm.addInputProjection(features, in, wordDimension, featureSize, preActivations, row);
      } else {
        lstm.addInputProjection(features, in, 0, featureSize, preActivations, row);
      }
    }
    return preActivations;
  }

  /** The best label sequence for {@code tokens} with the marginal probability of each label. */
  public Tagging tag(String[] tokens) {
    int length = tokens.length;
    if (length == 0) {
      return new Tagging(new int[0], new double[0]);
    }
    float[] emissions = emissions(tokens);
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

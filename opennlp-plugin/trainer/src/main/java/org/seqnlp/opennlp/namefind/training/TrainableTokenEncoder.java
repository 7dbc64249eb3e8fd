package org.seqnlp.opennlp.namefind.training;

import java.util.BitSet;
import java.util.Map;
import java.util.Random;
import org.seqnlp.opennlp.namefind.network.TokenEncoder;
import org.seqnlp.vectors.WordVectors;

/**
 * The token encoder's parameters under training (word embeddings, character embeddings, character CNN)
 * with their Adam state: back-propagation of the LSTM's input gradient into them, and their update.
 * Only the word rows a batch used are updated, and with {@link TrainingSettings#freezeVectors} only those of
 * words without a word vector.
 */
final class TrainableTokenEncoder {

  private final TrainingVocabulary vocabulary;
  private final int wordDimension;
  private final int charDimension;
  private final int charFilters;
  private final int maxWordChars;
  private final AdamParameter wordEmbeddings;
  private final AdamParameter charEmbeddings;
  private final AdamParameter convolutionWeights;
  private final AdamParameter convolutionBias;
  /** The word rows with a gradient since the last step. */
  private final BitSet touchedRows;
  /** The word rows that keep their initial values. */
  private final BitSet frozenRows = new BitSet();

  /**
   * Random initial weights drawn from {@code random}, the word embeddings of words with a vector taken
   * from {@code vectors} (null for none; their dimension then replaces the settings'). When the vectors
   * have n-gram vectors, words outside their vocabulary start from their subword vector instead of noise.
   */
  TrainableTokenEncoder(TrainingVocabulary vocabulary, WordVectors vectors, TrainingSettings settings,
      Random random) {
    this.vocabulary = vocabulary;
    wordDimension = vectors == null ? settings.wordDimension() : vectors.dimension();
    charDimension = settings.charDimension();
    charFilters = settings.charFilters();
    maxWordChars = settings.maxWordChars();
    touchedRows = new BitSet(vocabulary.words().size());
    double decay = settings.averageDecay();
    wordEmbeddings = new AdamParameter(initialWordEmbeddings(vectors, settings.freezeVectors(), random),
        wordDimension, decay);
    charEmbeddings = AdamParameter.whole(uniform(random, vocabulary.chars().size() * charDimension,
        Math.sqrt(3.0 / charDimension)), decay);
    int fanIn = TokenEncoder.KERNEL_WIDTH * charDimension;
    convolutionWeights = AdamParameter.whole(uniform(random, charFilters * fanIn,
        Math.sqrt(6.0 / (fanIn + charFilters))), decay);
    convolutionBias = AdamParameter.whole(new float[charFilters], decay);
  }

  /** Also marks the rows of words with a vector as frozen when {@code freeze} is set. */
  private float[] initialWordEmbeddings(WordVectors vectors, boolean freeze, Random random) {
    int size = vocabulary.words().size();
    float[] values = uniform(random, size * wordDimension, Math.sqrt(3.0 / wordDimension));
    if (vectors == null) {
      return values;
    }
    // Vectors of the exact word win over those of other spellings with the same normal form.
    BitSet fromExactWord = new BitSet(size);
    BitSet fromVectors = new BitSet(size);
    for (int i = 0; i < vectors.size(); i++) {
      String word = vectors.word(i);
      int row = vocabulary.words().id(TokenEncoder.normalize(word));
      boolean exact = word.equals(TokenEncoder.normalize(word));
      if (row != vocabulary.words().unknownId() && (exact || !fromExactWord.get(row))) {
        System.arraycopy(vectors.vector(i), 0, values, row * wordDimension, wordDimension);
        fromVectors.set(row);
        if (exact) {
          fromExactWord.set(row);
        }
      }
    }
    if (freeze) {
      frozenRows.or(fromVectors);
    }
    if (vectors.subwords().isPresent()) {
      for (int row = fromVectors.nextClearBit(0); row < size; row = fromVectors.nextClearBit(row + 1)) {
        float[] subword = row == vocabulary.words().unknownId() ? null
            : vectors.vectorOf(vocabulary.words().token(row));
        if (subword != null) {
          System.arraycopy(subword, 0, values, row * wordDimension, wordDimension);
        }
      }
    }
    return values;
  }

  private static float[] uniform(Random random, int size, double limit) {
    float[] values = new float[size];
    for (int i = 0; i < size; i++) {
      values[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
    }
    return values;
  }

  int wordDimension() {
    return wordDimension;
  }

  /** An encoder on the live arrays; it tabulates the character CNN, so a step makes it stale. */
  TokenEncoder current() {
    return encoder(wordEmbeddings.values(), charEmbeddings.values(), convolutionWeights.values(),
        convolutionBias.values());
  }

  /** An encoder on a copy of the current arrays. */
  TokenEncoder snapshot() {
    return encoder(wordEmbeddings.values().clone(), charEmbeddings.values().clone(),
        convolutionWeights.values().clone(), convolutionBias.values().clone());
  }

  /** An encoder on the moving averages of the arrays after {@code step} steps. */
  TokenEncoder averaged(int step) {
    return encoder(wordEmbeddings.averaged(step), charEmbeddings.averaged(step), convolutionWeights.averaged(step),
        convolutionBias.averaged(step));
  }

  private TokenEncoder encoder(float[] words, float[] chars, float[] weights, float[] bias) {
    return new TokenEncoder(vocabulary.words(), vocabulary.chars(), wordDimension, charDimension, charFilters,
        maxWordChars, words, chars, weights, bias);
  }

  /** The arrays under training by their names in a run's saved state. */
  Map<String, AdamParameter> parameters() {
    return Map.of("word-embeddings", wordEmbeddings, "char-embeddings", charEmbeddings, "convolution-weights",
        convolutionWeights, "convolution-bias", convolutionBias);
  }

  /** Copies the embedding of word row {@code row} to the start of {@code into}. */
  void copyWordVector(int row, float[] into) {
    System.arraycopy(wordEmbeddings.values(), row * wordDimension, into, 0, wordDimension);
  }

  /**
   * Adds one token's share of the input gradient to the embedding and CNN gradients. {@code at} is
   * the index of feature 0 of the token in the {@code [batch, features, time]} features and gradient;
   * the token's features are its word vector, then the CNN's outputs, then features that get no gradient.
   *
   * @param winners per filter, the window position whose value the max-pooling kept
   */
  void backpropagate(float[] features, float[] inputGradient, int at, int timeSteps, int wordRow, int[] window,
      int[] winners) {
    if (!frozenRows.get(wordRow)) {
      float[] wordGradient = wordEmbeddings.gradient();
      for (int d = 0; d < wordDimension; d++) {
        wordGradient[wordRow * wordDimension + d] += inputGradient[at + d * timeSteps];
      }
      touchedRows.set(wordRow);
    }
    int span = TokenEncoder.KERNEL_WIDTH * charDimension;
    float[] chars = charEmbeddings.values();
    float[] charGradient = charEmbeddings.gradient();
    float[] weights = convolutionWeights.values();
    float[] weightGradient = convolutionWeights.gradient();
    float[] biasGradient = convolutionBias.gradient();
    for (int f = 0; f < winners.length; f++) {
      int feature = at + (wordDimension + f) * timeSteps;
      float activation = features[feature];
      float g = inputGradient[feature] * (1 - activation * activation);
      if (g == 0f) {
        continue;
      }
      biasGradient[f] += g;
      for (int k = 0; k < TokenEncoder.KERNEL_WIDTH; k++) {
        int charRow = window[winners[f] + k] * charDimension;
        int weightRow = f * span + k * charDimension;
        for (int c = 0; c < charDimension; c++) {
          weightGradient[weightRow + c] += g * chars[charRow + c];
          charGradient[charRow + c] += g * weights[weightRow + c];
        }
      }
    }
  }

  /**
   * One Adam step with the gradient gathered since the last one, scaled by {@code scale} and clipped
   * to {@code clip} as one group.
   */
  void step(double scale, double learningRate, double clip, int step) {
    double squaredNorm = charEmbeddings.squaredNorm() + convolutionWeights.squaredNorm()
        + convolutionBias.squaredNorm();
    for (int row = touchedRows.nextSetBit(0); row >= 0; row = touchedRows.nextSetBit(row + 1)) {
      squaredNorm += wordEmbeddings.squaredNorm(row * wordDimension, (row + 1) * wordDimension);
    }
    double clippedScale = AdamParameter.clippedScale(squaredNorm, scale, clip);
    for (int row = touchedRows.nextSetBit(0); row >= 0; row = touchedRows.nextSetBit(row + 1)) {
      wordEmbeddings.step(row * wordDimension, (row + 1) * wordDimension, learningRate, clippedScale, step);
    }
    touchedRows.clear();
    charEmbeddings.step(learningRate, clippedScale, step);
    convolutionWeights.step(learningRate, clippedScale, step);
    convolutionBias.step(learningRate, clippedScale, step);
  }
}

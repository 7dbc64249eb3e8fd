package org.seqnlp.opennlp.namefind.network;

import java.util.List;
import java.util.Locale;
import org.seqnlp.opennlp.nn.VectorMath;
import org.seqnlp.vocabulary.SpecialTokens;
import org.seqnlp.vocabulary.Vocabulary;

/**
 * Turns a token into the input vector of the sentence encoder: its word embedding followed by the
 * output of a character CNN (character embeddings, one convolution of width {@link #KERNEL_WIDTH},
 * max-pooling over positions, tanh).
 *
 * <p>Every word is seen through a window of exactly {@code maxWordChars} characters padded with the
 * padding symbol (longer words keep their first and last halves), so a word's features never depend
 * on the other words in a batch. Immutable: it tabulates the character CNN from the arrays it is built on,
 * so a trainer that changes them in a step builds a new encoder before using one again.
 */
public final class TokenEncoder {

  /** Width of the character convolution. */
  public static final int KERNEL_WIDTH = 3;
  /** The bits per stored word-embedding value an encoder can have: 8-bit rows with a scale each, or floats. */
  public static final List<Integer> EMBEDDING_BITS = List.of(8, 32);
  /** Id of {@link SpecialTokens#PADDING} in the character vocabulary. */
  public static final int CHAR_PADDING = 1;

  private final Vocabulary words;
  private final Vocabulary chars;
  private final int wordDimension;
  private final int charDimension;
  private final int charFilters;
  private final int maxWordChars;
  private final EmbeddingTable wordEmbeddings;
  private final float[] charEmbeddings;
  private final float[] convolutionWeights;
  private final float[] convolutionBias;
  /**
   * What each character contributes to every filter at each kernel offset, {@code [offset][char][filter]}:
   * the convolution at a window position is then the sum of {@link #KERNEL_WIDTH} rows, which makes
   * the character CNN about twenty times cheaper than multiplying embeddings by weights per token.
   */
  private final float[] filterContributions;

  /**
   * The arrays are used as they are, not copied.
   *
   * @param wordEmbeddings {@code words.size() x wordDimension}, row-major
   * @param charEmbeddings {@code chars.size() x charDimension}, row-major
   * @param convolutionWeights {@code charFilters x KERNEL_WIDTH x charDimension}, row-major
   * @param convolutionBias {@code charFilters}
   */
  public TokenEncoder(Vocabulary words, Vocabulary chars, int wordDimension, int charDimension,
      int charFilters, int maxWordChars, float[] wordEmbeddings, float[] charEmbeddings,
      float[] convolutionWeights, float[] convolutionBias) {
    this(words, chars, charDimension, charFilters, maxWordChars,
        new FloatEmbeddingTable(wordEmbeddings, words.size(), wordDimension), charEmbeddings, convolutionWeights,
        convolutionBias);
  }

  /** As the public constructor, with the word embeddings in either storage ({@link EmbeddingTable}). */
  TokenEncoder(Vocabulary words, Vocabulary chars, int charDimension, int charFilters, int maxWordChars,
      EmbeddingTable wordEmbeddings, float[] charEmbeddings, float[] convolutionWeights, float[] convolutionBias) {
    if (wordEmbeddings.rows() != words.size()) {
      throw new IllegalArgumentException("word embeddings have " + wordEmbeddings.rows() + " rows for "
          + words.size() + " words");
    }
    VectorMath.requireLength("character embeddings", charEmbeddings, (long) chars.size() * charDimension);
    VectorMath.requireLength("convolution weights", convolutionWeights, (long) charFilters * KERNEL_WIDTH * charDimension);
    VectorMath.requireLength("convolution bias", convolutionBias, charFilters);
    if (!chars.contains(SpecialTokens.PADDING) || chars.id(SpecialTokens.PADDING) != CHAR_PADDING) {
      throw new IllegalArgumentException("the character vocabulary must hold " + SpecialTokens.PADDING + " at "
          + CHAR_PADDING);
    }
    for (String entry : chars.tokens()) {
      // tokens are looked up a UTF-16 char at a time: a longer entry would never be found, its letters unknown
      if (entry.length() != 1 && !SpecialTokens.isSpecial(entry)) {
        throw new IllegalArgumentException("the character vocabulary holds '" + entry + "', which is no single"
            + " character");
      }
    }
    if (maxWordChars < 2) {
      throw new IllegalArgumentException("maxWordChars must be at least 2, got " + maxWordChars);
    }
    this.words = words;
    this.chars = chars;
    this.wordDimension = wordEmbeddings.dimension();
    this.charDimension = charDimension;
    this.charFilters = charFilters;
    this.maxWordChars = maxWordChars;
    this.wordEmbeddings = wordEmbeddings;
    this.charEmbeddings = charEmbeddings;
    this.convolutionWeights = convolutionWeights;
    this.convolutionBias = convolutionBias;
    this.filterContributions = filterContributions();
  }

  private float[] filterContributions() {
    int charCount = chars.size();
    float[] table = new float[TokenEncoder.KERNEL_WIDTH * charCount * charFilters];
    for (int k = 0; k < KERNEL_WIDTH; k++) {
      for (int c = 0; c < charCount; c++) {
        int row = (k * charCount + c) * charFilters;
        for (int f = 0; f < charFilters; f++) {
          int weights = f * KERNEL_WIDTH * charDimension + k * charDimension;
          float sum = 0f;
          for (int d = 0; d < charDimension; d++) {
            sum += convolutionWeights[weights + d] * charEmbeddings[c * charDimension + d];
          }
          table[row + f] = sum;
        }
      }
    }
    return table;
  }


  /** The key a token is looked up under in the word vocabulary: lower case, digits folded to 0. */
  public static String normalize(String token) {
    String lower = token.toLowerCase(Locale.ROOT);
    StringBuilder folded = null;
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if (c >= '0' && c <= '9' && c != '0') {
        if (folded == null) {
          folded = new StringBuilder(lower);
        }
        folded.setCharAt(i, '0');
      }
    }
    return folded == null ? lower : folded.toString();
  }

  /** Length of the vector {@link #encode} writes per token. */
  public int outputDimension() {
    return wordDimension + charFilters;
  }

  public int wordIndex(String token) {
    return words.id(normalize(token));
  }

  /**
   * The character window of {@code token}: one padding position on the left, then the characters,
   * then padding, {@code maxWordChars + KERNEL_WIDTH - 1} indices in all.
   */
  public int[] charWindow(String token) {
    int[] window = new int[maxWordChars + KERNEL_WIDTH - 1];
    java.util.Arrays.fill(window, CHAR_PADDING);
    int length = token.length();
    int head = length <= maxWordChars ? length : maxWordChars / 2;
    int tail = length <= maxWordChars ? 0 : maxWordChars - head;
    int position = 1;
    for (int i = 0; i < head; i++) {
      window[position++] = chars.id(String.valueOf(token.charAt(i)));
    }
    for (int i = length - tail; i < length; i++) {
      window[position++] = chars.id(String.valueOf(token.charAt(i)));
    }
    return window;
  }

  /** Writes the features of {@code token} to {@code out[offset .. offset + outputDimension())}. */
  public void encode(String token, float[] out, int offset) {
    encode(token, wordIndex(token), out, offset);
  }

  /** As {@link #encode(String, float[], int)} with the token's {@link #wordIndex} already looked up. */
  void encode(String token, int wordIndex, float[] out, int offset) {
    wordEmbeddings.copyRow(wordIndex, out, offset);
    encodeCharacters(charWindow(token), out, offset + wordDimension, null);
  }

  /**
   * Character features of one window (see {@link #charWindow}) into {@code out[offset .. offset +
   * charFilters)}; when {@code argmax} is not null it receives, per filter, the window position that
   * won the max-pooling (the trainer needs it to back-propagate).
   */
  public void encodeCharacters(int[] window, float[] out, int offset, int[] argmax) {
    int positions = window.length - KERNEL_WIDTH + 1;
    int charCount = chars.size();
    float[] best = new float[charFilters];
    java.util.Arrays.fill(best, Float.NEGATIVE_INFINITY);
    int[] bestPosition = argmax == null ? new int[charFilters] : argmax;
    float[] sum = new float[charFilters];
    for (int p = 0; p < positions; p++) {
      System.arraycopy(filterContributions, window[p] * charFilters, sum, 0, charFilters);
      for (int k = 1; k < KERNEL_WIDTH; k++) {
        VectorMath.axpy(1f, filterContributions, (k * charCount + window[p + k]) * charFilters, sum, 0, charFilters);
      }
      for (int f = 0; f < charFilters; f++) {
        if (sum[f] > best[f]) {
          best[f] = sum[f];
          bestPosition[f] = p;
        }
      }
    }
    for (int f = 0; f < charFilters; f++) {
      out[offset + f] = VectorMath.tanh(best[f] + convolutionBias[f]);
    }
  }

  public Vocabulary words() {
    return words;
  }

  public Vocabulary chars() {
    return chars;
  }

  public int wordDimension() {
    return wordDimension;
  }

  public int charDimension() {
    return charDimension;
  }

  public int charFilters() {
    return charFilters;
  }

  public int maxWordChars() {
    return maxWordChars;
  }

  /** Bits per stored word-embedding value: 32 (floats) or 8 (8-bit rows with a scale each). */
  public int embeddingBits() {
    return wordEmbeddings.bits();
  }

  EmbeddingTable wordEmbeddings() {
    return wordEmbeddings;
  }

  /** This encoder with {@code table} for its word embeddings, which must have as many rows and columns. */
  TokenEncoder withWordEmbeddings(EmbeddingTable table) {
    if (table.dimension() != wordDimension) {
      throw new IllegalArgumentException("word embeddings of dimension " + table.dimension() + " for an encoder of "
          + wordDimension);
    }
    return new TokenEncoder(words, chars, charDimension, charFilters, maxWordChars, table, charEmbeddings,
        convolutionWeights, convolutionBias);
  }

  float[] charEmbeddings() {
    return charEmbeddings;
  }

  float[] convolutionWeights() {
    return convolutionWeights;
  }

  float[] convolutionBias() {
    return convolutionBias;
  }
}

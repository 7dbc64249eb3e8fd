package org.seqnlp.vectors;

import java.util.List;
import java.util.Locale;
import org.seqnlp.io.ArrayLimits;
import org.seqnlp.settings.SettingRange;

/**
 * Vectors trained on a collection joined with general vectors, over the collection's words: each word's unit
 * vector from its own training beside its unit vector from the general space, or beside zeros where the general
 * space lacks the word. For two words the general space holds, a cosine is the mean of the two spaces' cosines,
 * so that such a neighbour must be close in the collection and in general use. Two words it lacks keep their
 * collection cosine; between a word it lacks and a word it holds, the cosine is the collection's divided by
 * sqrt(2), so that at a high threshold the words it lacks find neighbours only among themselves. The
 * collection's words stay the vocabulary, so every neighbour is a word the collection's index holds.
 */
public final class JoinedVectors {

  private JoinedVectors() {}

  /**
   * Checks, before any training, that trained vectors of {@code ownDimension} can be joined with {@code general}:
   * together at most {@link SettingRange#MAX_DIMENSION} dimensions, the most of any trained vectors, and no
   * subword vectors in {@code general}, whose n-grams a joined space would leave unused.
   *
   * @throws IllegalArgumentException when they cannot
   */
  public static void check(int ownDimension, WordVectors general) {
    if (general.subwords().isPresent()) {
      throw new IllegalArgumentException("the general vectors have subword vectors, which a join would leave"
          + " unused; write their words alone first (convert-vectors --format word2vec-binary)");
    }
    long width = (long) ownDimension + general.dimension();
    if (width > SettingRange.MAX_DIMENSION) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "%,d + %,d dimensions are %,d, more than the %,d"
          + " of any trained vectors", ownDimension, general.dimension(), width, SettingRange.MAX_DIMENSION));
    }
  }

  /**
   * {@code own}'s words, each with its unit vector from {@code own} and then its unit vector from {@code general}
   * (zeros where {@code general} lacks the word or holds a zero vector).
   *
   * @throws IllegalArgumentException when either has subword vectors, the joined rows are too wide ({@link
   *     #check}) or they are more values than one array holds
   */
  public static WordVectors join(WordVectors own, WordVectors general) {
    if (own.subwords().isPresent()) {
      throw new IllegalArgumentException("vectors with subword vectors cannot be joined; train without --subwords");
    }
    check(own.dimension(), general);
    int width = own.dimension() + general.dimension();
    if (!ArrayLimits.fitsRows(own.size(), width)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "%,d words x %d joined dimensions are more"
          + " values than one Java array holds", own.size(), width));
    }
    float[] matrix = new float[own.size() * width];
    float[] ownValues = own.matrix();
    float[] generalValues = general.matrix();
    List<String> words = own.words();
    for (int row = 0; row < own.size(); row++) {
      UnitVectors.copyUnit(ownValues, row * own.dimension(), own.dimension(), matrix, row * width);
      int generalRow = general.indexOf(words.get(row));
      if (generalRow >= 0) {
        UnitVectors.copyUnit(generalValues, generalRow * general.dimension(), general.dimension(), matrix,
            row * width + own.dimension());
      }
    }
    return new WordVectors(words, width, matrix);
  }

  /**
   * How many of {@code words} {@code general} holds, looked up as written, with a vector that is not zero: the
   * words whose joined vectors have both halves.
   */
  public static int shared(List<String> words, WordVectors general) {
    int shared = 0;
    for (String word : words) {
      int row = general.indexOf(word);
      if (row >= 0 && !general.isZero(row)) {
        shared++;
      }
    }
    return shared;
  }
}

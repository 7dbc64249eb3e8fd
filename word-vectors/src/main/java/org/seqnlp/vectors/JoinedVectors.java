package org.seqnlp.vectors;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.seqnlp.io.ArrayLimits;
import org.seqnlp.settings.SettingRange;

/**
 * Vectors trained on a collection joined with general vectors, over the collection's words: each word's unit
 * vector from its own training beside its unit vector from the general space, or beside zeros where the
 * general space lacks the word. For two words that both spaces hold, a cosine is the mean of the two spaces'
 * cosines, so that a neighbour must be close in the collection and in general use; a word only the collection
 * holds keeps its collection neighbours at 1/sqrt(2) of their cosine. The collection's words stay the
 * vocabulary, so every neighbour is a word the collection's index holds.
 */
public final class JoinedVectors {

  private JoinedVectors() {}

  /**
   * Checks that vectors of {@code ownDimension} and {@code generalDimension} make a joined space of at most
   * {@link SettingRange#MAX_DIMENSION} dimensions, the most of any trained vectors.
   *
   * @throws IllegalArgumentException when they do not
   */
  public static void checkWidth(int ownDimension, int generalDimension) {
    long width = (long) ownDimension + generalDimension;
    if (width > SettingRange.MAX_DIMENSION) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "%,d + %,d dimensions are %,d, more than the %,d"
          + " of any trained vectors", ownDimension, generalDimension, width, SettingRange.MAX_DIMENSION));
    }
  }

  /**
   * {@code own}'s words, each with its unit vector from {@code own} and then its unit vector from {@code general}
   * (zeros where {@code general} lacks the word or holds a zero vector).
   *
   * @throws IllegalArgumentException when {@code own} has subword vectors, which a joined space cannot keep, or
   *     the joined rows are too wide ({@link #checkWidth}) or more values than one array holds
   */
  public static WordVectors join(WordVectors own, WordVectors general) {
    if (own.subwords().isPresent()) {
      throw new IllegalArgumentException("vectors with subword vectors cannot be joined; train without --subwords");
    }
    checkWidth(own.dimension(), general.dimension());
    int width = own.dimension() + general.dimension();
    if ((long) own.size() * width > ArrayLimits.MAX_LENGTH) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "%,d words x %d joined dimensions are more"
          + " values than one Java array holds", own.size(), width));
    }
    float[] matrix = new float[own.size() * width];
    float[] ownValues = own.matrix();
    float[] generalValues = general.matrix();
    List<String> words = new ArrayList<>(own.size());
    for (int row = 0; row < own.size(); row++) {
      String word = own.word(row);
      words.add(word);
      UnitVectors.copyUnit(ownValues, row * own.dimension(), own.dimension(), matrix, row * width);
      int generalRow = general.indexOf(word);
      if (generalRow >= 0) {
        UnitVectors.copyUnit(generalValues, generalRow * general.dimension(), general.dimension(), matrix,
            row * width + own.dimension());
      }
    }
    return new WordVectors(words, width, matrix);
  }

  /** How many of {@code own}'s words {@code general} holds: the words whose joined vectors have both halves. */
  public static int shared(WordVectors own, WordVectors general) {
    int shared = 0;
    for (int row = 0; row < own.size(); row++) {
      if (general.contains(own.word(row))) {
        shared++;
      }
    }
    return shared;
  }
}

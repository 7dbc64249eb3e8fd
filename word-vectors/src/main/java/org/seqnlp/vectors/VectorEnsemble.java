package org.seqnlp.vectors;

import java.util.ArrayList;
import java.util.List;

/**
 * Several trainings of one vocabulary as one space: every word's unit vectors from each member, side by
 * side. The cosine of two words is then the mean of their cosines in the members, steadier than any one
 * training on a small corpus (a collection's own documents), and every tool that reads vector files reads
 * the result unchanged.
 */
public final class VectorEnsemble {

  private static final long MAX_VALUES = Integer.MAX_VALUE - 8;

  private VectorEnsemble() {}

  /**
   * The members' unit vectors side by side, in the members' order; a zero vector stays zero.
   *
   * @param members trainings with the same words in the same order, without subword vectors
   */
  public static WordVectors concatenate(List<WordVectors> members) {
    if (members.isEmpty()) {
      throw new IllegalArgumentException("an ensemble needs at least one member");
    }
    WordVectors first = members.get(0);
    long dimension = 0;
    for (int m = 0; m < members.size(); m++) {
      WordVectors member = members.get(m);
      if (member.subwords().isPresent()) {
        throw new IllegalArgumentException("member " + m + " has subword vectors, which an ensemble cannot combine");
      }
      requireSameWords(first, member, m);
      dimension += member.dimension();
    }
    if (first.size() * dimension > MAX_VALUES) {
      throw new IllegalArgumentException(first.size() + " words x " + dimension
          + " dimensions are more values than one Java array holds");
    }
    int width = (int) dimension;
    float[] matrix = new float[first.size() * width];
    int offset = 0;
    for (WordVectors member : members) {
      UnitVectors unit = new UnitVectors(member);
      for (int row = 0; row < unit.size; row++) {
        System.arraycopy(unit.values, row * unit.dimension, matrix, row * width + offset, unit.dimension);
      }
      offset += unit.dimension;
    }
    List<String> words = new ArrayList<>(first.size());
    for (int row = 0; row < first.size(); row++) {
      words.add(first.word(row));
    }
    return new WordVectors(words, width, matrix);
  }

  private static void requireSameWords(WordVectors first, WordVectors member, int index) {
    if (member.size() != first.size()) {
      throw new IllegalArgumentException("member " + index + " has " + member.size() + " words, member 0 has "
          + first.size());
    }
    for (int row = 0; row < first.size(); row++) {
      if (!member.word(row).equals(first.word(row))) {
        throw new IllegalArgumentException("member " + index + " has '" + member.word(row) + "' at row " + row
            + ", member 0 has '" + first.word(row) + "'");
      }
    }
  }
}

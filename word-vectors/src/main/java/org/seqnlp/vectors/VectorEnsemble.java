package org.seqnlp.vectors;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;
import org.seqnlp.settings.SettingRange;

/**
 * Several trainings of one vocabulary as one space: every word's unit vectors from each member, side by
 * side. The cosine of two words is then the mean of their cosines in the members, steadier than any one
 * training on a small corpus (a collection's own documents), and every tool that reads vector files reads
 * the result unchanged.
 */
public final class VectorEnsemble {

  /** The most dimensions of an ensemble, as of any trained vectors: every reader accepts them. */
  public static final int MAX_DIMENSION = SettingRange.MAX_DIMENSION;
  private static final long MAX_VALUES = Integer.MAX_VALUE - 8;

  private VectorEnsemble() {}

  /**
   * Trains {@code size} members with seeds {@code firstSeed} to {@code firstSeed + size - 1} and keeps
   * each member's unit vectors as it comes, so that memory holds the ensemble and one member at a time.
   * One member is returned as trained, not scaled: a single training, and the files and caches written
   * from it, stay what they were before ensembles existed.
   *
   * @param trainOne trains one member with the seed given; every member must have the same words in the
   *     same order and the same dimension
   */
  public static WordVectors train(int size, long firstSeed, LongFunction<WordVectors> trainOne) {
    if (size < 1) {
      throw new IllegalArgumentException("an ensemble needs at least one member, got " + size);
    }
    if (firstSeed > Long.MAX_VALUE - (size - 1)) {
      throw new IllegalArgumentException("seeds " + firstSeed + " and the " + (size - 1) + " after it overflow");
    }
    WordVectors first = trainOne.apply(firstSeed);
    if (size == 1) {
      return first;
    }
    requireSameWords(first, first, 0);
    float[] matrix = new float[checkedValues(first.size(), (long) first.dimension() * size)];
    int width = first.dimension() * size;
    addUnitRows(first, matrix, width, 0);
    for (int member = 1; member < size; member++) {
      WordVectors next = trainOne.apply(firstSeed + member);
      requireSameShape(first, next, member);
      addUnitRows(next, matrix, width, member * first.dimension());
    }
    return new WordVectors(words(first), width, matrix);
  }

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
      requireSameWords(first, members.get(m), m);
      dimension += members.get(m).dimension();
    }
    int width = (int) Math.min(Integer.MAX_VALUE, dimension);
    float[] matrix = new float[checkedValues(first.size(), dimension)];
    int offset = 0;
    for (WordVectors member : members) {
      addUnitRows(member, matrix, width, offset);
      offset += member.dimension();
    }
    return new WordVectors(words(first), width, matrix);
  }

  /** "an ensemble of N trainings (seeds S to T)", as reports and messages name one. */
  public static String describe(int size, long firstSeed) {
    return String.format(Locale.ROOT, "an ensemble of %d trainings (seeds %d to %d)", size, firstSeed,
        firstSeed + size - 1);
  }

  private static int checkedValues(int words, long dimension) {
    if (dimension > MAX_DIMENSION) {
      throw new IllegalArgumentException("an ensemble of " + dimension + " dimensions is more than the "
          + MAX_DIMENSION + " of any trained vectors");
    }
    if (words * dimension > MAX_VALUES) {
      throw new IllegalArgumentException(words + " words x " + dimension
          + " dimensions are more values than one Java array holds");
    }
    return (int) (words * dimension);
  }

  /** Writes {@code member}'s unit vectors into columns {@code offset..} of the rows of {@code matrix}. */
  private static void addUnitRows(WordVectors member, float[] matrix, int width, int offset) {
    int dimension = member.dimension();
    float[] values = member.matrix();
    for (int row = 0; row < member.size(); row++) {
      double squares = 0;
      for (int d = row * dimension; d < (row + 1) * dimension; d++) {
        squares += (double) values[d] * values[d];
      }
      double scale = squares == 0 ? 0 : 1 / Math.sqrt(squares);
      for (int d = 0; d < dimension; d++) {
        matrix[row * width + offset + d] = (float) (values[row * dimension + d] * scale);
      }
    }
  }

  private static List<String> words(WordVectors vectors) {
    List<String> words = new ArrayList<>(vectors.size());
    for (int row = 0; row < vectors.size(); row++) {
      words.add(vectors.word(row));
    }
    return words;
  }

  private static void requireSameShape(WordVectors first, WordVectors member, int index) {
    requireSameWords(first, member, index);
    if (member.dimension() != first.dimension()) {
      throw new IllegalArgumentException("member " + index + " has " + member.dimension()
          + " dimensions, member 0 has " + first.dimension());
    }
  }

  private static void requireSameWords(WordVectors first, WordVectors member, int index) {
    if (member.subwords().isPresent()) {
      throw new IllegalArgumentException("member " + index
          + " has subword vectors, which an ensemble cannot combine");
    }
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

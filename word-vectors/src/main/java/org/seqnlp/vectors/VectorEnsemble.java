package org.seqnlp.vectors;

import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;
import org.seqnlp.io.ArrayLimits;
import org.seqnlp.settings.SettingRange;

/**
 * Several trainings of one vocabulary as one space: every word's unit vectors from each member, side by
 * side. The cosine of two words is then the mean of their cosines in the members, steadier than any one
 * training on a small corpus (a collection's own documents), and every tool that reads vector files reads
 * the result unchanged.
 */
public final class VectorEnsemble {

  private VectorEnsemble() {}

  /**
   * Checks an ensemble before any training, so that commands can refuse it as a usage error: {@link #checkWidth}
   * and {@link #checkSeeds}.
   */
  public static void check(int size, int memberDimension, long firstSeed) {
    checkWidth(size, memberDimension);
    checkSeeds(size, firstSeed);
  }

  /**
   * Checks the number of members and the dimensions they make together.
   *
   * @throws IllegalArgumentException when {@code size} is below 1 or the ensemble would have more than {@link
   *     SettingRange#MAX_DIMENSION} dimensions, the most of any trained vectors
   */
  public static void checkWidth(int size, int memberDimension) {
    if (size < 1) {
      throw new IllegalArgumentException("an ensemble needs at least one training, got " + size);
    }
    if ((long) memberDimension * size > SettingRange.MAX_DIMENSION) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "%d trainings x %d dimensions are %,d dimensions,"
          + " more than the %,d of any trained vectors", size, memberDimension, (long) memberDimension * size,
          SettingRange.MAX_DIMENSION));
    }
  }

  /**
   * Checks that the seeds {@code firstSeed} to {@code firstSeed + size - 1} are all longs.
   *
   * @throws IllegalArgumentException when the last seed would pass {@link Long#MAX_VALUE}
   */
  public static void checkSeeds(int size, long firstSeed) {
    if (size > 1 && firstSeed > Long.MAX_VALUE - (size - 1)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "the last seed, %d + %d, passes the largest,"
          + " %d", firstSeed, size - 1, Long.MAX_VALUE));
    }
  }

  /**
   * Trains {@code size} members with seeds {@code firstSeed} to {@code firstSeed + size - 1} and keeps
   * each member's unit vectors as it comes, so that memory holds the ensemble and one member at a time.
   * One member is returned as trained, not scaled: a single training, and the files and caches written
   * from it, stay what they were before ensembles existed.
   *
   * @param trainOne trains one member with the seed given; every member must have the same words in the
   *     same order and the same dimension, and no subword vectors
   */
  public static WordVectors train(int size, long firstSeed, LongFunction<WordVectors> trainOne) {
    check(size, 1, firstSeed);
    WordVectors member = trainOne.apply(firstSeed);
    checkWidth(size, member.dimension());
    if (size == 1) {
      return member;
    }
    List<String> words = member.words();
    int dimension = member.dimension();
    if (!ArrayLimits.fitsRows(words.size(), (long) dimension * size)) {
      throw new IllegalArgumentException(words.size() + " words x " + dimension * size
          + " dimensions are more values than one Java array holds");
    }
    int width = dimension * size;
    float[] matrix = new float[words.size() * width];
    for (int index = 0; index < size; index++) {
      if (index > 0) {
        // Released before the next training: otherwise memory would hold two members besides the ensemble.
        member = null;
        member = trainOne.apply(firstSeed + index);
      }
      requireShape(words, dimension, member, index);
      addUnitRows(member, matrix, width, index * dimension);
    }
    return new WordVectors(words, width, matrix);
  }

  /** "an ensemble of N trainings (seeds S to T)", as reports and messages name one. */
  public static String describe(int size, long firstSeed) {
    return String.format(Locale.ROOT, "an ensemble of %d trainings (seeds %d to %d)", size, firstSeed,
        firstSeed + size - 1);
  }

  /** Writes {@code member}'s unit vectors into columns {@code offset..} of the rows of {@code matrix}. */
  private static void addUnitRows(WordVectors member, float[] matrix, int width, int offset) {
    int dimension = member.dimension();
    float[] values = member.matrix();
    for (int row = 0; row < member.size(); row++) {
      UnitVectors.copyUnit(values, row * dimension, dimension, matrix, row * width + offset);
    }
  }

  private static void requireShape(List<String> words, int dimension, WordVectors member, int index) {
    if (member.subwords().isPresent()) {
      throw new IllegalArgumentException("member " + index
          + " has subword vectors, which an ensemble cannot combine");
    }
    if (member.dimension() != dimension) {
      throw new IllegalArgumentException("member " + index + " has " + member.dimension()
          + " dimensions, member 0 has " + dimension);
    }
    if (member.size() != words.size()) {
      throw new IllegalArgumentException("member " + index + " has " + member.size() + " words, member 0 has "
          + words.size());
    }
    for (int row = 0; row < words.size(); row++) {
      if (!member.word(row).equals(words.get(row))) {
        throw new IllegalArgumentException("member " + index + " has '" + member.word(row) + "' at row " + row
            + ", member 0 has '" + words.get(row) + "'");
      }
    }
  }
}

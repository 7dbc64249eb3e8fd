package org.seqnlp.vectors.format;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.seqnlp.io.ArrayLimits;
import org.seqnlp.vectors.WordVectors;

/**
 * Collects words and their vectors while a reader walks a file, so that readers can name the position
 * of a duplicate word (which {@link WordVectors} cannot) and write values straight into the final matrix.
 */
final class WordVectorsBuilder {

  private final int dimension;
  private final List<String> words;
  private final Map<String, Integer> rowByWord;
  private float[] values;

  /**
   * @param expectedWords the exact count when a header gives it (no copy is then made), or a guess
   */
  WordVectorsBuilder(int dimension, int expectedWords) {
    this.dimension = dimension;
    int capacity = Math.max(expectedWords, 1);
    this.words = new ArrayList<>(capacity);
    this.rowByWord = new HashMap<>(capacity * 4 / 3 + 1);
    this.values = new float[Math.multiplyExact(capacity, dimension)];
  }

  int dimension() {
    return dimension;
  }

  int size() {
    return words.size();
  }

  /** The row already holding {@code word}, or -1. */
  int rowOf(String word) {
    Integer row = rowByWord.get(word);
    return row == null ? -1 : row;
  }

  /**
   * Appends a row for {@code word}, which must not be present yet.
   *
   * @return the offset in {@link #values()} where the caller writes the row's {@code dimension} values
   */
  int add(String word) {
    int row = words.size();
    long needed = (long) (row + 1) * dimension;
    if (needed > values.length) {
      if (needed > ArrayLimits.MAX_LENGTH) {
        throw new IllegalStateException("more than " + ArrayLimits.MAX_LENGTH
            + " vector values, the most one Java array holds");
      }
      long grown = Math.max(needed, values.length + (values.length >> 1));
      values = Arrays.copyOf(values, (int) Math.min(grown, ArrayLimits.MAX_LENGTH));
    }
    words.add(word);
    rowByWord.put(word, row);
    return row * dimension;
  }

  /** The array the last {@link #add} offset refers to; it may be replaced by a later add. */
  float[] values() {
    return values;
  }

  WordVectors build() {
    int length = words.size() * dimension;
    float[] matrix = length == values.length ? values : Arrays.copyOf(values, length);
    return new WordVectors(words, dimension, matrix);
  }
}

package org.seqnlp.vectors;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable word-vector space: a vocabulary and one dense float vector per word, stored as a single
 * row-major matrix so that memory is the matrix and little more; and, for a subword model, the vectors
 * of character n-grams that give words outside the vocabulary a vector too ({@link #vectorOf}).
 *
 * <p>Rows keep the order of the file or trainer they came from (word2vec tools write the most frequent
 * word first). Instances are safe to share between threads.
 */
public final class WordVectors {

  private final String[] words;
  private final Map<String, Integer> indexByWord;
  private final int dimension;
  private final float[] matrix;
  private final SubwordVectors subwords;

  /**
   * @param words the vocabulary, one entry per row, without duplicates
   * @param dimension the length of every vector
   * @param matrix {@code words.size() * dimension} values, row-major; taken over, not copied
   */
  public WordVectors(List<String> words, int dimension, float[] matrix) {
    this(words, dimension, matrix, null);
  }

  /**
   * Vectors of a subword model: the rows are the vectors of the vocabulary's words, {@code subwords}
   * give any other word one.
   *
   * @param subwords n-gram vectors of the same dimension, or null for none
   */
  public WordVectors(List<String> words, int dimension, float[] matrix, SubwordVectors subwords) {
    if (dimension <= 0) {
      throw new IllegalArgumentException("dimension must be positive, got " + dimension);
    }
    if (subwords != null && subwords.dimension() != dimension) {
      throw new IllegalArgumentException("subword vectors have " + subwords.dimension() + " dimensions, words "
          + dimension);
    }
    this.subwords = subwords;
    Objects.requireNonNull(matrix, "matrix");
    if ((long) words.size() * dimension != matrix.length) {
      throw new IllegalArgumentException("matrix holds " + matrix.length + " values, expected "
          + words.size() + " words x " + dimension + " dimensions");
    }
    this.words = words.toArray(new String[0]);
    this.dimension = dimension;
    this.matrix = matrix;
    this.indexByWord = new HashMap<>(words.size() * 2);
    for (int i = 0; i < this.words.length; i++) {
      // no text yields an empty token, so it is never looked up, and it would print as a blank neighbour
      if (Objects.requireNonNull(this.words[i], "word").isEmpty()) {
        throw new IllegalArgumentException("an empty word at row " + i);
      }
      if (indexByWord.putIfAbsent(this.words[i], i) != null) {
        throw new IllegalArgumentException("duplicate word '" + this.words[i] + "' at rows "
            + indexByWord.get(this.words[i]) + " and " + i);
      }
    }
  }

  /** Number of words. */
  public int size() {
    return words.length;
  }

  public int dimension() {
    return dimension;
  }

  public String word(int index) {
    return words[index];
  }

  /** The vocabulary in row order, as an unmodifiable copy. */
  public List<String> words() {
    return List.of(words);
  }

  /** Row of {@code word}, or -1 when it is not in the vocabulary. */
  public int indexOf(String word) {
    Integer index = indexByWord.get(word);
    return index == null ? -1 : index;
  }

  public boolean contains(String word) {
    return indexByWord.containsKey(word);
  }

  /** The n-gram vectors of a subword model, if these vectors come from one. */
  public Optional<SubwordVectors> subwords() {
    return Optional.ofNullable(subwords);
  }

  /** These vectors without n-gram vectors: words outside the vocabulary then have none. Shares the rows. */
  public WordVectors withoutSubwords() {
    return subwords == null ? this : new WordVectors(List.of(words), dimension, matrix);
  }

  /**
   * The vector of any word: a copy of its row when the vocabulary holds it, else, in a subword model,
   * the mean of its n-gram vectors; null when neither gives one.
   */
  public float[] vectorOf(String word) {
    int index = indexOf(word);
    if (index >= 0) {
      return vector(index);
    }
    return subwords == null ? null : subwords.vector(word);
  }

  /** Whether every component of row {@code index} is 0: a vector without a direction, which has no neighbours. */
  public boolean isZero(int index) {
    for (int at = index * dimension; at < (index + 1) * dimension; at++) {
      if (matrix[at] != 0) {
        return false;
      }
    }
    return true;
  }

  /** A copy of the vector in row {@code index}. */
  public float[] vector(int index) {
    float[] copy = new float[dimension];
    System.arraycopy(matrix, index * dimension, copy, 0, dimension);
    return copy;
  }

  /** Reads component {@code component} of row {@code index} without copying. */
  public float get(int index, int component) {
    return matrix[index * dimension + component];
  }

  /**
   * The backing row-major matrix, shared, not copied: callers must not modify it. Exposed for
   * search and serialisation loops that cannot afford a copy per row.
   */
  float[] matrix() {
    return matrix;
  }
}

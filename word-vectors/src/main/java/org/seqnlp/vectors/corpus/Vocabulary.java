package org.seqnlp.vectors.corpus;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The words a model is trained on with their corpus counts, most frequent first (ties in order of
 * first appearance), so that word ids double as frequency ranks.
 */
public final class Vocabulary {

  private final String[] words;
  private final long[] counts;
  private final Map<String, Integer> idByWord;

  /**
   * @param words the words, most frequent first
   * @param counts their corpus counts, non-increasing
   */
  public Vocabulary(List<String> words, long[] counts) {
    if (words.size() != counts.length) {
      throw new IllegalArgumentException(words.size() + " words but " + counts.length + " counts");
    }
    for (int i = 1; i < counts.length; i++) {
      if (counts[i] > counts[i - 1]) {
        throw new IllegalArgumentException("counts must not increase: '" + words.get(i) + "' ("
            + counts[i] + ") after '" + words.get(i - 1) + "' (" + counts[i - 1] + ")");
      }
    }
    this.words = words.toArray(new String[0]);
    this.counts = counts.clone();
    this.idByWord = new HashMap<>(words.size() * 2);
    for (int i = 0; i < this.words.length; i++) {
      if (idByWord.putIfAbsent(this.words[i], i) != null) {
        throw new IllegalArgumentException("duplicate word '" + this.words[i] + "'");
      }
    }
  }

  public int size() {
    return words.length;
  }

  public String word(int id) {
    return words[id];
  }

  public long count(int id) {
    return counts[id];
  }

  /** The id (frequency rank) of {@code word}, or -1 when it is not in the vocabulary. */
  public int idOf(String word) {
    Integer id = idByWord.get(word);
    return id == null ? -1 : id;
  }

  /** All words, most frequent first. */
  public List<String> words() {
    return Collections.unmodifiableList(Arrays.asList(words));
  }

  /** The sum of all counts: the number of corpus tokens that are vocabulary words. */
  public long totalCount() {
    long total = 0;
    for (long count : counts) {
      total += count;
    }
    return total;
  }
}

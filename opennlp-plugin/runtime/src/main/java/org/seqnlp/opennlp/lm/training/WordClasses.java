package org.seqnlp.opennlp.lm.training;

import java.util.ArrayList;
import java.util.List;

/**
 * Word classes for a class-factored softmax by Mikolov's binning on the square root of frequency:
 * consecutive ids (most frequent first) fill a class until it holds about 1/classes of the total.
 */
final class WordClasses {

  private WordClasses() {
  }

  /**
   * @param counts occurrences of each id in the training text, ids in frequency order
   * @return {@code classes + 1} starts (fewer classes if very frequent ids fill several shares)
   */
  static int[] starts(long[] counts, int classes) {
    double total = 0;
    for (long count : counts) {
      total += Math.sqrt(count);
    }
    List<Integer> starts = new ArrayList<>(List.of(0));
    double cumulative = 0;
    int current = 0;
    for (int id = 0; id < counts.length; id++) {
      int c = (int) Math.min(classes - 1, Math.floor(cumulative / total * classes));
      if (c > current && id > starts.get(starts.size() - 1)) {
        starts.add(id);
        current = c;
      }
      cumulative += Math.sqrt(counts[id]);
    }
    starts.add(counts.length);
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The classes over the ids of {@code train}, or null for a full softmax (fewer than two classes). */
  static int[] over(int[] train, int vocabularySize, int classes) {
    if (classes <= 1) {
      return null;
    }
    long[] counts = new long[vocabularySize];
    for (int id : train) {
      counts[id]++;
    }
    return starts(counts, classes);
  }
}

package org.seqnlp.opennlp.namefind.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The training sentences in batches of one length each: DL4J's backward LSTM would run through the
 * padding of shorter sentences and learn something the unpadded tagger never computes.
 */
final class LengthBatches {

  private final List<int[]> batches = new ArrayList<>();
  private final Random random;

  /** Sentences of each length are shuffled with {@code random} before they are cut into batches. */
  LengthBatches(List<LabeledSentence> sentences, int batchSize, Random random) {
    this.random = random;
    Map<Integer, List<Integer>> byLength = new TreeMap<>();
    for (int i = 0; i < sentences.size(); i++) {
      byLength.computeIfAbsent(sentences.get(i).length(), length -> new ArrayList<>()).add(i);
    }
    for (List<Integer> bucket : byLength.values()) {
      Collections.shuffle(bucket, random);
      for (int from = 0; from < bucket.size(); from += batchSize) {
        int to = Math.min(bucket.size(), from + batchSize);
        batches.add(bucket.subList(from, to).stream().mapToInt(Integer::intValue).toArray());
      }
    }
  }

  int count() {
    return batches.size();
  }

  /** The batches, as sentence indices, in a new random order (one epoch's). */
  List<int[]> shuffled() {
    Collections.shuffle(batches, random);
    return Collections.unmodifiableList(batches);
  }
}

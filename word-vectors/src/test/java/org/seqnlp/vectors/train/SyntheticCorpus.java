package org.seqnlp.vectors.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.seqnlp.vectors.corpus.EncodedCorpus;
import org.seqnlp.vocabulary.Vocabulary;

/**
 * A generated corpus with two topics: every sentence draws its words from the animals or from the
 * vehicles, plus shared filler words, so a trainer should place words of one topic close together.
 */
final class SyntheticCorpus {

  static final List<String> ANIMALS = List.of("cat", "dog", "horse", "cow", "sheep", "goat", "pig", "duck");
  static final List<String> VEHICLES = List.of("car", "bus", "train", "truck", "bike", "tram", "van", "ship");
  static final List<String> FILLERS = List.of("the", "a", "and", "of");

  private SyntheticCorpus() {
  }

  static EncodedCorpus generate(int sentences, long seed) {
    List<String> words = new ArrayList<>(FILLERS);
    words.addAll(ANIMALS);
    words.addAll(VEHICLES);
    Random random = new Random(seed);
    List<Integer> tokens = new ArrayList<>();
    long[] counts = new long[words.size()];
    for (int s = 0; s < sentences; s++) {
      List<String> topic = random.nextBoolean() ? ANIMALS : VEHICLES;
      for (int i = 0; i < 12; i++) {
        String word = random.nextInt(4) == 0 ? FILLERS.get(random.nextInt(FILLERS.size()))
            : topic.get(random.nextInt(topic.size()));
        int id = words.indexOf(word);
        counts[id]++;
        tokens.add(id);
      }
      tokens.add(EncodedCorpus.SENTENCE_END);
    }
    // Re-rank by count, as an encoded corpus requires.
    Integer[] order = new Integer[words.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Long.compare(counts[b], counts[a]));
    int[] rank = new int[order.length];
    List<String> sorted = new ArrayList<>();
    long[] sortedCounts = new long[order.length];
    for (int r = 0; r < order.length; r++) {
      rank[order[r]] = r;
      sorted.add(words.get(order[r]));
      sortedCounts[r] = counts[order[r]];
    }
    return new EncodedCorpus(Vocabulary.byFrequency(sorted, sortedCounts),
        tokens.stream().mapToInt(id -> id == EncodedCorpus.SENTENCE_END ? id : rank[id]).toArray());
  }
}

package org.seqnlp.vectors.train;

/**
 * The negative-sampling distribution of word2vec: unigram counts raised to the power
 * {@value #POWER}, tabulated so that drawing a word is one array read.
 */
final class NoiseDistribution {

  static final double POWER = 0.75;
  private static final int MAX_TABLE_SIZE = 10_000_000;
  /** Slots per word for small vocabularies, where a full-size table would only cost time. */
  private static final int SLOTS_PER_WORD = 1_000;

  private final int[] table;

  /** A table of 1,000 slots a word, at most 10 million (40 MB; word2vec uses 100 million). */
  NoiseDistribution(long[] counts) {
    this(counts, (int) Math.min(MAX_TABLE_SIZE, (long) SLOTS_PER_WORD * counts.length));
  }

  /** The distribution of words with the corpus counts {@code counts}, in a table of {@code tableSize}. */
  NoiseDistribution(long[] counts, int tableSize) {
    int size = counts.length;
    double total = 0;
    for (int id = 0; id < size; id++) {
      total += Math.pow(counts[id], POWER);
    }
    table = new int[tableSize];
    int id = 0;
    double cumulative = Math.pow(counts[0], POWER) / total;
    for (int slot = 0; slot < tableSize; slot++) {
      table[slot] = id;
      if ((slot + 1) / (double) tableSize > cumulative && id < size - 1) {
        id++;
        cumulative += Math.pow(counts[id], POWER) / total;
      }
    }
  }

  /** The word drawn by random state {@code state}. */
  int sample(long state) {
    return table[FastRandom.below(state, table.length)];
  }

  /** The share of table slots held by {@code id}: its sampling probability. */
  double probability(int id) {
    int slots = 0;
    for (int word : table) {
      if (word == id) {
        slots++;
      }
    }
    return slots / (double) table.length;
  }
}

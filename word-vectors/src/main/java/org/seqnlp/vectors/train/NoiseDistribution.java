package org.seqnlp.vectors.train;

/**
 * The negative-sampling distribution of word2vec, unigram counts raised to the power {@value #POWER},
 * drawn by Walker's alias method: a uniform word, kept or replaced by its alias by a second random
 * number. Two entries of 4 bytes a word, so the tables of a 300,000-word vocabulary stay in cache where
 * the word2vec tool's 100-million-slot table (or a 10-million one) costs a cache miss per draw.
 */
final class NoiseDistribution {

  static final double POWER = 0.75;
  /** Resolution of the keep-or-alias decision: 24 random bits. */
  private static final int COIN_BITS = 24;
  private static final long COIN_SIDES = 1L << COIN_BITS;

  /** Per word, {@code threshold << 32 | alias}: the word is kept when the coin is below the threshold. */
  private final long[] entries;

  /** The distribution of words with the corpus counts {@code counts}. */
  NoiseDistribution(long[] counts) {
    int size = counts.length;
    double total = 0;
    for (long count : counts) {
      total += Math.pow(count, POWER);
    }
    double[] share = new double[size];
    int[] small = new int[size];
    int[] large = new int[size];
    int smalls = 0;
    int larges = 0;
    for (int id = 0; id < size; id++) {
      share[id] = Math.pow(counts[id], POWER) / total * size;
      if (share[id] < 1) {
        small[smalls++] = id;
      } else {
        large[larges++] = id;
      }
    }
    entries = new long[size];
    while (smalls > 0 && larges > 0) {
      int kept = small[--smalls];
      int alias = large[--larges];
      entries[kept] = entry(share[kept], alias);
      share[alias] = share[alias] + share[kept] - 1;
      if (share[alias] < 1) {
        small[smalls++] = alias;
      } else {
        large[larges++] = alias;
      }
    }
    // What is left holds a share of 1 up to rounding: it is always kept.
    while (larges > 0) {
      int id = large[--larges];
      entries[id] = entry(1, id);
    }
    while (smalls > 0) {
      int id = small[--smalls];
      entries[id] = entry(1, id);
    }
  }

  private static long entry(double keep, int alias) {
    return Math.round(keep * COIN_SIDES) << 32 | alias;
  }

  /** The word drawn by random states {@code wordState} (which word) and {@code coinState} (it or its alias). */
  int sample(long wordState, long coinState) {
    int id = FastRandom.below(wordState, entries.length);
    long entry = entries[id];
    return coinState >>> (64 - COIN_BITS) < entry >>> 32 ? id : (int) entry;
  }

  /** The sampling probability of {@code id}. */
  double probability(int id) {
    double slots = 0;
    for (int word = 0; word < entries.length; word++) {
      long keep = entries[word] >>> 32;
      if (word == id) {
        slots += keep;
      }
      if ((int) entries[word] == id) {
        slots += COIN_SIDES - keep;
      }
    }
    return slots / COIN_SIDES / entries.length;
  }
}

package org.seqnlp.vectors.train;

/**
 * The linear congruential generator of the word2vec tool, as static functions on a {@code long} state
 * kept in a local variable of each worker thread: no object, no synchronisation, a multiply and an add
 * per number, which is all the sampling in the training loop needs.
 */
final class FastRandom {

  private static final long MULTIPLIER = 25214903917L;
  private static final long INCREMENT = 11;

  private FastRandom() {
  }

  static long next(long state) {
    return state * MULTIPLIER + INCREMENT;
  }

  /**
   * A number in [0, bound) from the high bits of {@code state} (the low bits of this generator have
   * short periods).
   */
  static int below(long state, int bound) {
    return (int) (((state >>> 16) & 0xFFFFFFFFL) * bound >>> 32);
  }

  /** A number in [0, 1) from the high bits of {@code state}. */
  static float unit(long state) {
    return ((state >>> 40) & 0xFFFFFF) / (float) (1 << 24);
  }
}

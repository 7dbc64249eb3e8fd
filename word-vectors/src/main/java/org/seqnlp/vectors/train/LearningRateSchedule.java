package org.seqnlp.vectors.train;

/**
 * The word2vec learning rate: falls linearly from its start value towards zero over all the words of
 * all epochs, but never below {@link #FLOOR_FRACTION} of the start value.
 */
public final class LearningRateSchedule {

  /** The lowest rate, as a fraction of the start rate (the word2vec tool's value). */
  public static final double FLOOR_FRACTION = 1e-4;

  private final double start;
  private final double totalWords;

  /**
   * @param start the rate at the first word
   * @param totalWords the words processed over the whole training (corpus words times epochs)
   */
  public LearningRateSchedule(double start, long totalWords) {
    if (!(start > 0)) {
      throw new IllegalArgumentException("learning rate must be positive, got " + start);
    }
    this.start = start;
    this.totalWords = totalWords;
  }

  /** The rate after {@code wordsDone} words. */
  public float rate(long wordsDone) {
    double rate = start * (1 - wordsDone / (totalWords + 1));
    return (float) Math.max(rate, start * FLOOR_FRACTION);
  }
}

package org.seqnlp.vectors.train;

import org.seqnlp.settings.SettingRange;
/**
 * Settings of a word2vec training run. {@link #DEFAULTS} are the word2vec tool's recommended skip-gram
 * run: 100 dimensions, window 5, 5 negative samples, subsampling threshold 1e-4, 5 epochs, learning rate
 * 0.025, every processor (up to 256), seed 1. CBOW learns best with a
 * higher rate (0.05): {@link #defaults(Architecture)} gives each architecture its {@link
 * Architecture#defaultLearningRate}. {@link #validate} refuses values outside the ranges below, naming
 * the setting (the constants here) and its range.
 *
 * @param architecture skip-gram or CBOW
 * @param dimension vector length, in [1, 10000]
 * @param window largest distance between a word and its context, in [1, 1000];
 *     each position uses a window drawn uniformly from 1 to this value
 * @param negative noise words per positive example, in [1, {@value #MAX_NEGATIVE}]
 * @param sample subsampling threshold t in [0, 1]: a word of corpus frequency f is kept with probability
 *     {@code (sqrt(f/t) + 1) t/f}; 0 switches subsampling off
 * @param epochs passes over the corpus, in [1, 10000]
 * @param learningRate the start of the linearly decaying rate, in (0, 10]
 * @param threads worker threads (lock-free updates of shared arrays), in [1, 256]
 * @param seed random seed; with one thread the result is a function of corpus, settings, seed and the SIMD width
 *     of the kernels (wider vectors add the sums in another order)
 */
public record Word2VecSettings(Architecture architecture, int dimension, int window, int negative,
    double sample, int epochs, double learningRate, int threads, long seed) {

  public static final String DIMENSION = "Dimension";
  public static final String WINDOW = "Window";
  public static final String NEGATIVE = "Negative";
  public static final String SAMPLE = "Sample";
  public static final String EPOCHS = "Epochs";
  public static final String LEARNING_RATE = "LearningRate";
  public static final String THREADS = "Threads";

  public static final int MAX_NEGATIVE = 1000;

  /** How the context predicts. */
  public enum Architecture {
    /** Each context word predicts the centre word separately. */
    SKIP_GRAM(0.025),
    /** The average of the context predicts the centre word. */
    CBOW(0.05);

    private final double defaultLearningRate;

    Architecture(double defaultLearningRate) {
      this.defaultLearningRate = defaultLearningRate;
    }

    /** The learning rate of {@link Word2VecSettings#defaults(Architecture)}. */
    public double defaultLearningRate() {
      return defaultLearningRate;
    }
  }

  public static final Word2VecSettings DEFAULTS = new Word2VecSettings(Architecture.SKIP_GRAM, 100, 5, 5, 1e-4,
      5, Architecture.SKIP_GRAM.defaultLearningRate(), SettingRange.defaultThreads(), 1);

  /** {@link #DEFAULTS} for {@code architecture}, with its {@link Architecture#defaultLearningRate}. */
  public static Word2VecSettings defaults(Architecture architecture) {
    Word2VecSettings d = DEFAULTS;
    return new Word2VecSettings(architecture, d.dimension, d.window, d.negative, d.sample, d.epochs,
        architecture.defaultLearningRate(), d.threads, d.seed);
  }

  /** These settings with another seed: the members of an ensemble differ only in it. */
  public Word2VecSettings withSeed(long newSeed) {
    return new Word2VecSettings(architecture, dimension, window, negative, sample, epochs, learningRate, threads,
        newSeed);
  }

  /**
   * Checks every setting against its range.
   *
   * @return these settings
   * @throws IllegalArgumentException naming the first setting out of range and the range, e.g.
   *     {@code Window must be in [1, 1000], not 0}
   */
  public Word2VecSettings validate() {
    SettingRange.require(DIMENSION, dimension, 1, SettingRange.MAX_DIMENSION);
    SettingRange.require(WINDOW, window, 1, SettingRange.MAX_WINDOW);
    SettingRange.require(NEGATIVE, negative, 1, MAX_NEGATIVE);
    SettingRange.requireNotNegative(SAMPLE, sample, 1);
    SettingRange.require(EPOCHS, epochs, 1, SettingRange.MAX_EPOCHS);
    SettingRange.requirePositive(LEARNING_RATE, learningRate, SettingRange.MAX_LEARNING_RATE);
    SettingRange.require(THREADS, threads, 1, SettingRange.MAX_THREADS);
    return this;
  }
}

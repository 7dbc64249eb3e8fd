package org.seqnlp.vectors.train;

/**
 * Settings of a word2vec training run. Defaults are those of the word2vec tool's recommended
 * skip-gram run: 100 dimensions, window 5, 5 negative samples, subsampling threshold 1e-4, 5 epochs,
 * learning rate 0.025 (0.05 for CBOW).
 *
 * @param architecture skip-gram or CBOW
 * @param dimension vector length
 * @param window largest distance between a word and its context; each position uses a window drawn
 *     uniformly from 1 to this value
 * @param negative noise words per positive example
 * @param sample subsampling threshold t: a word of corpus frequency f is kept with probability
 *     {@code (sqrt(f/t) + 1) t/f}; 0 switches subsampling off
 * @param epochs passes over the corpus
 * @param learningRate the start of the linearly decaying rate
 * @param threads worker threads (lock-free updates of shared arrays)
 * @param seed random seed; with one thread the result is a function of corpus, settings and seed
 */
public record Word2VecSettings(Architecture architecture, int dimension, int window, int negative,
    double sample, int epochs, double learningRate, int threads, long seed) {

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

    public double defaultLearningRate() {
      return defaultLearningRate;
    }
  }

  public Word2VecSettings {
    requirePositive("dimension", dimension);
    requirePositive("window", window);
    requirePositive("negative", negative);
    requirePositive("epochs", epochs);
    requirePositive("threads", threads);
    if (!(sample >= 0)) {
      throw new IllegalArgumentException("sample must be 0 or more, got " + sample);
    }
    if (!(learningRate > 0)) {
      throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
    }
  }

  private static void requirePositive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }

  /** The defaults for {@code architecture}, one thread, seed 1. */
  public static Word2VecSettings defaults(Architecture architecture) {
    return new Word2VecSettings(architecture, 100, 5, 5, 1e-4, 5,
        architecture.defaultLearningRate(), 1, 1);
  }

  public Word2VecSettings withDimension(int value) {
    return new Word2VecSettings(architecture, value, window, negative, sample, epochs, learningRate,
        threads, seed);
  }

  public Word2VecSettings withWindow(int value) {
    return new Word2VecSettings(architecture, dimension, value, negative, sample, epochs, learningRate,
        threads, seed);
  }

  public Word2VecSettings withNegative(int value) {
    return new Word2VecSettings(architecture, dimension, window, value, sample, epochs, learningRate,
        threads, seed);
  }

  public Word2VecSettings withSample(double value) {
    return new Word2VecSettings(architecture, dimension, window, negative, value, epochs, learningRate,
        threads, seed);
  }

  public Word2VecSettings withEpochs(int value) {
    return new Word2VecSettings(architecture, dimension, window, negative, sample, value, learningRate,
        threads, seed);
  }

  public Word2VecSettings withLearningRate(double value) {
    return new Word2VecSettings(architecture, dimension, window, negative, sample, epochs, value,
        threads, seed);
  }

  public Word2VecSettings withThreads(int value) {
    return new Word2VecSettings(architecture, dimension, window, negative, sample, epochs, learningRate,
        value, seed);
  }

  public Word2VecSettings withSeed(long value) {
    return new Word2VecSettings(architecture, dimension, window, negative, sample, epochs, learningRate,
        threads, value);
  }
}

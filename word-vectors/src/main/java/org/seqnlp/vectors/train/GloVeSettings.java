package org.seqnlp.vectors.train;

/**
 * Settings of a GloVe training run (Pennington et al. 2014). Defaults follow the Stanford tool's demo:
 * window 10, {@code x_max} 100, alpha 0.75, learning rate 0.05, 15 epochs; 100 dimensions.
 *
 * @param dimension vector length
 * @param window co-occurrences are counted up to this distance, weighted 1/distance, both directions
 * @param xMax co-occurrence count at which the weighting function reaches 1
 * @param alpha exponent of the weighting function {@code min(1, (x / xMax)^alpha)}
 * @param epochs passes over the co-occurrence entries
 * @param learningRate AdaGrad's initial step
 * @param threads worker threads (lock-free updates of shared arrays)
 * @param seed random seed for initialisation and the shuffle of the entries
 */
public record GloVeSettings(int dimension, int window, double xMax, double alpha, int epochs,
    double learningRate, int threads, long seed) {

  public GloVeSettings {
    if (dimension <= 0 || window <= 0 || epochs <= 0 || threads <= 0) {
      throw new IllegalArgumentException("dimension, window, epochs and threads must be positive, got "
          + dimension + ", " + window + ", " + epochs + ", " + threads);
    }
    if (!(xMax > 0) || !(alpha > 0) || !(learningRate > 0)) {
      throw new IllegalArgumentException("x_max, alpha and learning rate must be positive, got " + xMax
          + ", " + alpha + ", " + learningRate);
    }
  }

  /** The defaults, one thread, seed 1. */
  public static GloVeSettings defaults() {
    return new GloVeSettings(100, 10, 100, 0.75, 15, 0.05, 1, 1);
  }

  public GloVeSettings withDimension(int value) {
    return new GloVeSettings(value, window, xMax, alpha, epochs, learningRate, threads, seed);
  }

  public GloVeSettings withWindow(int value) {
    return new GloVeSettings(dimension, value, xMax, alpha, epochs, learningRate, threads, seed);
  }

  public GloVeSettings withXMax(double value) {
    return new GloVeSettings(dimension, window, value, alpha, epochs, learningRate, threads, seed);
  }

  public GloVeSettings withEpochs(int value) {
    return new GloVeSettings(dimension, window, xMax, alpha, value, learningRate, threads, seed);
  }

  public GloVeSettings withLearningRate(double value) {
    return new GloVeSettings(dimension, window, xMax, alpha, epochs, value, threads, seed);
  }

  public GloVeSettings withThreads(int value) {
    return new GloVeSettings(dimension, window, xMax, alpha, epochs, learningRate, value, seed);
  }

  public GloVeSettings withSeed(long value) {
    return new GloVeSettings(dimension, window, xMax, alpha, epochs, learningRate, threads, value);
  }
}

package org.seqnlp.vectors.train;

import org.seqnlp.settings.SettingRange;
/**
 * Settings of a GloVe training run (Pennington et al. 2014). {@link #DEFAULTS} follow the paper: window 10,
 * {@code x_max} 100, alpha 0.75; the Stanford tool's learning rate 0.05; 15 epochs; 100 dimensions, every
 * processor (up to 256), seed 1. {@link #validate} refuses values outside
 * the ranges below, naming the setting (the constants here) and its range.
 *
 * @param dimension vector length, in [1, 10000]
 * @param window co-occurrences are counted up to this distance, weighted 1/distance, both directions; in
 *     [1, 1000]
 * @param xMax co-occurrence count at which the weighting function reaches 1, in (0, 1e9]
 * @param alpha exponent of the weighting function {@code min(1, (x / xMax)^alpha)}, in (0, 10]
 * @param epochs passes over the co-occurrence entries, in [1, 10000]
 * @param learningRate AdaGrad's initial step, in (0, 10]
 * @param threads worker threads (lock-free updates of shared arrays), in [1, 256]
 * @param seed random seed for initialisation and the shuffle of the entries
 */
public record GloVeSettings(int dimension, int window, double xMax, double alpha, int epochs,
    double learningRate, int threads, long seed) {

  public static final String DIMENSION = "Dimension";
  public static final String WINDOW = "Window";
  public static final String X_MAX = "XMax";
  public static final String ALPHA = "Alpha";
  public static final String EPOCHS = "Epochs";
  public static final String LEARNING_RATE = "LearningRate";
  public static final String THREADS = "Threads";

  public static final double MAX_X_MAX = 1e9;
  public static final double MAX_ALPHA = 10;

  public static final GloVeSettings DEFAULTS = new GloVeSettings(100, 10, 100, 0.75, 15, 0.05,
      SettingRange.defaultThreads(), 1);

  /**
   * Checks every setting against its range.
   *
   * @return these settings
   * @throws IllegalArgumentException naming the first setting out of range and the range, e.g.
   *     {@code XMax must be in (0, 1000000000], not 0.0}
   */
  public GloVeSettings validate() {
    SettingRange.require(DIMENSION, dimension, 1, SettingRange.MAX_DIMENSION);
    SettingRange.require(WINDOW, window, 1, SettingRange.MAX_WINDOW);
    SettingRange.requirePositive(X_MAX, xMax, MAX_X_MAX);
    SettingRange.requirePositive(ALPHA, alpha, MAX_ALPHA);
    SettingRange.require(EPOCHS, epochs, 1, SettingRange.MAX_EPOCHS);
    SettingRange.requirePositive(LEARNING_RATE, learningRate, SettingRange.MAX_LEARNING_RATE);
    SettingRange.require(THREADS, threads, 1, SettingRange.MAX_THREADS);
    return this;
  }
}

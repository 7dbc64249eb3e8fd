package org.seqnlp.opennlp.namefind.training;

import java.nio.file.Path;
import java.util.List;

/**
 * Hyper-parameters of BiLSTM-CRF training.
 *
 * @param epochs maximum number of passes over the training set
 * @param patience stop after this many epochs without a better development score (0: never stop early)
 * @param batchSize sentences per step; sentences are bucketed by length so batches carry little padding
 * @param wordDimension word embedding size (taken from the word vectors when they are given)
 * @param charDimension character embedding size
 * @param charFilters number of character CNN filters
 * @param maxWordChars characters of a word the CNN sees (longer words keep their first and last halves)
 * @param hidden LSTM size per direction
 * @param learningRate Adam learning rate
 * @param dropout probability of dropping an LSTM input or output unit
 * @param gradientClip L2 norm each layer's gradient is clipped to
 * @param maxVocabulary most words kept (training words first, then the most frequent vector words)
 * @param seed seed of every random choice
 * @param checkpoint where the best network so far is written after every improving epoch (every epoch
 *     without development data), or null
 * @param gazetteers name lists (files or directories, as {@code GazetteerFiles} reads them) whose match
 *     features join the LSTM input; empty for none
 */
public record TrainingSettings(int epochs, int patience, int batchSize, int wordDimension, int charDimension,
    int charFilters, int maxWordChars, int hidden, double learningRate, double dropout, double gradientClip,
    int maxVocabulary, long seed, Path checkpoint, List<Path> gazetteers) {

  public static final TrainingSettings DEFAULTS =
      new TrainingSettings(30, 5, 32, 100, 25, 50, 16, 100, 0.003, 0.5, 5.0, 50_000, 42L, null, List.of());

  public TrainingSettings {
    gazetteers = List.copyOf(gazetteers);
    requirePositive("epochs", epochs);
    requirePositive("batchSize", batchSize);
    requirePositive("wordDimension", wordDimension);
    requirePositive("charDimension", charDimension);
    requirePositive("charFilters", charFilters);
    requirePositive("hidden", hidden);
    requirePositive("maxVocabulary", maxVocabulary);
    if (patience < 0) {
      throw new IllegalArgumentException("patience must not be negative, got " + patience);
    }
    if (maxWordChars < 2) {
      throw new IllegalArgumentException("maxWordChars must be at least 2, got " + maxWordChars);
    }
    if (!(learningRate > 0)) {
      throw new IllegalArgumentException("learningRate must be positive, got " + learningRate);
    }
    if (!(dropout >= 0 && dropout < 1)) {
      throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
    }
    if (!(gradientClip > 0)) {
      throw new IllegalArgumentException("gradientClip must be positive, got " + gradientClip);
    }
  }

  private static void requirePositive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }

  /** A builder starting from these settings. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Settings built field by field from {@link #DEFAULTS}; {@link #build} validates them. */
  public static final class Builder {
    private int epochs;
    private int patience;
    private int batchSize;
    private int wordDimension;
    private int charDimension;
    private int charFilters;
    private int maxWordChars;
    private int hidden;
    private double learningRate;
    private double dropout;
    private double gradientClip;
    private int maxVocabulary;
    private long seed;
    private Path checkpoint;
    private List<Path> gazetteers;

    private Builder(TrainingSettings from) {
      epochs = from.epochs;
      patience = from.patience;
      batchSize = from.batchSize;
      wordDimension = from.wordDimension;
      charDimension = from.charDimension;
      charFilters = from.charFilters;
      maxWordChars = from.maxWordChars;
      hidden = from.hidden;
      learningRate = from.learningRate;
      dropout = from.dropout;
      gradientClip = from.gradientClip;
      maxVocabulary = from.maxVocabulary;
      seed = from.seed;
      checkpoint = from.checkpoint;
      gazetteers = from.gazetteers;
    }

    public Builder epochs(int value) { epochs = value; return this; }
    public Builder patience(int value) { patience = value; return this; }
    public Builder batchSize(int value) { batchSize = value; return this; }
    public Builder wordDimension(int value) { wordDimension = value; return this; }
    public Builder charDimension(int value) { charDimension = value; return this; }
    public Builder charFilters(int value) { charFilters = value; return this; }
    public Builder maxWordChars(int value) { maxWordChars = value; return this; }
    public Builder hidden(int value) { hidden = value; return this; }
    public Builder learningRate(double value) { learningRate = value; return this; }
    public Builder dropout(double value) { dropout = value; return this; }
    public Builder gradientClip(double value) { gradientClip = value; return this; }
    public Builder maxVocabulary(int value) { maxVocabulary = value; return this; }
    public Builder seed(long value) { seed = value; return this; }
    public Builder checkpoint(Path value) { checkpoint = value; return this; }
    public Builder gazetteers(List<Path> value) { gazetteers = value; return this; }

    public TrainingSettings build() {
      return new TrainingSettings(epochs, patience, batchSize, wordDimension, charDimension, charFilters,
          maxWordChars, hidden, learningRate, dropout, gradientClip, maxVocabulary, seed, checkpoint, gazetteers);
    }
  }
}

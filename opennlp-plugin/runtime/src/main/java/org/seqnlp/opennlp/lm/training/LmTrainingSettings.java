package org.seqnlp.opennlp.lm.training;

import static org.seqnlp.opennlp.settings.TypedParameters.choice;
import static org.seqnlp.opennlp.settings.TypedParameters.integer;
import static org.seqnlp.opennlp.settings.TypedParameters.longValue;
import static org.seqnlp.opennlp.settings.TypedParameters.real;
import static org.seqnlp.settings.SettingRange.require;
import static org.seqnlp.settings.SettingRange.requireNotNegative;
import static org.seqnlp.settings.SettingRange.requirePositive;

import java.util.LinkedHashMap;
import java.util.Map;
import opennlp.tools.util.TrainingParameters;
import org.seqnlp.io.ArrayLimits;
import org.seqnlp.opennlp.lm.CellType;
import org.seqnlp.opennlp.lm.LmArchitecture;
import org.seqnlp.opennlp.lm.TokenUnit;
import org.seqnlp.vocabulary.SpecialTokens;
import org.seqnlp.vocabulary.Vocabulary;

/**
 * The settings of language-model training. {@link #DEFAULTS} are Zaremba et al.'s small model: 2 LSTM
 * layers of 200, BPTT 35, batch 20, SGD at 1.0 with global-norm clipping at 5. Read from OpenNLP {@link
 * TrainingParameters} by {@link #from}, whose keys are the constants here; {@link #validate} refuses values
 * outside the ranges below, naming the setting and its range.
 *
 * @param outputClasses word classes of a factored softmax, 0 for the full softmax, or {@link
 *     #AUTO_CLASSES}: the square root of the vocabulary size when it has at least {@value
 *     #AUTO_CLASSES_MIN_VOCABULARY} entries
 * @param dropout probability of dropping a non-recurrent activation (into each layer and the softmax)
 * @param decayStartEpoch first epoch (1-based) after which the learning rate decays every epoch; 0 for
 *     never (Zaremba: 4)
 * @param clipNorm largest global L2 norm of the gradient; 0 turns clipping off
 * @param maxTokens stop after this many training tokens in all (0: no limit), the budget of comparisons
 * @param maxMinutes stop after this many minutes of training (0: no limit)
 * @param cutoff tokens seen fewer times become {@value org.seqnlp.vocabulary.SpecialTokens#UNKNOWN}
 * @param vocabularySize largest vocabulary, end of sentence and unknown included (0: no limit)
 */
public record LmTrainingSettings(TokenUnit unit, CellType cell, int layers, int embeddingSize, int hiddenSize,
    int outputClasses, double dropout, int bpttLength, int batchSize, int threads, double learningRate,
    double learningRateDecay, int decayStartEpoch, double clipNorm, int epochs, int validationsPerEpoch,
    int patience, long maxTokens, double maxMinutes, double checkpointMinutes, int cutoff, int vocabularySize,
    double initScale, long seed) {

  public static final String TOKEN_UNIT = "TokenUnit";
  public static final String CELL = "Cell";
  public static final String LAYERS = "Layers";
  public static final String EMBEDDING_SIZE = "EmbeddingSize";
  public static final String HIDDEN_SIZE = "HiddenSize";
  public static final String OUTPUT_CLASSES = "OutputClasses";
  public static final String DROPOUT = "Dropout";
  public static final String BPTT_LENGTH = "BpttLength";
  public static final String BATCH_SIZE = "BatchSize";
  public static final String THREADS = "Threads";
  public static final String LEARNING_RATE = "LearningRate";
  public static final String LEARNING_RATE_DECAY = "LearningRateDecay";
  public static final String DECAY_START_EPOCH = "DecayStartEpoch";
  public static final String CLIP_NORM = "ClipNorm";
  public static final String EPOCHS = "Epochs";
  public static final String VALIDATIONS_PER_EPOCH = "ValidationsPerEpoch";
  public static final String PATIENCE = "Patience";
  public static final String MAX_TOKENS = "MaxTokens";
  public static final String MAX_MINUTES = "MaxMinutes";
  public static final String CHECKPOINT_MINUTES = "CheckpointMinutes";
  public static final String CUTOFF = TrainingParameters.CUTOFF_PARAM;
  public static final String VOCABULARY_SIZE = "VocabularySize";
  public static final String INIT_SCALE = "InitScale";
  public static final String SEED = "Seed";

  /** {@link #outputClasses} meaning "choose from the vocabulary size"; {@code auto} in the parameters. */
  public static final int AUTO_CLASSES = -1;
  public static final int AUTO_CLASSES_MIN_VOCABULARY = 1000;
  public static final int MAX_WIDTH = LmArchitecture.MAX_WIDTH;
  public static final int MAX_LAYERS = LmArchitecture.MAX_LAYERS;
  public static final int MAX_STEPS = 100_000;
  public static final int MAX_THREADS = 1024;
  public static final int MAX_COUNT = 1_000_000;

  public static final LmTrainingSettings DEFAULTS = new LmTrainingSettings(TokenUnit.WORD, CellType.LSTM, 2,
      200, 200, AUTO_CLASSES, 0.0, 35, 20, Math.min(2, Runtime.getRuntime().availableProcessors()), 1.0, 0.5, 0,
      5.0, 13, 1, 3, 0, 0, 10, 1, 0, 0.1, 1);

  /**
   * The settings of {@code parameters}, each key absent taking its value in {@link #DEFAULTS}; not yet
   * validated.
   *
   * @throws IllegalArgumentException for a value that is not of the setting's type, naming the key
   */
  public static LmTrainingSettings from(TrainingParameters parameters) {
    Map<String, Object> given = parameters.getObjectSettings();
    LmTrainingSettings d = DEFAULTS;
    return new LmTrainingSettings(
        choice(parameters, TOKEN_UNIT, TokenUnit.class, d.unit()),
        choice(parameters, CELL, CellType.class, d.cell()),
        integer(parameters, LAYERS, d.layers()),
        integer(parameters, EMBEDDING_SIZE, d.embeddingSize()),
        integer(parameters, HIDDEN_SIZE, d.hiddenSize()),
        outputClasses(given.get(OUTPUT_CLASSES), d.outputClasses()),
        real(parameters, DROPOUT, d.dropout()),
        integer(parameters, BPTT_LENGTH, d.bpttLength()),
        integer(parameters, BATCH_SIZE, d.batchSize()),
        integer(parameters, THREADS, d.threads()),
        real(parameters, LEARNING_RATE, d.learningRate()),
        real(parameters, LEARNING_RATE_DECAY, d.learningRateDecay()),
        integer(parameters, DECAY_START_EPOCH, d.decayStartEpoch()),
        real(parameters, CLIP_NORM, d.clipNorm()),
        integer(parameters, EPOCHS, d.epochs()),
        integer(parameters, VALIDATIONS_PER_EPOCH, d.validationsPerEpoch()),
        integer(parameters, PATIENCE, d.patience()),
        longValue(parameters, MAX_TOKENS, d.maxTokens()),
        real(parameters, MAX_MINUTES, d.maxMinutes()),
        real(parameters, CHECKPOINT_MINUTES, d.checkpointMinutes()),
        integer(parameters, CUTOFF, d.cutoff()),
        integer(parameters, VOCABULARY_SIZE, d.vocabularySize()),
        real(parameters, INIT_SCALE, d.initScale()),
        longValue(parameters, SEED, d.seed()));
  }

  /** {@code auto} or a whole number, as the parameters and the command line write it. */
  public static int outputClasses(Object value, int otherwise) {
    if (value == null) {
      return otherwise;
    }
    String text = value.toString().trim();
    if (text.equalsIgnoreCase("auto")) {
      return AUTO_CLASSES;
    }
    int classes;
    try {
      classes = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(OUTPUT_CLASSES + " must be auto or a whole number, not " + value, e);
    }
    // A negative number must not pass for auto, whose code it shares.
    if (classes < 0) {
      throw new IllegalArgumentException(OUTPUT_CLASSES + " must be auto or a whole number, not " + value);
    }
    return classes;
  }

  /**
   * Checks every setting against its range.
   *
   * @return these settings
   * @throws IllegalArgumentException naming the first setting out of range and the range, e.g.
   *     {@code BpttLength must be in [1, 100000], not 0}
   */
  public LmTrainingSettings validate() {
    require(LAYERS, layers, 1, MAX_LAYERS);
    require(EMBEDDING_SIZE, embeddingSize, 1, MAX_WIDTH);
    require(HIDDEN_SIZE, hiddenSize, 1, MAX_WIDTH);
    if (outputClasses != AUTO_CLASSES) {
      require(OUTPUT_CLASSES, outputClasses, 0, Integer.MAX_VALUE);
    }
    if (!(dropout >= 0 && dropout < 1)) {
      throw new IllegalArgumentException(DROPOUT + " must be in [0, 1), not " + dropout);
    }
    require(BPTT_LENGTH, bpttLength, 1, MAX_STEPS);
    require(BATCH_SIZE, batchSize, 1, MAX_COUNT);
    long gateValues = (long) bpttLength * batchSize * 4 * hiddenSize;
    if (gateValues > ArrayLimits.MAX_LENGTH) {
      throw new IllegalArgumentException(BPTT_LENGTH + " x " + BATCH_SIZE + " x 4 x " + HIDDEN_SIZE
          + " must be at most " + ArrayLimits.MAX_LENGTH + " (one array of gate values), not " + gateValues);
    }
    require(THREADS, threads, 1, MAX_THREADS);
    requirePositive(LEARNING_RATE, learningRate);
    if (!(learningRateDecay > 0 && learningRateDecay <= 1)) {
      throw new IllegalArgumentException(LEARNING_RATE_DECAY + " must be in (0, 1], not " + learningRateDecay);
    }
    require(DECAY_START_EPOCH, decayStartEpoch, 0, MAX_COUNT);
    requireNotNegative(CLIP_NORM, clipNorm);
    require(EPOCHS, epochs, 1, MAX_COUNT);
    require(VALIDATIONS_PER_EPOCH, validationsPerEpoch, 1, MAX_COUNT);
    require(PATIENCE, patience, 1, MAX_COUNT);
    if (maxTokens < 0) {
      throw new IllegalArgumentException(MAX_TOKENS + " must be in [0, " + Long.MAX_VALUE + "], not " + maxTokens);
    }
    requireNotNegative(MAX_MINUTES, maxMinutes);
    requirePositive(CHECKPOINT_MINUTES, checkpointMinutes);
    require(CUTOFF, cutoff, 1, Integer.MAX_VALUE);
    if (vocabularySize < 0 || vocabularySize > 0 && vocabularySize < Vocabulary.MIN_LIMITED_SIZE) {
      throw new IllegalArgumentException(VOCABULARY_SIZE + " must be 0 (no limit) or at least "
          + Vocabulary.MIN_LIMITED_SIZE + " (" + SpecialTokens.END_OF_SENTENCE + ", " + SpecialTokens.UNKNOWN
          + " and one word), not " + vocabularySize);
    }
    requireNotNegative(INIT_SCALE, initScale);
    return this;
  }

  /** The word classes for a vocabulary of {@code vocabularySize}: 0 or 1 mean the full softmax. */
  int classesFor(int vocabularySize) {
    if (outputClasses == AUTO_CLASSES) {
      return vocabularySize >= AUTO_CLASSES_MIN_VOCABULARY ? (int) Math.round(Math.sqrt(vocabularySize)) : 0;
    }
    if (outputClasses > vocabularySize) {
      throw new IllegalArgumentException(OUTPUT_CLASSES + " must be auto or in [0, " + vocabularySize
          + "] (the vocabulary size), not " + outputClasses);
    }
    return outputClasses;
  }

  /**
   * The settings that fix the network and the order of the data, by key: a checkpoint resumes only if
   * they are unchanged. The budget (epochs, tokens, minutes), patience and threads may change.
   */
  Map<String, String> modelDefining() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put(TOKEN_UNIT, unit.name());
    settings.put(CELL, cell.name());
    settings.put(LAYERS, Integer.toString(layers));
    settings.put(EMBEDDING_SIZE, Integer.toString(embeddingSize));
    settings.put(HIDDEN_SIZE, Integer.toString(hiddenSize));
    settings.put(OUTPUT_CLASSES, outputClasses == AUTO_CLASSES ? "auto" : Integer.toString(outputClasses));
    settings.put(DROPOUT, Double.toString(dropout));
    settings.put(BPTT_LENGTH, Integer.toString(bpttLength));
    settings.put(BATCH_SIZE, Integer.toString(batchSize));
    settings.put(CLIP_NORM, Double.toString(clipNorm));
    settings.put(CUTOFF, Integer.toString(cutoff));
    settings.put(VOCABULARY_SIZE, Integer.toString(vocabularySize));
    settings.put(INIT_SCALE, Double.toString(initScale));
    settings.put(SEED, Long.toString(seed));
    return settings;
  }

  /** Every setting by key, as recorded in a trained model's manifest. */
  Map<String, String> all() {
    Map<String, String> settings = modelDefining();
    settings.put(LEARNING_RATE, Double.toString(learningRate));
    settings.put(LEARNING_RATE_DECAY, Double.toString(learningRateDecay));
    settings.put(DECAY_START_EPOCH, Integer.toString(decayStartEpoch));
    settings.put(THREADS, Integer.toString(threads));
    return settings;
  }
}

package org.seqnlp.opennlp.namefind.training;

import static org.seqnlp.opennlp.settings.TypedParameters.bool;
import static org.seqnlp.opennlp.settings.TypedParameters.integer;
import static org.seqnlp.opennlp.settings.TypedParameters.real;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import opennlp.tools.util.TrainingParameters;
import org.seqnlp.opennlp.namefind.network.BiLstmCrfNetworkFormat;
import org.seqnlp.opennlp.namefind.network.TokenEncoder;
import org.seqnlp.settings.SettingRange;

/**
 * The settings of BiLSTM-CRF training. Read from OpenNLP {@link TrainingParameters} by {@link #from}, whose
 * keys are the constants here, and written back by {@link #parameters}; {@link #validate} refuses values
 * outside the ranges below, naming the setting and its range.
 *
 * @param epochs maximum number of passes over the training set, in [1, {@value #MAX_EPOCHS}]
 * @param patience stop after this many epochs without a better development score (0: never stop early), in
 *     [0, {@value #MAX_EPOCHS}]
 * @param batchSize sentences per step, in [1, {@value #MAX_BATCH_SIZE}]; sentences are bucketed by length so
 *     batches carry no padding
 * @param wordDimension word embedding size (taken from the word vectors when they are given), in [1,
 *     {@value #MAX_WORD_DIMENSION}]
 * @param charDimension character embedding size, in [1, {@value #MAX_CHAR_DIMENSION}]
 * @param charFilters number of character CNN filters, in [1, {@value #MAX_WIDTH}]
 * @param maxWordChars characters of a word the CNN sees (longer words keep their first and last halves), in
 *     [2, {@value #MAX_WORD_WINDOW}]
 * @param hidden LSTM size per direction, in [1, {@value #MAX_WIDTH}]
 * @param learningRate Adam learning rate, in (0, {@value #MAX_LEARNING_RATE}]
 * @param dropout probability of dropping an LSTM input or output unit, in [0, {@value #MAX_DROPOUT}]
 * @param gradientClip L2 norm each layer's gradient is clipped to, in (0, {@value #MAX_GRADIENT_CLIP}]
 * @param maxVocabulary most words kept (training words first, then the most frequent vector words), at least 1
 * @param embeddingBits bits per stored word-embedding value, 32 (floats) or 8 (each row 8-bit integers with a
 *     float scale, a quarter of the size: for vocabularies of several hundred thousand words); the networks
 *     scored on development data, checkpointed and returned are stored so
 * @param seed seed of every random choice
 * @param checkpoint where the best network so far is written after every improving epoch (every epoch
 *     without development data), or null; the run's state goes beside it after every epoch until the run ends, and
 *     the same training started again after an interruption resumes from it ({@link TrainingRunState})
 * @param gazetteers name lists (files or directories, as {@code GazetteerFiles} reads them) whose match
 *     features join the LSTM input; empty for none
 * @param freezeVectors whether the words that start from a word vector keep it through training (only the
 *     embeddings of the other words are learnt), so that training words and the words seen only in the vectors
 *     stay in one space
 * @param averageDecay decay per step of a moving average of the weights, in [0, {@value #MAX_AVERAGE_DECAY}];
 *     when above 0, the average instead of the last step's weights is what each epoch scores on development
 *     data, checkpoints and returns (0: no average)
 * @param sentenceStartCopies probability, in [0, {@value #MAX_SENTENCE_START_COPIES}], that a training sentence is
 *     trained a second time from one of its lower-case words outside names, capitalised, so that a capitalised
 *     common word at a sentence's start is not taken for a name ({@link TrainingCopies}; 0: none)
 * @param lowercaseCopies probability, in [0, {@value #MAX_LOWERCASE_COPIES}], that a training sentence (or
 *     sentence-start copy) that lower-casing changes is trained a second time in lower case, for text that does not
 *     capitalise names ({@link TrainingCopies}; 0: none)
 */
public record TrainingSettings(int epochs, int patience, int batchSize, int wordDimension, int charDimension,
    int charFilters, int maxWordChars, int hidden, double learningRate, double dropout, double gradientClip,
    int maxVocabulary, int embeddingBits, int seed, Path checkpoint, List<Path> gazetteers, boolean freezeVectors,
    double averageDecay, double sentenceStartCopies, double lowercaseCopies) {

  public static final String EPOCHS = "Epochs";
  public static final String PATIENCE = "Patience";
  public static final String BATCH_SIZE = "BatchSize";
  public static final String WORD_DIMENSION = "WordDimension";
  public static final String CHAR_DIMENSION = "CharDimension";
  public static final String CHAR_FILTERS = "CharFilters";
  public static final String MAX_WORD_CHARS = "MaxWordChars";
  public static final String HIDDEN = "Hidden";
  public static final String LEARNING_RATE = "LearningRate";
  public static final String DROPOUT = "Dropout";
  public static final String GRADIENT_CLIP = "GradientClip";
  public static final String MAX_VOCABULARY = "MaxVocabulary";
  public static final String EMBEDDING_BITS = "EmbeddingBits";
  public static final String SEED = "Seed";
  public static final String CHECKPOINT = "Checkpoint";
  /** Paths separated by commas, blanks around them ignored. */
  public static final String GAZETTEERS = "Gazetteers";
  public static final String FREEZE_VECTORS = "FreezeVectors";
  public static final String AVERAGE_DECAY = "AverageDecay";
  public static final String SENTENCE_START_COPIES = "SentenceStartCopies";
  public static final String LOWERCASE_COPIES = "LowercaseCopies";

  public static final int MAX_EPOCHS = 10_000;
  public static final int MAX_BATCH_SIZE = 100_000;
  /** Ten times the largest word-vector size in common use. */
  public static final int MAX_WORD_DIMENSION = 10_000;
  public static final int MAX_CHAR_DIMENSION = 1000;
  /** Units of the LSTM and filters of the CNN: the most a network file may declare. */
  public static final int MAX_WIDTH = BiLstmCrfNetworkFormat.MAX_WIDTH;
  /** The largest {@link #maxWordChars}: the most a network file may declare. */
  public static final int MAX_WORD_WINDOW = BiLstmCrfNetworkFormat.MAX_WORD_CHARS;
  public static final double MAX_LEARNING_RATE = 10;
  public static final double MAX_DROPOUT = 0.95;
  /** A limit this high no longer clips. */
  public static final double MAX_GRADIENT_CLIP = 1e6;
  /** An average over some 10,000 steps: 20 epochs of CoNLL-2003 at the default batch size. */
  public static final double MAX_AVERAGE_DECAY = 0.9999;
  /** Every sentence with a word to start at copied once. */
  public static final double MAX_SENTENCE_START_COPIES = 1;
  /** Every sentence that lower-casing changes copied once. */
  public static final double MAX_LOWERCASE_COPIES = 1;

  /** The training parameters these settings are read from. */
  public static final List<String> KEYS = List.of(EPOCHS, PATIENCE, BATCH_SIZE, WORD_DIMENSION, CHAR_DIMENSION,
      CHAR_FILTERS, MAX_WORD_CHARS, HIDDEN, LEARNING_RATE, DROPOUT, GRADIENT_CLIP, MAX_VOCABULARY, EMBEDDING_BITS, SEED,
      CHECKPOINT, GAZETTEERS, FREEZE_VECTORS, AVERAGE_DECAY, SENTENCE_START_COPIES, LOWERCASE_COPIES);

  public static final TrainingSettings DEFAULTS =
      new TrainingSettings(30, 5, 32, 100, 25, 50, 16, 100, 0.003, 0.5, 5.0, 50_000, 32, 42, null, List.of(),
          false, 0, 0, 0);

  /** Where a run checkpointed to {@code checkpoint} keeps its state until it ends ({@link TrainingRunState}). */
  public static Path runStateOf(Path checkpoint) {
    return TrainingRunState.fileFor(checkpoint);
  }

  public TrainingSettings {
    gazetteers = List.copyOf(gazetteers);
  }

  /**
   * The settings of {@code parameters}, each key absent taking its value in {@link #DEFAULTS}; not yet
   * validated.
   *
   * @throws IllegalArgumentException for a value that is not of the setting's type, naming the key
   */
  public static TrainingSettings from(TrainingParameters parameters) {
    TrainingSettings d = DEFAULTS;
    String checkpoint = parameters.getStringParameter(CHECKPOINT, null);
    return new TrainingSettings(
        integer(parameters, EPOCHS, d.epochs()),
        integer(parameters, PATIENCE, d.patience()),
        integer(parameters, BATCH_SIZE, d.batchSize()),
        integer(parameters, WORD_DIMENSION, d.wordDimension()),
        integer(parameters, CHAR_DIMENSION, d.charDimension()),
        integer(parameters, CHAR_FILTERS, d.charFilters()),
        integer(parameters, MAX_WORD_CHARS, d.maxWordChars()),
        integer(parameters, HIDDEN, d.hidden()),
        real(parameters, LEARNING_RATE, d.learningRate()),
        real(parameters, DROPOUT, d.dropout()),
        real(parameters, GRADIENT_CLIP, d.gradientClip()),
        integer(parameters, MAX_VOCABULARY, d.maxVocabulary()),
        integer(parameters, EMBEDDING_BITS, d.embeddingBits()),
        integer(parameters, SEED, d.seed()),
        checkpoint == null ? null : Path.of(checkpoint),
        paths(parameters.getStringParameter(GAZETTEERS, "")),
        bool(parameters, FREEZE_VECTORS, d.freezeVectors()),
        real(parameters, AVERAGE_DECAY, d.averageDecay()),
        real(parameters, SENTENCE_START_COPIES, d.sentenceStartCopies()),
        real(parameters, LOWERCASE_COPIES, d.lowercaseCopies()));
  }

  /** The paths of a comma-separated list, blanks around them ignored. */
  private static List<Path> paths(String list) {
    List<Path> paths = new ArrayList<>();
    for (String path : list.split(",")) {
      if (!path.isBlank()) {
        paths.add(Path.of(path.strip()));
      }
    }
    return paths;
  }

  /**
   * These settings as training parameters, which {@link #from} reads back unchanged.
   *
   * @throws IllegalArgumentException for a gazetteer path with a comma, which the list cannot carry
   */
  public TrainingParameters parameters() {
    TrainingParameters parameters = new TrainingParameters();
    parameters.put(EPOCHS, epochs);
    parameters.put(PATIENCE, patience);
    parameters.put(BATCH_SIZE, batchSize);
    parameters.put(WORD_DIMENSION, wordDimension);
    parameters.put(CHAR_DIMENSION, charDimension);
    parameters.put(CHAR_FILTERS, charFilters);
    parameters.put(MAX_WORD_CHARS, maxWordChars);
    parameters.put(HIDDEN, hidden);
    parameters.put(LEARNING_RATE, learningRate);
    parameters.put(DROPOUT, dropout);
    parameters.put(GRADIENT_CLIP, gradientClip);
    parameters.put(MAX_VOCABULARY, maxVocabulary);
    parameters.put(EMBEDDING_BITS, embeddingBits);
    parameters.put(SEED, seed);
    if (checkpoint != null) {
      parameters.put(CHECKPOINT, checkpoint.toString());
    }
    for (Path path : gazetteers) {
      if (path.toString().contains(",") || !path.toString().equals(path.toString().strip())) {
        throw new IllegalArgumentException(GAZETTEERS + " cannot pass on " + path
            + ": the list separates paths by commas and ignores blanks around them");
      }
    }
    if (!gazetteers.isEmpty()) {
      parameters.put(GAZETTEERS, gazetteers.stream().map(Path::toString).collect(Collectors.joining(",")));
    }
    parameters.put(FREEZE_VECTORS, freezeVectors);
    parameters.put(AVERAGE_DECAY, averageDecay);
    parameters.put(SENTENCE_START_COPIES, sentenceStartCopies);
    parameters.put(LOWERCASE_COPIES, lowercaseCopies);
    return parameters;
  }

  /**
   * Checks every setting against its range.
   *
   * @return these settings
   * @throws IllegalArgumentException naming the first setting out of range and the range, e.g.
   *     {@code Epochs must be in [1, 10000], not 0}
   */
  public TrainingSettings validate() {
    SettingRange.require(EPOCHS, epochs, 1, MAX_EPOCHS);
    SettingRange.require(PATIENCE, patience, 0, MAX_EPOCHS);
    SettingRange.require(BATCH_SIZE, batchSize, 1, MAX_BATCH_SIZE);
    SettingRange.require(WORD_DIMENSION, wordDimension, 1, MAX_WORD_DIMENSION);
    SettingRange.require(CHAR_DIMENSION, charDimension, 1, MAX_CHAR_DIMENSION);
    SettingRange.require(CHAR_FILTERS, charFilters, 1, MAX_WIDTH);
    SettingRange.require(MAX_WORD_CHARS, maxWordChars, 2, MAX_WORD_WINDOW);
    SettingRange.require(HIDDEN, hidden, 1, MAX_WIDTH);
    SettingRange.requirePositive(LEARNING_RATE, learningRate, MAX_LEARNING_RATE);
    SettingRange.requireNotNegative(DROPOUT, dropout, MAX_DROPOUT);
    SettingRange.requirePositive(GRADIENT_CLIP, gradientClip, MAX_GRADIENT_CLIP);
    SettingRange.requireNotNegative(AVERAGE_DECAY, averageDecay, MAX_AVERAGE_DECAY);
    SettingRange.requireNotNegative(SENTENCE_START_COPIES, sentenceStartCopies, MAX_SENTENCE_START_COPIES);
    SettingRange.requireNotNegative(LOWERCASE_COPIES, lowercaseCopies, MAX_LOWERCASE_COPIES);
    SettingRange.require(MAX_VOCABULARY, maxVocabulary, 1, Integer.MAX_VALUE);
    if (!TokenEncoder.EMBEDDING_BITS.contains(embeddingBits)) {
      throw new IllegalArgumentException(EMBEDDING_BITS + " must be one of " + TokenEncoder.EMBEDDING_BITS + ", not "
          + embeddingBits);
    }
    return this;
  }

}

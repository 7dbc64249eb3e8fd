package org.seqnlp.opennlp.lm;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import opennlp.tools.util.TrainingParameters;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.seqnlp.progress.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a {@link RnnLanguageModel}: embedding, stacked RNN, GRU or LSTM layers, softmax; the training
 * text is one stream (each line a sentence followed by the end-of-sentence token) cut into {@code
 * BatchSize} parallel rows and learnt by truncated backpropagation through time, with gradient clipping by
 * global norm ({@link GlobalNormClipping}). With a validation file, the learning rate is multiplied by
 * {@code LearningRateDecay} whenever validation perplexity (each sentence scored alone, as the finished
 * model scores) does not improve, and after every epoch from {@code DecayStartEpoch} on; training stops
 * after {@code Patience} validations in a row without improvement, and the best model is the result.
 *
 * <p>Two engines compute the network ({@code Engine}): {@code java} ({@link JavaLmNetwork}, the default:
 * all three cells, word classes, several threads) and {@code dl4j} ({@link Dl4jLmNetwork}: RNN and LSTM
 * with a full softmax). On Zaremba et al.'s small model DL4J trains about 700 tokens per second on this
 * project's 2-core machine, 68% of it in the 10,000-way softmax; the plain-Java engine with word classes
 * removes that cost.
 *
 * <p>Given a work directory, training writes a checkpoint there every {@code CheckpointMinutes} and at
 * every validation, and resumes from it when started again with the same settings.
 *
 * <p>Settings are OpenNLP {@link TrainingParameters}; the keys are the constants of this class.
 */
public final class RnnLmTrainer {

  public static final String TOKEN_UNIT = "TokenUnit";
  public static final String CELL = "Cell";
  public static final String LAYERS = "Layers";
  public static final String EMBEDDING_SIZE = "EmbeddingSize";
  public static final String HIDDEN_SIZE = "HiddenSize";
  /** Probability of dropping a non-recurrent activation (into each layer and into the softmax). */
  public static final String DROPOUT = "Dropout";
  public static final String BPTT_LENGTH = "BpttLength";
  public static final String BATCH_SIZE = "BatchSize";
  /** {@code java} or {@code dl4j}. */
  public static final String ENGINE = "Engine";
  /** Threads of the {@code java} engine; rows are split between them. */
  public static final String THREADS = "Threads";
  /**
   * Word classes of a factored softmax: a number, 0 for the full softmax, or {@code auto} for the square
   * root of the vocabulary size when it has at least {@value #AUTO_CLASSES_MIN_VOCABULARY} entries.
   */
  public static final String OUTPUT_CLASSES = "OutputClasses";
  /** {@code sgd} or {@code adam} ({@code dl4j} engine only). */
  public static final String UPDATER = "Updater";
  public static final String LEARNING_RATE = "LearningRate";
  public static final String LEARNING_RATE_DECAY = "LearningRateDecay";
  /** First epoch (1-based) after which the learning rate decays every epoch; 0 for never (Zaremba: 4). */
  public static final String DECAY_START_EPOCH = "DecayStartEpoch";
  /** Largest global L2 norm of the gradient; 0 turns clipping off. */
  public static final String CLIP_NORM = "ClipNorm";
  public static final String EPOCHS = "Epochs";
  public static final String VALIDATIONS_PER_EPOCH = "ValidationsPerEpoch";
  public static final String PATIENCE = "Patience";
  /** Stop after this many training tokens in all (0: no limit), the budget of comparisons. */
  public static final String MAX_TOKENS = "MaxTokens";
  /** Stop after this many minutes of training (0: no limit). */
  public static final String MAX_MINUTES = "MaxMinutes";
  public static final String CHECKPOINT_MINUTES = "CheckpointMinutes";
  /** Vocabulary cut-off: tokens seen fewer times become {@value Vocabulary#UNKNOWN}. */
  public static final String CUTOFF = TrainingParameters.CUTOFF_PARAM;
  /** Largest vocabulary size, {@code <eos>} and {@code <unk>} included (0: no limit). */
  public static final String VOCABULARY_SIZE = "VocabularySize";
  public static final String INIT_SCALE = "InitScale";
  public static final String SEED = "Seed";

  private static final Logger LOG = LoggerFactory.getLogger(RnnLmTrainer.class);
  private static final int AUTO_CLASSES_MIN_VOCABULARY = 1000;
  private static final String CHECKPOINT = "checkpoint.bin";
  private static final String BEST = "best.zip";
  private static final String STATE = "state.properties";
  private static final String VOCABULARY = "vocabulary.txt";
  /** TBPTT segments per {@code fit} call: DL4J resets the recurrent state at every call. */
  private static final int SEGMENTS_PER_FIT = 10;

  private final TrainingParameters parameters;
  private final boolean showProgress;

  public RnnLmTrainer(TrainingParameters parameters, boolean showProgress) {
    this.parameters = withDefaults(parameters);
    this.showProgress = showProgress;
  }

  /** The settings with every missing key set to its default (Zaremba et al.'s small model). */
  public static TrainingParameters withDefaults(TrainingParameters given) {
    TrainingParameters p = new TrainingParameters(given);
    p.putIfAbsent(TOKEN_UNIT, TokenUnit.WORD.name());
    p.putIfAbsent(CELL, CellType.LSTM.name());
    p.putIfAbsent(ENGINE, "java");
    p.putIfAbsent(THREADS, Math.min(2, Runtime.getRuntime().availableProcessors()));
    p.putIfAbsent(OUTPUT_CLASSES, "auto");
    p.putIfAbsent(LAYERS, 2);
    p.putIfAbsent(EMBEDDING_SIZE, 200);
    p.putIfAbsent(HIDDEN_SIZE, 200);
    p.putIfAbsent(DROPOUT, 0.0);
    p.putIfAbsent(BPTT_LENGTH, 35);
    p.putIfAbsent(BATCH_SIZE, 20);
    p.putIfAbsent(UPDATER, "sgd");
    p.putIfAbsent(LEARNING_RATE, 1.0);
    p.putIfAbsent(LEARNING_RATE_DECAY, 0.5);
    p.putIfAbsent(DECAY_START_EPOCH, 0);
    p.putIfAbsent(CLIP_NORM, 5.0);
    p.putIfAbsent(EPOCHS, 13);
    p.putIfAbsent(VALIDATIONS_PER_EPOCH, 1);
    p.putIfAbsent(PATIENCE, 3);
    p.putIfAbsent(MAX_TOKENS, 0);
    p.putIfAbsent(MAX_MINUTES, 0);
    p.putIfAbsent(CHECKPOINT_MINUTES, 10);
    p.putIfAbsent(CUTOFF, 1);
    p.putIfAbsent(VOCABULARY_SIZE, 0);
    p.putIfAbsent(INIT_SCALE, 0.1);
    p.putIfAbsent(SEED, 1);
    return p;
  }

  /** The settings that fix the network and the data order: a checkpoint resumes only if they match. */
  private static final List<String> MODEL_KEYS = List.of(ENGINE, TOKEN_UNIT, CELL, LAYERS, EMBEDDING_SIZE,
      HIDDEN_SIZE, OUTPUT_CLASSES, DROPOUT, BPTT_LENGTH, BATCH_SIZE, UPDATER, CLIP_NORM, CUTOFF,
      VOCABULARY_SIZE, INIT_SCALE, SEED);

  /**
   * Trains on {@code trainFile}.
   *
   * @param validationFile sentences for early stopping and learning-rate decay, or null
   * @param workDirectory where checkpoints go and are resumed from, or null for none
   */
  public RnnLanguageModel train(Path trainFile, Path validationFile, Path workDirectory) throws IOException {
    checkNumbers();
    TokenUnit unit = TokenUnit.valueOf(text(TOKEN_UNIT));
    List<List<String>> trainSentences = SentenceFile.read(trainFile, unit);
    Path vocabularyFile = workDirectory == null ? null : workDirectory.resolve(VOCABULARY);
    Vocabulary vocabulary = vocabularyFile != null && Files.exists(vocabularyFile)
        ? readVocabulary(vocabularyFile)
        : Vocabulary.build(countTokens(trainSentences), integer(CUTOFF), integer(VOCABULARY_SIZE));
    int[] train = SentenceFile.encode(trainSentences, vocabulary);
    int[] classStarts = classStarts(train, vocabulary.size());
    LmArchitecture architecture = new LmArchitecture(unit, CellType.valueOf(text(CELL)),
        integer(LAYERS), integer(EMBEDDING_SIZE), integer(HIDDEN_SIZE),
        classStarts == null ? 0 : classStarts.length - 1);
    int[][] validation = validationFile == null ? null
        : encodeSentences(SentenceFile.read(validationFile, unit), vocabulary);
    int batchSize = integer(BATCH_SIZE);
    if (train.length < 2 * batchSize) {
      throw new IllegalArgumentException(trainFile + ": " + train.length + " tokens are too few for "
          + batchSize + " rows of training");
    }
    Map<String, String> info = new LinkedHashMap<>();
    info.put("Data", trainFile.getFileName().toString());
    info.put("Tokens", Integer.toString(train.length));
    for (String key : MODEL_KEYS) {
      info.put(key, text(key));
    }
    info.put(LEARNING_RATE, text(LEARNING_RATE));
    info.put(LEARNING_RATE_DECAY, text(LEARNING_RATE_DECAY));
    info.put(DECAY_START_EPOCH, text(DECAY_START_EPOCH));
    info.put(THREADS, text(THREADS));
    GlobalNormClipping clipping = new GlobalNormClipping(real(CLIP_NORM));
    try (LmNetwork network = newNetwork(architecture, vocabulary.size(), classStarts, clipping)) {
      Run run = new Run(network, clipping, vocabulary, train, validation, workDirectory, info);
      run.start();
      info.putAll(run.facts());
      return run.best().withTrainingInfo(info);
    }
  }

  /** Fails on a numeric setting that is not a number before any data is read. */
  private void checkNumbers() {
    for (String key : List.of(LAYERS, EMBEDDING_SIZE, HIDDEN_SIZE, BPTT_LENGTH, BATCH_SIZE, EPOCHS,
        VALIDATIONS_PER_EPOCH, PATIENCE, MAX_TOKENS, CUTOFF, VOCABULARY_SIZE, SEED, THREADS,
        DECAY_START_EPOCH)) {
      integer(key);
    }
    for (String key : List.of(DROPOUT, LEARNING_RATE, LEARNING_RATE_DECAY, CLIP_NORM, MAX_MINUTES, CHECKPOINT_MINUTES,
        INIT_SCALE)) {
      real(key);
    }
  }

  /** Each sentence's ids followed by the end-of-sentence id, as the model scores sentences alone. */
  static int[][] encodeSentences(List<List<String>> sentences, Vocabulary vocabulary) {
    int[][] encoded = new int[sentences.size()][];
    for (int s = 0; s < encoded.length; s++) {
      encoded[s] = SentenceFile.encode(List.of(sentences.get(s)), vocabulary);
    }
    return encoded;
  }

  /** The word classes the settings ask for over {@code train}, or null for a full softmax. */
  private int[] classStarts(int[] train, int vocabularySize) {
    String setting = text(OUTPUT_CLASSES).trim().toLowerCase(Locale.ROOT);
    int classes;
    if (setting.equals("auto")) {
      classes = vocabularySize >= AUTO_CLASSES_MIN_VOCABULARY && !text(ENGINE).equals("dl4j")
          ? (int) Math.round(Math.sqrt(vocabularySize)) : 0;
    } else {
      classes = integer(OUTPUT_CLASSES);
      if (classes < 0 || classes > vocabularySize) {
        throw new IllegalArgumentException(OUTPUT_CLASSES + " must be auto or between 0 and the vocabulary size "
            + vocabularySize + ", not " + setting);
      }
    }
    if (classes <= 1) {
      return null;
    }
    long[] counts = new long[vocabularySize];
    for (int id : train) {
      counts[id]++;
    }
    return JavaLmNetwork.classStarts(counts, classes);
  }

  /** The network the settings ask for, with fresh weights. */
  LmNetwork newNetwork(LmArchitecture architecture, int vocabularySize, int[] classStarts,
      GlobalNormClipping clipping) {
    double dropout = real(DROPOUT);
    if (dropout < 0 || dropout >= 1) {
      throw new IllegalArgumentException(DROPOUT + " must be in [0, 1), not " + dropout);
    }
    return switch (text(ENGINE).toLowerCase(Locale.ROOT)) {
      case "java" -> {
        if (!text(UPDATER).equalsIgnoreCase("sgd")) {
          throw new IllegalArgumentException("the java engine trains with sgd only, not " + UPDATER + "="
              + text(UPDATER) + "; use Engine=dl4j for adam");
        }
        int threads = integer(THREADS);
        if (threads < 1) {
          throw new IllegalArgumentException(THREADS + " must be at least 1, not " + threads);
        }
        yield new JavaLmNetwork(architecture, vocabularySize, classStarts, dropout, integer(BPTT_LENGTH),
            real(INIT_SCALE), integer(SEED), threads, real(LEARNING_RATE), clipping);
      }
      case "dl4j" -> new Dl4jLmNetwork(architecture, vocabularySize, dropout, integer(BPTT_LENGTH),
          real(INIT_SCALE), integer(SEED), updater(real(LEARNING_RATE)), clipping);
      default -> throw new IllegalArgumentException(ENGINE + " must be java or dl4j, not " + text(ENGINE));
    };
  }

  private static Vocabulary readVocabulary(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return Vocabulary.read(in, file.toString());
    }
  }

  static Map<String, Long> countTokens(List<List<String>> sentences) {
    Map<String, Long> counts = new HashMap<>();
    for (List<String> sentence : sentences) {
      for (String token : sentence) {
        counts.merge(token, 1L, Long::sum);
      }
    }
    return counts;
  }

  private IUpdater updater(double learningRate) {
    return switch (text(UPDATER).toLowerCase(Locale.ROOT)) {
      case "sgd" -> new Sgd(learningRate);
      case "adam" -> new Adam(learningRate);
      default -> throw new IllegalArgumentException(UPDATER + " must be sgd or adam, not " + text(UPDATER));
    };
  }

  /** The setting as text, whether it was put as a string or a number. */
  private String text(String key) {
    return String.valueOf(parameters.getObjectSettings().get(key));
  }

  private int integer(String key) {
    try {
      return Integer.parseInt(text(key));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be an integer, not " + text(key), e);
    }
  }

  private double real(String key) {
    try {
      return Double.parseDouble(text(key));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a number, not " + text(key), e);
    }
  }

  /** One training run: the network, where it is in the data, and the bookkeeping to resume it. */
  private final class Run {
    private final LmNetwork network;
    private final GlobalNormClipping clipping;
    private final Vocabulary vocabulary;
    private final int[] train;
    private final int[][] validation;
    private final Path workDirectory;
    private final Map<String, String> info;
    private final int rows = integer(BATCH_SIZE);
    private final int rowLength;
    private RnnLanguageModel best;
    private int epoch;
    private int position;
    private int badValidations;
    private double learningRate = real(LEARNING_RATE);
    private double bestPerplexity = Double.POSITIVE_INFINITY;
    private long tokensTrained;
    private long tokensAtLastValidation = -1;
    private double trainingSeconds;
    /** CPU time of the process while training (all its threads): on a shared machine a steadier measure
     * of cost than wall time. */
    private double trainingCpuSeconds;
    private String history = "";
    private String stopReason = "epochs done";

    Run(LmNetwork network, GlobalNormClipping clipping, Vocabulary vocabulary, int[] train, int[][] validation,
        Path workDirectory, Map<String, String> info) {
      this.network = network;
      this.clipping = clipping;
      this.vocabulary = vocabulary;
      this.train = train;
      this.validation = validation;
      this.workDirectory = workDirectory;
      this.info = info;
      this.rowLength = (train.length - 1) / rows;
    }

    void start() throws IOException {
      if (workDirectory != null) {
        Files.createDirectories(workDirectory);
      }
      if (workDirectory != null && Files.exists(workDirectory.resolve(STATE))) {
        resume();
      }
      int epochs = integer(EPOCHS);
      long maxTokens = integer(MAX_TOKENS);
      double maxSeconds = real(MAX_MINUTES) * 60;
      double checkpointSeconds = real(CHECKPOINT_MINUTES) * 60;
      int decayStart = integer(DECAY_START_EPOCH);
      int fitLength = SEGMENTS_PER_FIT * integer(BPTT_LENGTH);
      int validationEvery = Math.max(1, rowLength / integer(VALIDATIONS_PER_EPOCH));
      long plannedTokens = maxTokens > 0 ? maxTokens : (long) epochs * rowLength * rows;
      double lastCheckpoint = trainingSeconds;
      try (Progress progress = showProgress ? Progress.start("training " + text(CELL) + " language model",
          plannedTokens, "tokens") : Progress.silent("training", plannedTokens, "tokens")) {
        progress.advance(tokensTrained);
        training:
        while (epoch < epochs) {
          while (position < rowLength) {
            // checked before fitting, so that a run resumed with its budget spent only writes the model
            if (maxTokens > 0 && tokensTrained >= maxTokens) {
              stopReason = "token budget reached";
              break training;
            }
            if (maxSeconds > 0 && trainingSeconds >= maxSeconds) {
              stopReason = "time budget reached";
              break training;
            }
            int length = Math.min(fitLength, rowLength - position);
            long started = System.nanoTime();
            long startedCpu = processCpuNanos();
            network.fit(train, rows, position, length);
            trainingSeconds += (System.nanoTime() - started) / 1e9;
            trainingCpuSeconds += (processCpuNanos() - startedCpu) / 1e9;
            int previous = position;
            position += length;
            tokensTrained += (long) length * rows;
            progress.advance((long) length * rows);
            boolean validate = validation != null
                && (position / validationEvery > previous / validationEvery || position == rowLength);
            if (validate && !validateAndDecay()) {
              stopReason = "early stopping: no improvement in " + badValidations + " validations";
              break training;
            }
            if (validate || trainingSeconds - lastCheckpoint >= checkpointSeconds) {
              checkpoint();
              lastCheckpoint = trainingSeconds;
            }
          }
          epoch++;
          position = 0;
          if (decayStart > 0 && epoch >= decayStart && epoch < epochs) {
            setLearningRate(learningRate * real(LEARNING_RATE_DECAY));
          }
        }
      }
      if (validation != null && tokensTrained != tokensAtLastValidation) {
        validateAndDecay();
      }
      checkpoint();
      LOG.info("stopped: {}; {} tokens in {} s ({} tokens/s)", stopReason, tokensTrained,
          Math.round(trainingSeconds), Math.round(tokensTrained / trainingSeconds));
    }

    private void setLearningRate(double rate) {
      learningRate = rate;
      network.setLearningRate(rate);
    }

    /** Measures validation perplexity; returns false when training should stop. */
    private boolean validateAndDecay() throws IOException {
      RnnLanguageModel current = network.toLanguageModel(vocabulary, info);
      double perplexity = current.perplexityOfEncoded(validation).value();
      tokensAtLastValidation = tokensTrained;
      double epochs = epoch + (double) position / rowLength;
      String entry = String.format(Locale.ROOT, "%.2f:%.2f", epochs, perplexity);
      history = history.isEmpty() ? entry : history + " " + entry;
      LOG.info("epoch {}: validation perplexity {} (learning rate {})", String.format(Locale.ROOT, "%.2f",
          epochs), String.format(Locale.ROOT, "%.2f", perplexity), learningRate);
      if (perplexity < bestPerplexity) {
        bestPerplexity = perplexity;
        badValidations = 0;
        best = current;
        if (workDirectory != null) {
          best.save(workDirectory.resolve(BEST));
        }
        return true;
      }
      badValidations++;
      setLearningRate(learningRate * real(LEARNING_RATE_DECAY));
      return badValidations < integer(PATIENCE);
    }

    private void checkpoint() throws IOException {
      if (workDirectory == null) {
        return;
      }
      Path vocabularyFile = workDirectory.resolve(VOCABULARY);
      if (!Files.exists(vocabularyFile)) {
        try (OutputStream out = Files.newOutputStream(vocabularyFile)) {
          vocabulary.write(out);
        }
      }
      Path temporary = workDirectory.resolve(CHECKPOINT + ".tmp");
      network.saveCheckpoint(temporary);
      Files.move(temporary, workDirectory.resolve(CHECKPOINT), StandardCopyOption.REPLACE_EXISTING);
      Properties state = new Properties();
      for (String key : MODEL_KEYS) {
        state.setProperty(key, text(key));
      }
      state.setProperty("epoch", Integer.toString(epoch));
      state.setProperty("position", Integer.toString(position));
      state.setProperty("badValidations", Integer.toString(badValidations));
      state.setProperty("learningRate", Double.toString(learningRate));
      state.setProperty("bestPerplexity", Double.toString(bestPerplexity));
      state.setProperty("tokensTrained", Long.toString(tokensTrained));
      state.setProperty("trainingSeconds", Double.toString(trainingSeconds));
      state.setProperty("trainingCpuSeconds", Double.toString(trainingCpuSeconds));
      state.setProperty("history", history);
      state.setProperty("tokensAtLastValidation", Long.toString(tokensAtLastValidation));
      clipping.save(state);
      try (OutputStream out = Files.newOutputStream(workDirectory.resolve(STATE))) {
        state.store(out, "language-model training checkpoint");
      }
    }

    private void resume() throws IOException {
      Properties state = new Properties();
      try (InputStream in = Files.newInputStream(workDirectory.resolve(STATE))) {
        state.load(in);
      }
      for (String key : MODEL_KEYS) {
        if (!text(key).equals(state.getProperty(key))) {
          throw new IllegalArgumentException(workDirectory + " holds a checkpoint trained with " + key + "="
              + state.getProperty(key) + ", not " + text(key) + ": use another work directory");
        }
      }
      network.restoreCheckpoint(workDirectory.resolve(CHECKPOINT));
      Path bestFile = workDirectory.resolve(BEST);
      best = Files.exists(bestFile) ? RnnLanguageModel.load(bestFile) : null;
      epoch = Integer.parseInt(state.getProperty("epoch"));
      position = Integer.parseInt(state.getProperty("position"));
      badValidations = Integer.parseInt(state.getProperty("badValidations"));
      bestPerplexity = Double.parseDouble(state.getProperty("bestPerplexity"));
      tokensTrained = Long.parseLong(state.getProperty("tokensTrained"));
      trainingSeconds = Double.parseDouble(state.getProperty("trainingSeconds"));
      trainingCpuSeconds = Double.parseDouble(state.getProperty("trainingCpuSeconds"));
      history = state.getProperty("history", "");
      tokensAtLastValidation = Long.parseLong(state.getProperty("tokensAtLastValidation", "-1"));
      clipping.restore(state);
      setLearningRate(Double.parseDouble(state.getProperty("learningRate")));
      LOG.info("resuming from {} at epoch {}, {} tokens trained", workDirectory, epoch, tokensTrained);
    }

    /** The model of the best validation, or the last weights without validation. */
    RnnLanguageModel best() {
      return best != null ? best : network.toLanguageModel(vocabulary, info);
    }

    Map<String, String> facts() {
      Map<String, String> facts = new LinkedHashMap<>();
      facts.put("Tokens-Trained", Long.toString(tokensTrained));
      facts.put("Epochs-Trained", String.format(Locale.ROOT, "%.2f", (double) tokensTrained / (rowLength * rows)));
      facts.put("Training-Seconds", Long.toString(Math.round(trainingSeconds)));
      facts.put("Tokens-Per-Second", Long.toString(Math.round(tokensTrained / Math.max(trainingSeconds, 1e-9))));
      facts.put("Tokens-Per-Cpu-Second", Long.toString(Math.round(tokensTrained / Math.max(trainingCpuSeconds,
          1e-9))));
      facts.put("Stop-Reason", stopReason);
      facts.put("Gradient-Norm-Mean", String.format(Locale.ROOT, "%.3f", clipping.meanNorm()));
      facts.put("Gradient-Norm-Max", String.format(Locale.ROOT, "%.3f", clipping.largestNorm()));
      facts.put("Clipped-Steps", clipping.clipped() + "/" + clipping.steps());
      if (validation != null) {
        facts.put("Validation-Perplexity", String.format(Locale.ROOT, "%.2f", bestPerplexity));
        facts.put("Validation-History", history);
      }
      return facts;
    }
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
